import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from resolutions.text.evaluate import evaluate_dir, format_report
from resolutions.text.rules import load_default_rules, load_rules


class Command(BaseCommand):
    help = (
        "Score the mission-expansion detector and a keyword baseline on labelled pairs "
        "(NAME.old.txt, NAME.new.txt, NAME.labels.json): precision, recall, F1."
    )

    def add_arguments(self, parser):
        parser.add_argument("directory", type=Path)
        parser.add_argument("--json", action="store_true", help="print the full result as JSON")
        parser.add_argument(
            "--rules", type=Path, help="a watch-term file in the fixture format (default: built in)"
        )

    def handle(self, *args, directory: Path, json: bool, rules: Path | None, **options):
        try:
            rule_set = load_rules(rules) if rules else load_default_rules()
            result = evaluate_dir(directory, rule_set)
        except (OSError, ValueError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(_dumps(result) if json else format_report(result))


def _dumps(result: dict) -> str:
    return json.dumps(result, ensure_ascii=False, indent=2)
