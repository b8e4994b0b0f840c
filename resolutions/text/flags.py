"""Mission-expansion detector: flags the changes that widen the ITU's role, with a plain reason.

Only the words a change adds or removes (its diff ops) can raise a flag; the unchanged words around
them give context: a category term already in the clause, a negation ("shall not …") or the title of
a cited resolution. How the signals combine:

- a category term added to an operative clause scores its weight (1 weak … 3 strong), plus one point
  each for: a whole new clause, mandate words in the clause (develop Recommendations, coordinate…),
  a stronger modality (may → shall), deleted limiting words (within its mandate); minus one when
  limiting words are added. Score ≥ 4 is high, ≥ 3 medium, below that low.
- a category term already in the clause scores the same way when a mandate word, a stronger
  modality or a deletion of limiting words is what the change adds.
- multistakeholder wording (safeguards) counts when it is removed.
- preambular items are context: at most low. Cited titles are at most low. Negated words, relabelled,
  moved and unchanged clauses raise nothing.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from diff_match_patch import diff_match_patch

from .rules import (
    CATEGORIES,
    Match,
    Matcher,
    Rule,
    Token,
    compile_rules,
    load_default_rules,
)
from .rules import tokenize as _tokenize

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

# Longest match wins; on equal length the more specific kind does.
_KIND_PRIORITY = {
    "ignore": 0,
    "term": 1,
    "safeguard": 1,
    "limiting": 2,
    "citation": 3,
    "mandate-verb": 4,
    "modality": 5,
    "title": 6,
    "negation": 7,
}
_NEGATION_WINDOW = 12
_TITLE_WINDOW = 20
_CLAUSE_BREAK = re.compile(r"[;.:!?]")
_QUOTES = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]")
# A comma then one of these starts the cited resolution's own operative text again.
_INFINITIVE_MARKERS = frozenset({"to", "de", "d", "a", "para", "que", "that"})
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
    change: Any
    flags: tuple[Flag, ...]

    @property
    def flagged(self) -> bool:
        return any(flag.counts for flag in self.flags)

    @property
    def severity(self) -> str | None:
        return _highest(flag.severity for flag in self.flags)


@dataclass(frozen=True)
class FlaggedComparison:
    comparison: Any
    changes: tuple[FlaggedChange, ...]
    score: int  # sum of SEVERITY_POINTS over all flags: comparable across proposals
    highest: str | None
    counts: dict[str, int] = field(hash=False)  # per category: flags of medium or high severity

    def summary(self) -> dict[str, Any]:
        return {"score": self.score, "highest": self.highest, "counts": dict(self.counts)}


# ---------------------------------------------------------------- analysis of one side of a change


@dataclass(frozen=True)
class _Hit:
    match: Match
    evidence: str
    changed: bool
    negated: bool
    cited: bool

    @property
    def rule(self) -> Rule:
        return self.match.rule

    @property
    def live(self) -> bool:
        return not self.negated and not self.cited


@dataclass(frozen=True)
class _Side:
    hits: tuple[_Hit, ...]

    def of(self, kind: str, category: str | None = None) -> list[_Hit]:
        return [
            hit
            for hit in self.hits
            if hit.rule.kind == kind and (category is None or hit.rule.category == category)
        ]

    def live_counts(self, kind: str) -> Counter:
        return Counter(hit.rule.pattern for hit in self.of(kind) if hit.live)


def _analyse(text: str, mask: Sequence[bool], matcher: Matcher, lang: str | None) -> _Side:
    tokens = _tokenize(text, mask)
    matches = _resolve_overlaps(matcher.find(tokens, lang))
    negated = _negation_scope(text, tokens, matches)
    cited = _citation_scope(text, tokens, matches)
    hits = []
    for match in matches:
        span = range(match.first, match.last + 1)
        hits.append(
            _Hit(
                match=match,
                evidence=text[tokens[match.first].start : tokens[match.last].end],
                changed=any(tokens[i].changed for i in span),
                negated=any(i in negated for i in span),
                cited=any(i in cited for i in span),
            )
        )
    return _Side(tuple(hits))


def _resolve_overlaps(matches: list[Match]) -> list[Match]:
    ranked = sorted(
        matches, key=lambda m: (-m.length, _KIND_PRIORITY[m.rule.kind], -m.rule.weight, m.first)
    )
    chosen: list[Match] = []
    for match in ranked:
        if not any(match.overlaps(other) for other in chosen):
            chosen.append(match)
    return sorted((m for m in chosen if m.rule.kind != "ignore"), key=lambda m: m.first)


def _gap(text: str, tokens: Sequence[Token], index: int) -> str:
    """The characters between token ``index`` and the next one."""
    end = tokens[index + 1].start if index + 1 < len(tokens) else len(text)
    return text[tokens[index].end : end]


def _negation_scope(text: str, tokens: Sequence[Token], matches: list[Match]) -> set[int]:
    scope: set[int] = set()
    for cue in (m for m in matches if m.rule.kind == "negation"):
        index = cue.last
        while index + 1 < len(tokens) and index - cue.last < _NEGATION_WINDOW:
            gap = _gap(text, tokens, index)
            if _CLAUSE_BREAK.search(gap) or "," in gap:
                break
            index += 1
            scope.add(index)
    return scope


def _citation_scope(text: str, tokens: Sequence[Token], matches: list[Match]) -> set[int]:
    """Tokens that belong to a cited text's title, or sit inside quotation marks."""
    scope = {
        i
        for quoted in _QUOTES.finditer(text)
        for i, token in enumerate(tokens)
        if quoted.start() <= token.start < quoted.end()
    }
    titles = [m for m in matches if m.rule.kind == "title"]
    for cue in (m for m in matches if m.rule.kind == "citation"):
        scope.update(range(cue.first, cue.last + 1))
        title = next(
            (t for t in titles if 0 < t.first - cue.last <= _TITLE_WINDOW),
            None,
        )
        if title is None or _breaks_between(text, tokens, cue.last, title.first):
            continue
        scope.update(_title_extent(text, tokens, title.first))
    return scope


