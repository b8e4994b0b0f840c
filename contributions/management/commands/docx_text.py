"""``manage.py docx_text PATH --version old|new``: the importer's Word reader on its own.

Prints the text with every tracked change rejected (old) or accepted (new), one paragraph a line,
so any Word file can be checked against Word's own Reject All / Accept All.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from contributions.readers import Limits, ReadError, docx_text


class Command(BaseCommand):
    help = "Print a .docx's text with its tracked changes rejected (old) or accepted (new)."

    def add_base_argument(self, parser, *args, **kwargs):
        # Here --version picks the text to print; Django's own --version would clash with it.
        if "--version" not in args:
            super().add_base_argument(parser, *args, **kwargs)

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="the .docx file")
        parser.add_argument(
            "--version",
            choices=("old", "new"),
            default="new",
            help="old: every change rejected; new: every change accepted (default)",
        )

    def handle(self, *args, path: Path, version: str, **options):
        limits = Limits(max_bytes=settings.ITU_TRACKER_IMPORT_MAX_BYTES)
        try:
            self.stdout.write(docx_text(path.read_bytes(), version, limits))
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from exc
        except ReadError as exc:
            raise CommandError(f"{path}: {exc}") from exc
