"""Align two parsed texts clause by clause, by content rather than by label.

Order of work, cheapest and surest first:
1. sections are paired by heading (then by key, heading likeness and shared clauses);
2. clauses with identical text are paired: first in document order (a diff of the two clause
   sequences, each clause hashed to one character), then anywhere (moves);
3. remaining clauses are paired by likeness of their word bigrams (modified, perhaps moved);
4. a clause whose text is found in two or more clauses of the other side is a split or merge;
5. what is left is added or deleted.
A pair is "in place" when its sections are paired, its parent clauses are paired and it is on the
longest run of pairs that kept their order; otherwise it is "moved".
"""

from __future__ import annotations

import bisect
import difflib
import itertools
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from diff_match_patch import diff_match_patch

from .model import (
    ADDED,
    DELETED,
    LEVEL_ANNEX,
    LEVEL_FOOTNOTE,
    LEVEL_HEADER,
    LEVEL_SECTION,
    MERGED,
    MODIFIED,
    MOVED,
    RELABELLED,
    SPLIT,
    UNCHANGED,
    Change,
    Clause,
    Comparison,
    Document,
    Section,
)
from .worddiff import word_diff

HEADER_FIELDS = ("designation", "title", "history", "assembly")
# Word-bigram Dice coefficient needed to pair two clauses of paired sections, and elsewhere
# (a clause modified and moved at once must look more alike).
MIN_LIKENESS = 0.4
MIN_LIKENESS_ELSEWHERE = 0.6
# Split/merge: share of a piece's bigrams found in the clause it came from, and share of that
# clause's bigrams found again in its pieces.
MIN_CONTAINED = 0.6
MIN_COVERED = 0.8
# Bigrams found in more clauses than _COMMON_BIGRAM are boilerplate, not evidence (but each
# clause's _RAREST bigrams always count); only the best _CANDIDATES are compared in full.
_COMMON_BIGRAM = 200
_RAREST = 8
_CANDIDATES = 20

_DMP = diff_match_patch()
_DMP.Diff_Timeout = 0


class _Item:
    """A clause with where it sits: its section, its parents and its place in the document."""

    __slots__ = ("_bigrams", "clause", "index", "norm", "parent", "path", "section")

    def __init__(self, index, section, clause: Clause, path, parent) -> None:
        self.index, self.section, self.clause = index, section, clause
        self.path, self.parent = path, parent
        self.norm = normalize(clause.text)
        self._bigrams: frozenset | None = None

    @property
    def bigrams(self) -> frozenset:
        # Only clauses without an identical counterpart need them: computed on first use.
        if self._bigrams is None:
            words = re.findall(r"\w+", self.norm)
            grams = itertools.pairwise(words) if len(words) > 1 else ((w,) for w in words)
            self._bigrams = frozenset(grams)
        return self._bigrams


@dataclass
class _Pairing:
    old_to_new: dict[int, int] = field(default_factory=dict)
    new_to_old: dict[int, int] = field(default_factory=dict)
    relation: dict[tuple[str, int], str] = field(default_factory=dict)
    groups: list[tuple[str, list[int], list[int]]] = field(default_factory=list)

    def add(self, old: int, new: int) -> None:
        self.old_to_new[old] = new
        self.new_to_old[new] = old


def normalize(text: str) -> str:
    """Form used to decide that two clause texts say the same thing."""
    if not text.isascii() and not unicodedata.is_normalized("NFC", text):
        text = unicodedata.normalize("NFC", text)
    text = text.casefold()
    if "\u2019" in text:
        text = text.replace("\u2019", "'")
    if "  " in text or "\n" in text or "\t" in text:
        text = " ".join(text.split())
    return text.strip().rstrip(" ;,.:")


def compare(old: Document, new: Document) -> Comparison:
    """Every header line, section and clause of both texts, paired and classified."""
    section_map = _pair_sections(old.sections, new.sections)
    old_items, new_items = _flatten(old), _flatten(new)
    pairing = _pair_clauses(old_items, new_items, section_map)
    changes = _header_changes(old, new) + _appendix_changes(old, new)
    changes += _ordered(
        _section_changes(old, new, section_map)
        + _clause_changes(old, new, old_items, new_items, pairing, section_map)
    )
    return Comparison(tuple(c for _, c in changes), old, new)


