"""Read the text of a Word (.docx) file before and after its tracked changes.

python-docx's ``Paragraph.text`` silently drops runs inside ``w:ins`` and cannot reject changes,
so this module reads the WordprocessingML itself with lxml. The package is checked as a zip
(entry count, uncompressed size, compression ratio) before any XML is parsed, and the XML parser
resolves no entities, loads no DTD, never touches the network and refuses any DOCTYPE.

The text matches Word's own "Accept All Changes" / "Reject All Changes" followed by a plain-text
export (checked against the Open-Xml-PowerTools conformance set): one line per paragraph, table
cells one paragraph per line in reading order, field results without their codes, tabs as "\\t",
line breaks as "\\n", equations, footnote texts and text boxes left out (Word leaves them out too).
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass
from typing import Literal

from lxml import etree

from .errors import ReadError
from .limits import DEFAULT_LIMITS, Limits, check_size, human_size
from .result import ReadResult

Version = Literal["old", "new"]

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
REL = "{http://schemas.openxmlformats.org/package/2006/relationships}"
OFFICE_DOCUMENT = "/officeDocument"
DEFAULT_MAIN_PART = "word/document.xml"

# Containers whose children are inline content of the same paragraph.
_INLINE_WRAPPERS = frozenset(
    W + tag for tag in ("hyperlink", "smartTag", "customXml", "fldSimple", "bdo", "dir")
)
_REVISION_WRAPPERS = frozenset(W + tag for tag in ("ins", "del", "moveFrom", "moveTo"))
# Equations and footnote/endnote texts are not part of Word's plain-text body.
_SKIPPED_INLINE = frozenset(
    (
        "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMath",
        "{http://schemas.openxmlformats.org/officeDocument/2006/math}oMathPara",
    )
)
_FALSE_VALUES = frozenset(("0", "false", "off", "none"))


@dataclass(frozen=True)
class _Rules:
    """Which revision markup disappears when producing one version of the text."""

    dropped_content: frozenset[str]  # inline wrappers whose content is thrown away
    dropped_mark: frozenset[str]  # markers in w:pPr/w:rPr: the paragraph mark goes
    dropped_row: frozenset[str]  # markers in w:trPr: the table row goes
    dropped_cell: str  # marker in w:tcPr: the table cell goes
    dropped_format: frozenset[str]  # run formatting that marks text absent in this version


_NEW = _Rules(
    dropped_content=frozenset((W + "del", W + "moveFrom")),
    dropped_mark=frozenset((W + "del", W + "moveFrom")),
    dropped_row=frozenset((W + "del",)),
    dropped_cell=W + "cellDel",
    dropped_format=frozenset((W + "strike", W + "dstrike")),
)
_OLD = _Rules(
    dropped_content=frozenset((W + "ins", W + "moveTo")),
    dropped_mark=frozenset((W + "ins", W + "moveTo")),
    dropped_row=frozenset((W + "ins",)),
    dropped_cell=W + "cellIns",
    dropped_format=frozenset((W + "u",)),
)
_RULES: dict[str, _Rules] = {"new": _NEW, "old": _OLD}


# --------------------------------------------------------------------------- package checks


def open_package(data: bytes, limits: Limits) -> zipfile.ZipFile:
    """Open ``data`` as a zip after checking it cannot expand beyond ``limits``."""
    try:
        package = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as exc:
        if data.startswith(b"PK\x03\x04"):
            raise ReadError("truncated or damaged zip archive (no central directory)") from exc
        raise ReadError("not a zip archive") from exc
    except (ValueError, OSError, EOFError) as exc:
        raise ReadError(f"damaged zip archive ({_one_line(exc)})") from exc
    _check_expansion(package.infolist(), limits)
    return package


# A small part that compresses very well (a run of empty table cells) is no threat: ratios are
# only checked from this size up.
_RATIO_FLOOR = 1024 * 1024


def _check_expansion(entries: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(entries) > limits.max_entries:
        raise ReadError(
            f"zip bomb: {len(entries)} entries exceed the {limits.max_entries} entry limit"
        )
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_uncompressed:
        raise ReadError(
            f"zip bomb: uncompressed size {human_size(total)} exceeds the "
            f"{human_size(limits.max_uncompressed)} limit"
        )
    for entry in entries:
        if entry.file_size < _RATIO_FLOOR:
            continue
        if entry.file_size > limits.max_ratio * max(entry.compress_size, 1):
            ratio = entry.file_size / max(entry.compress_size, 1)
            raise ReadError(
                f"zip bomb: {entry.filename} expands {ratio:.0f} times (limit {limits.max_ratio})"
            )
    compressed = sum(entry.compress_size for entry in entries)
    if total >= _RATIO_FLOOR and total > limits.max_ratio * max(compressed, 1):
        raise ReadError(
            f"zip bomb: archive expands {total / max(compressed, 1):.0f} times "
            f"(limit {limits.max_ratio})"
        )


def read_member(package: zipfile.ZipFile, name: str, limits: Limits) -> bytes:
    """The bytes of one member, never more than its declared size (zipfile enforces it)."""
    try:
        with package.open(name) as member:
            data = member.read(limits.max_uncompressed + 1)
    except KeyError as exc:
        raise ReadError(f"missing part {name}") from exc
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError) as exc:
        raise ReadError(f"damaged zip member {name} ({_one_line(exc)})") from exc
    except (NotImplementedError, RuntimeError) as exc:  # unknown compression; encryption
        raise ReadError(f"unreadable zip member {name} ({_one_line(exc)})") from exc
    if len(data) > limits.max_uncompressed:
        raise ReadError(f"zip bomb: {name} expands beyond {human_size(limits.max_uncompressed)}")
    return data


# --------------------------------------------------------------------------- safe XML

_PARSER_OPTIONS = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "huge_tree": False,
    "dtd_validation": False,
}
_DOCTYPE_MARKERS = (
    b"<!DOCTYPE",
    "<!DOCTYPE".encode("utf-16-le"),
    "<!DOCTYPE".encode("utf-16-be"),
)


def parse_xml(data: bytes, part: str) -> etree._Element:
    """Parse one XML part, refusing a DOCTYPE (the door to entity-expansion bombs)."""
    if any(marker in data for marker in _DOCTYPE_MARKERS):
        raise ReadError(f"XML declares a DOCTYPE in {part} (entity expansion refused)")
    parser = etree.XMLParser(**_PARSER_OPTIONS)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise ReadError(f"malformed XML in {part} ({_one_line(exc)})") from exc
    if root is None:
        raise ReadError(f"empty XML part {part}")
    if root.getroottree().docinfo.doctype:
        raise ReadError(f"XML declares a DOCTYPE in {part} (entity expansion refused)")
    return root


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__


# --------------------------------------------------------------------------- the document


def load_body(data: bytes, limits: Limits = DEFAULT_LIMITS) -> etree._Element:
    """The ``w:body`` of the main document part of a .docx, after all the safety checks."""
    check_size(data, limits)
    package = open_package(data, limits)
    part = _main_part_name(package, limits)
    root = parse_xml(read_member(package, part, limits), part)
    body = root.find(W + "body")
    if root.tag != W + "document" or body is None:
        raise ReadError("no document body")
    return body


def _main_part_name(package: zipfile.ZipFile, limits: Limits) -> str:
    """Follow the package relationship to the main part; Word always names it as below."""
    names = set(package.namelist())
    if "_rels/.rels" in names:
        rels = parse_xml(read_member(package, "_rels/.rels", limits), "_rels/.rels")
        for rel in rels.iter(REL + "Relationship"):
            if rel.get("Type", "").endswith(OFFICE_DOCUMENT):
                target = rel.get("Target", "").lstrip("/")
                if target in names:
                    return target
    if DEFAULT_MAIN_PART in names:
        return DEFAULT_MAIN_PART
    raise ReadError("no document body (no word/document.xml: not a Word document)")


def docx_text(data: bytes, version: Version, limits: Limits = DEFAULT_LIMITS) -> str:
    """The body text with every tracked change rejected ("old") or accepted ("new").

    Paragraphs are separated by "\\n" (Word's plain-text export ends each one with a newline:
    add one to compare).
    """
    if version not in _RULES:
        raise ValueError(f"version must be 'old' or 'new', not {version!r}")
    return _BodyText(_RULES[version], by_format=False).text(load_body(data, limits))


def read_docx(data: bytes, limits: Limits = DEFAULT_LIMITS) -> ReadResult:
    """Old and new text of a .docx, telling tracked changes, marked formatting and clean apart.

    - Tracked changes (``w:ins``/``w:del``/moves/paragraph marks/rows/cells): old = all rejected,
      new = all accepted.
    - No tracked changes but strikethrough runs: the changes are shown by formatting, so old
      drops underlined runs and new drops struck runs (ITU's convention for modifications).
    - Neither: a clean document; old is None and new is its text.
    """
    body = load_body(data, limits)
    warnings = _warnings(body)
    if has_revisions(body):
        old = _BodyText(_OLD, by_format=False).text(body)
        new = _BodyText(_NEW, by_format=False).text(body)
        return ReadResult(old, new, "docx", warnings)
    if has_strikethrough(body):
        old = _BodyText(_OLD, by_format=True).text(body)
        new = _BodyText(_NEW, by_format=True).text(body)
        note = "changes read from underline (inserted) and strikethrough (deleted) formatting"
        return ReadResult(old, new, "docx", (*warnings, note))
    if _has_underline(body):
        warnings = (
            *warnings,
            "underlined text without strikethrough is read as plain text",
        )
    return ReadResult(None, _BodyText(_NEW, by_format=False).text(body), "docx", warnings)


def has_revisions(body: etree._Element) -> bool:
    """Whether the body carries tracked changes that alter its text."""
    markers = _REVISION_WRAPPERS | {W + "cellIns", W + "cellDel"}
    return any(el.tag in markers for el in body.iter())


def has_strikethrough(body: etree._Element) -> bool:
    return any(_is_on(el) for tag in ("strike", "dstrike") for el in body.iter(W + tag))


def _has_underline(body: etree._Element) -> bool:
    return any(_is_on(el) for el in body.iter(W + "u"))


def _is_on(toggle: etree._Element) -> bool:
    """Whether a run property like ``<w:strike/>`` or ``<w:u w:val="single"/>`` is switched on."""
    if toggle.getparent() is None or toggle.getparent().tag != W + "rPr":
        return False
    grand = toggle.getparent().getparent()
    if grand is None or grand.tag != W + "r":  # paragraph-mark or style formatting
        return False
    return toggle.get(W + "val", "true").lower() not in _FALSE_VALUES


def _warnings(body: etree._Element) -> tuple[str, ...]:
    found = []
    if next(body.iter(W + "txbxContent"), None) is not None:
        found.append("text boxes are not read")
    if next(body.iter(*_SKIPPED_INLINE), None) is not None:
        found.append("equations are not read")
    if next(body.iter(W + "numPr"), None) is not None:
        # Word's own plain text leaves list numbers out too; labels typed as text are kept.
        found.append("automatic list numbers are not part of the text")
    return tuple(found)


# --------------------------------------------------------------------------- text walker

_SYMBOL_FONT_OFFSET = 0xF000  # Word stores symbol-font characters in the private-use area


class _BodyText:
    """Collects the text of one version of a body, paragraph by paragraph."""

    def __init__(self, rules: _Rules, *, by_format: bool) -> None:
        self.rules = rules
        self.by_format = by_format
        self.out: list[str] = []
        # One entry per open field, True once its result starts; None: fields are ignored.
        self.fields: list[bool] | None = []
        # Whether the current paragraph kept / lost runs marked by formatting.
        self.kept = self.dropped = False

    def text(self, body: etree._Element) -> str:
        self._blocks(body)
        if self.fields:
            # A field begun and never ended would hide the rest of the document: read it
            # again without field structure rather than lose text.
            self.out, self.fields = [], None
            self._blocks(body)
        self._close_container()
        return "".join(self.out).removesuffix("\n")

    # block level ---------------------------------------------------------------------------

    def _blocks(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "p":
                self._paragraph(child)
            elif tag == W + "tbl":
                self._table(child)
            elif tag == W + "sdt":
                self._blocks_of(child.find(W + "sdtContent"))
            elif tag == W + "customXml" or self._kept_wrapper(tag):
                self._blocks(child)

    def _kept_wrapper(self, tag: str) -> bool:
        return tag in _REVISION_WRAPPERS and tag not in self.rules.dropped_content

    def _blocks_of(self, element: etree._Element | None) -> None:
        if element is not None:
            self._blocks(element)

    def _table(self, table: etree._Element) -> None:
        for row in _children(table, W + "tr"):
            if _marked(row.find(W + "trPr"), self.rules.dropped_row):
                continue
            for cell in _children(row, W + "tc"):
                if _marked(cell.find(W + "tcPr"), {self.rules.dropped_cell}):
                    continue
                self._blocks(cell)
                self._close_container()

    def _close_container(self) -> None:
        """A cell or the body ends a paragraph even if its last mark was removed."""
        if self.out and not self.out[-1].endswith("\n"):
            self.out.append("\n")

    def _paragraph(self, paragraph: etree._Element) -> None:
        self.kept = self.dropped = False
        self._inline(paragraph)
        properties = paragraph.find(W + "pPr")
        mark = properties.find(W + "rPr") if properties is not None else None
        if _marked(mark, self.rules.dropped_mark):
            return
        # Formatting cannot mark a paragraph mark: a paragraph wholly struck (or wholly
        # underlined, read as old) is a removed paragraph, not an empty one.
        if self.by_format and self.dropped and not self.kept:
            return
        self.out.append("\n")

    # inline level --------------------------------------------------------------------------

    def _inline(self, container: etree._Element) -> None:
        for child in container:
            tag = child.tag
            if tag == W + "r":
                self._run(child)
            elif tag in self.rules.dropped_content or tag in _SKIPPED_INLINE:
                continue
            elif tag in _REVISION_WRAPPERS or tag in _INLINE_WRAPPERS:
                self._inline(child)
            elif tag == W + "sdt":
                content = child.find(W + "sdtContent")
                if content is not None:
                    self._inline(content)
            elif tag == MC + "AlternateContent":
                self._inline_alternative(child)

    def _inline_alternative(self, alternatives: etree._Element) -> None:
        """Newer Word features come with a fallback; read the choice Word itself would show."""
        for branch in (alternatives.find(MC + "Choice"), alternatives.find(MC + "Fallback")):
            if branch is not None:
                self._inline(branch)
                return

    def _run(self, run: etree._Element) -> None:
        if self.by_format and self._run_dropped_by_format(run):
            self.dropped = True
            return
        for child in run:
            piece = self._run_piece(child)
            if piece and (self.fields is None or all(self.fields)):
                self.out.append(piece)
                self.kept = self.kept or not piece.isspace()

    def _run_dropped_by_format(self, run: etree._Element) -> bool:
        properties = run.find(W + "rPr")
        if properties is None:
            return False
        return any(el.tag in self.rules.dropped_format and _is_on(el) for el in properties)

    def _run_piece(self, child: etree._Element) -> str:
        tag = child.tag
        if tag in (W + "t", W + "delText"):
            return child.text or ""
        if tag in (W + "tab", W + "ptab"):
            return "\t"
        if tag in (W + "br", W + "cr"):
            return "\n"
        if tag == W + "sym":
            return _symbol(child)
        if tag == W + "noBreakHyphen":
            return "-"
        if tag == W + "fldChar":
            self._field_char(child.get(W + "fldCharType"))
        return ""

    def _field_char(self, kind: str | None) -> None:
        """Keep a field's result, not its code: text counts only inside every open result."""
        if self.fields is None:
            return
        if kind == "begin":
            self.fields.append(False)
        elif kind == "separate" and self.fields:
            self.fields[-1] = True
        elif kind == "end" and self.fields:
            self.fields.pop()


def _children(element: etree._Element, tag: str):
    """Direct children with ``tag``, looking through content controls and custom XML."""
    for child in element:
        if child.tag == tag:
            yield child
        elif child.tag == W + "sdt":
            content = child.find(W + "sdtContent")
            if content is not None:
                yield from _children(content, tag)
        elif child.tag == W + "customXml":
            yield from _children(child, tag)


def _marked(properties: etree._Element | None, markers) -> bool:
    return properties is not None and any(child.tag in markers for child in properties)


def _symbol(sym: etree._Element) -> str:
    """The character of a ``w:sym``: Word stores a symbol-font glyph as U+F000 + its code."""
    code = sym.get(W + "char", "")
    if not re.fullmatch(r"[0-9A-Fa-f]{1,6}", code):
        return ""
    value = int(code, 16)
    if _SYMBOL_FONT_OFFSET <= value <= _SYMBOL_FONT_OFFSET + 0xFF:
        glyph = value - _SYMBOL_FONT_OFFSET
        if (sym.get(W + "font") or "").lower() == "symbol" and glyph in _SYMBOL_FONT:
            return _SYMBOL_FONT[glyph]
        if glyph < 0x80:  # the ASCII range prints as itself in every symbol font we meet
            return chr(glyph)
    return chr(value) if value < 0x110000 else ""


# The Symbol font's common glyphs (Adobe Symbol encoding) outside ASCII and Greek.
_SYMBOL_FONT = {
    0xA3: "≤", 0xA5: "∞", 0xAB: "↔", 0xAC: "←", 0xAD: "↑", 0xAE: "→", 0xAF: "↓",
    0xB0: "°", 0xB1: "±", 0xB3: "≥", 0xB4: "×", 0xB7: "•", 0xB8: "÷", 0xB9: "≠",
    0xBA: "≡", 0xBB: "≈", 0xBC: "…", 0xD7: "⋅", 0xD8: "¬", 0xDB: "⇔", 0xDE: "⇒",
}  # fmt: skip
# Greek letters sit where Latin letters are in the Symbol font.
_SYMBOL_FONT.update(
    {
        ord(latin): greek
        for latin, greek in zip(
            "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ",
            "αβχδεφγηιϕκλμνοπθρστυϖωξψζΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ",
            strict=True,
        )
    }
)
