"""Same clause, many hands."""

import pytest
from django.urls import reverse

from contributions.many_hands import normalise
from contributions.models import Verdict

pytestmark = pytest.mark.django_db


def _url(meeting) -> str:
    return reverse("workspace:clauses", args=[meeting.pk])


def _slot(slots, section, label):
    (slot,) = [s for s in slots if s.section == section and s.label == label]
    return slot


def test_it_shows_an_identical_change_once_with_all_submitters(
    client, reviewer, wtsa24, flagged_proposal, second_proposal
):
    client.force_login(reviewer)
    slots = client.get(_url(wtsa24)).context["slots"]
    decides4 = _slot(slots, "décide", "4")
    assert not decides4.conflicting
    (distinct,) = decides4.distinct
    assert sorted(distinct.signatories) == ["APT", "CEPT"]
    assert {m.proposal_id for m in distinct.members} == {flagged_proposal.pk, second_proposal.pk}


def test_it_marks_different_changes_to_one_clause_as_conflicting(
    client, reviewer, wtsa24, flagged_proposal, second_proposal
):
    client.force_login(reviewer)
    response = client.get(_url(wtsa24))
    tsag = _slot(response.context["slots"], "charge le Groupe consultatif", "1")
    assert tsag.conflicting
    assert [d.signatories for d in tsag.distinct] == [["APT"], ["CEPT"]]
    body = response.content.decode()
    assert "conflicting: 2 versions" in body
    assert 'class="versions-side"' in body
    # Conflicts come first on the page.
    assert response.context["slots"][0].conflicting


def test_it_merges_near_identical_text(client, reviewer, wtsa24, flagged_proposal, second_proposal):
    change = second_proposal.changes.get(new_label="4")
    change.fingerprint = ""
    change.new_text = "De suivre les technologies émergentes, et la gestion de l'Internet"
    change.save()
    client.force_login(reviewer)
    slots = client.get(_url(wtsa24)).context["slots"]
    assert len(_slot(slots, "décide", "4").distinct) == 1
    assert normalise("A,  b;C") == "a b c"


def test_it_records_one_verdict_per_distinct_change(
    client, reviewer, organisation, wtsa24, flagged_proposal, second_proposal
):
    client.force_login(reviewer)
    slots = client.get(_url(wtsa24)).context["slots"]
    distinct = _slot(slots, "décide", "4").distinct[0]
    target = distinct.target
    response = client.post(
        reverse("workspace:verdict", args=[target.proposal_id]),
        {"change": target.pk, "version": 0, "value": "concern", "next": _url(wtsa24)},
    )
    assert response["Location"] == _url(wtsa24)
    slots = client.get(_url(wtsa24)).context["slots"]
    distinct = _slot(slots, "décide", "4").distinct[0]
    assert distinct.verdict.value == "concern"
    assert distinct.form.initial["version"] == 1  # editing, not creating a second verdict
    assert Verdict.objects.filter(organisation=organisation).count() == 1


def test_it_refuses_to_redirect_off_site(client, reviewer, flagged_proposal):
    client.force_login(reviewer)
    change = flagged_proposal.changes.exclude(flags=[]).first()
    response = client.post(
        reverse("workspace:verdict", args=[flagged_proposal.pk]),
        {"change": change.pk, "version": 0, "value": "concern", "next": "https://evil.example/"},
    )
    assert response["Location"].startswith(
        reverse("workspace:proposal", args=[flagged_proposal.pk])
    )


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, wtsa24, flagged_proposal, make_proposals, django_assert_num_queries, extra
):
    make_proposals(extra)
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, 5 meeting, 6 changes with proposals, resolutions and
    # contributions, 7 submitters, 8 organisation, 9 my organisation's verdicts
    with django_assert_num_queries(9):
        response = client.get(_url(wtsa24))
    assert response.status_code == 200
