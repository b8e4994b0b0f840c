"""How the detector reads one change: which words it adds or removes, and in what context.

Each side of a change (old text with its deleted words, new text with its inserted words) is
matched against the rules; each match knows whether its words changed, whether a negation
("shall not …") governs it and whether it sits in the title of a cited text.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .model import Change
from .rules import Match, Matcher, Rule, Token
from .rules import tokenize as _tokenize
from .worddiff import word_diff

# Overlapping matches: the longest wins; on equal length the more specific kind does.
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
_TASK_WINDOW = 3
_CLAUSE_BREAK = re.compile(r"[;.:!?]")
_QUOTES = re.compile(r"\"[^\"]*\"|“[^”]*”|«[^»]*»|„[^“”]*[“”]")
# A comma then one of these starts the cited resolution's own operative text again.
_INFINITIVE_MARKERS = frozenset({"to", "de", "d", "a", "para", "que", "that"})

# ---------------------------------------------------------------- analysis of one side of a change


@dataclass(frozen=True)
class Hit:
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
class Side:
    hits: tuple[Hit, ...]
    # Every occurrence of each pattern, also inside a longer match: "IPv6" still occurs in "IPv6
    # addresses", so rewording one into the other neither adds nor removes it.
    occurrences: Counter

    def of(self, kind: str, category: str | None = None) -> list[Hit]:
        return [
            hit
            for hit in self.hits
            if hit.rule.kind == kind and (category is None or hit.rule.category == category)
        ]

    def live_counts(self, kind: str) -> Counter:
        return Counter(hit.rule.pattern for hit in self.of(kind) if hit.live)


def read_side(text: str, mask: Sequence[bool], matcher: Matcher, lang: str | None) -> Side:
    tokens = _tokenize(text, mask)
    found = matcher.find(tokens, lang)
    matches = _resolve_overlaps(found)
    negated = _negation_scope(text, tokens, matches, matcher.negation_words)
    cited = _citation_scope(text, tokens, matches)
    hits = []
    for match in matches:
        span = range(match.first, match.last + 1)
        hits.append(
            Hit(
                match=match,
                evidence=text[tokens[match.first].start : tokens[match.last].end],
                changed=any(tokens[i].changed for i in span),
                negated=any(i in negated for i in span),
                cited=any(i in cited for i in span),
            )
        )
    return Side(tuple(hits), Counter(match.rule.pattern for match in found))


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


def _negation_scope(
    text: str, tokens: Sequence[Token], matches: list[Match], cue_words: frozenset[str]
) -> set[int]:
    scope: set[int] = set()
    # A limiting phrase that opens with a negation ("without duplicating") negates what follows.
    cues = [
        m
        for m in matches
        if m.rule.kind == "negation"
        or (m.rule.kind == "limiting" and tokens[m.first].folded in cue_words)
    ]
    for cue in cues:
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
    verbs = [m for m in matches if m.rule.kind == "mandate-verb"]
    for cue in (m for m in matches if m.rule.kind == "citation"):
        if any(0 < cue.first - verb.last <= _TASK_WINDOW for verb in verbs):
            continue  # "develop ITU-T Recommendations on …" is a task, not a reference
        scope.update(range(cue.first, cue.last + 1))
        title = next(
            (t for t in titles if 0 < t.first - cue.last <= _TITLE_WINDOW),
            None,
        )
        if title is None or any(
            ";" in _gap(text, tokens, i) or _resumes(text, tokens, i)
            for i in range(cue.last, title.first)
        ):
            continue
        scope.update(_title_extent(text, tokens, title.first))
    return scope


def _resumes(text: str, tokens: Sequence[Token], index: int) -> bool:
    """Whether the clause's own text resumes after token ``index`` (", to develop …")."""
    return (
        index + 1 < len(tokens)
        and "," in _gap(text, tokens, index)
        and tokens[index + 1].folded in _INFINITIVE_MARKERS
    )


def _title_extent(text: str, tokens: Sequence[Token], start: int) -> range:
    index = start
    while index + 1 < len(tokens):
        if _CLAUSE_BREAK.search(_gap(text, tokens, index)) or _resumes(text, tokens, index):
            break
        index += 1
    return range(start, index + 1)


# ---------------------------------------------------------------- masks from the diff ops


