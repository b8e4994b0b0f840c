"""The resolution page: /resolutions/<assembly>/<number>/."""

import datetime as dt

import pytest
from django.urls import reverse
from lxml import html

from tests.public.conftest import add_clauses, add_public_proposals

pytestmark = pytest.mark.django_db


def _url(assembly: str = "wtsa", number: str = "75") -> str:
    return reverse("resolutions:detail", args=[assembly, number])


def test_it_shows_the_latest_published_text_structured(client, structured_revision):
    response = client.get(_url())
    assert response.status_code == 200
    page = html.fromstring(response.content)
    preamble = page.xpath('//section[contains(@class, "part-preamble")]')
    operative = page.xpath('//section[contains(@class, "part-operative")]')
    assert len(preamble) == 1 and len(operative) == 2
    assert "considering" in preamble[0].text_content()
    assert [li.get("id") for li in operative[0].xpath('.//li[@class="clause"]')] == [
        "resolves-1",
        "resolves-2",
    ]
    # Each clause label links to its own anchor.
    assert page.xpath('//li[@id="resolves-2"]/a')[0].get("href") == "#resolves-2"


def test_it_uses_the_newest_published_revision_and_never_a_draft(
    client, structured_revision, make_revision
):
    newer = make_revision("Rev. New Delhi, 2024", dt.date(2024, 10, 24))
    add_clauses(newer, [("decides", "decides", "operative", "4", "to do a new thing;")])
    draft = make_revision("Draft 2028", dt.date(2028, 1, 1), published=False)
    add_clauses(draft, [("decides", "decides", "operative", "9", "draft words")])
    content = client.get(_url()).content.decode()
    assert "to do a new thing;" in content
    assert 'id="decides-4"' in content
    assert "draft words" not in content and "Draft 2028" not in content


def test_it_shows_the_revision_timeline_oldest_first(client, revision, make_revision):
    make_revision("Johannesburg, 2008", dt.date(2008, 10, 30), text=" ")
    make_revision("Rev. New Delhi, 2024", dt.date(2024, 10, 24))
    page = html.fromstring(client.get(_url()).content)
    labels = [a.text_content() for a in page.xpath('//ol[@class="timeline"]//a')]
    assert labels == ["Johannesburg, 2008", "Rev. Geneva, 2022", "Rev. New Delhi, 2024"]
    assert page.xpath('//ol[@class="timeline"]//a')[0].get("href") == (
        "/resolutions/wtsa/75/rev-johannesburg-2008/"
    )
    # Only revisions with a text can be compared.
    options = [o.get("value") for o in page.xpath('//select[@id="compare-from"]/option')]
    assert options == ["geneva-2022", "new-delhi-2024"]


def test_it_lists_pending_public_proposals_with_their_submitters(
    client, structured_revision, later_meeting, apt, restricted_contribution
):
    (proposal,) = add_public_proposals(structured_revision.resolution, later_meeting, 1, [apt])
    content = client.get(_url()).content.decode()
    assert f'id="proposal-{proposal.pk}"' in content
    assert "Asia-Pacific Telecommunity (APT)" in content
    assert proposal.contribution.number in content
    assert restricted_contribution.number not in content


def test_it_falls_back_to_the_plain_text_when_no_clauses_are_stored(client, revision):
    page = html.fromstring(client.get(_url()).content)
    assert "RESOLUTION 75 (Rev. Geneva, 2022)" in page.xpath('//pre[@class="plain-text"]')[0].text


@pytest.mark.parametrize(
    "assembly,number",
    [("wtsa", "999"), ("nope", "75"), ("pp", "75"), ("wtsa", "75%00"), ("wtsa", "' OR 1=1")],
)
def test_it_answers_404_for_an_unknown_resolution(client, revision, assembly, number):
    assert client.get(_url(assembly, number)).status_code == 404


def test_it_answers_404_for_a_resolution_without_a_published_revision(client, make_revision):
    make_revision("Draft", dt.date(2030, 1, 1), published=False)
    assert client.get(_url()).status_code == 404


def _grow(resolution, make_revision, later_meeting, apt, extra: int) -> None:
    for year in range(2000, 2000 + extra):
        revision = make_revision(f"Rev. {year}", dt.date(year, 1, 1))
        add_clauses(revision)
    groups = [apt]
    add_public_proposals(resolution, later_meeting, 1 + extra, groups)


@pytest.mark.parametrize("extra", [0, 12])
def test_it_makes_the_same_number_of_queries_whatever_the_history(
    client, django_assert_num_queries, structured_revision, make_revision, later_meeting, apt, extra
):
    _grow(structured_revision.resolution, make_revision, later_meeting, apt, extra)
    # 1 the resolution, 2 its topics, 3 its published revisions with their meetings,
    # 4 the latest revision's clauses, 5 the pending public proposals with contribution and
    # meeting, 6 their submitters.
    with django_assert_num_queries(6):
        response = client.get(_url())
    assert response.status_code == 200
    assert response.content.decode().count('class="submitters"') == 1 + extra
