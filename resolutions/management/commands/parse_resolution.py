"""python manage.py parse_resolution PATH [--lang en|fr|es] [--format json|text]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from resolutions.text import ParseError
from resolutions.text.cli import parse_json, parse_report
from resolutions.text.serialize import to_json

from ._textio import add_common_arguments, read_text


class Command(BaseCommand):
    help = "Parse a resolution text into sections and clauses (JSON on stdout)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", help="UTF-8 text file of one resolution")
        add_common_arguments(parser)

    def handle(
        self, *args, path: str, lang: str | None, format: str, **options
    ) -> None:
        text = read_text(path)
        try:
            output = (
                to_json(parse_json(text, lang))
                if format == "json"
                else parse_report(text, lang)
            )
        except ParseError as error:
            raise CommandError(f"{path}: {error}") from error
        self.stdout.write(output.rstrip("\n"))