# --- sections -----------------------------------------------------------------------------------


def _pair_sections(old: tuple[Section, ...], new: tuple[Section, ...]) -> dict[int, int]:
    pairs: dict[int, int] = {}
    by_heading: dict[str, list[int]] = defaultdict(list)
    for j, section in enumerate(new):
        by_heading[normalize(section.heading)].append(j)
    for i, section in enumerate(old):
        candidates = by_heading.get(normalize(section.heading))
        if candidates:
            best = (
                candidates[0] if len(candidates) == 1 else _likeliest(section, i, candidates, new)
            )
            candidates.remove(best)
            pairs[i] = best
    taken = set(pairs.values())
    scored = []
    for i, a in enumerate(old):
        if i in pairs:
            continue
        for j, b in enumerate(new):
            if j in taken or a.kind != b.kind:
                continue
            score = _section_likeness(a, b)
            if score >= 0.5:
                scored.append((-score, i, j))
    for _, i, j in sorted(scored):
        if i not in pairs and j not in taken:
            pairs[i] = j
            taken.add(j)
    return pairs


def _likeliest(section: Section, i: int, candidates: list[int], new) -> int:
    """Of sections printing the same heading, the one sharing most clauses, then the nearest."""
    texts = {normalize(c.text) for c in section.clauses}

    def score(j: int) -> tuple[int, int]:
        return len(texts & {normalize(c.text) for c in new[j].clauses}), -abs(i - j)

    return max(candidates, key=score)


def _section_likeness(a: Section, b: Section) -> float:
    heading = difflib.SequenceMatcher(None, normalize(a.heading), normalize(b.heading)).ratio()
    texts_a = {normalize(c.text) for c in a.clauses}
    texts_b = {normalize(c.text) for c in b.clauses}
    shared = len(texts_a & texts_b) / max(len(texts_a | texts_b), 1)
    return 0.4 * heading + 0.4 * shared + (0.2 if a.key == b.key else 0.0)


# --- clauses -----------------------------------------------------------------------------------


def _flatten(doc: Document) -> list[_Item]:
    items: list[_Item] = []

    def walk(clauses: tuple[Clause, ...], section: int, path: tuple[str, ...], parent):
        for clause in clauses:
            item = _Item(len(items), section, clause, path, parent)
            items.append(item)
            walk(clause.children, section, (*path, clause.label), item.index)

    for s, section in enumerate(doc.sections):
        walk(section.clauses, s, (), None)
    return items


def _pair_clauses(old: list[_Item], new: list[_Item], sections: dict[int, int]) -> _Pairing:
    pairing = _Pairing()
    _pair_in_order(old, new, pairing)
    _pair_identical(old, new, pairing, sections)
    _pair_alike(old, new, pairing, sections)
    _find_splits(old, new, pairing, SPLIT)
    _find_splits(new, old, pairing, MERGED)
    return pairing


def _pair_in_order(old: list[_Item], new: list[_Item], pairing: _Pairing) -> None:
    """Identical clauses in document order: a diff of the clause sequences."""
    codes: dict[str, str] = {}

    def encode(items: list[_Item]) -> str:
        return "".join(codes.setdefault(i.norm, chr(0x100 + len(codes))) for i in items)

    a, b = encode(old), encode(new)
    i = j = 0
    for op, chars in _DMP.diff_main(a, b, False):
        if op == 0:
            for k in range(len(chars)):
                pairing.add(i + k, j + k)
        i += len(chars) if op <= 0 else 0
        j += len(chars) if op >= 0 else 0


