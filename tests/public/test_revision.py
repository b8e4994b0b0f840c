"""The revision page and its downloads: /resolutions/wtsa/75/rev-<slug>/ (.txt, .json)."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from resolutions.models import Clause
from tests.public.conftest import add_clauses

pytestmark = pytest.mark.django_db


def _url(name: str = "revision", slug: str = "geneva-2022") -> str:
    return reverse(f"resolutions:{name}", args=["wtsa", "75", slug])


def test_it_has_a_stable_readable_url(structured_revision):
    assert _url() == "/resolutions/wtsa/75/rev-geneva-2022/"
    assert _url("revision_txt") == "/resolutions/wtsa/75/rev-geneva-2022.txt"
    assert _url("revision_json") == "/resolutions/wtsa/75/rev-geneva-2022.json"


def test_it_shows_one_adopted_text_with_downloads(client, structured_revision):
    response = client.get(_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert "Rev. Geneva, 2022" in content
    assert 'id="instructs-1"' in content
    assert "to take the measures needed," in content
    assert _url("revision_txt") in content and _url("revision_json") in content


def test_it_serves_the_plain_text(client, structured_revision):
    response = client.get(_url("revision_txt"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == structured_revision.text
    assert 'filename="wtsa-75-geneva-2022.txt"' in response["Content-Disposition"]


def test_it_serves_the_engine_parse_shape_from_the_stored_clauses(
    client, structured_revision, make_revision
):
    make_revision("Johannesburg, 2008", dt.date(2008, 10, 30))
    child_parent = Clause.objects.get(revision=structured_revision, anchor="resolves-1")
    Clause.objects.create(
        revision=structured_revision,
        parent=child_parent,
        section_heading="resolves",
        section_key="resolves",
        section_order=1,
        kind="operative",
        label="i)",
        text="in particular C2;",
        order=99,
        depth=1,
        anchor="resolves-1-i",
    )
    data = json.loads(client.get(_url("revision_json")).content)
    assert {"title", "number", "history", "sections"} <= data.keys()
    assert data["title"] == "Contribution of ITU-T to WSIS outcomes"
    assert data["number"] == "75"
    assert data["history"] == "(Johannesburg, 2008; Geneva, 2022)"
    assert [(s["key"], s["kind"]) for s in data["sections"]] == [
        ("considering", "preambular"),
        ("resolves", "operative"),
        ("instructs", "operative"),
    ]
    resolves = data["sections"][1]["clauses"]
    assert [c["label"] for c in resolves] == ["1", "2"]
    assert resolves[0]["children"] == [
        {"label": "i)", "text": "in particular C2;", "anchor": "resolves-1-i", "children": []}
    ]


@pytest.mark.parametrize("name", ["revision", "revision_txt", "revision_json"])
def test_it_answers_404_for_an_unpublished_revision(
    client, structured_revision, make_revision, name
):
    draft = make_revision("Rev. Draft, 2028", dt.date(2028, 1, 1), published=False)
    add_clauses(draft)
    assert client.get(_url(name, "draft-2028")).status_code == 404
    assert client.get(_url(name, "unknown")).status_code == 404


@pytest.mark.parametrize("extra", [0, 10])
def test_it_makes_the_same_number_of_queries_whatever_the_history(
    client, django_assert_num_queries, structured_revision, make_revision, extra
):
    for year in range(2000, 2000 + extra):
        add_clauses(make_revision(f"Rev. {year}", dt.date(year, 1, 1)))
    # 1 the resolution, 2 its topics, 3 its published revisions with their meetings,
    # 4 this revision's clauses.
    with django_assert_num_queries(4):
        assert client.get(_url()).status_code == 200
    with django_assert_num_queries(4):
        assert client.get(_url("revision_json")).status_code == 200
