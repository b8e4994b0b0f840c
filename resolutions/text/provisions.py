"""Parse legal instruments made of numbered provisions (ITU Constitution, Convention, ITRs…).

Such texts are not resolutions: they have no "considering"/"resolves" parts but articles whose
paragraphs carry a *margin number* ("165", "165A") that stays stable from one edition to the
next. Each article (with its chapter/section context) becomes an operative Section, the
preamble a preambular one, and each provision a Clause labelled by its margin number, so that
the engine's `compare` works on them unchanged.

Consolidations of the same instrument differ in formatting only in many ways ("5 bis" and
"5bis", a provision glued onto the previous line, a footnote placed before or after a heading,
lost spaces); the text is normalised so that identical provisions have identical texts.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from .model import OPERATIVE, PREAMBULAR, Clause, Document, ParseError, Section

# Heading words, per kind and language; a heading is the word alone on its line with its number.
STRUCTURE_WORDS: dict[str, dict[str, tuple[str, ...]]] = {
    "preamble": {
        "en": ("Preamble",),
        "fr": ("Préambule",),
        "es": ("Preámbulo",),
        "nl": ("Preambule",),
        "de": ("Präambel",),
        "ru": ("Преамбула",),
        "ar": ("الديباجة", "ديباجة"),
    },
    "chapter": {
        "en": ("Chapter",),
        "fr": ("Chapitre",),
        "es": ("Capítulo",),
        "nl": ("Hoofdstuk",),
        "de": ("Kapitel",),
        "ru": ("Глава",),
        "ar": ("الفصل",),
    },
    "section": {
        "en": ("Section",),
        "fr": ("Section",),
        "es": ("Sección",),
        "nl": ("Afdeling",),
        "de": ("Abschnitt",),
        "ru": ("Раздел",),
        "ar": ("القسم",),
    },
    "article": {
        "en": ("Article",),
        "fr": ("Article",),
        "es": ("Artículo",),
        "nl": ("Artikel",),
        "de": ("Artikel",),
        "ru": ("Статья",),
        "ar": ("المادة",),
    },
    "annex": {
        "en": ("Annex",),
        "fr": ("Annexe",),
        "es": ("Anexo",),
        "nl": ("Bijlage",),
        "de": ("Anlage", "Anhang"),
        "ru": ("Приложение",),
        "ar": ("الملحق",),
    },
    "appendix": {
        "en": ("Appendix",),
        "fr": ("Appendice",),
        "es": ("Apéndice",),
        "nl": ("Aanhangsel",),
    },
}
# Kinds whose heading needs a number ("Article 5"); the others may stand alone ("Annex").
NUMBERED_KINDS = ("chapter", "section", "article")
# Depth of each heading: a heading closes the open headings at its depth and below.
# The preamble sits at the depth of an article: the first chapter or article closes it.
DEPTH = {
    "instrument": 0,
    "part": 1,
    "annex": 1,
    "appendix": 1,
    "chapter": 2,
    "section": 3,
}
DEPTH |= {"article": 4, "preamble": 4, "sub": 5}

# Instruments recognised by their title, and the prefix of their section keys.
INSTRUMENTS = (
    (r"^(constitution|statuut|constitución|verfassung|устав)\b", "cs"),
    (r"^(convention|verdrag|convenio|konvention|конвенция)\b", "cv"),
    (r"telecommunications? regulations|règlement des télécommunications", "itr"),
    (r"radio regulations|règlement des radiocommunications", "rr"),
)

# Amendment markers printed next to a margin number: the conference that last changed it.
MARKER = r"(?:PP|WRC|WARC|RRC|WTSA|WTDC)-\d{2}"
STOPWORDS = {
    "en": ("the", "of", "and", "shall"),
    "fr": ("le", "la", "les", "des", "et"),
    "es": ("el", "los", "las", "del", "y"),
    "nl": ("de", "het", "van", "een", "en"),
    "de": ("der", "die", "das", "und"),
    "ru": ("и", "в", "на"),
    "ar": ("في", "من"),
}

_NUMBER = r"(?:[IVXLCDM]+[A-Z]?|\d+[A-Za-z]{0,2}(?:\s*(?:bis|ter|quater))?|[A-Z])"
_HEADING = {
    kind: re.compile(
        rf"^(?:{MARKER}\s+)*(?P<word>{'|'.join(sorted({w for ws in langs.values() for w in ws}))})"
        rf"(?:\s+(?P<number>{_NUMBER}))?\.?$",
        re.IGNORECASE,
    )
    for kind, langs in STRUCTURE_WORDS.items()
}
_FOOTNOTE = re.compile(r"\s*\[footnote:\s*(.*?)\]\s*")
_RANGE = r"\s+(?:and|to|en|tot en met|tot|et|à|y|a)\s+\d+[A-Z]{0,2}"
_MARGIN = re.compile(
    rf"^(?P<label>\d{{1,5}}[A-Z]{{0,2}})(?P<range>{_RANGE})?(?P<rest>(?:\s+{MARKER})*\s+\S.*)$"
)
_MARKERS_AHEAD = re.compile(rf"^\s*(?:({MARKER})\s*)+")
_SUFFIX_WORD = r"(?:bis|ter|quater|quinquies|sexies|septies|penter)"
_PARAGRAPH = re.compile(r"^(\d+(?:\.\d+)*[.)]?|[a-z]{1,2}\))\s")
_TABLE_RULE = re.compile(r"^\|(?:\s*:?-{3,}:?\s*\|)+$")
_TERMINAL = ".;:,"
_CONTINUATION = re.compile(r"^(?:[-–—•|]|[a-z](?![a-z]?\)))")


@dataclass(frozen=True)
class Provision(Clause):
    """A clause with the amendment markers printed beside its margin number ("PP-98")."""

    amendments: tuple[str, ...] = ()


# --- text normalisation ---------------------------------------------------------------------------

_NORMALISE = (
    # "5bis", "1.bis", "1)bis", "abis)" -> "5 bis", "1. bis", "1) bis", "a bis)".
    (re.compile(rf"(?<=[\d.)])({_SUFFIX_WORD})"), r" \1"),
    (re.compile(rf"\b([a-z])({_SUFFIX_WORD})(?=[).])"), r"\1 \2"),
    # "191 bisabove", "bisf)" -> "191 bis above", "bis f)".
    (re.compile(rf"(?<=\d )({_SUFFIX_WORD})(?=[a-z]{{3,}})"), r"\1 "),
    (re.compile(rf"\b({_SUFFIX_WORD})([a-z][).])"), r"\1 \2"),
    # A paragraph number glued to its words: "a)administrations", "3.4.13.4.1".
    (re.compile(r"^((?:\d+(?:\.\d+)*|[a-z]{1,2})\))(?=\w)"), r"\1 "),
    (re.compile(r"^(\d+(?:\.\d+)+)(\1)\b"), r"\1 \2"),
    (re.compile(r"^(\d+(?:\.\d+)+\.?|(?:[a-z]|\d+)\.)(?=[^\W\d_]{2})"), r"\1 "),
    # Spaces lost or added around punctuation by one edition and not the other.
    (re.compile(r"\s+(?=[,;:](?:\s|$|[^\W\d_])|\.(?:\s|$))"), ""),
    (re.compile(r"(?<=[a-z)])([.:;])(?=[A-Z])"), r"\1 "),
    (re.compile(r"(?<=[^\W\d_]{2})([:;])(?=\w)"), r"\1 "),
    # "class1/2": a number glued to the end of a word.
    (re.compile(r"(?<=[a-z]{4})(?=\d)"), " "),
    # Words glued at a case change: "telecommunicationA", "EnglishFor".
    (re.compile(r"(?<=[a-z]{3})(?=[A-Z](?:[a-z]|\s|$))"), " "),
    (re.compile(r"^([-–—•])\s*"), r"\1 "),
)


def clean(text: str) -> str:
    """One form for what editions print differently: suffix words, glued words, spaces."""
    text = unicodedata.normalize("NFC", text).replace("\u00a0", " ")
    text = " ".join(text.split())
    for pattern, replacement in _NORMALISE:
        text = pattern.sub(replacement, text)
    return " ".join(text.split())


def _take_markers(rest: str) -> tuple[tuple[str, ...], str]:
    """Markers before the text, also after a "(SUP)": ("PP-98",), "5) When …"."""
    found: list[str] = []
    while True:
        match = _MARKERS_AHEAD.match(rest)
        if match:
            found += re.findall(MARKER, match.group(0))
            rest = rest[match.end() :]
            continue
        sup = re.match(rf"^(\(SUP\))\s+((?:{MARKER}\s*)+)(.*)$", rest)
        if sup:
            found += re.findall(MARKER, sup.group(2))
            rest = f"{sup.group(1)} {sup.group(3)}".strip()
        return tuple(found), rest.strip()


# --- lines -------------------------------------------------------------------------------------


@dataclass
class _Line:
    text: str
    footnotes: list[str]
    kind: str = "text"  # heading | provision | number | text
    heading: str = ""  # heading kind (article, chapter…)
    number: str = ""
    label: str = ""
    markers: tuple[str, ...] = ()


def _lines(text: str) -> list[_Line]:
    lines = []
    for raw in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        notes = [n.strip() for n in _FOOTNOTE.findall(raw)]
        stripped = " ".join(_FOOTNOTE.sub(" ", raw).split())
        if stripped or notes:
            lines.append(_Line(stripped, notes))
    return lines


def _classify(lines: list[_Line]) -> None:
    """Mark headings, bare numbers and margin-numbered provisions (also when glued: "21.1 a)")."""
    expected = 1
    for line in lines:
        text = line.text
        for kind, pattern in _HEADING.items():
            match = pattern.match(text)
            if match and (match.group("number") or kind not in NUMBERED_KINDS):
                line.kind, line.heading = "heading", kind
                line.number = " ".join((match.group("number") or "").split())
                break
        else:
            if re.fullmatch(r"\d{1,3}", text):
                line.kind, line.number = "number", text
                continue
            match = _MARGIN.match(text)
            if match:
                label = match.group("label")
                if match.group("range"):
                    label += " " + " ".join(match.group("range").split())
                _provision(line, label, match.group("rest"))
            elif _glued_margin(text, expected):
                _provision(line, str(expected), text[len(str(expected)) :])
            if line.kind == "provision":
                number = re.match(r"\d+", _last_number(line.label))
                expected = int(number.group(0)) + 1


def _glued_margin(text: str, expected: int) -> bool:
    """ "121.8 The …" after margin 11: margin 12 glued to paragraph 1.8 (no space between)."""
    prefix = str(expected)
    if not text.startswith(prefix):
        return False
    rest = text[len(prefix) :]
    return bool(re.match(r"(?:\d+(?:\.\d+)*[.)]?\s|[a-z]\)|[A-Z][a-z])", rest))


def _provision(line: _Line, label: str, rest: str) -> None:
    markers, rest = _take_markers(rest)
    rest = clean(rest)
    # "191 bis f) decide …": the suffix belongs to the margin number (191bis), not the text.
    suffix = re.match(rf"^({_SUFFIX_WORD})\s+(?=[a-z][).])", rest)
    if suffix:
        label, rest = label + suffix.group(1), rest[suffix.end() :]
    line.kind, line.label, line.markers, line.text = "provision", label, markers, rest


# --- structure ---------------------------------------------------------------------------------


@dataclass
class _Section:
    heading: str
    key: str
    kind: str
    instrument: int
    clauses: list[_Clause] = field(default_factory=list)


@dataclass
class _Clause:
    label: str
    parts: list[str]
    footnotes: list[str]
    markers: tuple[str, ...] = ()
    numbered: bool = True  # has a margin number (so may hide provisions glued after it)


@dataclass
class _Context:
    """Open headings by depth: depth -> (printed heading, key part)."""

    open: dict[int, tuple[str, str]] = field(default_factory=dict)
    instrument: int = -1
    subs: int = 0  # sub-headings seen in the current article

    def set(self, depth: int, printed: str, key: str) -> None:
        for d in [d for d in self.open if d >= depth]:
            del self.open[d]
        self.open[depth] = (printed, key)
        if depth < DEPTH["sub"]:
            self.subs = 0


def _slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    return re.sub(r"[^\w]+", "-", "".join(c for c in text if not unicodedata.combining(c))).strip(
        "-"
    )


def _instrument_prefix(title: str, seen: int) -> str:
    for pattern, prefix in INSTRUMENTS:
        if re.search(pattern, title, re.IGNORECASE):
            return prefix
    return f"part-{seen + 1}" if seen else ""


def _last_number(label: str) -> str:
    """The margin number a label ends with: "166 and 167" -> "167"."""
    numbers = re.findall(r"\d+[A-Z]*", label)
    return numbers[-1] if numbers else label


def _title_like(text: str) -> bool:
    return (
        bool(text)
        and len(text.split()) <= 25
        and text[-1] not in _TERMINAL
        and not _CONTINUATION.match(text)
    )


def _caps_heading(text: str) -> bool:
    """ "FINAL PROTOCOL", "NO. 35", "RESOLUTION No. 2": a short line opening with a capital word."""
    first = re.match(r"[^\W\d_]{2,}", text)
    return bool(first) and first.group(0).isupper() and len(text.split()) <= 8 and _title_like(text)


def _opens(line: _Line | None) -> bool:
    """A heading that starts an instrument: its preamble, or its first chapter or article.

    A title-like line just before it is the title of the next instrument in the same file
    ("Convention of the International Telecommunication Union" after the Constitution).
    """
    if line is None or line.kind != "heading":
        return False
    first = line.heading in NUMBERED_KINDS and line.number.upper() in ("1", "I")
    return line.heading == "preamble" or first


class _Builder:
    def __init__(self, lines: list[_Line]) -> None:
        self.lines = lines
        self.context = _Context()
        self.sections: list[_Section] = []
        self.current: _Section | None = None
        self.footnotes: list[str] = []
        self.pending: list[str] = []
        self.instruments = 0
        self.articles = 0

    def build(self) -> None:
        k = 0
        while k < len(self.lines):
            k = self._step(k)

    def _next(self, k: int) -> _Line | None:
        return self.lines[k + 1] if k + 1 < len(self.lines) else None

    def _title(self, k: int) -> tuple[str, int]:
        """The line after a heading, when it is the heading's title."""
        after = self._next(k)
        if after is not None and after.kind == "text" and _title_like(after.text):
            self.footnotes += after.footnotes
            return clean(re.sub(rf"(?:{MARKER}\s*)+", "", after.text)), k + 2
        return "", k + 1

    def _step(self, k: int) -> int:
        line = self.lines[k]
        if not line.text:  # a footnote alone on its line: it belongs to what follows
            self.pending += line.footnotes
            return k + 1
        after = self._next(k)
        if k == 0 or (line.kind == "text" and _title_like(line.text) and _opens(after)):
            return self._instrument(k)
        if line.kind == "heading":
            return self._heading(k, line.heading, f"{line.text}")
        if line.kind == "number":
            title, nxt = self._title(k)
            self._open("sub", f"{line.number} {title}".strip(), line.number, line.footnotes)
            return nxt
        if line.kind == "provision":
            self._add(_Clause(line.label, [line.text], line.footnotes, line.markers))
            return k + 1
        if _caps_heading(line.text):
            return self._heading(k, "part", line.text)
        if _title_like(line.text) and after is not None and after.kind in ("provision", "number"):
            self.context.subs += 1
            self._open("sub", clean(line.text), str(self.context.subs), line.footnotes)
            return k + 1
        self._text(line)
        return k + 1

    def _instrument(self, k: int) -> int:
        line = self.lines[k]
        title = clean(line.text)
        prefix = _instrument_prefix(title, self.instruments)
        self.instruments += 1
        self.context = _Context(instrument=self.instruments - 1)
        self.context.set(DEPTH["instrument"], title, prefix)
        self.footnotes += line.footnotes
        self.current = None
        return k + 1

    def _heading(self, k: int, kind: str, printed: str) -> int:
        line = self.lines[k]
        title, nxt = self._title(k) if kind != "preamble" else ("", k + 1)
        printed = clean(re.sub(rf"(?:{MARKER}\s*)+", "", printed))
        if kind == "part":
            key = _slug(printed)
        else:
            key = "-".join(p for p in (kind, _slug(line.number)) if p)
        if kind == "article":
            self.articles += 1
        self._open(kind, f"{printed} {title}".strip(), key, line.footnotes)
        return nxt

    def _open(self, kind: str, printed: str, key: str, footnotes: list[str]) -> None:
        self.context.set(DEPTH[kind], printed, key)
        self.footnotes += footnotes
        self.current = None

    def _section(self) -> _Section:
        if self.current is None:
            opened = sorted(self.context.open.items())
            heading = " — ".join(printed for _, (printed, _) in opened if printed)
            self.current = _Section(heading, self._key(), self._kind(), self.context.instrument)
            self.sections.append(self.current)
        return self.current

    def _key(self) -> str:
        """Instrument prefix, deepest structural heading, sub-heading: "cv-article-2-1"."""
        opened = self.context.open
        structural = [d for d in opened if DEPTH["part"] <= d <= DEPTH["article"]]
        parts = [opened.get(DEPTH["instrument"], ("", ""))[1]]
        parts.append(opened[max(structural)][1] if structural else "")
        parts.append(opened.get(DEPTH["sub"], ("", ""))[1])
        return "-".join(p for p in parts if p)

    def _kind(self) -> str:
        preamble = self.context.open.get(DEPTH["preamble"], ("", ""))[1] == "preamble"
        return PREAMBULAR if preamble else OPERATIVE

    def _add(self, clause: _Clause) -> None:
        clause.footnotes = self.pending + clause.footnotes
        self.pending = []
        self._section().clauses.append(clause)

    def _text(self, line: _Line) -> None:
        """An unnumbered line: more of the provision above, or a paragraph of its own."""
        section = self._section()
        if section.clauses and _CONTINUATION.match(line.text):
            section.clauses[-1].footnotes += line.footnotes
            if not _TABLE_RULE.match(line.text):  # a markdown rule is layout, not text
                section.clauses[-1].parts.append(clean(line.text))
            return
        text = clean(line.text)
        paragraph = _PARAGRAPH.match(text)
        label = paragraph.group(1).rstrip(".") if paragraph else ""
        self._add(_Clause(label, [text], list(line.footnotes), numbered=False))


