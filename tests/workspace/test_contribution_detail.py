import pytest
from django.urls import reverse

from contributions.models import Submission

pytestmark = pytest.mark.django_db


def test_it_shows_signatories_and_proposals(client, reviewer, flagged_proposal, cept):
    Submission.objects.create(
        contribution=flagged_proposal.contribution, group=cept, role=Submission.Role.COSPONSOR
    )
    client.force_login(reviewer)
    url = reverse("workspace:contribution", args=[flagged_proposal.contribution_id])
    body = client.get(url).content.decode()
    assert "Asia-Pacific Telecommunity</a> (Submitter)" in body
    assert "(Co-sponsor)" in body
    assert reverse("workspace:proposal", args=[flagged_proposal.pk]) in body


def test_it_answers_404_for_an_unknown_contribution(client, reviewer, db):
    client.force_login(reviewer)
    assert client.get(reverse("workspace:contribution", args=[424242])).status_code == 404


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, flagged_proposal, django_assert_num_queries, extra
):
    for i in range(extra):
        flagged_proposal.pk = None
        flagged_proposal.order = i + 1
        flagged_proposal.save()
    client.force_login(reviewer)
    url = reverse("workspace:contribution", args=[flagged_proposal.contribution_id])
    # 1 session, 2 user, 3-4 permissions, 5 contribution with meeting, 6 submissions with
    # groups, 7 proposals with resolutions
    with django_assert_num_queries(7):
        assert client.get(url).status_code == 200
