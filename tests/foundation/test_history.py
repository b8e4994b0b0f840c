"""Every write path records who changed what (django-simple-history)."""

import pytest
from simple_history.utils import bulk_create_with_history, update_change_reason

from meetings.models import Group
from resolutions.models import Resolution

pytestmark = pytest.mark.django_db


def test_create_update_delete_are_recorded_with_the_acting_user(admin_user):
    group = Group(code="CEPT", name="CEPT", kind=Group.Kind.REGIONAL, origin_code="ECP")
    group._history_user = admin_user
    group.save()
    group.name = "European Conference of Postal and Telecommunications Administrations"
    group._history_user = admin_user
    group.save()
    update_change_reason(group, "full name")
    group._history_user = admin_user
    group.delete()
    records = list(Group.history.filter(code="CEPT").order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~", "-"]
    assert {r.history_user for r in records} == {admin_user}
    assert records[1].history_change_reason == "full name"


def test_bulk_creation_writes_history_rows(admin_user):
    rows = [Resolution(assembly="pp", number=str(n), title=f"Res {n}") for n in range(1, 6)]
    bulk_create_with_history(rows, Resolution, default_user=admin_user)
    assert Resolution.history.filter(history_type="+").count() == 5
    assert set(Resolution.history.values_list("history_user", flat=True)) == {admin_user.pk}


def test_admin_edits_record_the_logged_in_user(client, admin_user, apt):
    client.force_login(admin_user)
    response = client.post(
        f"/admin/meetings/group/{apt.pk}/change/",
        {
            "code": "APT",
            "name": "APT renamed",
            "name_fr": "",
            "kind": "regional",
            "origin_code": "ACP",
        },
    )
    assert response.status_code == 302
    latest = apt.history.latest()
    assert latest.name == "APT renamed"
    assert latest.history_user == admin_user
