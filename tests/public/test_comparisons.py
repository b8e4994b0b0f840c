"""resolutions.comparisons: the stored comparison between two revisions."""

import pytest

from resolutions.comparisons import compute_changes, stored_comparison
from resolutions.models import RevisionComparison, WatchTerm

pytestmark = pytest.mark.django_db


def test_it_flags_with_the_active_watch_terms(res75_texts):
    old, new = res75_texts
    WatchTerm.objects.all().delete()
    WatchTerm.objects.create(category="human-rights", language="fr", pattern="tendances")
    WatchTerm.objects.create(category="", language="fr", kind="no-such-kind", pattern="x")
    changes = compute_changes(old, new, "fr")
    categories = {flag["category"] for change in changes for flag in change["flags"]}
    assert categories == {"human-rights"}


def test_it_recomputes_a_comparison_stored_by_another_engine_version(res75_pair):
    old, new = res75_pair
    RevisionComparison.objects.create(old=old, new=new, changes=[], engine_version="0/old")
    stored = stored_comparison(old, new)
    assert stored.changes and stored.engine_version != "0/old"
    assert RevisionComparison.objects.count() == 1