def _breaks_between(text: str, tokens: Sequence[Token], first: int, last: int) -> bool:
    return any(";" in _gap(text, tokens, i) for i in range(first, last))


def _title_extent(text: str, tokens: Sequence[Token], start: int) -> range:
    index = start
    while index + 1 < len(tokens):
        gap = _gap(text, tokens, index)
        if _CLAUSE_BREAK.search(gap):
            break
        if "," in gap and tokens[index + 1].folded in _INFINITIVE_MARKERS:
            break
        index += 1
    return range(start, index + 1)


# ---------------------------------------------------------------- masks from the diff ops


def _sides(change: Any) -> tuple[tuple[str, list[bool]], tuple[str, list[bool]]]:
    """(old text, deleted-character mask), (new text, inserted-character mask)."""
    old_text, new_text = change.old_text or "", change.new_text or ""
    if change.kind == "added":
        return (old_text, [False] * len(old_text)), (new_text, [True] * len(new_text))
    if change.kind == "deleted":
        return (old_text, [True] * len(old_text)), (new_text, [False] * len(new_text))
    ops = tuple(change.ops) or _word_ops(old_text, new_text)
    old, new = ([], []), ([], [])
    for op, piece in ops:
        if op <= 0:
            old[0].append(piece)
            old[1].extend([op < 0] * len(piece))
        if op >= 0:
            new[0].append(piece)
            new[1].extend([op > 0] * len(piece))
    return ("".join(old[0]), old[1]), ("".join(new[0]), new[1])


def _word_ops(old_text: str, new_text: str) -> tuple[tuple[int, str], ...]:
    """A word-level diff, for changes that come without ops (hand-built or from older engines)."""
    dmp = diff_match_patch()
    dmp.Diff_Timeout = 0  # deterministic: never coarsen the diff under load
    words = re.compile(r"\w+|\W+")
    vocabulary: dict[str, str] = {}

    def encode(text: str) -> str:
        return "".join(
            vocabulary.setdefault(w, chr(0x100 + len(vocabulary))) for w in words.findall(text)
        )

    old_codes, new_codes = encode(old_text), encode(new_text)
    decode = {code: word for word, code in vocabulary.items()}
    diffs = dmp.diff_main(old_codes, new_codes, False)
    return tuple((op, "".join(decode[c] for c in codes)) for op, codes in diffs)


# ---------------------------------------------------------------- scoring


