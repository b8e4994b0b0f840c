"""Mission-expansion detector: flags the changes that widen the ITU's role, with a plain reason.

Only the words a change adds or removes (its diff ops) can raise a flag; the unchanged words
around them give context: a category term already in the clause, a negation ("shall not …") or
the title of a cited resolution (see reading.py). How the signals combine, per category:

- a category term added to an operative clause scores its weight (0.5 bare mention … 3 strong),
  plus one point each for a whole new clause, mandate words in the clause (develop
  Recommendations, coordinate, study…), a stronger modality (may → shall, invite → charge) and
  deleted limiting words (within its mandate); minus one when limiting words are added. Score
  ≥ 4 is high, ≥ 3 medium, below that low. A term in a clause that gives no work (no mandate
  words, no stronger modality, no deleted limit) is a mention: low. Multistakeholder and
  human-rights words count without a task: who takes part, and filtering or tracing, are the harm.
- a term already in the clause scores the same way when the change adds a mandate word, a
  stronger modality or deletes limiting words.
- multistakeholder wording counts when removed; deleting a prohibition ("shall not engage in the
  management of Internet resources") counts for the terms it barred.
- preambular items are context: at most low. Cited titles: at most low. Negated words, relabelled,
  moved (within a section) and unchanged clauses, header dates: nothing.
- a clause deleted and another added under the same label read as one rewrite; a heading reworded
  from "invite" to "charge" is judged over the clauses it governs.

Flags come main concern first: by severity, then removed cooperation after any other concern,
then score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from .model import Change, Clause, Comparison
from .reading import (
    Hit,
    Side,
    Signals,
    added_hits,
    lifted_hits,
    masked_texts,
    read_side,
    read_signals,
    removed_hits,
    unique,
)
from .rules import (
    CATEGORIES,
    Matcher,
    Rule,
    compile_rules,
    load_default_rules,
)
from .serialize import comparison_to_dict

__all__ = [
    "Flag",
    "FlaggedChange",
    "FlaggedComparison",
    "Matcher",
    "Rule",
    "flag_change",
    "flag_comparison",
    "load_default_rules",
]

SEVERITIES = ("low", "medium", "high")
SEVERITY_POINTS = {"low": 1, "medium": 3, "high": 10}
HIGH_SCORE = 4.0
MEDIUM_SCORE = 3.0
FLAGGED_KINDS = frozenset({"modified", "added", "deleted"})

# Marks a clause re-read with its heading (moved under another one, or the heading reworded).
_HEADING = "heading"
# Categories where the words are the harm whatever the verb (who takes part; filtering, tracing):
# elsewhere a term needs a task (develop, study, shall…) before it counts as a mandate.
_CHOICE_CATEGORIES = frozenset({"multistakeholder", "human-rights"})
# Long addressees shortened in reasons, as CSO staff say them.
_ABBREVIATIONS = (
    ("Groupe consultatif de la normalisation des télécommunications", "GCNT"),
    ("Telecommunication Standardization Advisory Group", "TSAG"),
    ("Grupo Asesor de Normalización de las Telecomunicaciones", "GANT"),
    ("Bureau de la normalisation des télécommunications", "TSB"),
    ("Telecommunication Standardization Bureau", "TSB"),
    ("Oficina de Normalización de las Telecomunicaciones", "TSB"),
)


@dataclass(frozen=True)
class Flag:
    category: str
    severity: str
    reason: str
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "category": self.category,
            "severity": self.severity,
            "reason": self.reason,
            "evidence": list(self.evidence),
        }

    @property
    def counts(self) -> bool:
        """Whether the flag marks the change as expanding the mandate (low is context only)."""
        return self.severity in ("high", "medium")


@dataclass(frozen=True)
class FlaggedChange:
    change: Change
    flags: tuple[Flag, ...]

    @property
    def flagged(self) -> bool:
        return any(flag.counts for flag in self.flags)

    @property
    def severity(self) -> str | None:
        return _highest(flag.severity for flag in self.flags)


@dataclass(frozen=True)
class FlaggedComparison:
    comparison: Comparison
    changes: tuple[FlaggedChange, ...]
    score: int  # sum of SEVERITY_POINTS over all flags: comparable across proposals
    highest: str | None
    counts: dict[str, int] = field(hash=False)  # per category: flags of medium or high severity

    def summary(self) -> dict[str, Any]:
        return {"score": self.score, "highest": self.highest, "counts": dict(self.counts)}

    def to_dict(self) -> dict[str, Any]:
        """The engine's comparison JSON with ``flags`` on every change and a ``flag_summary``."""
        data = comparison_to_dict(self.comparison)
        for change, item in zip(data["changes"], self.changes, strict=True):
            change["flags"] = [flag.to_dict() for flag in item.flags]
        return {**data, "flag_summary": self.summary()}


