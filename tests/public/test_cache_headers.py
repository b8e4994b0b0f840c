"""Anonymous pages may be cached by shared caches; a logged-in user's never are."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db

PUBLIC_URLS = [
    reverse("home"),
    reverse("resolutions:index"),
    reverse("resolutions:detail", args=["wtsa", "75"]),
    reverse("resolutions:revision", args=["wtsa", "75", "geneva-2022"]),
    reverse("resolutions:revision_json", args=["wtsa", "75", "geneva-2022"]),
    reverse("resolutions:feed"),
    reverse("meetings:calendar"),
    reverse("meetings:calendar_ics"),
    reverse("sitemap"),
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_it_lets_shared_caches_keep_anonymous_pages(client, revision, url):
    response = client.get(url)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert "public" in directives and "max-age=300" in directives
    assert "Cookie" in response["Vary"]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_it_never_caches_a_logged_in_users_page(client, revision, reviewer, url):
    client.force_login(reviewer)
    response = client.get(url)
    assert response.status_code == 200
    directives = {d.strip() for d in response["Cache-Control"].split(",")}
    assert "public" not in directives
    assert {"private", "no-cache", "no-store"} <= directives


def test_it_does_not_mark_an_error_page_cacheable(client, revision):
    response = client.get(reverse("resolutions:detail", args=["wtsa", "76"]))
    assert response.status_code == 404
    assert "public" not in response.get("Cache-Control", "")