def _pair_identical(old, new, pairing: _Pairing, sections: dict[int, int]) -> None:
    """Identical clauses out of order: moves (nearest same-section candidate first)."""
    waiting: dict[str, list[_Item]] = defaultdict(list)
    for item in new:
        if item.index not in pairing.new_to_old and item.norm:
            waiting[item.norm].append(item)
    for item in old:
        if item.index in pairing.old_to_new or not waiting.get(item.norm):
            continue
        candidates = waiting[item.norm]
        best = min(
            candidates,
            key=lambda c: (
                sections.get(item.section) != c.section,
                abs(c.index - item.index),
            ),
        )
        candidates.remove(best)
        pairing.add(item.index, best.index)


def _postings(items) -> dict[tuple, list[int]]:
    postings: dict[tuple, list[int]] = defaultdict(list)
    for item in items:
        for gram in item.bigrams:
            postings[gram].append(item.index)
    return postings


def _candidates(item: _Item, postings: dict[tuple, list[int]]) -> list[int]:
    """Indices of the clauses sharing the most distinctive bigrams with `item`, best first.

    Bigrams found in many clauses are boilerplate and are skipped (but the rarest few are always
    used), and only the best _CANDIDATES are returned: this keeps long texts linear.
    """
    grams = sorted((len(postings.get(g, ())), g) for g in item.bigrams)
    shared: Counter = Counter()
    for rank, (count, gram) in enumerate(grams):
        if count == 0:
            continue
        if count > _COMMON_BIGRAM and rank >= _RAREST:
            break
        shared.update(postings[gram])
    ranked = sorted(shared.items(), key=lambda kv: (-kv[1], kv[0]))
    return [index for index, _ in ranked[:_CANDIDATES]]


def _pair_alike(old, new, pairing: _Pairing, sections: dict[int, int]) -> None:
    """Modified clauses: greedy on word-bigram likeness, same section preferred."""
    postings = _postings(n for n in new if n.index not in pairing.new_to_old)
    scored = []
    for o in old:
        if o.index in pairing.old_to_new or not o.bigrams:
            continue
        for j in _candidates(o, postings):
            n = new[j]
            dice = 2 * len(o.bigrams & n.bigrams) / (len(o.bigrams) + len(n.bigrams))
            same = sections.get(o.section) == n.section
            if dice >= (MIN_LIKENESS if same else MIN_LIKENESS_ELSEWHERE):
                scored.append((-(dice + 0.1 * same), abs(o.index - j), o.index, j))
    for _, _, i, j in sorted(scored):
        if i not in pairing.old_to_new and j not in pairing.new_to_old:
            pairing.add(i, j)


def _contained(piece: _Item, whole: _Item) -> float:
    if not piece.bigrams:
        return 0.0
    return len(piece.bigrams & whole.bigrams) / len(piece.bigrams)


def _find_splits(source, target, pairing: _Pairing, relation: str) -> None:
    """A source clause whose text is spread over consecutive target clauses.

    Called as (old, new) for splits and as (new, old) for merges; `forward` maps source to target.
    """
    forward = pairing.old_to_new if relation == SPLIT else pairing.new_to_old
    backward = pairing.new_to_old if relation == SPLIT else pairing.old_to_new
    postings = _postings(t for t in target if t.index not in backward)
    if not postings:
        return
    for s in source:
        partner = forward.get(s.index)
        if partner is not None and target[partner].norm == s.norm:
            continue  # cheap test first: most clauses are paired with an identical one
        if partner is not None and _contained(s, target[partner]) > 0.9:
            continue  # the partner already holds (nearly) all of it: nothing was split off
        pieces = [
            target[j]
            for j in _candidates(s, postings)
            if j not in backward and _contained(target[j], s) >= MIN_CONTAINED
        ]
        if partner is not None and _contained(target[partner], s) >= MIN_CONTAINED:
            pieces.append(target[partner])
        if len(pieces) < 2 or any(t.index in backward and t.index != partner for t in pieces):
            continue
        pieces.sort(key=lambda t: t.index)
        if any(
            b.index - a.index > 1 + len(a.clause.children) for a, b in itertools.pairwise(pieces)
        ):
            continue
        covered = set().union(*(t.bigrams for t in pieces)) & s.bigrams
        if len(covered) < MIN_COVERED * len(s.bigrams):
            continue
        # The extra pieces must add text the current partner lacks: boilerplate shared with a
        # neighbour ("la Résolution 13xx, adoptée … par le Conseil") is no split or merge.
        if partner is not None and len(covered) < len(target[partner].bigrams & s.bigrams) + max(
            2, 0.1 * len(s.bigrams)
        ):
            continue
        if partner is not None:
            forward.pop(s.index)
            backward.pop(partner)
        for t in pieces:
            backward[t.index] = s.index
        indices = [t.index for t in pieces]
        if relation == SPLIT:
            pairing.groups.append((SPLIT, [s.index], indices))
        else:
            pairing.groups.append((MERGED, indices, [s.index]))


