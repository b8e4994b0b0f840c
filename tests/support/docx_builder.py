"""Build real .docx files with tracked changes for tests.

python-docx writes the package; the revision elements it cannot write (``w:ins``, ``w:del``,
``w:moveFrom``/``w:moveTo``, inserted/deleted paragraph marks and table rows) are added with lxml
the way Word writes them, with an author and a date.

A document is a list of paragraphs; a paragraph is a list of ``(op, text)`` runs where op is
``"keep"``, ``"ins"``, ``"del"``, ``"move_from"`` or ``"move_to"``. A paragraph whose runs are
all inserted (or all deleted/moved away) gets an inserted (deleted) paragraph mark too, as Word
records a whole paragraph added or removed. ``marking="formatting"`` writes the same changes as
underline (inserted) and strikethrough (deleted) runs instead of revisions.
"""

from __future__ import annotations

import difflib
import io
import re
from collections.abc import Iterable, Sequence
from itertools import count
from pathlib import Path

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

Run = tuple[str, str]
Paragraph = Sequence[Run]

AUTHOR = "Proposer"
DATE = "2024-06-01T10:00:00Z"
OPS = ("keep", "ins", "del", "move_from", "move_to")
_WRAPPER = {
    "ins": "w:ins",
    "del": "w:del",
    "move_from": "w:moveFrom",
    "move_to": "w:moveTo",
}
RES75 = Path(__file__).resolve().parents[2] / "fixtures" / "texts" / "res75"
_REMOVED = ("del", "move_from")  # ops whose text is gone from the new version
_ADDED = ("ins", "move_to")


def build_docx(
    paragraphs: Iterable[Paragraph | str],
    *,
    marking: str = "revisions",
    author: str = AUTHOR,
    date: str = DATE,
) -> bytes:
    """A .docx holding ``paragraphs``; a plain string is one unchanged paragraph."""
    if marking not in ("revisions", "formatting"):
        raise ValueError(f"marking must be 'revisions' or 'formatting', not {marking!r}")
    document = docx.Document()
    ids = count(1)
    for paragraph in paragraphs:
        runs = [("keep", paragraph)] if isinstance(paragraph, str) else list(paragraph)
        target = document.add_paragraph()
        for op, text in runs:
            _add_run(target, op, text, marking, _Stamp(next(ids), author, date))
        if marking == "revisions":
            _mark_paragraph(target, runs, _Stamp(next(ids), author, date))
    return _save(document)


def build_docx_from_body(body_xml: str) -> bytes:
    """A .docx whose body is ``body_xml`` (WordprocessingML, ``w:`` prefix), for markup that
    the paragraph model above does not cover: tables, content controls, fields."""
    document = docx.Document()
    body = document.element.body
    section = body.find(qn("w:sectPr"))
    for element in parse_xml(f"<w:body {nsdecls('w')}>{body_xml}</w:body>"):
        section.addprevious(element)
    return _save(document)


def revision(tag: str, inner: str = "", *, id: int = 1) -> str:
    """XML of one revision element (``w:ins``, ``w:del``...) for :func:`build_docx_from_body`."""
    return f'<w:{tag} w:id="{id}" w:author="{AUTHOR}" w:date="{DATE}">{inner}</w:{tag}>'


