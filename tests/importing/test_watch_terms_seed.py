"""The 0002_seed_watch_terms migration and the rules the importer builds from WatchTerm rows."""

import json
from pathlib import Path

import pytest

from resolutions.comparisons import active_rules, compare_and_flag
from resolutions.models import WatchTerm
from resolutions.text.flags import load_default_rules

pytestmark = pytest.mark.django_db
RULES = Path(__file__).resolve().parents[2] / "resolutions" / "text" / "watch_terms.json"


def _key(rule) -> tuple:
    return (rule.category, rule.language, rule.kind, rule.pattern, rule.weight)


def test_the_migration_seeds_every_default_rule_once(watch_terms):
    items = json.loads(RULES.read_text(encoding="utf-8"))
    keys = {(i.get("category") or "", i["language"], i.get("kind"), i["pattern"]) for i in items}

    assert watch_terms == len(keys)
    # The notes aside (the JSON repeats "TCP/IP" with two notes), the rules are the defaults.
    assert {_key(r) for r in active_rules()} == {_key(r) for r in load_default_rules()}
    assert WatchTerm.history.filter(history_type="+").count() >= 1


def test_it_flags_with_the_active_rows_only(watch_terms, geneva_text, new_delhi_text):
    before = compare_and_flag(geneva_text, new_delhi_text)
    for term in WatchTerm.objects.filter(kind="term"):
        term.active = False
        term.save()

    after = compare_and_flag(geneva_text, new_delhi_text)

    assert before.highest == "high" and before.score > 0
    assert after.score < before.score