# --- classification -----------------------------------------------------------------------------


def _longest_increasing(pairs: list[tuple[int, int]]) -> set[tuple[int, int]]:
    """The longest run of (old, new) pairs (sorted by old) whose new positions also increase."""
    tails: list[int] = []
    tail_at: list[int] = []
    previous: list[int] = [-1] * len(pairs)
    for k, (_, j) in enumerate(pairs):
        pos = bisect.bisect_left(tails, j)
        if pos == len(tails):
            tails.append(j)
            tail_at.append(k)
        else:
            tails[pos] = j
            tail_at[pos] = k
        previous[k] = tail_at[pos - 1] if pos else -1
    keep: set[tuple[int, int]] = set()
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        keep.add(pairs[k])
        k = previous[k]
    return keep


def _in_place(old, new, pairing: _Pairing, sections: dict[int, int]) -> set[int]:
    """Old clause indices whose pair kept its section, parent and relative order."""
    by_section: dict[tuple[int, int], list[tuple[int, int]]] = defaultdict(list)
    for i, j in sorted(pairing.old_to_new.items()):
        o, n = old[i], new[j]
        if sections.get(o.section) != n.section:
            continue
        parent_ok = (
            o.parent is None
            and n.parent is None
            or o.parent is not None
            and pairing.old_to_new.get(o.parent) == n.parent
        )
        if parent_ok:
            by_section[(o.section, n.section)].append((i, j))
    kept: set[int] = set()
    for pairs in by_section.values():
        kept.update(i for i, _ in _longest_increasing(pairs))
    return kept


def _kind(old_clause: Clause, new_clause: Clause, in_place: bool) -> str:
    if not in_place:
        return MOVED
    if _without_spaces(old_clause.text) != _without_spaces(new_clause.text):
        return MODIFIED
    if old_clause.label != new_clause.label:
        return RELABELLED
    return UNCHANGED


def _without_spaces(text: str) -> str:
    # Editions re-typeset the same words ("eenheid klasse" vs "eenheidklasse" in a flattened
    # table): spacing alone never makes a clause "modified".
    return "".join(text.split())


def _change(
    section: Section, kind: str, o: _Item | None, n: _Item | None, ops, relation=None
) -> Change:
    return Change(
        kind=kind,
        section=section.heading,
        section_key=section.key,
        operative=section.operative,
        old_label=o.clause.label if o else None,
        new_label=n.clause.label if n else None,
        old_text=o.clause.text if o else None,
        new_text=n.clause.text if n else None,
        ops=tuple(ops),
        relation=relation,
        old_path=o.path if o else (),
        new_path=n.path if n else (),
    )


