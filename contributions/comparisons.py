"""Compare any two texts of a resolution once, and keep the result.

The text engine and the detector (`resolutions.comparisons.compute_changes`) do the work. For
a text the engine cannot parse (neither a resolution nor an instrument), a paragraph-level
comparison (difflib alignment + the engine's word diff) stands in; `TextComparison.engine`
records which one produced a stored result. A proposal compared with
its own base revision reuses the ClauseChange rows stored at import, flags included.
"""

from dataclasses import dataclass
from difflib import SequenceMatcher

from django.db import IntegrityError, transaction

from contributions.models import Proposal, TextComparison
from resolutions.comparisons import compute_changes
from resolutions.models import Resolution, Revision
from resolutions.text import ParseError
from resolutions.text.worddiff import word_diff

CHANGE_FIELDS = (
    "kind",
    "section",
    "section_key",
    "operative",
    "old_label",
    "new_label",
    "old_text",
    "new_text",
    "ops",
    "relation",
    "flags",
    "highest_severity",
)


@dataclass(frozen=True)
class TextRef:
    kind: str  # "revision" | "proposal"
    pk: int

    @classmethod
    def parse(cls, value: str) -> "TextRef | None":
        kind, _, pk = (value or "").partition("-")
        if kind in ("revision", "proposal") and pk.isdigit():
            return cls(kind, int(pk))
        return None

    def __str__(self) -> str:
        return f"{self.kind}-{self.pk}"


def comparison_key(old: TextRef, new: TextRef) -> str:
    return f"{old}>{new}"


def label_of(obj: Revision | Proposal) -> str:
    if isinstance(obj, Revision):
        return obj.label
    return f"{obj.action} {obj.contribution.number} {obj.identifier}".strip()


def text_of(obj: Revision | Proposal) -> tuple[str, str]:
    if isinstance(obj, Revision):
        return obj.text, obj.language
    return obj.proposed_text, obj.contribution.language


def store_comparison(
    resolution: Resolution, old: Revision | Proposal, new: Revision | Proposal, key: str
) -> TextComparison:
    """Compute (only if not stored yet) and store the comparison of `old` with `new`."""
    existing = TextComparison.objects.filter(key=key).first()
    if existing is not None:
        return existing
    changes, engine = _changes(old, new)
    try:
        with transaction.atomic():
            return TextComparison.objects.create(
                resolution=resolution,
                key=key,
                old_label=label_of(old),
                new_label=label_of(new),
                changes=changes,
                engine=engine,
            )
    except IntegrityError:  # computed by someone else meanwhile: theirs is as good
        return TextComparison.objects.get(key=key)


def _changes(old, new) -> tuple[list[dict], str]:
    if isinstance(new, Proposal) and isinstance(old, Revision) and new.base_revision_id == old.pk:
        stored = list(new.changes.values(*CHANGE_FIELDS))
        if stored:
            return stored, "import"
    (old_text, lang), (new_text, _lang) = text_of(old), text_of(new)
    try:
        return _engine_changes(old_text, new_text, lang), "resolutions.text"
    except ParseError:
        return paragraph_changes(old_text, new_text), "paragraphs"


def _engine_changes(old_text: str, new_text: str, lang: str) -> list[dict]:
    # The engine and the detector together, as the public compare page and the import use
    # them; same change shape, flags included.
    changes = []
    for change in compute_changes(old_text, new_text, lang or None):
        entry = {key: change.get(key, "") for key in CHANGE_FIELDS}
        entry["flags"] = change.get("flags") or []
        entry["operative"] = bool(change.get("operative"))
        entry["highest_severity"] = change.get("highest_severity") or change.get("severity", "")
        changes.append(entry)
    return changes


def paragraph_changes(old_text: str, new_text: str) -> list[dict]:
    """Interim comparison: align non-empty lines, word-diff the replaced ones."""
    old = [line.strip() for line in old_text.splitlines() if line.strip()]
    new = [line.strip() for line in new_text.splitlines() if line.strip()]
    changes = []
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
        olds, news = old[i1:i2], new[j1:j2]
        if tag == "equal":
            changes += [_entry("unchanged", a, a, [[0, a]]) for a in olds]
            continue
        for a, b in zip(olds, news, strict=False):
            changes.append(_entry("modified", a, b, [list(op) for op in word_diff(a, b)]))
        changes += [_entry("deleted", a, "", [[-1, a]]) for a in olds[len(news) :]]
        changes += [_entry("added", "", b, [[1, b]]) for b in news[len(olds) :]]
    return changes


def _entry(kind: str, old: str, new: str, ops: list) -> dict:
    return {
        "kind": kind,
        "section": "",
        "section_key": "",
        "operative": False,
        "old_label": "",
        "new_label": "",
        "old_text": old,
        "new_text": new,
        "ops": ops,
        "relation": "",
        "flags": [],
        "highest_severity": "",
    }
