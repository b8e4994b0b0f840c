"""Stored comparisons between two revisions: computed once with the text engine, then read.

The engine and the detector are the same the workspace uses, so a change flagged on a proposal
is flagged the same way between two adopted texts.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Count, Max

from resolutions import text
from resolutions.models import Revision, RevisionComparison, WatchTerm
from resolutions.text import compare, parse
from resolutions.text.flags import FlaggedComparison, flag_comparison
from resolutions.text.rules import Rule

# Bump when the stored shape changes; rows of another version are recomputed on read.
STORE_VERSION = "1"


def engine_version() -> str:
    """Names the engine build a stored comparison came from (its own version if it has one)."""
    return f"{STORE_VERSION}/{getattr(text, '__version__', 'dev')}"


def active_rules() -> tuple[Rule, ...]:
    """The detector's rules: the active WatchTerm rows staff maintain in the admin.

    Built once per state of the table (rows, last id, last history row): a batch of imports
    does not rebuild ~900 rules per file, and an edit in the admin is seen by the next use.
    """
    state = (
        WatchTerm.objects.filter(active=True).aggregate(n=Count("pk"), last=Max("pk")),
        WatchTerm.history.aggregate(last=Max("history_id"))["last"],
    )
    key = (state[0]["n"], state[0]["last"], state[1])
    if _RULES_CACHE.get("key") != key:
        _RULES_CACHE.update(key=key, rules=_build_rules())
    return _RULES_CACHE["rules"]


_RULES_CACHE: dict[str, Any] = {}


def _build_rules() -> tuple[Rule, ...]:
    rows = WatchTerm.objects.filter(active=True).order_by("pk")
    rules = []
    for row in rows.values("category", "language", "pattern", "weight", "kind", "note"):
        try:
            rules.append(Rule.from_dict(row))
        except ValueError:
            continue  # a row the detector cannot use: the admin shows it, pages must not fail
    return tuple(rules)


def compare_and_flag(
    old_text: str, new_text: str, lang: str | None = None, rules: Iterable[Rule] | None = None
) -> FlaggedComparison:
    """Compare two resolution texts and flag the changes (rules default to the active ones).

    Raises ``resolutions.text.ParseError`` when either text is not a resolution.
    """
    rule_set = tuple(rules) if rules is not None else active_rules()
    return flag_comparison(compare(parse(old_text, lang), parse(new_text, lang)), rule_set)


def _change_dict(flagged: Any) -> dict[str, Any]:
    change = flagged.change
    return {
        "kind": change.kind,
        "level": getattr(change, "level", "clause"),
        "section": change.section,
        "section_key": change.section_key,
        "operative": change.operative,
        "old_label": change.old_label or "",
        "new_label": change.new_label or "",
        "old_text": change.old_text or "",
        "new_text": change.new_text or "",
        "ops": [[op, text] for op, text in change.ops],
        "relation": change.relation or "",
        "flags": [flag.to_dict() for flag in flagged.flags],
        "severity": flagged.severity or "",
    }


def compute_changes(old_text: str, new_text: str, lang: str | None) -> list[dict[str, Any]]:
    """Parse, compare and flag two texts; raises the engine's ParseError on unreadable text."""
    # With no active watch term at all, the public pages fall back to the detector's defaults.
    flagged = compare_and_flag(old_text, new_text, lang, active_rules() or None)
    return [_change_dict(item) for item in flagged.changes]


def stored_comparison(old: Revision, new: Revision) -> RevisionComparison:
    """The stored comparison of two revisions, computing and storing it on first use."""
    version = engine_version()
    found = RevisionComparison.objects.filter(old=old, new=new).first()
    if found and found.engine_version == version:
        return found
    lang = new.language if new.language == old.language else None
    changes = compute_changes(old.text, new.text, lang)
    if found:
        found.changes, found.engine_version = changes, version
        found.save(update_fields=["changes", "engine_version"])
        return found
    try:
        with transaction.atomic():
            return RevisionComparison.objects.create(
                old=old, new=new, changes=changes, engine_version=version
            )
    except IntegrityError:
        # Another request stored the same pair meanwhile: theirs is as good as ours.
        return RevisionComparison.objects.get(old=old, new=new)
