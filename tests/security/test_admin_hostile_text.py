"""Imported text is hostile in the admin too: it renders inert, never as markup."""

import pytest
from django.urls import reverse

from contributions.models import ClauseChange

pytestmark = pytest.mark.django_db

HOSTILE = (
    '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
)


def test_contribution_and_proposal_text_stay_inert_in_the_admin(
    client, admin_user, public_proposal
):
    contribution = public_proposal.contribution
    contribution.title = contribution.abstract = HOSTILE
    contribution.save()
    public_proposal.reasons = public_proposal.proposed_text = HOSTILE
    public_proposal.save()
    ClauseChange.objects.create(
        proposal=public_proposal, order=0, kind="added", section=HOSTILE, new_text=HOSTILE
    )
    client.force_login(admin_user)
    urls = [
        reverse("admin:contributions_contribution_changelist"),
        reverse("admin:contributions_contribution_change", args=[contribution.pk]),
        reverse("admin:contributions_proposal_change", args=[public_proposal.pk]),
        reverse("admin:contributions_clausechange_changelist"),
    ]
    for url in urls:
        html = client.get(url).content.decode()
        assert "<script>alert(1)" not in html, url
        assert 'onerror="alert(2)"' not in html, url
        assert 'href="javascript:alert(3)"' not in html, url
