"""Remove the artefacts of Word exports and PDF extractions without losing any text.

Footnotes are taken out of the running text and kept: every footnote marker becomes "[^id]" in
the cleaned text and its body goes into `CleanText.footnotes[id]`, whatever the source form
(Word's "[footnoteRef:1]1" + "[1: 1 …]", Markdown's "[^1]" + "[^1]: …", or a PDF page foot
"____ 1 These include …" merged into a paragraph with "countries1" as marker).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from .headings import LANGUAGES, phrase_regex

MARKER = "[^{}]"
MARKER_RE = re.compile(r"\[\^([\w*]+)\]")

_CHARS = (
    {
        "\u2011": "-",  # non-breaking hyphen
        "\u2010": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2007": " ",
        "\t": " ",
        "\f": "\n",
        "\u200b": None,  # zero-width space
        "\ufeff": None,
        "\u00ad": None,  # soft hyphen
    }
).items()
_BOOKMARK = re.compile(r"\[bookmark: [^\]\n]*\]")
_WORD_REF = re.compile(r"\[footnoteRef:(\d+)\](?:\1(?!\d))?")
_WORD_BODY = re.compile(r"[ ]*\[(\d+):[ ]*(?:\1[ ]+)?([^\n]*?)\][ ]*(?=\n|$)")
_MD_BODY = re.compile(r"^\[\^([\w*]+)\]:[ ]*(.*)$", re.MULTILINE)
_RULE_LINE = re.compile(r"^[ ]*[_\-=*]{5,}[ ]*$", re.MULTILINE)
_PDF_RULE = re.compile(r"[ ]*_{5,}[ ]+(?=(?:\d{1,2}|\*)[ ])")
_PDF_NEXT = re.compile(r"(?<=[.\"”)])[ ]+(\d{1,2}|\*)[ ]+(?=\S)")
# Where the running text resumes after a footnote body: a clause label, a bullet, or a heading.
_RESUME = re.compile(
    r"(?:\d{1,3}(?:\.\d+)*|[a-z]{1,2}\)|[ivx]+\))[ ]+[a-zà-ÿ\"“(]|[•·]"
)


@dataclass
class CleanText:
    text: str
    footnotes: dict[str, str] = field(default_factory=dict)


def normalize_chars(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    for char, replacement in _CHARS:
        if char in text:  # far faster than str.translate on texts that are mostly clean
            text = text.replace(char, replacement or "")
    return text


def clean(text: str) -> CleanText:
    """Artefact-free text, one paragraph a line, with footnotes collected."""
    footnotes: dict[str, str] = {}
    text = normalize_chars(text)
    text = _BOOKMARK.sub("", text)
    text = _extract_word_footnotes(text, footnotes)
    text = _extract_markdown_footnotes(text, footnotes)
    text = _RULE_LINE.sub("", text)
    text = _extract_pdf_footnotes(text, footnotes)
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return CleanText("\n".join(line for line in lines if line), footnotes)


def _extract_word_footnotes(text: str, footnotes: dict[str, str]) -> str:
    def body(m: re.Match[str]) -> str:
        footnotes[m.group(1)] = " ".join(m.group(2).split())
        return ""

    text = _WORD_BODY.sub(body, text)
    return _WORD_REF.sub(lambda m: MARKER.format(m.group(1)), text)


def _extract_markdown_footnotes(text: str, footnotes: dict[str, str]) -> str:
    def body(m: re.Match[str]) -> str:
        footnotes[m.group(1)] = " ".join(m.group(2).split())
        return ""

    return _MD_BODY.sub(body, text)


def _extract_pdf_footnotes(text: str, footnotes: dict[str, str]) -> str:
    """Take "____ 1 body. 2 body." page feet out of paragraphs; mark "word1" references."""
    found: list[str] = []
    out_lines = []
    for line in text.split("\n"):
        while (m := _PDF_RULE.search(line)) is not None:
            area = line[m.end() :]
            bodies, rest = _split_pdf_area(area)
            for number, body in bodies:
                footnotes[number] = body
                found.append(number)
            head = line[: m.start()].rstrip()
            # A label or heading starts a new paragraph; anything else continues this one.
            if rest and _starts_paragraph(rest):
                out_lines.append(head)
                line = rest
            else:
                line = f"{head} {rest}".rstrip()
        out_lines.append(line)
    text = "\n".join(out_lines)
    for number in dict.fromkeys(found):
        if number.isdigit():
            text = _mark_references(text, number)
    return text


def _split_pdf_area(area: str) -> tuple[list[tuple[str, str]], str]:
    first = re.match(r"(\d{1,2}|\*)[ ]+", area)
    assert first is not None  # guaranteed by _PDF_RULE's lookahead
    number, start = first.group(1), first.end()
    bodies: list[tuple[str, str]] = []
    pos = start
    while True:
        nxt = _PDF_NEXT.search(area, pos)
        while nxt is not None:
            candidate = nxt.group(1)
            after = area[nxt.end() :]
            if (
                number.isdigit()
                and candidate == str(int(number) + 1)
                and after[:1].isupper()
            ):
                break
            if after[:4] in ("http", "www.") and candidate.isdigit():
                break
            if _resumes(area[nxt.start() :].lstrip()):
                bodies.append((number, area[start : nxt.start()].strip()))
                return bodies, area[nxt.start() :].strip()
            nxt = _PDF_NEXT.search(area, nxt.end() - 1)
        if nxt is None:
            rest_at = _resume_without_number(area, start)
            bodies.append((number, area[start:rest_at].strip()))
            return bodies, area[rest_at:].strip()
        bodies.append((number, area[start : nxt.start()].strip()))
        number, start, pos = nxt.group(1), nxt.end(), nxt.end()


def _resume_without_number(area: str, start: int) -> int:
    """After the last body, running text may resume with a bullet or a heading."""
    for m in re.finditer(r"(?<=[.\"”)])[ ]+(?=\S)", area[start:]):
        after = area[start + m.end() :]
        if after.startswith(("•", "·")) or _resumes_with_heading(after):
            return start + m.start()
    return len(area)


def _resumes(text: str) -> bool:
    return bool(_RESUME.match(text)) or _resumes_with_heading(text)


def _resumes_with_heading(text: str) -> bool:
    return any(phrase_regex(lang, "operative").match(text) for lang in LANGUAGES)


def _starts_paragraph(text: str) -> bool:
    return not text.startswith(("•", "·")) and _resumes(text)


def _mark_references(text: str, number: str) -> str:
    # "countries1", "Member States1", "(Rev. Dubai, 2018)1", '"market price"1': a footnote
    # number glued to a lower- or title-case word of 3+ letters, a closing parenthesis or quote,
    # and followed by punctuation or a space ("IPv6", "C2", "2020-2023" are not references).
    pattern = re.compile(rf"(?:(?<=[^\W\d_]{{3}})|(?<=[)\"”])){number}(?=[\s;,.:)]|$)")

    def mark(m: re.Match[str]) -> str:
        word = re.search(r"[^\W\d_]*[)\"”]?$", text[: m.start()]).group(0)
        if word[-1] in ')"”' or word.islower() or word.istitle() or word.isupper():
            return MARKER.format(number)
        return m.group(0)

    return pattern.sub(mark, text)


def strip_markers(text: str) -> tuple[str, tuple[str, ...]]:
    """Text without its "[^id]" markers, and the ids in order of appearance."""
    ids = tuple(dict.fromkeys(MARKER_RE.findall(text)))
    if not ids:
        return text, ()
    stripped = MARKER_RE.sub("", text)
    return " ".join(stripped.split()), ids
