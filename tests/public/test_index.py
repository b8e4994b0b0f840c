"""The resolutions index: /resolutions/."""

import datetime as dt

import pytest
from django.urls import reverse

from resolutions.models import Resolution, Revision, Topic
from tests.public.conftest import add_clauses, add_public_proposals

pytestmark = pytest.mark.django_db
URL = reverse("resolutions:index")


def _resolutions(count: int, assembly: str = "pp") -> None:
    topic = Topic.objects.get_or_create(slug="wsis", defaults={"name": "WSIS"})[0]
    for number in range(1, count + 1):
        resolution = Resolution.objects.create(
            assembly=assembly, number=str(number), title=f"Resolution title {number}"
        )
        resolution.topics.add(topic)
        for year in (2014, 2018):
            Revision.objects.create(
                resolution=resolution,
                label=f"Rev. {year}",
                adopted_on=dt.date(year, 11, 1),
                text="RESOLUTION",
            )


def test_it_lists_public_resolutions_by_assembly_and_number(client, revision):
    _resolutions(12)
    response = client.get(URL)
    assert response.status_code == 200
    rows = [r.pk for r in response.context["page"].object_list]
    numbers = [Resolution.objects.get(pk=pk).number for pk in rows]
    # Numeric order (2 before 11) within each assembly; pp sorts before wtsa.
    assert numbers[:12] == [str(n) for n in range(1, 13)]
    assert numbers[12] == "75"
    content = response.content.decode()
    assert "Resolution title 11" in content
    assert "Rev. 2018" in content  # the latest revision
    assert "WSIS" in content  # topics


def test_it_shows_the_pending_badge_only_where_public_proposals_wait(
    client, structured_revision, later_meeting, apt, restricted_contribution
):
    _resolutions(1)
    response = client.get(URL)
    assert "Public proposals pending" not in response.content.decode()
    add_public_proposals(structured_revision.resolution, later_meeting, 1, [apt])
    response = client.get(URL)
    pending = {r.number: r.has_pending for r in response.context["page"].object_list}
    assert pending == {"1": False, "75": True}
    assert response.content.decode().count("Public proposals pending") == 1


def test_it_does_not_count_a_proposal_overtaken_by_a_later_adopted_text(
    client, revision, public_proposal, make_revision
):
    # public_proposal went to WTSA-24 (October 2024); a text adopted after it closes it.
    assert client.get(URL).context["page"].object_list[0].has_pending
    make_revision("Rev. New Delhi, 2024", dt.date(2024, 10, 24))
    assert not client.get(URL).context["page"].object_list[0].has_pending


def test_it_filters_by_assembly_and_topic(client, revision):
    _resolutions(3)
    response = client.get(URL, {"assembly": "wtsa"})
    assert [r.number for r in response.context["page"].object_list] == ["75"]
    response = client.get(URL, {"topic": "wsis"})
    assert sorted(r.number for r in response.context["page"].object_list) == ["1", "2", "3"]


def test_it_searches_title_number_and_published_clause_text(client, structured_revision):
    _resolutions(3)
    for query, expected in (
        ("WSIS outcomes", ["75"]),  # title
        ("75", ["75"]),  # number
        ("Resolution title 3", ["3"]),
        ("action lines", ["75"]),  # clause text of a published revision
        ("nothing like this", []),
    ):
        response = client.get(URL, {"q": query})
        assert [r.number for r in response.context["page"].object_list] == expected, query


def test_it_never_finds_text_only_an_unpublished_revision_holds(client, revision, make_revision):
    draft = make_revision("Draft", dt.date(2030, 1, 1), text="secret draft words", published=False)
    add_clauses(draft, [("resolves", "resolves", "operative", "1", "hidden clause words")])
    for query in ("secret draft words", "hidden clause words", "Draft"):
        response = client.get(URL, {"q": query})
        assert list(response.context["page"].object_list) == [], query


def test_it_paginates(client, revision):
    _resolutions(30)
    first = client.get(URL)
    assert len(first.context["page"].object_list) == 25
    second = client.get(URL, {"page": 2})
    assert len(second.context["page"].object_list) == 6
    assert 'rel="prev"' in second.content.decode()


@pytest.mark.parametrize(
    "params", [{"page": "999999"}, {"page": "abc"}, {"page": "0"}, {"page": "-1"}]
)
def test_it_answers_404_for_a_page_that_does_not_exist(client, revision, params):
    assert client.get(URL, params).status_code == 404


def test_it_answers_400_for_an_unknown_assembly_filter(client, revision):
    response = client.get(URL, {"assembly": "nope"})
    assert response.status_code == 400
    assert "Bad request" in response.content.decode()


def test_it_bounds_the_search_string(client, revision):
    response = client.get(URL, {"q": "x" * 5000})
    assert response.status_code == 200
    assert len(response.context["filters"]["q"]) == 200


@pytest.mark.parametrize("count", [1, 25])
def test_it_makes_the_same_number_of_queries_whatever_the_size(
    client, django_assert_num_queries, count, later_meeting, apt
):
    _resolutions(count)
    for resolution in Resolution.objects.all():
        add_public_proposals(resolution, later_meeting, 0, [apt])
    # 1 count for the paginator, 2 the page of resolutions (latest revision, pending badge as
    # subqueries), 3 their topics (prefetch), 4 the topics of the filter menu.
    with django_assert_num_queries(4):
        response = client.get(URL)
    assert response.status_code == 200