def masked_texts(change: Change) -> tuple[tuple[str, list[bool]], tuple[str, list[bool]]]:
    """(old text, deleted-character mask), (new text, inserted-character mask)."""
    old_text, new_text = change.old_text or "", change.new_text or ""
    if change.kind == "added":
        return (old_text, [False] * len(old_text)), (new_text, [True] * len(new_text))
    if change.kind == "deleted":
        return (old_text, [True] * len(old_text)), (new_text, [False] * len(new_text))
    # Hand-built changes and rewrites read as one change come without ops: diff them here.
    ops = tuple(change.ops) or word_diff(old_text, new_text)
    old, new = ([], []), ([], [])
    for op, piece in ops:
        if op <= 0:
            old[0].append(piece)
            old[1].extend([op < 0] * len(piece))
        if op >= 0:
            new[0].append(piece)
            new[1].extend([op > 0] * len(piece))
    return ("".join(old[0]), old[1]), ("".join(new[0]), new[1])


# ---------------------------------------------------------------- signals of a change


@dataclass(frozen=True)
class Signals:
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

    def tasks(self) -> bool:
        """Whether the clause gives work: without it an added term is a mention, not a mandate."""
        return bool(self.verbs or self.modal_up or self.limits_removed)

    def triggers(self) -> bool:
        """Whether the change itself adds work or obligation to words already in the clause."""
        return bool(self.verbs_added or self.modal_up or self.limits_removed)


def added_hits(new: Side, old: Side, kind: str, category: str | None = None) -> list[Hit]:
    """Live hits the change brings in: their words are inserted, or a negation before them went."""
    new_counts, old_counts = new.live_counts(kind), old.live_counts(kind)
    negated_before = Counter(h.rule.pattern for h in old.of(kind) if h.negated)
    negated_after = Counter(h.rule.pattern for h in new.of(kind) if h.negated)
    return [
        hit
        for hit in new.of(kind, category)
        if hit.live
        and new_counts[hit.rule.pattern] > old_counts[hit.rule.pattern]
        and (
            (hit.changed and _more(new, old, hit))
            or negated_before[hit.rule.pattern] > negated_after[hit.rule.pattern]
        )
    ]


def _more(side: Side, other: Side, hit: Hit) -> bool:
    return side.occurrences[hit.rule.pattern] > other.occurrences[hit.rule.pattern]


def removed_hits(new: Side, old: Side, kind: str, category: str | None = None) -> list[Hit]:
    new_counts, old_counts = new.live_counts(kind), old.live_counts(kind)
    return [
        hit
        for hit in old.of(kind, category)
        if hit.live
        and hit.changed
        and old_counts[hit.rule.pattern] > new_counts[hit.rule.pattern]
        and _more(old, new, hit)
    ]


def read_signals(change: Change, new: Side, old: Side) -> Signals:
    verbs = tuple(h.evidence for h in new.of("mandate-verb") if not h.negated)
    added_modal = [h for h in new.of("modality") if h.changed and not h.negated]
    removed_modal = [h for h in old.of("modality") if h.changed and not h.negated]
    modal_up = None
    if added_modal and removed_modal:
        strong = max(added_modal, key=lambda h: h.rule.weight)
        weak = max(removed_modal, key=lambda h: h.rule.weight)
        if strong.rule.weight > weak.rule.weight:
            modal_up = (weak.evidence, strong.evidence)
    return Signals(
        new_clause=change.kind == "added",
        verbs=unique(verbs),
        verbs_added=unique(h.evidence for h in added_hits(new, old, "mandate-verb")),
        modal_up=modal_up,
        limits_removed=unique(h.evidence for h in removed_hits(new, old, "limiting")),
        limits_added=unique(h.evidence for h in added_hits(new, old, "limiting")),
    )


def lifted_hits(change: Change, new: Side, old: Side, category: str) -> list[Hit]:
    """Terms a removed prohibition covered ("shall not engage in …"): lifting it widens the role."""
    before = Counter(h.rule.pattern for h in old.of("term") if h.negated)
    after = Counter(h.rule.pattern for h in new.of("term") if h.negated)
    return [
        hit
        for hit in old.of("term", category)
        if hit.negated
        and not hit.cited
        and before[hit.rule.pattern] > after[hit.rule.pattern]
        and (hit.changed or change.kind == "deleted")
    ]


def unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))
