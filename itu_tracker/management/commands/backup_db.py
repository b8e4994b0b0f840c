from datetime import UTC, datetime
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from itu_tracker.backup import BackupError, backup
from itu_tracker.management.commands._database import current_database_url


class Command(BaseCommand):
    help = "Write a full backup of the database (pg_dump custom format, or a SQLite copy)."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=Path("backups"))
        parser.add_argument("--database-url", default=None)

    def handle(self, *args, output: Path, database_url: str | None, **options):
        url = database_url or current_database_url()
        output.mkdir(parents=True, exist_ok=True)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        try:
            path = backup(url, output / f"itu_tracker-{stamp}.dump")
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(str(path))
