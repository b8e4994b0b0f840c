"""The home page links to every part of the public site."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

pytestmark = pytest.mark.django_db


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_it_links_to_everything_public(client, revision, later_meeting):
    response = client.get(reverse("home"))
    assert response.status_code == 200
    content = response.content.decode()
    for url in (
        reverse("resolutions:index"),
        reverse("resolutions:index") + "?assembly=wtsa",
        reverse("resolutions:revision", args=["wtsa", "75", "geneva-2022"]),
        reverse("meetings:calendar"),
        reverse("meetings:calendar_ics"),
        reverse("resolutions:feed"),
        reverse("sitemap"),
    ):
        assert f'href="{url}' in content, url
    assert "WTSA-28" in content


def test_it_makes_a_fixed_number_of_queries(client, revision, django_assert_num_queries):
    # 1 resolution counts per assembly, 2 latest revisions, 3 upcoming meetings.
    with django_assert_num_queries(3):
        assert client.get(reverse("home")).status_code == 200
