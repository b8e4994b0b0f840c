"""python manage.py compare_texts OLD NEW [--lang en|fr|es] [--format json|text] [--flags]"""

from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError

from resolutions.text import ParseError, compare, parse
from resolutions.text.flags import flag_comparison
from resolutions.text.serialize import comparison_to_dict, text_report, to_json

from ._textio import add_common_arguments, read_text


class Command(BaseCommand):
    help = "Compare two texts of a resolution clause by clause (JSON on stdout)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("old", help="UTF-8 text file of the earlier text")
        parser.add_argument("new", help="UTF-8 text file of the later text")
        add_common_arguments(parser)
        parser.add_argument(
            "--flags",
            action="store_true",
            help="add mandate-expansion flags to each change, and a flag_summary",
        )

    def handle(self, *args, old: str, new: str, lang, format: str, flags: bool, **options):
        docs = []
        for path in (old, new):
            try:
                docs.append(parse(read_text(path), lang))
            except ParseError as error:
                raise CommandError(f"{path}: {error}") from error
        comparison = compare(*docs)
        flagged = flag_comparison(comparison) if flags else None
        if format == "json":
            data = flagged.to_dict() if flagged else comparison_to_dict(comparison)
            self.stdout.write(to_json(data))
            return
        report = text_report(comparison).rstrip("\n")
        if flagged:
            report += "\n\n" + _flag_lines(flagged)
        self.stdout.write(report)


def _flag_lines(flagged) -> str:
    lines = ["Flags:"]
    for item in flagged.changes:
        label = item.change.new_label or item.change.old_label or ""
        for flag in item.flags:
            lines.append(f"  [{flag.severity}] {flag.category} {item.change.section} {label}")
            lines.append(f"      {flag.reason}")
    return "\n".join(lines if len(lines) > 1 else ["Flags: none"])
