from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from itu_tracker.backup import BackupError, restore
from itu_tracker.management.commands._database import current_database_url


class Command(BaseCommand):
    help = "Replace the database's contents with a backup written by backup_db."

    def add_arguments(self, parser):
        parser.add_argument("backup", type=Path)
        parser.add_argument("--database-url", default=None)

    def handle(self, *args, backup: Path, database_url: str | None, **options):
        url = database_url or current_database_url()
        connections.close_all()  # pg_restore --clean drops tables this process may hold open
        try:
            restore(url, backup)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(f"restored {backup}")