def _clause_changes(old_doc, new_doc, old, new, pairing: _Pairing, sections):
    in_place = _in_place(old, new, pairing, sections)
    anchors = _Anchors(old_doc, new_doc, old, new, pairing, sections)
    changes = []
    grouped = {
        (side, k)
        for _, olds, news in pairing.groups
        for side, ks in (("old", olds), ("new", news))
        for k in ks
    }
    for i, j in pairing.old_to_new.items():
        if ("old", i) in grouped:
            continue
        o, n = old[i], new[j]
        kind = _kind(o.clause, n.clause, i in in_place)
        ops = word_diff(o.clause.text, n.clause.text)
        changes.append((anchors.new_key(j), _change(new_doc.sections[n.section], kind, o, n, ops)))
    for relation, olds, news in pairing.groups:
        for o, n, ops in _group_ops(relation, [old[i] for i in olds], [new[j] for j in news]):
            kind = (
                MODIFIED
                if any(op for op, _ in ops)
                else (RELABELLED if o.clause.label != n.clause.label else UNCHANGED)
            )
            section = new_doc.sections[n.section]
            key = anchors.new_key(n.index) if relation == SPLIT else anchors.old_key(o.index)
            changes.append((key, _change(section, kind, o, n, ops, relation)))
    for o in old:
        if o.index not in pairing.old_to_new and ("old", o.index) not in grouped:
            ops = ((-1, o.clause.text),) if o.clause.text else ()
            section = old_doc.sections[o.section]
            changes.append((anchors.old_key(o.index), _change(section, DELETED, o, None, ops)))
    for n in new:
        if n.index not in pairing.new_to_old and ("new", n.index) not in grouped:
            ops = ((1, n.clause.text),) if n.clause.text else ()
            section = new_doc.sections[n.section]
            changes.append((anchors.new_key(n.index), _change(section, ADDED, None, n, ops)))
    return changes


def _group_ops(relation: str, olds: list[_Item], news: list[_Item]):
    """Split: one old clause, several new pieces; each piece gets its share of the diff."""
    many = news if relation == SPLIT else olds
    one = olds[0] if relation == SPLIT else news[0]
    joined = " ".join(p.clause.text for p in many)
    ops = (
        word_diff(one.clause.text, joined)
        if relation == SPLIT
        else word_diff(joined, one.clause.text)
    )
    side = 1 if relation == SPLIT else -1  # ops on this side belong to one piece
    bounds, start = [], 0
    for p in many:
        bounds.append((start, start + len(p.clause.text)))
        start += len(p.clause.text) + 1
    shares: list[list] = [[] for _ in many]
    pos, k = 0, 0
    for op, text in ops:
        if op == -side:
            shares[k].append((op, text))
            continue
        while text:
            while k < len(many) - 1 and pos >= bounds[k][1]:
                k += 1
            if pos < bounds[k][0]:  # the joining space
                skip = min(bounds[k][0] - pos, len(text))
                pos, text = pos + skip, text[skip:]
                continue
            take = min(bounds[k][1] - pos, len(text)) if k < len(many) - 1 else len(text)
            shares[k].append((op, text[:take]))
            pos, text = pos + take, text[take:]
    for piece, share in zip(many, shares, strict=True):
        merged = _merge_ops(share)
        yield (one, piece, merged) if relation == SPLIT else (piece, one, merged)


def _merge_ops(ops) -> tuple:
    out: list[list] = []
    for op, text in ops:
        if out and out[-1][0] == op:
            out[-1][1] += text
        elif text:
            out.append([op, text])
    return tuple((op, text) for op, text in out)


class _Anchors:
    """Sort keys placing every change in the new document's reading order.

    Deleted clauses and sections sit right after the nearest preceding item that survived.
    """

    def __init__(self, old_doc, new_doc, old, new, pairing, sections) -> None:
        self.old, self.new, self.pairing = old, new, pairing
        self.section_pos = _section_positions(old_doc, new_doc, sections)

    def new_key(self, j: int) -> tuple:
        return (self.section_pos["new", self.new[j].section], 1, j, 0)

    def old_key(self, i: int) -> tuple:
        o = self.old[i]
        for k in range(i - 1, -1, -1):
            p = self.old[k]
            if p.section != o.section:
                break
            if k in self.pairing.old_to_new:
                j = self.pairing.old_to_new[k]
                if self.new[j].section == self._section_partner(o.section):
                    return (*self.new_key(j)[:3], 1 + i)
        return (self.section_pos["old", o.section], 1, -1, 1 + i)

    def _section_partner(self, s: int):
        pos = self.section_pos["old", s]
        for (side, idx), value in self.section_pos.items():
            if side == "new" and value == pos:
                return idx
        return None


