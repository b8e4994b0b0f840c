"""Split an ITU proposal document into its proposals.

ITU conference documents (WTSA, PP, WTDC, WRC) print each proposal as a marker line, the text it
acts on, then a reasons paragraph::

    MOD	ACP/37A22/1
    RESOLUTION 75 (Rev. Geneva, 2022)
    <title, preamble, operative part, with the changes as tracked changes or underline/strike>
    Reasons:	<why>

The marker is an action symbol then the proposal identifier:

- symbols: ``ADD`` (new text), ``MOD`` (modified), ``(MOD)`` (editorial or consequential change),
  ``SUP`` (suppressed), ``NOC`` (no change), and the starred ``ADD*``/``SUP*`` forms;
- identifier: origin code / document and addendum / sequence number, e.g. ``ACP/37A22/1`` is
  proposal 1 of Addendum 22 to Document 37 from the Asia-Pacific Telecommunity. Origins are
  regional groups (ACP, AFCP, ARB, ECP, IAP, RCC, APT, EUR…) or member states' ITU codes (USA, B,
  F, CHN, RUS…), several joined by "/" for a multi-country proposal (``B/CAN/USA/12/3``); a
  document without addenda prints no ``A`` part (``GHA/30/1``).

Each proposal names a resolution ("RESOLUTION 75 (Rev. Geneva, 2022)", "RÉSOLUTION 75 (Rév.
Genève, 2022)", "RESOLUCIÓN 75 (Rev. Ginebra, 2022)") or a draft ("DRAFT NEW RESOLUTION [APT-1]",
"PROJET DE NOUVELLE RÉSOLUTION [ACP-1]", "PROYECTO DE NUEVA RESOLUCIÓN [IAP-1]"); its reasons
follow "Reasons:", "Motifs:" or "Motivos:". Text before the first marker (cover page, summary)
belongs to no proposal. Text extracted from PDF may put the identifier on the line after the
symbol or glue the heading to it: both are read. A symbol alone on its line with no identifier
after it (a cell of a summary table) is not a marker.

Pure Python, no Django: the importer matches resolution numbers and labels against the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from contributions.readers.errors import ReadError

SYMBOLS = ("ADD", "ADD*", "MOD", "(MOD)", "SUP", "SUP*", "NOC")
_SYMBOL = r"(?P<action>ADD\*?|\(MOD\)|MOD|SUP\*?|NOC)"
_IDENTIFIER = (
    r"(?P<identifier>(?P<origin>[A-Z]{1,6}(?:/[A-Z]{1,6})*)"
    r"/(?P<document>\d+)(?:A(?P<addendum>\d+))?(?:R\d+)?/(?P<sequence>\d+))"
)
_MARKER = re.compile(rf"^\s*{_SYMBOL}[ \t\u00a0]+{_IDENTIFIER}(?=\s|$)\s*(?P<rest>.*)$")
_BARE_SYMBOL = re.compile(rf"^\s*{_SYMBOL}\s*$")
_IDENTIFIER_LINE = re.compile(rf"^\s*{_IDENTIFIER}(?=\s|$)\s*(?P<rest>.*)$")
# A symbol followed by something shaped like an identifier that does not parse.
_BROKEN_MARKER = re.compile(rf"^\s*{_SYMBOL}[ \t\u00a0]+(?P<bad>[A-Z]\S*/\S*)")

_RESOLUTION = re.compile(
    r"^\s*R[EÉ]SOLU(?:TION|CI[OÓ]N)\s+(?P<number>\d+[A-Z]?)"
    r"(?:\s*\((?P<label>[^()]*)\))?[\s*\d]{0,3}$",
    re.IGNORECASE,
)
_DRAFT = re.compile(
    r"^\s*(?:DRAFT\s+NEW\s+RESOLUTION|PROJET\s+DE\s+NOUVELLE\s+R[EÉ]SOLUTION"
    r"|PROYECTO\s+DE\s+NUEVA\s+RESOLUCI[OÓ]N)\s*\[(?P<label>[^\]]+)\]",
    re.IGNORECASE,
)
_REASONS = re.compile(r"^\s*(?:Reasons|Motifs|Motivos)\s*:\s*(?P<rest>.*)$", re.IGNORECASE)
_RULE = re.compile(r"^[\s_\-–—]*$")  # blank lines and the "______" rule closing ITU documents
_HEADING_WINDOW = 4  # the heading comes right after the marker, before the title


@dataclass(frozen=True)
class ProposalMarkup:
    """One proposal as printed in a contribution.

    ``old_text``/``new_text`` hold the proposal's own text (heading included, marker and reasons
    excluded) before and after the proposer's changes; see :func:`split_proposals` for what each
    action puts there. Every identifier field is None when the document carries no markers.
    """

    action: str | None
    identifier: str | None
    origin: str | None
    document: str | None
    addendum: str | None
    sequence: str | None
    resolution_number: str | None
    base_label: str | None
    draft_label: str | None
    old_text: str | None
    new_text: str
    reasons: str


@dataclass(frozen=True)
class _Marker:
    action: str
    identifier: str
    origin: str
    document: str
    addendum: str | None
    sequence: str


@dataclass(frozen=True)
class _Section:
    marker: _Marker | None
    body: str
    reasons: str


def split_proposals(text: str, old_text: str | None = None) -> tuple[ProposalMarkup, ...]:
    """Split a contribution's text (``text`` = proposed, ``old_text`` = before changes).

    Per action:

    - ``MOD``/``(MOD)``: old_text is the proposal's part of ``old_text`` (None without it),
      new_text the proposed text;
    - ``ADD``/``ADD*``: old_text None, new_text the added text;
    - ``SUP``/``SUP*``: new_text "" (nothing remains), old_text the part of ``old_text`` if any;
    - ``NOC``: old_text None, new_text what the document prints (usually the heading alone).

    A document without any marker is ONE proposal with no identifier: its action is "MOD" when
    ``old_text`` is given and differs from ``text`` (tracked changes or marked formatting), and
    None otherwise, the caller deciding (a clean text compared with the base revision, or a new
    resolution). Its text starts at its resolution heading when it has one, the cover matter
    before the heading (summary, source) being no part of the resolution.

    Raises ReadError for a malformed marker or an identifier used twice.
    """
    sections = _sections(text)
    if not any(section.marker for section in sections):
        return (_unmarked(sections, text, old_text),)
    old_sections = _sections(old_text) if old_text is not None else []
    old_bodies = {s.marker.identifier: s.body for s in old_sections if s.marker is not None}
    return tuple(
        _proposal(section, old_bodies, old_text is not None)
        for section in sections
        if section.marker is not None
    )


def _unmarked(sections: list[_Section], text: str, old_text: str | None) -> ProposalMarkup:
    section = sections[0]
    section = _Section(None, _from_heading(section.body), section.reasons)
    old_body = _from_heading(_sections(old_text)[0].body) if old_text is not None else None
    changed = old_text is not None and _normalised(old_text) != _normalised(text)
    return _build(None, "MOD" if changed else None, section, old_body)


def _from_heading(body: str) -> str:
    """The body from its resolution (or draft) heading on; all of it when it has none."""
    lines = body.split("\n")
    for index, line in enumerate(lines):
        if _RESOLUTION.match(line) or _DRAFT.match(line):
            return "\n".join(lines[index:])
    return body


def _proposal(section: _Section, old_bodies: dict[str, str], has_old: bool) -> ProposalMarkup:
    marker = section.marker
    assert marker is not None
    old_body = old_bodies.get(marker.identifier) if has_old else None
    if marker.action in ("ADD", "ADD*", "NOC"):
        old_body = None
    return _build(marker, marker.action, section, old_body)


def _build(
    marker: _Marker | None, action: str | None, section: _Section, old_body: str | None
) -> ProposalMarkup:
    suppressed = action in ("SUP", "SUP*")
    number, new_label, draft = _heading(section.body)
    old_label = _heading(old_body)[1] if old_body is not None else None
    return ProposalMarkup(
        action=action,
        identifier=marker.identifier if marker else None,
        origin=marker.origin if marker else None,
        document=marker.document if marker else None,
        addendum=marker.addendum if marker else None,
        sequence=marker.sequence if marker else None,
        resolution_number=number,
        base_label=old_label or new_label,
        draft_label=draft,
        old_text=old_body,
        new_text="" if suppressed else section.body,
        reasons=section.reasons,
    )


def _heading(body: str | None) -> tuple[str | None, str | None, str | None]:
    """(resolution number, label in brackets, draft label) from the first lines of a body."""
    lines = [line for line in (body or "").split("\n") if line.strip()][:_HEADING_WINDOW]
    for line in lines:
        if found := _RESOLUTION.match(line):
            label = found.group("label")
            return (
                found.group("number"),
                " ".join(label.split()) if label else None,
                None,
            )
        if found := _DRAFT.match(line):
            return None, None, found.group("label").strip()
    return None, None, None


# --------------------------------------------------------------------------- sections


def _sections(text: str) -> list[_Section]:
    """The document cut at each marker: the preamble first (marker None), then each proposal."""
    lines = text.split("\n")
    cuts: list[tuple[int, _Marker | None, str | None, int]] = [(0, None, None, 0)]
    index = 0
    while index < len(lines):
        found = _marker_at(lines, index)
        if found is None:
            index += 1
            continue
        marker, rest, used = found
        cuts.append((index, marker, rest, used))
        index += used
    _check_unique([marker for _, marker, _, _ in cuts if marker is not None])
    sections = []
    for position, (start, marker, rest, used) in enumerate(cuts):
        end = cuts[position + 1][0] if position + 1 < len(cuts) else len(lines)
        body_lines = ([rest] if rest else []) + lines[start + used : end]
        sections.append(_section(marker, body_lines))
    if len(sections) > 1 and not _strip_rules(lines[: cuts[1][0]]):
        sections.pop(0)  # an empty preamble
    return sections


def _marker_at(lines: list[str], index: int) -> tuple[_Marker, str, int] | None:
    """The marker starting at ``lines[index]``, what follows it on its line, lines it spans."""
    line = lines[index]
    if found := _MARKER.match(line):
        return _marker(found), found.group("rest").strip(), 1
    if bare := _BARE_SYMBOL.match(line):
        following = _next_non_blank(lines, index + 1)
        if following is not None and (found := _IDENTIFIER_LINE.match(lines[following])):
            marker = _marker(found, action=bare.group("action"))
            return marker, found.group("rest").strip(), following - index + 1
        return None  # a lone symbol, e.g. a cell of a summary table, marks nothing
    if broken := _BROKEN_MARKER.match(line):
        raise ReadError(
            f"line {index + 1}: malformed proposal identifier {broken.group('bad')!r} after "
            f"{broken.group('action')} (expected origin/document[Aaddendum]/number, "
            "e.g. ACP/37A22/1)"
        )
    return None


def _marker(found: re.Match[str], action: str | None = None) -> _Marker:
    return _Marker(
        action=action or found.group("action"),
        identifier=found.group("identifier"),
        origin=found.group("origin"),
        document=found.group("document"),
        addendum=found.group("addendum"),
        sequence=found.group("sequence"),
    )


def _next_non_blank(lines: list[str], start: int) -> int | None:
    for index in range(start, len(lines)):
        if lines[index].strip():
            return index
    return None


def _check_unique(markers: list[_Marker]) -> None:
    seen: set[str] = set()
    for marker in markers:
        if marker.identifier in seen:
            raise ReadError(f"proposal identifier {marker.identifier} appears twice")
        seen.add(marker.identifier)


def _section(marker: _Marker | None, lines: list[str]) -> _Section:
    """Split a proposal's lines into its text and its reasons."""
    for index, line in enumerate(lines):
        if found := _REASONS.match(line):
            reasons = [found.group("rest"), *lines[index + 1 :]]
            return _Section(marker, _join(lines[:index]), _join(reasons))
    return _Section(marker, _join(lines), "")


def _join(lines: list[str]) -> str:
    return "\n".join(_strip_rules(lines)).strip()


def _strip_rules(lines: list[str]) -> list[str]:
    """Drop leading and trailing blank or rule-only lines."""
    start, end = 0, len(lines)
    while start < end and _RULE.match(lines[start]):
        start += 1
    while end > start and _RULE.match(lines[end - 1]):
        end -= 1
    return lines[start:end]


def _normalised(text: str) -> str:
    return " ".join(text.split())
