"""Frozen value objects returned by the text engine.

Other parts of the project (import, review pages, flags) code against these names: extend them
only with defaulted fields at the end.
"""

from __future__ import annotations

from dataclasses import dataclass

PREAMBULAR = "preambular"
OPERATIVE = "operative"

UNCHANGED = "unchanged"
MODIFIED = "modified"
ADDED = "added"
DELETED = "deleted"
MOVED = "moved"
RELABELLED = "relabelled"
CHANGE_KINDS = (UNCHANGED, MODIFIED, ADDED, DELETED, MOVED, RELABELLED)

SPLIT = "split"
MERGED = "merged"

# What a Change is about: the document's header lines, a section heading, a clause, an annex or
# a document-level footnote. For a header change `section` names the field ("designation",
# "title", "history", "assembly"); for an annex or footnote it is "annex 1", "footnote 2"….
LEVEL_HEADER = "header"
LEVEL_SECTION = "section"
LEVEL_CLAUSE = "clause"
LEVEL_ANNEX = "annex"
LEVEL_FOOTNOTE = "footnote"  # a footnote of the document, not attached to a clause

Op = tuple[int, str]


class ParseError(ValueError):
    """The text does not look like a resolution; the message names what was missing."""


@dataclass(frozen=True)
class Clause:
    label: str
    text: str
    children: tuple[Clause, ...] = ()
    footnotes: tuple[str, ...] = ()


@dataclass(frozen=True)
class Section:
    heading: str
    key: str
    kind: str
    clauses: tuple[Clause, ...]

    @property
    def operative(self) -> bool:
        return self.kind == OPERATIVE


@dataclass(frozen=True)
class Document:
    title: str
    number: str
    history: str
    assembly: str
    lang: str
    sections: tuple[Section, ...]
    footnotes: tuple[str, ...] = ()
    # The line as printed, "RÉSOLUTION 75 (Rév. Genève, 2022)".
    designation: str = ""
    # "Rév. Genève, 2022": the parenthesis of the "RESOLUTION 75 (…)" line.
    revision: str = ""
    # "resolution" | "decision" | "recommendation" | "" when the text has no such line.
    instrument: str = ""
    # Annex texts, kept whole: they are not clause-structured.
    annexes: tuple[str, ...] = ()
    # Text of the source outside the resolution (an abstract before it, the next part of a
    # Final Acts extraction after it): kept so that nothing is dropped silently.
    unparsed: tuple[str, ...] = ()

    @property
    def operative_sections(self) -> tuple[Section, ...]:
        return tuple(s for s in self.sections if s.operative)


@dataclass(frozen=True)
class Change:
    kind: str
    section: str
    section_key: str
    operative: bool
    old_label: str | None
    new_label: str | None
    old_text: str | None
    new_text: str | None
    ops: tuple[Op, ...]
    relation: str | None = None
    old_path: tuple[str, ...] = ()
    new_path: tuple[str, ...] = ()
    level: str = LEVEL_CLAUSE


@dataclass(frozen=True)
class Comparison:
    changes: tuple[Change, ...]
    old: Document
    new: Document

    def to_dict(self) -> dict:
        from .serialize import comparison_to_dict

        return comparison_to_dict(self)

    @property
    def edits(self) -> tuple[Change, ...]:
        """Every change except the unchanged pairs."""
        return tuple(c for c in self.changes if c.kind != UNCHANGED)
