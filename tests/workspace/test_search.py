import pytest
from django.db import connection
from django.urls import reverse

from contributions.models import Verdict
from resolutions.models import Revision
from tests.workspace.conftest import assert_inert

pytestmark = pytest.mark.django_db
URL = reverse("workspace:search")
postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="full-text search is PostgreSQL's"
)


@pytest.fixture
def corpus(flagged_proposal, revision, restricted_contribution, organisation, other_verdict):
    revision.text = "The Assembly resolves to monitor emerging technologies within its mandate."
    revision.save()
    Revision.objects.create(
        resolution=revision.resolution,
        label="Rév. New Delhi, 2024",
        language="fr",
        text="décide de suivre les technologies émergentes et la gestion de l'Internet",
    )
    restricted_contribution.abstract = "Proposals on the governance of emerging technologies."
    restricted_contribution.language = "en"
    restricted_contribution.save()
    Verdict.objects.create(
        organisation=organisation,
        proposal=flagged_proposal,
        value="concern",
        note="Technologies clause widens the mandate",
    )
    return flagged_proposal


def _hits(client, query):
    return client.get(URL, {"q": query}).context["hits"]


def test_it_finds_revisions_contributions_and_my_notes(client, reviewer, corpus):
    client.force_login(reviewer)
    kinds = {hit.kind for hit in _hits(client, "technologies")}
    assert kinds == {"revision", "contribution", "note"}


def test_it_finds_resolutions_by_title(client, reviewer, corpus):
    client.force_login(reviewer)
    hits = _hits(client, "WSIS")
    assert [(h.kind, h.url) for h in hits if h.kind == "resolution"] == [
        ("resolution", reverse("workspace:resolution", args=[corpus.resolution_id]))
    ]


def test_it_never_shows_another_organisations_notes(client, reviewer, corpus):
    client.force_login(reviewer)
    response = client.get(URL, {"q": "back"})  # only in the rival's note
    assert [h for h in response.context["hits"] if h.kind == "note"] == []
    assert "SECRET-RIVAL-NOTE" not in response.content.decode()


def test_it_highlights_the_match_and_escapes_the_rest(client, reviewer, hostile_proposal):
    client.force_login(reviewer)
    response = client.get(URL, {"q": "alert"})
    body = response.content.decode()
    assert response.context["hits"]
    assert "<mark>alert</mark>" in body
    assert_inert(body)


def test_it_answers_an_empty_query_with_no_results(client, reviewer, corpus):
    client.force_login(reviewer)
    assert _hits(client, "") == []
    assert _hits(client, "   ") == []


def test_it_survives_odd_and_overlong_queries(client, reviewer, corpus):
    client.force_login(reviewer)
    for query in ['"unclosed', "-", "a OR", "x" * 5000, "'; DROP TABLE x; --", "\x00"]:
        assert client.get(URL, {"q": query}).status_code == 200


@postgres_only
def test_it_stems_with_each_documents_language(client, reviewer, corpus):
    client.force_login(reviewer)
    # French stemming: "technologie" finds "technologies" in the French revision only
    # when that row is searched with the french configuration.
    hits = _hits(client, "émergente")
    assert any(h.kind == "revision" and "New Delhi" in h.title for h in hits)
    # English stemming and websearch syntax (a quoted phrase, an exclusion).
    assert any(h.kind == "revision" for h in _hits(client, '"monitoring emerging" -zebra'))


@pytest.mark.parametrize("extra", [0, 19])
def test_it_uses_a_fixed_number_of_queries(
    client, reviewer, corpus, make_proposals, django_assert_num_queries, extra
):
    make_proposals(extra)
    client.force_login(reviewer)
    # 1 session, 2 user, 3-4 permissions, then one query per source: 5 resolutions,
    # 6 revisions, 7 contributions, 8 proposals, 9 notes
    with django_assert_num_queries(9):
        assert client.get(URL, {"q": "technologies"}).status_code == 200
