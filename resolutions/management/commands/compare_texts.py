"""python manage.py compare_texts OLD NEW [--lang en|fr|es] [--format json|text] [--flags]"""

from __future__ import annotations

import importlib
import importlib.util

from django.core.management.base import BaseCommand, CommandError

from resolutions.text import ParseError, compare, parse
from resolutions.text.serialize import comparison_to_dict, text_report, to_json

from ._textio import add_common_arguments, plain, read_text

FLAGS_MODULE = "resolutions.text.flags"


class Command(BaseCommand):
    help = "Compare two texts of a resolution clause by clause (JSON on stdout)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("old", help="UTF-8 text file of the earlier text")
        parser.add_argument("new", help="UTF-8 text file of the later text")
        add_common_arguments(parser)
        parser.add_argument(
            "--flags",
            action="store_true",
            help="add mandate-expansion flags when available",
        )

    def handle(
        self, *args, old: str, new: str, lang, format: str, flags: bool, **options
    ):
        docs = []
        for path in (old, new):
            try:
                docs.append(parse(read_text(path), lang))
            except ParseError as error:
                raise CommandError(f"{path}: {error}") from error
        comparison = compare(*docs)
        found = _flags(comparison) if flags else None
        if flags and found is None:
            self.stderr.write(
                f"--flags: {FLAGS_MODULE} is not available; no flags computed"
            )
        if format == "json":
            data = comparison_to_dict(comparison)
            if found is not None:
                data["flags"] = plain(found)
            self.stdout.write(to_json(data))
        else:
            report = text_report(comparison).rstrip("\n")
            if found is not None:
                report += "\n\nFlags:\n" + to_json({"flags": plain(found)})
            self.stdout.write(report)


def _flags(comparison):
    """flag_comparison(comparison) from the flags module, or None while it does not exist."""
    if importlib.util.find_spec(FLAGS_MODULE) is None:
        return None
    return importlib.import_module(FLAGS_MODULE).flag_comparison(comparison)