def paragraphs_from_diff(old_text: str, new_text: str) -> list[list[Run]]:
    """Runs that turn ``old_text`` into ``new_text``: paragraph by paragraph, word by word.

    Paragraphs (lines) are aligned first; a replaced block pairs its paragraphs one to one and
    diffs each pair by words, the unpaired ones becoming whole deleted or inserted paragraphs.
    """
    old_lines, new_lines = old_text.split("\n"), new_text.split("\n")
    result: list[list[Run]] = []
    matcher = difflib.SequenceMatcher(None, old_lines, new_lines, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            result.extend([("keep", line)] for line in old_lines[i1:i2])
            continue
        old_block, new_block = old_lines[i1:i2], new_lines[j1:j2]
        paired = min(len(old_block), len(new_block))
        for old_line, new_line in zip(old_block, new_block, strict=False):
            result.append(word_runs(old_line, new_line))
        result.extend([("del", line)] for line in old_block[paired:])
        result.extend([("ins", line)] for line in new_block[paired:])
    return result


def word_runs(old: str, new: str) -> list[Run]:
    """Runs turning one paragraph into another, diffed by words and the spaces between them."""
    old_tokens, new_tokens = _tokens(old), _tokens(new)
    runs: list[Run] = []
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("keep", "".join(old_tokens[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("del", "".join(old_tokens[i1:i2])))
        if j2 > j1:
            runs.append(("ins", "".join(new_tokens[j1:j2])))
    return runs or [("keep", "")]


def seed_001_docx(*, marking: str = "revisions", marker: str | None = "MOD\tACP/37A22/1") -> bytes:
    """Seed 001 (the MOD proposal of Resolution 75) as a .docx with real tracked changes.

    Built from the engine's two fixture texts (Geneva 2022 → New Delhi 2024); with ``marker``
    it is framed as an ITU proposal: summary, marker line, the resolution, reasons, closing rule.
    """
    old = (RES75 / "res75-geneva-2022.fr.txt").read_text("utf-8")
    new = (RES75 / "res75-new-delhi-2024.fr.txt").read_text("utf-8")
    body: list[Paragraph | str] = list(paragraphs_from_diff(old, new))
    if marker is not None:
        body = [
            "Résumé:\tLa présente contribution propose de modifier la Résolution 75.",
            marker,
            *body,
            "Motifs:\tFaire porter l'action de l'UIT-T sur les grandes orientations C2, C5 et C6.",
            "______________",
        ]
    return build_docx(body, marking=marking)


def versions(paragraphs: Iterable[Paragraph | str]) -> tuple[str, str]:
    """The (old, new) texts a document built from ``paragraphs`` must read as."""
    old_lines, new_lines = [], []
    for paragraph in paragraphs:
        runs = [("keep", paragraph)] if isinstance(paragraph, str) else list(paragraph)
        old = "".join(text for op, text in runs if op not in _ADDED)
        new = "".join(text for op, text in runs if op not in _REMOVED)
        if not _whole(runs, _ADDED):
            old_lines.append(old)
        if not _whole(runs, _REMOVED):
            new_lines.append(new)
    return "\n".join(old_lines), "\n".join(new_lines)


# --------------------------------------------------------------------------- internals


class _Stamp:
    def __init__(self, id: int, author: str, date: str) -> None:
        self.id, self.author, self.date = id, author, date

    def element(self, tag: str):
        element = OxmlElement(tag)
        element.set(qn("w:id"), str(self.id))
        element.set(qn("w:author"), self.author)
        element.set(qn("w:date"), self.date)
        return element


def _tokens(text: str) -> list[str]:
    return re.findall(r"\s+|[^\s]+", text)


def _whole(runs: Sequence[Run], ops: tuple[str, ...]) -> bool:
    return bool(runs) and all(op in ops for op, _ in runs)


def _add_run(paragraph, op: str, text: str, marking: str, stamp: _Stamp) -> None:
    if op not in OPS:
        raise ValueError(f"unknown run op {op!r}; expected one of {OPS}")
    run = paragraph.add_run(text)
    if op == "keep":
        return
    if marking == "formatting":
        if op in _ADDED:
            run.font.underline = True
        else:
            run.font.strike = True
        return
    if op in _REMOVED:
        for text_element in run._r.findall(qn("w:t")):
            text_element.tag = qn("w:delText")
    _wrap(run._r, stamp.element(_WRAPPER[op]), op, stamp)


def _wrap(run_element, wrapper, op: str, stamp: _Stamp) -> None:
    """Put the run inside its revision element; moves get Word's named range markers too."""
    run_element.addprevious(wrapper)
    wrapper.append(run_element)
    if op in ("move_from", "move_to"):
        kind = "moveFrom" if op == "move_from" else "moveTo"
        start = stamp.element(f"w:{kind}RangeStart")
        start.set(qn("w:name"), f"move{stamp.id}")
        end = OxmlElement(f"w:{kind}RangeEnd")
        end.set(qn("w:id"), str(stamp.id))
        wrapper.addprevious(start)
        wrapper.addnext(end)


def _mark_paragraph(paragraph, runs: Sequence[Run], stamp: _Stamp) -> None:
    """Record a wholly added or removed paragraph's mark as inserted or deleted."""
    ops = {op for op, _ in runs}
    if ops == {"move_to"} or ops == {"move_from"}:
        tag = _WRAPPER[ops.pop()]
    elif _whole(runs, _ADDED):
        tag = "w:ins"
    elif _whole(runs, _REMOVED):
        tag = "w:del"
    else:
        return
    properties = paragraph._p.get_or_add_pPr()
    mark = properties.find(qn("w:rPr"))
    if mark is None:
        mark = OxmlElement("w:rPr")
        properties.append(mark)
    mark.append(stamp.element(tag))


def _save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
