"""A resolution's texts, and comparing any two of them from a stored comparison."""

import datetime as dt
import re

import pytest
from django.urls import reverse

from contributions.comparisons import paragraph_changes
from contributions.models import Proposal, TextComparison
from resolutions.models import Revision

pytestmark = pytest.mark.django_db


def _page(resolution, old="", new=""):
    query = f"?old={old}&new={new}" if old else ""
    return reverse("workspace:resolution", args=[resolution.pk]) + query


def _compare(client, resolution, old, new):
    return client.post(reverse("workspace:compare", args=[resolution.pk]), {"old": old, "new": new})


@pytest.fixture
def delhi(revision) -> Revision:
    revision.text = (
        "considering\na) the WSIS outcomes;\nresolves\n1 to continue, within its mandate;"
    )
    revision.save()
    return Revision.objects.create(
        resolution=revision.resolution,
        label="Rev. New Delhi, 2024",
        adopted_on=dt.date(2024, 10, 24),
        text="considering\na) the WSIS outcomes;\nresolves\n"
        "1 to continue and to manage the Internet;",
    )


def test_it_lists_revisions_and_proposals(client, reviewer, flagged_proposal, delhi):
    client.force_login(reviewer)
    response = client.get(_page(delhi.resolution))
    assert [r.label for r in response.context["revisions"]] == [
        "Rev. Geneva, 2022",
        "Rev. New Delhi, 2024",
    ]
    assert response.context["proposals"] == [flagged_proposal]
    assert reverse("workspace:proposal", args=[flagged_proposal.pk]) in response.content.decode()


def test_it_computes_once_then_only_reads_the_stored_comparison(
    client, reviewer, revision, delhi, django_assert_num_queries
):
    old, new = f"revision-{revision.pk}", f"revision-{delhi.pk}"
    client.force_login(reviewer)
    before = client.get(_page(revision.resolution, old, new))
    assert before.context["comparison"] is None
    assert "Compare and keep the result" in before.content.decode()
    response = _compare(client, revision.resolution, old, new)
    assert response.status_code == 302
    assert response["Location"].endswith(f"?old={old}&new={new}#comparison")
    stored = TextComparison.objects.get()
    # Whichever engine computed it (the text engine, or the interim paragraph diff before it
    # is installed), the limiting words are deleted and the Internet clause inserted.
    ops = [tuple(op) for change in stored.changes for op in change["ops"]]
    assert any(op == -1 and "within its mandate" in text for op, text in ops)
    assert any(op == 1 and "manage the Internet" in text for op, text in ops)
    _compare(client, revision.resolution, old, new)  # a second POST reuses it
    assert TextComparison.objects.count() == 1
    # 1 session, 2 user, 3-4 permissions, 5 resolution, 6 revisions, 7 proposals,
    # 8 the stored comparison
    with django_assert_num_queries(8):
        body = client.get(_page(revision.resolution, old, new)).content.decode()
    assert re.search(r'<del class="diff-del">[^<]*within its mandate[^<]*</del>', body)
    assert re.search(r'<ins class="diff-ins">[^<]*manage the Internet', body)


def test_it_reuses_the_import_comparison_for_a_proposal_and_its_base(
    client, reviewer, flagged_proposal, revision
):
    client.force_login(reviewer)
    _compare(
        client, revision.resolution, f"revision-{revision.pk}", f"proposal-{flagged_proposal.pk}"
    )
    stored = TextComparison.objects.get()
    assert stored.engine == "import"
    assert len(stored.changes) == flagged_proposal.changes.count()
    assert stored.changes[5]["flags"][0]["category"] == "internet-governance"


def test_it_compares_two_proposals_of_the_same_resolution(
    client, reviewer, flagged_proposal, second_proposal
):
    Proposal.objects.filter(pk=flagged_proposal.pk).update(
        proposed_text="decides\n4 to monitor AI;"
    )
    Proposal.objects.filter(pk=second_proposal.pk).update(proposed_text="decides\n4 to watch AI;")
    client.force_login(reviewer)
    res = flagged_proposal.resolution
    old, new = f"proposal-{flagged_proposal.pk}", f"proposal-{second_proposal.pk}"
    _compare(client, res, old, new)
    ops = [tuple(op) for change in TextComparison.objects.get().changes for op in change["ops"]]
    assert any(op == -1 and "monitor" in text for op, text in ops)
    assert any(op == 1 and "watch" in text for op, text in ops)
    assert any(op == 0 and "decides" in text for op, text in ops)


def test_it_refuses_texts_of_another_resolution(client, reviewer, revision, hostile_proposal):
    client.force_login(reviewer)
    other = Revision.objects.exclude(resolution=revision.resolution).get()
    response = _compare(
        client, revision.resolution, f"revision-{revision.pk}", f"revision-{other.pk}"
    )
    assert response.status_code == 404
    assert not TextComparison.objects.exists()


@pytest.mark.parametrize("pair", [("revision-1", "revision-1"), ("bogus", "revision-1"), ("", "")])
def test_it_refuses_a_bad_pair(client, reviewer, revision, pair):
    client.force_login(reviewer)
    assert _compare(client, revision.resolution, *pair).status_code == 404


def test_texts_the_engine_cannot_parse_are_compared_paragraph_by_paragraph():
    modified = paragraph_changes("a\nRev. Geneva, 2022\n", "a\nRev. New Delhi, 2024\n")[1]
    assert modified["kind"] == "modified"
    assert [-1, "Geneva, 2022"] in modified["ops"] or [-1, "Geneva"] in modified["ops"]
    assert [c["kind"] for c in paragraph_changes("a\nb\nc", "a\nc\nd")] == [
        "unchanged",
        "deleted",
        "unchanged",
        "added",
    ]


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, flagged_proposal, make_proposals, django_assert_num_queries, extra
):
    make_proposals(extra)
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, 5 resolution, 6 revisions, 7 proposals with
    # contributions and meetings (no comparison asked for)
    with django_assert_num_queries(7):
        response = client.get(_page(flagged_proposal.resolution))
    assert len(response.context["proposals"]) == 1 + extra