# --- provisions glued onto the previous line ---------------------------------------------------


def _label_key(label: str) -> tuple[int, str] | None:
    match = re.match(r"(\d+)([A-Z]*)", label)
    return (int(match.group(1)), match.group(2)) if match else None


def _successors(label: str) -> list[str]:
    """Margin numbers that may follow `label`: 234C -> 235, 234D, 234CA."""
    last = _last_number(label)
    key = _label_key(last)
    if key is None:
        return []
    number, suffix = key
    found = [str(number + 1)]
    if suffix and suffix[-1] < "Z":
        found.append(f"{number}{suffix[:-1]}{chr(ord(suffix[-1]) + 1)}")
    found.append(f"{number}{suffix}A")
    return found


# Where a glued provision may start: after the end of a sentence or item, a margin number
# followed by a marker, "(SUP)" or a paragraph number ("… sovereignty. 235 5 Any request").
_GLUE_SITE = re.compile(
    rf"(?<=[.;:)\]|]) (?P<label>\d{{1,5}}[A-Z]{{0,2}})(?P<range>{_RANGE})?"
    rf"(?=\s+(?:{MARKER}|\(SUP\)|\d|[a-z]{{1,2}}[).]|[a-z] {_SUFFIX_WORD}))"
)


def _glued_at(text: str, label: str, bound: tuple[int, str] | None) -> re.Match | None:
    """The first site in `text` holding a margin number that may follow `label`."""
    expected = {c for c in _successors(label) if bound is None or _label_key(c) < bound}
    for match in _GLUE_SITE.finditer(text):
        if match.group("label") in expected:
            return match
    return None


