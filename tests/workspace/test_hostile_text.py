"""Imported text is hostile: markup, event handlers and javascript: URLs stay inert on every
workspace page, and CSP forbids inline code anyway."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from contributions.models import Verdict
from resolutions.models import Watch
from tests.workspace.conftest import HOSTILE, assert_inert

pytestmark = pytest.mark.django_db


@pytest.fixture
def hostile_world(hostile_proposal, organisation, reviewer):
    change = hostile_proposal.changes.get()
    for target in (None, change):
        Verdict.objects.create(
            organisation=organisation,
            proposal=hostile_proposal,
            change=target,
            value="concern",
            note=HOSTILE,
            suggested_response="=cmd|' /C calc'!A0 " + HOSTILE,
            updated_by=reviewer,
        )
    Watch.objects.create(user=reviewer, resolution=hostile_proposal.resolution)
    return hostile_proposal


def _pages(p):
    meeting = p.contribution.meeting_id
    return [
        reverse("workspace:dashboard"),
        reverse("workspace:proposal", args=[p.pk]),
        reverse("workspace:proposal", args=[p.pk]) + "?view=side",
        reverse("workspace:contribution", args=[p.contribution_id]),
        reverse("workspace:group", args=[p.contribution.submitters.get().pk]),
        reverse("workspace:resolution", args=[p.resolution_id]),
        reverse("workspace:matrix", args=[meeting]),
        reverse("workspace:clauses", args=[meeting]),
        reverse("workspace:briefing", args=[meeting]),
        reverse("workspace:watchlist"),
        reverse("workspace:search") + "?q=alert",
    ]


def test_it_renders_hostile_text_inert_on_every_page(client, reviewer, hostile_world):
    client.force_login(reviewer)
    for url in _pages(hostile_world):
        response = client.get(url)
        assert response.status_code == 200, url
        body = response.content.decode()
        assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in body or url.endswith(
            "watchlist/"
        ), url
        assert_inert(body)
        csp = response["Content-Security-Policy"]
        assert "script-src 'self'" in csp and "style-src 'self'" in csp


def test_it_renders_a_stored_comparison_of_hostile_texts_inert(client, reviewer, hostile_world):
    from resolutions.models import Revision

    resolution = hostile_world.resolution
    revision = Revision.objects.get(resolution=resolution)
    second = Revision.objects.create(resolution=resolution, label="second", text=HOSTILE + " !")
    client.force_login(reviewer)
    pair = {"old": f"revision-{revision.pk}", "new": f"revision-{second.pk}"}
    client.post(reverse("workspace:compare", args=[resolution.pk]), pair)
    url = reverse("workspace:resolution", args=[resolution.pk])
    body = client.get(url, pair).content.decode()
    assert "&lt;script&gt;" in body
    assert_inert(body)


def test_it_exports_hostile_text_as_plain_text(client, reviewer, hostile_world):
    client.force_login(reviewer)
    url = reverse("workspace:matrix", args=[hostile_world.contribution.meeting_id])
    sheet = load_workbook(io.BytesIO(client.get(url, {"format": "xlsx"}).content)).active
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type in ("s", "n"), cell.coordinate
            if cell.value is not None:
                assert cell.data_type == "s"
    streamed = client.get(url, {"format": "csv"}).streaming_content  # the CSV is streamed
    text = b"".join(streamed).decode("utf-8-sig")
    for line in csv.reader(io.StringIO(text)):
        for cell in line:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
