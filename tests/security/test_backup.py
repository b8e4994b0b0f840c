"""`make backup` / `make restore` round-trip the database (PostgreSQL in the CI's second run)."""

import sqlite3

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from meetings.models import Group


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_round_trips_the_database_in_use(tmp_path, capsys):
    if connection.vendor == "sqlite":
        pytest.skip("the in-memory SQLite test database has no file; see the file test below")
    Group.objects.create(code="CEPT", name="CEPT", kind="regional", origin_code="ECP")
    call_command("backup_db", output=tmp_path)
    dump = next(tmp_path.glob("itu_tracker-*.dump"))
    Group.objects.all().delete()
    Group.objects.create(code="LATE", name="Written after the backup", kind="other")
    call_command("restore_db", dump)
    assert sorted(Group.objects.values_list("code", flat=True)) == ["CEPT"]
    assert Group.history.filter(code="CEPT", history_type="+").exists()


def test_it_round_trips_a_sqlite_file(tmp_path):
    live = tmp_path / "live.sqlite3"
    with sqlite3.connect(live) as db:
        db.execute("CREATE TABLE t (v TEXT)")
        db.execute("INSERT INTO t VALUES ('before')")
    url = f"sqlite:///{live}"
    call_command("backup_db", output=tmp_path / "backups", database_url=url)
    with sqlite3.connect(live) as db:
        db.execute("UPDATE t SET v = 'after'")
    dump = next((tmp_path / "backups").glob("*.dump"))
    call_command("restore_db", dump, database_url=url)
    with sqlite3.connect(live) as db:
        assert db.execute("SELECT v FROM t").fetchall() == [("before",)]


def test_it_refuses_to_restore_an_empty_file(tmp_path):
    empty = tmp_path / "empty.dump"
    empty.write_bytes(b"")
    with pytest.raises(CommandError, match="missing or empty"):
        call_command("restore_db", empty, database_url=f"sqlite:///{tmp_path / 'x.sqlite3'}")