def _split_glued(sections: list[_Section]) -> None:
    """Split out provisions the source glued onto the previous one, following margin order.

    Only the expected next number ("235" after "234C"), below the next provision starting a
    line, preceded by the end of a sentence and followed by a marker or paragraph number, is
    taken: numbers quoted in the text ("Nos. 161D to 161G") never split anything.
    """
    flat = [
        (s, c)
        for s in sections
        for c in s.clauses
        if c.numbered and _label_key(_last_number(c.label)) is not None
    ]
    # The provision starting the next line of the same instrument bounds what may be glued.
    bounds: dict[int, tuple[int, str] | None] = {}
    following: dict[int, tuple[int, str] | None] = {}
    for section, clause in reversed(flat):
        bounds[id(clause)] = following.get(section.instrument)
        following[section.instrument] = _label_key(_last_number(clause.label))
    for section in sections:
        position = 0
        while position < len(section.clauses):
            clause = section.clauses[position]
            position += 1
            if id(clause) in bounds:
                glued = _unglue(clause, bounds[id(clause)])
                section.clauses[position:position] = glued
                position += len(glued)


def _unglue(clause: _Clause, bound: tuple[int, str] | None) -> list[_Clause]:
    """The provisions glued at the end of `clause`, cut off its text, in order."""
    found: list[_Clause] = []
    while True:
        text = " ".join(clause.parts)
        match = _glued_at(text, clause.label, bound)
        if match is None:
            return found
        label = match.group("label")
        if match.group("range"):
            label += " " + " ".join(match.group("range").split())
        clause.parts = [text[: match.start()].strip()]
        line = _Line("", [])
        _provision(line, label, text[match.end() :])
        clause = _Clause(line.label, [line.text], [], line.markers)
        found.append(clause)