def _severity(score: float, operative: bool) -> str:
    if not operative:
        return "low"
    if score >= HIGH_SCORE:
        return "high"
    if score >= MEDIUM_SCORE:
        return "medium"
    return "low"


def _highest(severities: Iterable[str]) -> str | None:
    ranked = [SEVERITIES.index(s) for s in severities]
    return SEVERITIES[max(ranked)] if ranked else None


def _section_name(section: str) -> str:
    for long, short in _ABBREVIATIONS:
        section = re.sub(re.escape(long), short, section, flags=re.IGNORECASE)
    return section.strip().rstrip(",:;")


def _place(change: Change, *, article: bool = True) -> str:
    part = "operative clause" if change.operative else "preambular item"
    if article:
        part = f"an {part}" if change.operative else f"a {part}"
    return f"{part} of '{_section_name(change.section)}'"


def _quote(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _details(signals: Signals, *, context_only: bool) -> list[str]:
    details = []
    verbs = signals.verbs_added if context_only else signals.verbs
    if verbs:
        details.append(f"mandate words {_quote(verbs[:3])}")
    if signals.modal_up:
        details.append(f"stronger wording ('{signals.modal_up[0]}' → '{signals.modal_up[1]}')")
    if signals.limits_removed:
        details.append(f"limiting words deleted ({_quote(signals.limits_removed)})")
    if signals.limits_added:
        details.append(f"limiting words added ({_quote(signals.limits_added)})")
    return details


def _with(details: list[str]) -> str:
    return f", with {'; '.join(details)}" if details else ""


@dataclass(frozen=True)
class _Ranked:
    """A flag with what orders it: the main concern of a change comes first."""

    flag: Flag
    score: float
    # Labels name a change's main concern; removed cooperation is the main one only when alone.
    secondary: bool = False

    def key(self) -> tuple[int, bool, float]:
        return (-SEVERITIES.index(self.flag.severity), self.secondary, -self.score)


def _term_flag(
    change: Change, category: str, hits: list[Hit], signals: Signals, *, context_only: bool
) -> _Ranked:
    strongest = max(hits, key=lambda h: h.rule.weight)
    score = strongest.rule.weight + signals.bonus(context_only=context_only)
    gives_work = signals.tasks() or category in _CHOICE_CATEGORIES
    severity = _severity(score, change.operative and gives_work)
    terms = _quote(unique(h.evidence for h in hits))
    details = _details(signals, context_only=context_only)
    if change.relation == _HEADING:
        reason = f"rewords the heading '{_section_name(change.section)}' over clauses on {terms}"
        reason += _with(details)
    elif context_only:
        reason = f"changes {_place(change)} on {terms}{_with(details)}"
    elif signals.new_clause:
        reason = f"new {_place(change, article=False)} brings in {terms}{_with(details)}"
    else:
        reason = f"adds {terms} to {_place(change)}{_with(details)}"
    if not change.operative:
        reason += " (preambular: context only)"
    evidence = unique([h.evidence for h in hits] + _evidence_of(signals, context_only))
    # Among concerns of equal weight, the one with more distinct words is the change's main one.
    breadth = 0.1 * len({h.rule.pattern for h in hits})
    return _Ranked(Flag(category, severity, reason, evidence), score + breadth)


def _evidence_of(signals: Signals, context_only: bool) -> list[str]:
    words = list(signals.verbs_added if context_only else signals.verbs)
    if signals.modal_up:
        words.append(signals.modal_up[1])
    return words + list(signals.limits_removed)


def _safeguard_flag(change: Change, hits: list[Hit], signals: Signals, context: bool) -> _Ranked:
    strongest = max(hits, key=lambda h: h.rule.weight)
    score = strongest.rule.weight + context + bool(signals.modal_up) + bool(signals.limits_removed)
    terms = _quote(unique(h.evidence for h in hits))
    verb = "deletes a clause with" if change.kind == "deleted" else "removes"
    reason = f"{verb} {terms} from {_place(change)} (multistakeholder wording)"
    flag = Flag(
        "multistakeholder",
        _severity(score, change.operative),
        reason,
        unique(h.evidence for h in hits),
    )
    return _Ranked(flag, score, secondary=True)


def _citation_flag(change: Change, category: str, hits: list[Hit]) -> _Ranked:
    terms = _quote(unique(h.evidence for h in hits))
    reason = f"cites {terms} in {_place(change)} only as the title of another text: no new mandate"
    return _Ranked(Flag(category, "low", reason, unique(h.evidence for h in hits)), 0.0)


def _category_flags(
    change: Change, category: str, new: Side, old: Side, sig: Signals
) -> list[_Ranked]:
    flags = _term_flags(change, category, new, old, sig)
    if category == "multistakeholder":
        removed = removed_hits(new, old, "safeguard", category)
        if removed:
            context = any(h.live and h.rule.weight >= 2 for h in new.of("term") + old.of("term"))
            flags.append(_safeguard_flag(change, removed, sig, context))
    return flags


def _lift_flag(change: Change, category: str, hits: list[Hit]) -> _Ranked:
    strongest = max(hits, key=lambda h: h.rule.weight)
    score = strongest.rule.weight + 1
    terms = _quote(unique(h.evidence for h in hits))
    verb = "deletes a clause barring" if change.kind == "deleted" else "lifts the bar on"
    severity = _severity(score, change.operative)
    flag = Flag(category, severity, f"{verb} {terms} in {_place(change)}", _evidence(hits))
    return _Ranked(flag, score)


def _evidence(hits: list[Hit]) -> tuple[str, ...]:
    return unique(h.evidence for h in hits)


def _term_flags(change: Change, category: str, new: Side, old: Side, sig: Signals) -> list[_Ranked]:
    lifted = lifted_hits(change, new, old, category)
    if change.kind == "deleted":
        return [_lift_flag(change, category, lifted)] if lifted else []
    added = added_hits(new, old, "term", category)
    if added:
        return [_term_flag(change, category, added, sig, context_only=False)]
    if lifted:
        return [_lift_flag(change, category, lifted)]
    present = [h for h in new.of("term", category) if h.live]
    if present and sig.triggers():
        return [_term_flag(change, category, present, sig, context_only=True)]
    cited = [h for h in new.of("term", category) if h.changed and h.cited and not h.negated]
    if cited:
        return [_citation_flag(change, category, cited)]
    return []


def flag_change(
    change: Change, rules: Sequence[Rule] | Matcher, *, lang: str | None
) -> tuple[Flag, ...]:
    """Flags for one change, main concern first; () for unchanged, relabelled and moved clauses.

    Deleted limiting words raise a flag through the category terms of the clause they bounded; a
    clause with no category term is outside the five areas and raises nothing.
    """
    if change.kind not in FLAGGED_KINDS or getattr(change, "level", "clause") != "clause":
        return ()
    matcher = rules if isinstance(rules, Matcher) else compile_rules(tuple(rules))
    (old_text, old_mask), (new_text, new_mask) = masked_texts(change)
    old = read_side(old_text, old_mask, matcher, lang)
    new = read_side(new_text, new_mask, matcher, lang)
    signals = read_signals(change, new, old)
    ranked = [
        item
        for category in CATEGORIES
        for item in _category_flags(change, category, new, old, signals)
    ]
    return tuple(item.flag for item in sorted(ranked, key=_Ranked.key))


def _rewrites(changes: Sequence[Change]) -> dict[int, Change]:
    """Added clauses that replace a deleted one under the same label, read as one rewrite.

    The engine pairs clauses by content, so a clause rewritten from top to bottom comes out as
    deleted + added. Judged apart, the deletion would count the words the rewrite drops (a
    cooperation clause) as if nothing replaced them; judged together, the rewrite is one change.
    """
    deleted = {(c.section, c.old_label): c for c in changes if c.kind == "deleted" and c.old_label}
    return {
        index: replace(c, kind="modified", old_label=gone.old_label, old_text=gone.old_text, ops=())
        for index, c in enumerate(changes)
        if c.kind == "added" and (gone := deleted.get((c.section, c.new_label))) is not None
    }


def _old_heading(change: Change, comparison: Comparison) -> str | None:
    """The heading a moved clause came from, found by its text in the old document."""
    for section in comparison.old.sections:
        if any(clause.text == change.old_text for clause in _clauses(section.clauses)):
            return section.heading
    return None


def _clauses(clauses: Sequence[Clause]) -> Iterable[Clause]:
    for clause in clauses:
        yield clause
        yield from _clauses(clause.children)


def _under_heading(change: Change, comparison: Comparison) -> Change | None:
    """A clause moved under another heading, or a heading reworded, read with its heading.

    "invite" becoming "charge" over the same clauses is a stronger modality although no clause
    changed; prefixing the headings to the text lets the clause-level signals see it.
    """
    if change.kind == "moved" and getattr(change, "level", "clause") == "clause":
        old_heading = _old_heading(change, comparison)
        if old_heading is None or old_heading == change.section:
            return None
        old_text, new_text = (
            f"{old_heading} {change.old_text}",
            f"{change.section} {change.new_text}",
        )
    elif change.kind == "modified" and getattr(change, "level", "clause") == "section":
        section = next((s for s in comparison.new.sections if s.heading == change.new_text), None)
        if section is None:
            return None
        body = " ".join(clause.text for clause in _clauses(section.clauses))
        old_text, new_text = f"{change.old_text} {body}", f"{change.new_text} {body}"
    else:
        return None
    return replace(
        change,
        kind="modified",
        old_text=old_text,
        new_text=new_text,
        ops=(),
        level="clause",
        relation=_HEADING,
    )


def flag_comparison(
    comparison: Comparison, rules: Sequence[Rule] | None = None
) -> FlaggedComparison:
    """Flags every change of ``comparison``; the rule set is compiled once for all of them."""
    matcher = compile_rules(tuple(rules) if rules is not None else load_default_rules())
    lang = getattr(comparison.new, "lang", None) or getattr(comparison.old, "lang", None)
    rewrites = _rewrites(comparison.changes)
    replaced = {(r.section, r.old_label) for r in rewrites.values()}
    for index, change in enumerate(comparison.changes):
        if (reread := _under_heading(change, comparison)) is not None:
            rewrites[index] = reread
    flagged = tuple(
        FlaggedChange(
            change,
            ()
            if change.kind == "deleted" and (change.section, change.old_label) in replaced
            else flag_change(rewrites.get(index, change), matcher, lang=lang),
        )
        for index, change in enumerate(comparison.changes)
    )
    all_flags = [flag for item in flagged for flag in item.flags]
    counts = dict.fromkeys(CATEGORIES, 0)
    for flag in all_flags:
        if flag.counts:
            counts[flag.category] += 1
    return FlaggedComparison(
        comparison=comparison,
        changes=flagged,
        score=sum(SEVERITY_POINTS[flag.severity] for flag in all_flags),
        highest=_highest(flag.severity for flag in all_flags),
        counts=counts,
    )