@dataclass(frozen=True)
class _Signals:
    new_clause: bool
    verbs: tuple[str, ...]  # mandate words present in the new text
    verbs_added: tuple[str, ...]
    modal_up: tuple[str, str] | None  # (weaker removed, stronger added)
    limits_removed: tuple[str, ...]
    limits_added: tuple[str, ...]

    def bonus(self, *, context_only: bool = False) -> float:
        verb = bool(self.verbs_added) if context_only else bool(self.verbs)
        return (
            (not context_only and self.new_clause)
            + verb
            + bool(self.modal_up)
            + bool(self.limits_removed)
            - bool(self.limits_added)
        )

    def triggers(self) -> bool:
        """Whether the change itself adds work or obligation to words already in the clause."""
        return bool(self.verbs_added or self.modal_up or self.limits_removed)


def _added(new: _Side, old: _Side, kind: str, category: str | None = None) -> list[_Hit]:
    """Live hits the change brings in: their words are inserted, or a negation before them went."""
    new_counts, old_counts = new.live_counts(kind), old.live_counts(kind)
    negated_before = Counter(h.rule.pattern for h in old.of(kind) if h.negated)
    negated_after = Counter(h.rule.pattern for h in new.of(kind) if h.negated)
    return [
        hit
        for hit in new.of(kind, category)
        if hit.live
        and new_counts[hit.rule.pattern] > old_counts[hit.rule.pattern]
        and (hit.changed or negated_before[hit.rule.pattern] > negated_after[hit.rule.pattern])
    ]


def _removed(new: _Side, old: _Side, kind: str, category: str | None = None) -> list[_Hit]:
    new_counts, old_counts = new.live_counts(kind), old.live_counts(kind)
    return [
        hit
        for hit in old.of(kind, category)
        if hit.live and hit.changed and old_counts[hit.rule.pattern] > new_counts[hit.rule.pattern]
    ]


def _signals(change: Any, new: _Side, old: _Side) -> _Signals:
    verbs = tuple(h.evidence for h in new.of("mandate-verb") if not h.negated)
    added_modal = [h for h in new.of("modality") if h.changed and not h.negated]
    removed_modal = [h for h in old.of("modality") if h.changed and not h.negated]
    modal_up = None
    if added_modal and removed_modal:
        strong = max(added_modal, key=lambda h: h.rule.weight)
        weak = max(removed_modal, key=lambda h: h.rule.weight)
        if strong.rule.weight > weak.rule.weight:
            modal_up = (weak.evidence, strong.evidence)
    return _Signals(
        new_clause=change.kind == "added",
        verbs=_unique(verbs),
        verbs_added=_unique(h.evidence for h in _added(new, old, "mandate-verb")),
        modal_up=modal_up,
        limits_removed=_unique(h.evidence for h in _removed(new, old, "limiting")),
        limits_added=_unique(h.evidence for h in _added(new, old, "limiting")),
    )


def _severity(score: float, operative: bool) -> str:
    if not operative:
        return "low"
    if score >= HIGH_SCORE:
        return "high"
    if score >= MEDIUM_SCORE:
        return "medium"
    return "low"


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


def _highest(severities: Iterable[str]) -> str | None:
    ranked = [SEVERITIES.index(s) for s in severities]
    return SEVERITIES[max(ranked)] if ranked else None


def _section_name(section: str) -> str:
    for long, short in _ABBREVIATIONS:
        section = re.sub(re.escape(long), short, section, flags=re.IGNORECASE)
    return section.strip().rstrip(",:;")


def _place(change: Any) -> str:
    part = "an operative clause" if change.operative else "a preambular item"
    return f"{part} of '{_section_name(change.section)}'"


