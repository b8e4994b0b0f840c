"""Same clause, many hands: one entry per distinct change, with everyone who proposes it.

Changes are grouped by the clause they touch (resolution, section, the base clause's label, or
the new label for an added clause). Within a clause, identical changes share a fingerprint;
near-identical ones (differing only in case, spacing, punctuation or a few characters) are
merged too. A clause with more than one distinct change is conflicting.
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from contributions.models import ClauseChange

NEAR_IDENTICAL = 0.97
_PUNCTUATION = re.compile(r"[^\w\s]")
_SPACES = re.compile(r"\s+")


@dataclass
class DistinctChange:
    representative: ClauseChange
    members: list[ClauseChange] = field(default_factory=list)
    signatories: list[str] = field(default_factory=list)

    @property
    def change_ids(self) -> list[int]:
        return [member.pk for member in self.members]


@dataclass
class ClauseSlot:
    resolution: str
    section: str
    label: str
    distinct: list[DistinctChange] = field(default_factory=list)

    @property
    def conflicting(self) -> bool:
        return len(self.distinct) > 1

    @property
    def shared(self) -> bool:
        return any(len(d.members) > 1 for d in self.distinct)


def normalise(text: str) -> str:
    return _SPACES.sub(" ", _PUNCTUATION.sub(" ", text.casefold())).strip()


def group_changes(
    changes: list[ClauseChange], signatories: dict[int, list[str]]
) -> list[ClauseSlot]:
    """`changes` need `proposal__resolution` loaded; `signatories` maps contribution id → names."""
    slots: dict[tuple, ClauseSlot] = {}
    for change in changes:
        key = _slot_key(change)
        if key not in slots:
            slots[key] = ClauseSlot(
                resolution=str(change.proposal.resolution or change.proposal.draft_label),
                section=change.section,
                label=key[-1],
            )
        _place(slots[key], change, signatories.get(change.proposal.contribution_id, []))
    return sorted(slots.values(), key=lambda s: (not s.conflicting, not s.shared, s.resolution))


def _slot_key(change: ClauseChange) -> tuple:
    proposal = change.proposal
    target = proposal.resolution_id or proposal.draft_label
    label = change.old_label or change.new_label
    return (target, change.section_key or change.section, change.kind == "added", label)


def _place(slot: ClauseSlot, change: ClauseChange, names: list[str]) -> None:
    for distinct in slot.distinct:
        if _same(distinct.representative, change):
            distinct.members.append(change)
            distinct.signatories.extend(n for n in names if n not in distinct.signatories)
            return
    slot.distinct.append(DistinctChange(change, [change], list(names)))


def _same(a: ClauseChange, b: ClauseChange) -> bool:
    if a.fingerprint and a.fingerprint == b.fingerprint:
        return True
    if a.kind != b.kind:
        return False
    left, right = normalise(a.new_text), normalise(b.new_text)
    return left == right or SequenceMatcher(None, left, right).ratio() >= NEAR_IDENTICAL


def signatories_by_contribution(submissions) -> dict[int, list[str]]:
    found: dict[int, list[str]] = defaultdict(list)
    for submission in submissions:
        found[submission.contribution_id].append(submission.group.code)
    return found