def _section_positions(old_doc, new_doc, sections: dict[int, int]) -> dict[tuple[str, int], float]:
    positions: dict[tuple[str, int], float] = {
        ("new", j): float(j) for j in range(len(new_doc.sections))
    }
    last = -1.0
    for i in range(len(old_doc.sections)):
        if i in sections:
            last = positions["old", i] = float(sections[i])
        else:
            last = positions["old", i] = last + 0.001 if last % 1 else last + 0.5
    return positions


def _section_changes(old_doc: Document, new_doc: Document, sections: dict[int, int]):
    pairs = sorted(sections.items())
    in_order = {i for i, _ in _longest_increasing(pairs)}
    positions = _section_positions(old_doc, new_doc, sections)
    changes = []
    for i, j in pairs:
        a, b = old_doc.sections[i], new_doc.sections[j]
        kind = MOVED if i not in in_order else (MODIFIED if a.heading != b.heading else UNCHANGED)
        changes.append(((float(j), 0, 0, 0), _section_change(kind, a, b)))
    for i, a in enumerate(old_doc.sections):
        if i not in sections:
            changes.append(((positions["old", i], 0, 0, 0), _section_change(DELETED, a, None)))
    paired_new = set(sections.values())
    for j, b in enumerate(new_doc.sections):
        if j not in paired_new:
            changes.append(((float(j), 0, 0, 0), _section_change(ADDED, None, b)))
    return changes


def _section_change(kind: str, a: Section | None, b: Section | None) -> Change:
    shown = b or a
    return Change(
        kind=kind,
        section=shown.heading,
        section_key=shown.key,
        operative=shown.operative,
        old_label=None,
        new_label=None,
        old_text=a.heading if a else None,
        new_text=b.heading if b else None,
        ops=_text_ops(a.heading if a else None, b.heading if b else None),
        level=LEVEL_SECTION,
    )


def _text_ops(old: str | None, new: str | None) -> tuple:
    if old is None:
        return ((1, new),) if new else ()
    if new is None:
        return ((-1, old),) if old else ()
    return word_diff(old, new)


def _text_change(section: str, key: str, a: str | None, b: str | None, level: str) -> Change:
    """A change between two texts outside the clauses: a header line, an annex, a footnote."""
    if a is None or b is None:
        kind = ADDED if a is None else DELETED
    else:
        kind = UNCHANGED if a == b else MODIFIED
    return Change(
        kind=kind,
        section=section,
        section_key=key,
        operative=False,
        old_label=None,
        new_label=None,
        old_text=a,
        new_text=b,
        ops=_text_ops(a, b),
        level=level,
    )


def _header_changes(old: Document, new: Document) -> list[tuple[tuple, Change]]:
    changes = []
    for name in HEADER_FIELDS:
        a, b = getattr(old, name) or None, getattr(new, name) or None
        if a is not None or b is not None:
            changes.append(((-1.0, 0, 0, 0), _text_change(name, "header", a, b, LEVEL_HEADER)))
    return changes


def _appendix_changes(old: Document, new: Document) -> list[tuple[tuple, Change]]:
    """Annexes and footnotes not attached to a clause, compared in their order of appearance."""
    changes = []
    for level, name, singular in (
        (LEVEL_ANNEX, "annexes", "annex"),
        (LEVEL_FOOTNOTE, "footnotes", "footnote"),
    ):
        a_items, b_items = getattr(old, name), getattr(new, name)
        for k in range(max(len(a_items), len(b_items))):
            a = a_items[k] if k < len(a_items) else None
            b = b_items[k] if k < len(b_items) else None
            change = _text_change(f"{singular} {k + 1}", singular, a, b, level)
            changes.append(((float("inf"), 0, 0, 0), change))
    return changes


def _ordered(changes: list[tuple[tuple, Change]]) -> list[tuple[tuple, Change]]:
    return sorted(changes, key=lambda kc: kc[0])
