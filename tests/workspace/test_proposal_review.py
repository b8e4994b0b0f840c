import re

import pytest
from django.urls import reverse

from contributions.models import Submission, Verdict

pytestmark = pytest.mark.django_db


def _url(proposal, query: str = "") -> str:
    return reverse("workspace:proposal", args=[proposal.pk]) + query


def _articles(body: str) -> dict[str, str]:
    """Each rendered change, by its anchor id."""
    found = re.findall(r'<article id="(change-\d+)"(.*?)</article>', body, re.S)
    return dict(found)


def test_it_renders_the_stored_comparison_inline(client, reviewer, flagged_proposal):
    client.force_login(reviewer)
    body = client.get(_url(flagged_proposal)).content.decode()
    tsag = _articles(body)["change-6"]
    assert '<del class="diff-del">, dans le cadre de son mandat,</del>' in tsag
    assert '<ins class="diff-ins"> sur la gestion de l&#x27;Internet</ins>' in tsag
    assert "Limiting words deleted" in tsag  # the flag's reason
    assert "internet-governance" in tsag and "sev-high" in tsag


def test_it_renders_side_by_side_from_the_same_ops(client, reviewer, flagged_proposal):
    client.force_login(reviewer)
    body = client.get(_url(flagged_proposal, "?view=side")).content.decode()
    tsag = _articles(body)["change-6"]
    old, new = re.findall(r'<div class="(?:old|new)">(.*?)</div>', tsag, re.S)
    assert "<del" in old and "<ins" not in old
    assert "<ins" in new and "<del" not in new


def test_it_shows_operative_clauses_only_without_javascript(client, reviewer, flagged_proposal):
    client.force_login(reviewer)
    body = client.get(_url(flagged_proposal, "?scope=operative")).content.decode()
    articles = _articles(body)
    assert set(articles) == {"change-4", "change-5", "change-6"}
    assert all(" operative" in attrs.split(">")[0] for attrs in articles.values())
    assert "4 preambular clauses hidden" in body


def test_it_folds_unchanged_clauses_in_details(client, reviewer, flagged_proposal):
    client.force_login(reviewer)
    body = client.get(_url(flagged_proposal)).content.decode()
    folds = re.findall(r'<details class="unchanged-fold"( open)?>', body)
    assert folds == ["", ""]  # "considérant a) b)" and "décide 1", folded
    assert "2 unchanged clauses" in body
    unfolded = client.get(_url(flagged_proposal, "?unchanged=show")).content.decode()
    assert re.findall(r'<details class="unchanged-fold"( open)?>', unfolded) == [" open", " open"]


def test_it_links_flagged_changes_to_each_other(client, reviewer, flagged_proposal):
    client.force_login(reviewer)
    body = client.get(_url(flagged_proposal)).content.decode()
    articles = _articles(body)
    flagged = [k for k, attrs in articles.items() if "data-flagged" in attrs.split(">")[0]]
    assert flagged == ["change-2", "change-5", "change-6"]
    assert 'href="#change-5" rel="next"' in articles["change-2"]
    assert 'href="#change-2" rel="prev"' in articles["change-5"]
    assert 'rel="next"' not in articles["change-6"]


def test_it_links_contribution_submitters_cosponsors_and_history(
    client, reviewer, flagged_proposal, cept
):
    Submission.objects.create(
        contribution=flagged_proposal.contribution, group=cept, role=Submission.Role.COSPONSOR
    )
    client.force_login(reviewer)
    response = client.get(_url(flagged_proposal))
    body = response.content.decode()
    assert reverse("workspace:contribution", args=[flagged_proposal.contribution_id]) in body
    assert [s.group.code for s in response.context["submitters"]] == ["APT"]
    assert [s.group.code for s in response.context["cosponsors"]] == ["CEPT"]
    assert reverse("workspace:group", args=[cept.pk]) in body
    assert reverse("workspace:resolution", args=[flagged_proposal.resolution_id]) in body


def test_it_offers_a_verdict_form_on_each_flagged_change_and_the_whole(
    client, reviewer, flagged_changes
):
    proposal = flagged_changes[0].proposal
    client.force_login(reviewer)
    body = client.get(_url(proposal)).content.decode()
    targets = re.findall(r'name="change" value="(\d*)"', body)
    flagged_ids = [str(c.pk) for c in flagged_changes if c.flags]
    assert sorted(t for t in targets if t) == sorted(flagged_ids)
    assert 'id="id_p_value"' in body  # the proposal-wide form


def test_it_shows_only_my_organisations_verdicts(
    client, reviewer, flagged_proposal, other_verdict, organisation
):
    Verdict.objects.create(
        organisation=organisation, proposal=flagged_proposal, value="concern", note="OUR-NOTE"
    )
    client.force_login(reviewer)
    body = client.get(_url(flagged_proposal)).content.decode()
    assert "OUR-NOTE" in body
    assert "SECRET-RIVAL-NOTE" not in body


def test_it_answers_404_for_an_unknown_proposal(client, reviewer, db):
    client.force_login(reviewer)
    assert client.get(reverse("workspace:proposal", args=[987654])).status_code == 404


@pytest.mark.parametrize("extra_verdicts", [False, True])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, organisation, flagged_changes, django_assert_num_queries, extra_verdicts
):
    proposal = flagged_changes[0].proposal
    if extra_verdicts:
        for change in flagged_changes:
            if change.flags:
                Verdict.objects.create(
                    organisation=organisation, proposal=proposal, change=change, value="concern"
                )
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, 5 proposal with contribution, meeting, resolution and
    # base revision, 6 organisation, 7 submissions with groups, 8 changes, 9 verdicts,
    # 10 verdict history
    with django_assert_num_queries(10):
        assert client.get(_url(proposal)).status_code == 200


def test_it_shows_a_verdict_recorded_once_for_the_same_change_elsewhere(
    client, reviewer, organisation, flagged_proposal, second_proposal
):
    theirs = second_proposal.changes.get(new_label="4")  # same fingerprint as APT's décide 4
    Verdict.objects.create(
        organisation=organisation,
        proposal=second_proposal,
        change=theirs,
        value="concern",
        note="JUDGED-ONCE",
    )
    client.force_login(reviewer)
    body = client.get(_url(flagged_proposal)).content.decode()
    decides4 = _articles(body)["change-5"]
    assert "JUDGED-ONCE" in decides4
    assert "Recorded once for the same change, proposed in 40-Add.5 too." in decides4
    # Editing it here edits that one verdict, then comes back here.
    assert reverse("workspace:verdict", args=[second_proposal.pk]) in decides4
    assert f'name="change" value="{theirs.pk}"' in decides4
    assert 'name="version" value="1"' in decides4
    assert f'name="next" value="{_url(flagged_proposal)}#change-5"' in decides4


def test_it_quotes_every_piece_of_evidence(client, reviewer, flagged_changes):
    change = flagged_changes[5]
    change.flags = [
        {
            "category": "internet-governance",
            "severity": "high",
            "reason": "adds 'Internet' with mandate words",
            "evidence": ["Internet", "manage", "within its mandate"],
        }
    ]
    change.save()
    client.force_login(reviewer)
    body = client.get(_url(change.proposal)).content.decode()
    article = _articles(body)["change-5"]
    assert "<q>Internet</q> <q>manage</q> <q>within its mandate</q>" in article


def test_it_hides_verdict_forms_from_read_only_users(client, read_only_user, flagged_proposal):
    client.force_login(read_only_user)
    body = client.get(_url(flagged_proposal)).content.decode()
    assert 'class="verdict-form"' not in body
