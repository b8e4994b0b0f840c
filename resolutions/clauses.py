"""A revision's clauses, derived from its text by the text engine and stored for the pages."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from django.db import transaction
from django.utils.text import slugify

from resolutions.models import Clause, Revision
from resolutions.text import Document, ParseError, parse


@dataclass
class _Row:
    clause: Clause
    parent: _Row | None


@transaction.atomic
def store_clauses(revision: Revision, document: Document | None = None) -> int:
    """(Re)write ``revision``'s Clause rows from its text; returns how many were stored.

    ``document`` spares a second parse when the caller already parsed ``revision.text``.
    A text the engine cannot parse is not an error here: its message goes to
    ``revision.parse_warning`` (the page shows the plain text instead) and no clause is kept.
    """
    revision.clauses.all().delete()
    if document is None:
        try:
            # Headings tell the language more reliably than the revision's metadata.
            document = parse(revision.text)
        except ParseError as error:
            _set_warning(revision, " ".join(str(error).split()) or "the text could not be parsed")
            return 0
    rows = _rows(revision, document)
    # Parents first, level by level, so each child can point at a saved parent.
    for depth in range(max((r.clause.depth for r in rows), default=-1) + 1):
        level = [r for r in rows if r.clause.depth == depth]
        for row in level:
            row.clause.parent = row.parent.clause if row.parent else None
        Clause.objects.bulk_create([r.clause for r in level])
        _ensure_pks(revision, level)
    _set_warning(revision, "")
    return len(rows)


def _rows(revision: Revision, document) -> list[_Row]:
    """Rows in reading order (parents before children), each with its parent's row.

    Anchors follow the demo loader's scheme so links stay stable whichever wrote the rows:
    section key, then the labels down the nesting ("considering-e-ii", "resolves-4"); a section
    key that recurs gets "_2" ("invites_2-1"); an unlabelled clause its position.
    """
    rows: list[_Row] = []
    keys: Counter[str] = Counter()
    anchors: Counter[str] = Counter()

    def add(section, section_order: int, prefix: str, clauses, parent, path) -> None:
        for position, clause in enumerate(clauses, start=1):
            step = re.sub(r"\W+", "-", clause.label).strip("-").lower() or str(position)
            anchor = slugify("-".join((prefix, *path, step)))[:110]
            anchors[anchor] += 1
            if anchors[anchor] > 1:  # a noisy text may repeat a label within a section
                anchor = f"{anchor}_{anchors[anchor]}"
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
                    order=len(rows),
                    depth=len(path),
                    anchor=anchor,
                ),
                parent,
            )
            rows.append(row)
            add(section, section_order, prefix, clause.children, row, (*path, step))

    for section_order, section in enumerate(document.sections):
        keys[section.key] += 1
        prefix = section.key if keys[section.key] == 1 else f"{section.key}_{keys[section.key]}"
        add(section, section_order, prefix, section.clauses, None, ())
    return rows


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
