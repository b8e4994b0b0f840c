"""Imported text is hostile: markup in a resolution or its clauses renders inert everywhere."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from resolutions.models import RevisionComparison
from tests.public.conftest import add_clauses

pytestmark = pytest.mark.django_db
HOSTILE = (
    '<script>alert(1)</script><img src=x onerror="alert(2)"><a href="javascript:alert(3)">x</a>'
)


@pytest.fixture
def hostile(revision, make_revision, later_meeting, apt):
    resolution = revision.resolution
    resolution.title = f"Title {HOSTILE}"
    resolution.save()
    add_clauses(revision, [("resolves", "resolves", "operative", "1", f"to act {HOSTILE};")])
    newer = make_revision("Rev. New Delhi, 2024", dt.date(2024, 10, 24))
    # A stored comparison whose texts carry markup: the diff filters must escape each run.
    RevisionComparison.objects.create(
        old=revision,
        new=newer,
        engine_version="test",
        changes=[
            {
                "kind": "modified",
                "section": f"resolves {HOSTILE}",
                "section_key": "resolves",
                "operative": True,
                "old_label": "1",
                "new_label": "1",
                "old_text": "a",
                "new_text": HOSTILE,
                "ops": [[-1, "a"], [1, HOSTILE]],
                "relation": "",
                "flags": [
                    {
                        "category": "human-rights",
                        "severity": "high",
                        "reason": HOSTILE,
                        "evidence": [],
                    }
                ],
                "severity": "high",
            }
        ],
    )
    return resolution


def _assert_inert(content: str) -> None:
    assert "<script>alert(1)" not in content
    assert "<img src=x" not in content
    assert 'href="javascript:' not in content
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in content


@pytest.mark.parametrize(
    "name,args",
    [
        ("resolutions:index", []),
        ("resolutions:detail", ["wtsa", "75"]),
        ("resolutions:revision", ["wtsa", "75", "geneva-2022"]),
        ("home", []),
    ],
)
def test_it_escapes_markup_in_pages(client, hostile, name, args):
    if name == "home":
        content = client.get(reverse(name)).content.decode()
        assert "<script>alert(1)" not in content
        return
    _assert_inert(client.get(reverse(name, args=args)).content.decode())


@pytest.mark.parametrize("view", ["inline", "side"])
def test_it_escapes_markup_in_comparisons(client, hostile, monkeypatch, view):
    monkeypatch.setattr("resolutions.comparisons.engine_version", lambda: "test")
    url = reverse("resolutions:compare", args=["wtsa", "75"])
    response = client.get(url, {"from": "geneva-2022", "to": "new-delhi-2024", "view": view})
    _assert_inert(response.content.decode())


def test_it_keeps_markup_as_data_in_feeds_and_downloads(client, hostile):
    feed = client.get(reverse("resolutions:feed")).content.decode()
    assert "<script>" not in feed
    data = client.get(reverse("resolutions:revision_json", args=["wtsa", "75", "geneva-2022"]))
    assert data["Content-Type"].startswith("application/json")
    assert data["X-Content-Type-Options"] == "nosniff"
    assert json.loads(data.content)["title"] == f"Title {HOSTILE}"
