"""Atom feeds: /resolutions/feed.atom and /resolutions/<assembly>/<number>/feed.atom."""

import datetime as dt

import pytest
from django.urls import reverse
from lxml import etree

from resolutions.models import Resolution, Revision
from tests.public.conftest import add_public_proposals

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def _entries(response) -> list[tuple[str, str]]:
    feed = etree.fromstring(response.content)
    return [
        (entry.findtext(f"{ATOM}title"), entry.find(f"{ATOM}link").get("href"))
        for entry in feed.iter(f"{ATOM}entry")
    ]


def test_it_lists_new_public_proposals_and_published_revisions(
    client, revision, later_meeting, apt, restricted_contribution
):
    add_public_proposals(revision.resolution, later_meeting, 1, [apt])
    response = client.get(reverse("resolutions:feed"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    titles = [title for title, _link in _entries(response)]
    assert titles == [
        "MOD WTSA Resolution 75 proposed by Asia-Pacific Telecommunity",
        "WTSA Resolution 75: Rev. Geneva, 2022 published",
    ]
    links = [link for _title, link in _entries(response)]
    assert links[1].endswith("/resolutions/wtsa/75/rev-geneva-2022/")


def test_it_leaves_out_drafts_restricted_proposals_and_non_public_resolutions(
    client, revision, restricted_contribution, later_meeting, apt, make_revision
):
    make_revision("Draft", dt.date(2030, 1, 1), published=False)
    hidden = Resolution.objects.create(assembly="pp", number="1", title="Hidden")
    Revision.objects.create(resolution=hidden, label="Draft", text="x", is_published=False)
    add_public_proposals(hidden, later_meeting, 1, [apt])
    content = client.get(reverse("resolutions:feed")).content.decode()
    assert "Draft" not in content and "Hidden" not in content
    assert restricted_contribution.number not in content


def test_it_has_a_feed_per_resolution(client, revision, later_meeting, apt):
    other = Resolution.objects.create(assembly="pp", number="2", title="Other")
    Revision.objects.create(resolution=other, label="Rev. Dubai, 2018", text="x")
    add_public_proposals(other, later_meeting, 1, [apt])
    response = client.get(reverse("resolutions:resolution_feed", args=["wtsa", "75"]))
    assert response.status_code == 200
    assert [title for title, _ in _entries(response)] == [
        "WTSA Resolution 75: Rev. Geneva, 2022 published"
    ]


def test_it_answers_404_for_the_feed_of_an_unknown_resolution(client, revision):
    url = reverse("resolutions:resolution_feed", args=["wtsa", "76"])
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("count", [1, 12])
def test_it_makes_the_same_number_of_queries_whatever_the_count(
    client, revision, later_meeting, apt, make_revision, django_assert_num_queries, count
):
    add_public_proposals(revision.resolution, later_meeting, count, [apt])
    for year in range(2000, 2000 + count):
        make_revision(f"Rev. {year}", dt.date(year, 1, 1))
    # 1 published revisions with their resolutions, 2 public proposals with contribution,
    # meeting and resolution, 3 their submitters.
    with django_assert_num_queries(3):
        assert client.get(reverse("resolutions:feed")).status_code == 200
    # The same, after 1 the resolution, 2 its topics, 3 its published revisions.
    with django_assert_num_queries(6):
        url = reverse("resolutions:resolution_feed", args=["wtsa", "75"])
        assert client.get(url).status_code == 200
