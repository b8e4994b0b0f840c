import io

import pytest
from django.urls import reverse
from docx import Document

from contributions.models import Proposal, Verdict

pytestmark = pytest.mark.django_db


def _url(meeting, query: str = "") -> str:
    return reverse("workspace:briefing", args=[meeting.pk]) + query


@pytest.fixture
def judged(flagged_proposal, organisation, reviewer, other_verdict):
    change = flagged_proposal.changes.get(order=6)
    Verdict.objects.create(
        organisation=organisation,
        proposal=flagged_proposal,
        change=change,
        value="concern",
        note="OUR-CHANGE-NOTE",
        suggested_response="Keep 'within its mandate'",
    )
    Verdict.objects.create(
        organisation=organisation, proposal=flagged_proposal, value="concern", note="OUR-NOTE"
    )
    return flagged_proposal


def test_it_lists_flagged_proposals_with_changes_reasons_and_our_verdicts(
    client, reviewer, wtsa24, judged
):
    Proposal.objects.create(contribution=judged.contribution, order=3, action="NOC")
    client.force_login(reviewer)
    response = client.get(_url(wtsa24))
    (item,) = response.context["items"]  # the unflagged NOC is not in the pack
    assert [c.change.order for c in item.changes] == [2, 5, 6]
    body = response.content.decode()
    assert "Limiting words deleted" in body
    assert "OUR-NOTE" in body and "OUR-CHANGE-NOTE" in body
    assert "SECRET-RIVAL-NOTE" not in body
    assert '<del class="diff-del">, dans le cadre de son mandat,</del>' in body


def test_it_downloads_the_pack_as_docx(client, reviewer, wtsa24, judged):
    client.force_login(reviewer)
    response = client.get(_url(wtsa24, "?format=docx"))
    assert response["Content-Type"].endswith("wordprocessingml.document")
    assert 'filename="wtsa-24-briefing.docx"' in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "WTSA-24: briefing pack" in text
    assert "MOD WTSA Resolution 75" in text
    assert "Limiting words deleted" in text
    assert "Our verdict: Concern — OUR-CHANGE-NOTE" in text
    assert "SECRET-RIVAL-NOTE" not in text and "RIVAL-RESPONSE" not in text
    struck = [r.text for p in document.paragraphs for r in p.runs if r.font.strike]
    assert ", dans le cadre de son mandat," in struck


def test_it_keeps_hostile_text_inert_in_the_docx(client, reviewer, wtsa24, hostile_proposal):
    client.force_login(reviewer)
    response = client.get(_url(wtsa24, "?format=docx"))
    document = Document(io.BytesIO(response.content))
    text = "\n".join(p.text for p in document.paragraphs)
    assert '<script>alert("x")</script>' in text  # plain text in Word, nothing to run


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, wtsa24, flagged_proposal, make_proposals, django_assert_num_queries, extra
):
    make_proposals(extra)
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, 5 meeting, 6 organisation, 7 flagged proposals,
    # 8 their flagged changes, 9 my organisation's verdicts, 10 submitters
    with django_assert_num_queries(10):
        response = client.get(_url(wtsa24))
    assert len(response.context["items"]) == 1 + extra
