"""Parse the text of an ITU resolution into a Document of sections and clauses."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import labels as lb
from .cleanup import MARKER_RE, clean, strip_markers
from .headings import (
    INSTRUMENTS,
    LANGUAGES,
    HeadingMatch,
    fold,
    match_heading,
)
from .model import OPERATIVE, PREAMBULAR, Clause, Document, ParseError, Section

_MAX_HEADING = (
    300  # a "heading" longer than this is running text that starts with a verb
)
_NOT_ADDRESSEE = re.compile(
    r"\b(?:thereof|hereof|above|below|ci-dessus|supra)\b", re.IGNORECASE
)
# Where an operative heading's addressee ends and its first clause begins.
_STOPS = {
    "en": re.compile(rf"\s+(?=(?:to|that)\s)|\s+(?={lb.LABEL}\s)"),
}
_LABEL_STOP = re.compile(rf"\s+(?={lb.LABEL}\s)")
_HISTORY = re.compile(r"^\(.*\d{4}.*\)$")
_PART = re.compile(r"(?:^|\s)(?:\d{1,4}\s+)?PART\s+[IVX]+\s+-\s")


def parse(text: str, lang: str | None = None) -> Document:
    """Parse a resolution (or decision, recommendation); raise ParseError if it is not one."""
    if text is None or not text.strip():
        raise ParseError("empty text")
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {LANGUAGES}")
    cleaned = clean(text)
    lines = cleaned.text.split("\n")
    lang = lang or detect_language(lines)
    header = _read_header(lines, lang)
    body, annexes, tail = _split_tail(lines[header.body_start :], lang)
    items = [item for line in body for item in split_line(line, lang)]
    builders, before = _build_sections(items)
    footnotes = _Footnotes(cleaned.footnotes)
    sections = tuple(b.freeze(footnotes) for b in builders)
    if not sections:
        raise ParseError(
            "no resolution headings found (such as 'considering', 'recognizing', 'resolves')"
        )
    _check_leading_text(header, body)
    if not any(s.kind == OPERATIVE for s in sections):
        raise ParseError(
            "no operative section found (such as 'resolves', 'decides', 'instructs')"
        )
    return Document(
        title=footnotes.strip(header.title),
        number=header.number,
        history=footnotes.strip(header.history),
        assembly=footnotes.strip(header.assembly),
        lang=lang,
        sections=sections,
        footnotes=footnotes.unattached(),
        revision=header.revision,
        designation=header.designation,
        instrument=header.instrument,
        annexes=tuple(footnotes.strip(a) for a in annexes),
        unparsed=tuple(footnotes.strip(t) for t in (*header.unparsed, *before, *tail)),
    )


def detect_language(lines: list[str]) -> str:
    """The language whose headings stand alone on the most lines (English on a tie)."""
    scores = {
        lang: sum(1 for line in lines if _line_heading(line, lang))
        for lang in LANGUAGES
    }
    best = max(scores.values())
    return next(lang for lang in LANGUAGES if scores[lang] == best)


# --- header -----------------------------------------------------------------------------------


@dataclass
class _Header:
    title: str = ""
    number: str = ""
    revision: str = ""
    designation: str = ""
    instrument: str = ""
    history: str = ""
    assembly: str = ""
    body_start: int = 0
    unparsed: list[str] = field(default_factory=list)


def _instrument_re(lang: str) -> re.Pattern[str]:
    words = {
        w: kind
        for kind in ("resolution", "decision", "recommendation")
        for w in INSTRUMENTS[lang][kind]
    }
    alternation = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(
        rf"^(?P<word>{alternation})\s+(?P<number>[^\s(]+(?:\s+[^\s(]+)?)\s*"
        r"(?:\((?P<rev>[^)]*)\))?\s*$",
        re.IGNORECASE,
    )


def _instrument_kind(word: str, lang: str) -> str:
    for kind in ("resolution", "decision", "recommendation"):
        if fold(word) in INSTRUMENTS[lang][kind]:
            return kind
    return ""


def _is_assembly_line(line: str, lang: str) -> bool:
    folded = fold(line)
    table = INSTRUMENTS[lang]
    starts = any(
        folded.startswith(a) if a.endswith("'") else folded.startswith(a + " ")
        for a in table["article"]
    )
    return (
        starts
        and any(re.search(rf"\b{w}\b", folded) for w in table["assembly"])
        and re.search(r"\d{4}\)\s*,?\s*$", folded) is not None
    )


def _read_header(lines: list[str], lang: str) -> _Header:
    first_heading = next(
        (i for i, line in enumerate(lines) if _line_heading(line, lang)), len(lines)
    )
    header = _Header(body_start=first_heading)
    pattern = _instrument_re(lang)
    start = next((i for i in range(first_heading) if pattern.match(lines[i])), None)
    if start is None:
        header.unparsed = lines[:first_heading]
        return header
    m = pattern.match(lines[start])
    header.instrument = _instrument_kind(m.group("word"), lang)
    header.number = m.group("number")
    header.revision = (m.group("rev") or "").strip()
    header.designation = lines[start]
    header.unparsed = lines[:start]
    title: list[str] = []
    for line in lines[start + 1 : first_heading]:
        if _is_assembly_line(line, lang) and not header.assembly:
            header.assembly = line
        elif _HISTORY.match(line) and not header.history and not header.assembly:
            header.history = line
        elif not header.history and not header.assembly:
            title.append(line)
        else:
            header.unparsed.append(line)
    header.title = " ".join(title)
    return header


def _check_leading_text(header: _Header, body: list[str]) -> None:
    """A long text before the "RESOLUTION n" line means a bigger document quoting a resolution."""
    leading = sum(len(line) for line in header.unparsed)
    if leading > 3000 and leading > sum(len(line) for line in body):
        raise ParseError(
            f"not a resolution text: {leading} characters precede the line "
            f"{header.designation or 'of the first heading'!r}; give the resolution on its own"
        )


def _split_tail(lines: list[str], lang: str) -> tuple[list[str], list[str], list[str]]:
    """Body lines, annex texts and text beyond the resolution (next part of the Final Acts)."""
    text = "\n".join(lines)
    tail: list[str] = []
    part = _PART.search(text)
    if part:
        text, tail = text[: part.start()], [" ".join(text[part.start() :].split())]
    annex_words = "|".join(w.upper() for w in INSTRUMENTS[lang]["annex"])
    kinds = "|".join(
        w.upper()
        for k in ("resolution", "decision", "recommendation")
        for w in INSTRUMENTS[lang][k]
    )
    annex_re = re.compile(
        rf"(?:^|(?<=\s))(?:{annex_words})\b(?:\s+\d+|\s+[A-Z])?"
        rf"(?:\s+\S+){{0,2}}?\s+(?:{kinds})\b|^(?:{annex_words})(?:\s+\d+)?$",
        re.MULTILINE,
    )
    words = [w.upper() for w in INSTRUMENTS[lang]["annex"]]
    starts = (
        [m.start() for m in annex_re.finditer(text)]
        if any(w in text for w in words)
        else []
    )
    if not starts:
        return text.split("\n"), [], tail
    annexes = [
        " ".join(text[a:b].split())
        for a, b in zip(starts, [*starts[1:], len(text)], strict=True)
    ]
    return text[: starts[0]].split("\n"), annexes, tail


# --- lines into headings and items --------------------------------------------------------------


@dataclass(frozen=True)
class _Item:
    """One logical line: a heading, or a clause text with its label ("" if none)."""

    text: str
    label: str | None = None
    heading: HeadingMatch | None = None


def _line_heading(line: str, lang: str) -> tuple[HeadingMatch, str, str] | None:
    """(match, heading as printed, rest) if the line starts with a section heading."""
    m = match_heading(line, lang)
    if m is None:
        return None
    rest = line[m.end :]
    if m.kind == PREAMBULAR:
        if rest.strip(" ,:"):
            return None
        return m, line.strip(" ,:"), ""
    stop = _STOPS.get(lang, _LABEL_STOP).search(line, m.end)
    end = stop.start() if stop else len(line)
    addressee = line[m.end : end]
    if end > _MAX_HEADING or _NOT_ADDRESSEE.search(addressee):
        return None
    if addressee and not addressee[:1].isspace() and addressee[:1] not in ",:":
        return None
    return m, line[:end].strip(" ,:"), line[end:].strip()


def _glued_splits(line: str, lang: str) -> list[int]:
    """Offsets where a heading glued to the previous paragraph starts."""
    splits = []
    for m in re.finditer(r"[,;.:]\s+", line):
        rest = line[m.end() :]
        found = match_heading(rest, lang)
        if found is None or not rest[:1].islower():
            continue
        # a preamble heading glued to a paragraph is only believed at the end of the line
        bare = not rest[found.end :].strip(" ,:")
        if (found.kind == OPERATIVE or bare) and _line_heading(rest, lang):
            splits.append(m.end())
    return splits


def split_line(line: str, lang: str) -> list[_Item]:
    """A physical line as logical lines: glued headings apart, inline items apart."""
    pieces, last = [], 0
    for offset in _glued_splits(line, lang):
        pieces.append(line[last:offset].strip())
        last = offset
    pieces.append(line[last:].strip())
    items: list[_Item] = []
    for piece in filter(None, pieces):
        found = _line_heading(piece, lang)
        if found:
            match, heading, rest = found
            items.append(_Item(heading, heading=match))
            piece = rest
        if piece:
            items.extend(_split_items(piece))
    return items


def _split_items(text: str) -> list[_Item]:
    m = lb.LABEL_AT_START.match(text)
    label = m.group("label") if m else None
    body = text[m.end() :] if m else text
    accepted = [label] if label else []
    cuts: list[tuple[int, int, str]] = []
    candidates = sorted(
        [*lb.INLINE_LABEL.finditer(body), *lb.INLINE_BULLET.finditer(body)],
        key=lambda c: c.start(),
    )
    for c in candidates:
        new = c.group("label")
        if cuts and c.start() < cuts[-1][1]:
            continue
        before = body[: c.start()].rstrip()[-1:]
        if _accept_inline(new, before, accepted):
            accepted.append(new)
            cuts.append((c.start(), c.end(), new))
    items, last, current = [], 0, label
    for start, end, new in cuts:
        items.append(_Item(body[last:start].strip(), current or ""))
        last, current = end, new
    items.append(_Item(body[last:].strip(), current or ""))
    if label is None:
        items[0] = _Item(items[0].text, None)
    return items


def _accept_inline(label: str, before: str, accepted: list[str]) -> bool:
    if label[:1] in lb.BULLETS:
        return True
    if label[:1] in lb.DASHES:
        return before in ":;" and (
            before == ":" or bool(accepted) and accepted[-1] in lb.DASHES
        )
    if before == ":" and lb.is_first(label):
        return True
    return any(lb.is_successor(prev, label) for prev in accepted)


# --- items into sections and clause trees ------------------------------------------------------


@dataclass
class _Node:
    label: str
    parts: list[str]
    children: list[_Node] = field(default_factory=list)

    @property
    def text(self) -> str:
        return " ".join(self.parts)

    def freeze(self, footnotes: _Footnotes) -> Clause:
        text, ids = strip_markers(self.text)
        text, notes = footnotes.take(text, ids)
        children = tuple(c.freeze(footnotes) for c in self.children)
        return Clause(self.label, text, children, notes)


@dataclass
class _SectionBuilder:
    heading: HeadingMatch
    printed: str
    nodes: list[_Node] = field(default_factory=list)

    def path(self) -> list[_Node]:
        path, nodes = [], self.nodes
        while nodes:
            path.append(nodes[-1])
            nodes = nodes[-1].children
        return path

    def add(self, item: _Item) -> None:
        if item.label is None:
            self._add_text(item.text)
        else:
            self._place(_Node(item.label, [item.text] if item.text else []))

    def _add_text(self, text: str) -> None:
        path = self.path()
        all_plain = all(not n.label for n in self.nodes)
        if not path or (all_plain and path[-1].text.endswith((";", ".", ","))):
            self.nodes.append(_Node("", [text]))
        else:
            path[-1].parts.append(text)

    def _place(self, node: _Node) -> None:
        path = self.path()
        deepest = path[-1] if path else None
        label = node.label
        if deepest and deepest.text.endswith(":") and lb.is_first(label):
            deepest.children.append(node)
            return
        for depth in range(len(path) - 1, -1, -1):
            if path[depth].label and lb.is_successor(path[depth].label, label):
                siblings = path[depth - 1].children if depth else self.nodes
                siblings.append(node)
                return
        if deepest and deepest.label and lb.is_child_form(deepest.label, label):
            deepest.children.append(node)
            return
        self.nodes.append(node)

    def freeze(self, footnotes: _Footnotes) -> Section:
        heading = footnotes.strip(self.printed)
        clauses = tuple(n.freeze(footnotes) for n in self.nodes)
        return Section(heading, self.heading.key, self.heading.kind, clauses)


def _build_sections(items: list[_Item]) -> tuple[list[_SectionBuilder], list[str]]:
    sections: list[_SectionBuilder] = []
    before: list[str] = []
    for item in items:
        if item.heading is not None:
            sections.append(_SectionBuilder(item.heading, item.text))
        elif sections:
            sections[-1].add(item)
        else:
            before.append(f"{item.label} {item.text}".strip())
    return sections, before


class _Footnotes:
    """Hands each footnote body to the first clause that refers to it."""

    def __init__(self, bodies: dict[str, str]) -> None:
        self.bodies = dict(bodies)
        self.used: set[str] = set()
        self.orphans: list[str] = []

    def take(self, text: str, ids: tuple[str, ...]) -> tuple[str, tuple[str, ...]]:
        notes = []
        for fid in ids:
            if fid in self.bodies:
                notes.append(self.bodies[fid])
                self.used.add(fid)
        return text, tuple(notes)

    def strip(self, text: str) -> str:
        """Remove markers from text that is not a clause; their bodies stay document-level."""
        for fid in MARKER_RE.findall(text):
            if fid in self.bodies and fid not in self.used:
                self.orphans.append(fid)
                self.used.add(fid)
        return strip_markers(text)[0]

    def unattached(self) -> tuple[str, ...]:
        ids = self.orphans + [f for f in self.bodies if f not in self.used]
        return tuple(self.bodies[f] for f in dict.fromkeys(ids))
