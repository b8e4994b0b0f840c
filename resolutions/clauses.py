"""A revision's clauses, derived from its text by the text engine and stored for the pages."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from resolutions.models import Clause, Revision
from resolutions.text import ParseError, parse


@dataclass
class _Row:
    clause: Clause
    parent: _Row | None


@transaction.atomic
def store_clauses(revision: Revision) -> int:
    """(Re)write ``revision``'s Clause rows from its text; returns how many were stored.

    A text the engine cannot parse is not an error here: its message goes to
    ``revision.parse_warning`` (the page shows the plain text instead) and no clause is kept.
    """
    revision.clauses.all().delete()
    try:
        # Headings tell the language more reliably than the revision's metadata.
        document = parse(revision.text)
    except ParseError as error:
        _set_warning(revision, " ".join(str(error).split()) or "the text could not be parsed")
        return 0
    rows = list(_rows(revision, document))
    # Parents first, level by level, so each child can point at a saved parent.
    for depth in range(max((r.clause.depth for r in rows), default=-1) + 1):
        level = [r for r in rows if r.clause.depth == depth]
        for row in level:
            row.clause.parent = row.parent.clause if row.parent else None
        Clause.objects.bulk_create([r.clause for r in level])
        _ensure_pks(revision, level)
    _set_warning(revision, "")
    return len(rows)


def _rows(revision: Revision, document) -> Iterator[_Row]:
    anchors: set[str] = set()
    order = 0
    for section_order, section in enumerate(document.sections):
        stack = [(clause, None, 0, section.key) for clause in reversed(section.clauses)]
        position = 0
        while stack:
            clause, parent, depth, prefix = stack.pop()
            position += 1
            anchor = _unique(f"{prefix}-{_slug(clause.label) or position}", anchors)
            row = _Row(
                Clause(
                    revision=revision,
                    section_heading=section.heading[:500],
                    section_key=section.key[:60],
                    section_order=section_order,
                    kind=section.kind,
                    label=clause.label[:20],
                    text=clause.text,
                    footnotes=list(clause.footnotes),
                    order=order,
                    depth=depth,
                    anchor=anchor,
                ),
                parent,
            )
            order += 1
            yield row
            stack.extend((child, row, depth + 1, anchor) for child in reversed(clause.children))


def _slug(label: str) -> str:
    return slugify(label.strip("()."))


def _unique(anchor: str, used: set[str]) -> str:
    anchor = anchor[:110]
    candidate, suffix = anchor, 2
    while candidate in used:
        candidate, suffix = f"{anchor}-{suffix}", suffix + 1
    used.add(candidate)
    return candidate


def _ensure_pks(revision: Revision, rows: list[_Row]) -> None:
    """Backends that cannot return ids from a bulk insert: read them back by position."""
    missing = [r.clause for r in rows if r.clause.pk is None]
    if missing:
        ids = dict(
            Clause.objects.filter(
                revision=revision, order__in=[c.order for c in missing]
            ).values_list("order", "pk")
        )
        for clause in missing:
            clause.pk = ids[clause.order]


def _set_warning(revision: Revision, warning: str) -> None:
    # save() rather than update(): Revision is versioned, and update() writes no history.
    if revision.parse_warning != warning:
        revision.parse_warning = warning
        revision.save(update_fields=["parse_warning"])