def _quote(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


def _details(signals: _Signals, *, context_only: bool) -> list[str]:
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


def _term_flag(
    change: Any, category: str, hits: list[_Hit], signals: _Signals, *, context_only: bool
) -> Flag:
    strongest = max(hits, key=lambda h: h.rule.weight)
    score = strongest.rule.weight + signals.bonus(context_only=context_only)
    severity = _severity(score, change.operative)
    terms = _quote(_unique(h.evidence for h in hits))
    details = _details(signals, context_only=context_only)
    if context_only:
        reason = f"changes {_place(change)} on {terms}{_with(details)}"
    elif signals.new_clause:
        reason = f"new {_place(change)[3:]} brings in {terms}{_with(details)}"
    else:
        reason = f"adds {terms} to {_place(change)}{_with(details)}"
    if not change.operative:
        reason += " (preambular: context only)"
    evidence = _unique([h.evidence for h in hits] + _evidence_of(signals, context_only))
    return Flag(category, severity, reason, evidence)


def _evidence_of(signals: _Signals, context_only: bool) -> list[str]:
    words = list(signals.verbs_added if context_only else signals.verbs)
    if signals.modal_up:
        words.append(signals.modal_up[1])
    return words + list(signals.limits_removed)


def _safeguard_flag(change: Any, hits: list[_Hit], signals: _Signals, context: bool) -> Flag:
    strongest = max(hits, key=lambda h: h.rule.weight)
    score = strongest.rule.weight + context + bool(signals.modal_up) + bool(signals.limits_removed)
    terms = _quote(_unique(h.evidence for h in hits))
    verb = "deletes a clause with" if change.kind == "deleted" else "removes"
    reason = f"{verb} {terms} from {_place(change)}: fewer voices beside the member states"
    evidence = _unique(h.evidence for h in hits)
    return Flag("multistakeholder", _severity(score, change.operative), reason, evidence)


def _citation_flag(change: Any, category: str, hits: list[_Hit]) -> Flag:
    terms = _quote(_unique(h.evidence for h in hits))
    reason = f"cites {terms} in {_place(change)} only as the title of another text: no new mandate"
    return Flag(category, "low", reason, _unique(h.evidence for h in hits))


def _category_flags(
    change: Any, category: str, new: _Side, old: _Side, sig: _Signals
) -> list[Flag]:
    if category == "multistakeholder":
        removed = _removed(new, old, "safeguard", category)
        if removed:
            context = any(h.live and h.rule.weight >= 2 for h in new.of("term") + old.of("term"))
            flags = [_safeguard_flag(change, removed, sig, context)]
            return flags + _term_flags(change, category, new, old, sig)
    return _term_flags(change, category, new, old, sig)


def _term_flags(change: Any, category: str, new: _Side, old: _Side, sig: _Signals) -> list[Flag]:
    if change.kind == "deleted":
        return []
    added = _added(new, old, "term", category)
    if added:
        return [_term_flag(change, category, added, sig, context_only=False)]
    present = [h for h in new.of("term", category) if h.live]
    if present and sig.triggers():
        return [_term_flag(change, category, present, sig, context_only=True)]
    cited = [h for h in new.of("term", category) if h.changed and h.cited and not h.negated]
    if cited and change.kind in FLAGGED_KINDS:
        return [_citation_flag(change, category, cited)]
    return []


def _limit_only_flags(change: Any, new: _Side, old: _Side, sig: _Signals) -> list[Flag]:
    """Deleting limiting words from an operative clause with no category term still widens it."""
    if not (sig.limits_removed and change.operative and change.kind == "modified"):
        return []
    score = 2 + bool(sig.verbs) + bool(sig.modal_up)
    reason = f"deletes limiting words {_quote(sig.limits_removed)} from {_place(change)}"
    return [Flag("internet-governance", _severity(score, True), reason, sig.limits_removed)]


def flag_change(
    change: Any, rules: Sequence[Rule] | Matcher, *, lang: str | None
) -> tuple[Flag, ...]:
    """Flags for one change of a comparison; () for unchanged, relabelled and moved clauses."""
    if change.kind not in FLAGGED_KINDS:
        return ()
    matcher = rules if isinstance(rules, Matcher) else compile_rules(tuple(rules))
    (old_text, old_mask), (new_text, new_mask) = _sides(change)
    old = _analyse(old_text, old_mask, matcher, lang)
    new = _analyse(new_text, new_mask, matcher, lang)
    signals = _signals(change, new, old)
    flags = [
        f for category in CATEGORIES for f in _category_flags(change, category, new, old, signals)
    ]
    if not flags:
        flags = _limit_only_flags(change, new, old, signals)
    return tuple(sorted(flags, key=lambda f: -SEVERITIES.index(f.severity)))


def flag_comparison(comparison: Any, rules: Sequence[Rule] | None = None) -> FlaggedComparison:
    """Flags every change of ``comparison``; the rule set is compiled once for all of them."""
    matcher = compile_rules(tuple(rules) if rules is not None else load_default_rules())
    lang = getattr(comparison.new, "lang", None) or getattr(comparison.old, "lang", None)
    flagged = tuple(
        FlaggedChange(change, flag_change(change, matcher, lang=lang))
        for change in comparison.changes
    )
    all_flags = [flag for item in flagged for flag in item.flags]
    counts = {category: 0 for category in CATEGORIES}
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
