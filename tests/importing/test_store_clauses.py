"""store_clauses: a revision's text becomes linkable Clause rows; a bad text becomes a warning."""

import pytest

from resolutions.clauses import store_clauses
from resolutions.models import Clause, Revision

pytestmark = pytest.mark.django_db


def test_it_stores_the_clauses_with_anchors_and_nesting(geneva):
    count = store_clauses(geneva)

    clauses = Clause.objects.filter(revision=geneva)
    assert count == clauses.count() > 50
    assert list(clauses.values_list("order", flat=True)) == list(range(count))
    decides = clauses.get(anchor="resolves-4")
    assert decides.kind == "operative" and decides.label == "4" and decides.parent is None
    assert decides.section_heading.startswith("décide")
    child = clauses.get(anchor="considering-e-ii")
    assert child.parent == clauses.get(anchor="considering-e")
    assert child.depth == 1 and child.text.startswith("la Résolution 101")
    assert clauses.exclude(footnotes=[]).count() == 1
    assert Revision.objects.get(pk=geneva.pk).parse_warning == ""


def test_it_rewrites_the_clauses_when_run_again(geneva):
    first = store_clauses(geneva)

    assert store_clauses(geneva) == first == Clause.objects.filter(revision=geneva).count()


def test_it_keeps_a_parse_error_as_a_warning(revision):
    Clause.objects.create(
        revision=revision,
        section_heading="x",
        section_key="x",
        section_order=0,
        kind="operative",
        text="stale",
        order=0,
        anchor="x-1",
    )

    assert store_clauses(revision) == 0

    revision.refresh_from_db()
    assert revision.parse_warning and "\n" not in revision.parse_warning
    assert not revision.clauses.exists()
    assert revision.history.first().parse_warning == revision.parse_warning
