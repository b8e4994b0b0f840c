import pytest
from django.urls import reverse

from contributions.models import Proposal
from resolutions.models import Watch

pytestmark = pytest.mark.django_db
URL = reverse("workspace:dashboard")


def test_it_lists_flagged_proposals_first_with_counts(client, reviewer, flagged_proposal, wtsa24):
    quiet = Proposal.objects.create(
        contribution=flagged_proposal.contribution, order=1, action="NOC", identifier="ACP/NOC"
    )
    client.force_login(reviewer)
    response = client.get(URL)
    proposals = list(response.context["proposals"])
    assert proposals == [flagged_proposal, quiet]
    assert response.context["counts"] == {"awaiting": 2, "flagged": 1}
    body = response.content.decode()
    assert reverse("workspace:proposal", args=[flagged_proposal.pk]) in body
    assert reverse("workspace:matrix", args=[wtsa24.pk]) in body


def test_it_shows_my_watchlist_and_upcoming_deadlines(
    client, reviewer, res75, upcoming_meeting, time_machine
):
    time_machine.move_to("2026-11-25 12:00Z")
    Watch.objects.create(user=reviewer, resolution=res75)
    client.force_login(reviewer)
    body = client.get(URL).content.decode()
    assert "WTSA Resolution 75" in body
    assert "PP-26" in body
    assert "2 Nov 2026" in body  # the contribution deadline


def test_it_hides_reviewed_proposals_from_the_queue(client, reviewer, flagged_proposal):
    flagged_proposal.status = Proposal.Status.REVIEWED
    flagged_proposal.save()
    client.force_login(reviewer)
    response = client.get(URL)
    assert list(response.context["proposals"]) == []
    assert response.context["counts"]["awaiting"] == 0


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, flagged_proposal, make_proposals, django_assert_num_queries, extra
):
    make_proposals(extra)
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 user and group permissions, 5 recent contributions,
    # 6 their submitters, 7 proposals awaiting review, 8 counts, 9 watchlist,
    # 10 upcoming meetings, 11 assemblies with contributions
    with django_assert_num_queries(11):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(response.context["proposals"]) == min(10, 1 + extra)
