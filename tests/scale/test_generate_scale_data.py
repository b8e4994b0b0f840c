import random

import pytest
from django.core.management import call_command

from contributions.models import ClauseChange, Contribution, Proposal, Verdict
from itu_tracker import synthetic
from resolutions.models import Clause, Resolution, Revision


def test_synthetic_resolutions_have_the_size_asked_and_both_parts():
    text = synthetic.resolution(random.Random(1), 9001, 20_000).render()
    assert 15_000 < len(text) < 25_000
    assert "\nconsidering\n" in text and "\nresolves\n" in text


def test_the_same_seed_gives_the_same_corpus():
    first = synthetic.resolution(random.Random(7), 1, 5_000).render()
    assert first == synthetic.resolution(random.Random(7), 1, 5_000).render()


def test_an_amendment_changes_as_many_clauses_as_asked():
    base = synthetic.resolution(random.Random(3), 1, 10_000)
    new, edits = synthetic.amend(random.Random(3), base, 7)
    assert len(edits) == 7
    assert new.render() != base.render()


@pytest.mark.django_db
def test_it_writes_the_corpus_with_history_and_is_flat_in_queries():
    call_command("generate_scale_data", resolutions=3, revisions_per=2, contributions=10)
    assert Resolution.objects.filter(number__gte="5000").count() == 3
    assert Revision.objects.count() == 6
    assert Clause.objects.filter(revision__resolution__number="5000").exists()
    assert Contribution.objects.filter(meeting__acronym="SCALE-WTSA").count() == 10
    proposals = Proposal.objects.filter(contribution__meeting__acronym="SCALE-WTSA")
    assert proposals.count() == 10
    assert ClauseChange.objects.filter(proposal__in=proposals).count() >= 10
    # History rows are written in bulk too.
    assert Revision.history.count() == 6
    assert Proposal.history.count() == 10
    assert Verdict.history.count() == Verdict.objects.count()
    flagged = proposals.filter(highest_severity="high")
    assert all(p.changes.exclude(flags=[]).exists() for p in flagged)