# --- entry point -------------------------------------------------------------------------------


def detect_instrument_language(text: str) -> str:
    words = Counter(re.findall(r"[^\W\d_]+", text[:20000].casefold()))
    scores = {lang: sum(words[w] for w in stop) for lang, stop in STOPWORDS.items()}
    return max(scores, key=scores.get) if any(scores.values()) else ""


def parse_provisions(text: str, lang: str | None = None) -> Document:
    """Parse an instrument of numbered provisions into articles and margin-numbered clauses."""
    if not text or not text.strip():
        raise ParseError("empty text")
    lines = _lines(text)
    _classify(lines)
    builder = _Builder(lines)
    builder.build()
    provisions = sum(1 for line in lines if line.kind == "provision")
    if builder.articles == 0:
        raise ParseError(
            "not an instrument of numbered provisions: no article headings "
            "(a line such as 'Article 1', 'Artikel 1', 'Artículo 1') found"
        )
    if provisions < 2:
        raise ParseError(
            "not an instrument of numbered provisions: no paragraphs with margin numbers "
            "(lines starting '165', '165A' or '165 PP-98') found"
        )
    _split_glued(builder.sections)
    sections = tuple(
        Section(s.heading, s.key, s.kind, tuple(_freeze(c) for c in s.clauses))
        for s in builder.sections
        if s.clauses
    )
    return Document(
        title=clean(lines[0].text),
        number="",
        history="",
        assembly="",
        lang=lang or detect_instrument_language(text),
        sections=sections,
        footnotes=tuple(builder.footnotes + builder.pending),
    )


def _freeze(clause: _Clause) -> Provision:
    return Provision(
        label=clause.label,
        text=" ".join(p for p in clause.parts if p),  # each part is clean already
        footnotes=tuple(clause.footnotes),
        amendments=clause.markers,
    )
