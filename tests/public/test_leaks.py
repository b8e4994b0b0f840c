"""The leak crawler: nothing private reaches an anonymous visitor, anywhere public.

Every private field holds a sentinel (tests/public/conftest.py: SENTINELS). The crawler starts
from the home page, the sitemap, the feeds and a few searches and error URLs, follows every
same-site link (bounded), and asserts that no sentinel appears and that no page answers 5xx.
"""

from __future__ import annotations

import datetime as dt
from collections import deque
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.db.models import Q
from django.test import Client
from django.urls import reverse
from lxml import etree, html

from resolutions.models import RevisionComparison

pytestmark = pytest.mark.django_db
MAX_PAGES = 400
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP_LOC = "{http://www.sitemaps.org/schemas/sitemap/0.9}loc"


def _local(url: str) -> str | None:
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or parts.netloc not in ("", "testserver"):
        return None
    path = urldefrag(parts.path + (f"?{parts.query}" if parts.query else ""))[0]
    return path or None


def _links(url: str, response) -> list[str]:
    kind = response.get("Content-Type", "")
    if kind.startswith("text/html"):
        page = html.fromstring(response.content)
        found = page.xpath("//a/@href | //link/@href | //form[@method='get']/@action")
    elif "xml" in kind:
        tree = etree.fromstring(response.content)
        found = [loc.text for loc in tree.iter(SITEMAP_LOC)]
        found += [link.get("href") for link in tree.iter(f"{ATOM}link")]
    else:
        return []
    return [link for link in (_local(urljoin(url, href)) for href in found) if link]


def _seeds(sentinels: dict[str, str]) -> list[str]:
    seeds = [
        reverse("home"),
        reverse("sitemap"),
        reverse("resolutions:feed"),
        reverse("resolutions:resolution_feed", args=["wtsa", "75"]),
        reverse("meetings:calendar_ics"),
        "/resolutions/?page=999999",
        "/resolutions/wtsa/999/",
        "/resolutions/wtsa/75/rev-draft-2028/",
    ]
    # Search for each sentinel less its first letter: the page echoes the query, and a leak
    # would still show the whole sentinel.
    seeds += [f"/resolutions/?q={value[1:]}" for value in sentinels.values()]
    # Every pair of published revisions, both ways (the compare form is not a link).
    slugs = ["johannesburg-2008", "geneva-2022", "new-delhi-2024"]
    base = reverse("resolutions:compare", args=["wtsa", "75"])
    seeds += [f"{base}?from={a}&to={b}&view=side&all=1" for a in slugs for b in slugs if a != b]
    return seeds


def crawl(client: Client, seeds: list[str]) -> dict[str, object]:
    seen: dict[str, object] = {}
    queue = deque(seeds)
    while queue and len(seen) < MAX_PAGES:
        url = queue.popleft()
        if url in seen or url.startswith(("/admin/", "/static/")):
            continue
        response = client.get(url)
        seen[url] = response
        if response.status_code < 300:
            queue.extend(_links(url, response))
    return seen


def test_no_sentinel_reaches_an_anonymous_visitor(crawl_world, make_revision):
    make_revision("Johannesburg, 2008", dt.date(2008, 10, 30), text=" ")
    client = Client(raise_request_exception=False)
    pages = crawl(client, _seeds(crawl_world))
    assert len(pages) < MAX_PAGES, "the crawl hit its bound: raise it or find the loop"
    for url, response in pages.items():
        assert response.status_code < 500, url
        body = response.content.decode("utf-8", errors="replace").lower()
        for field, value in crawl_world.items():
            assert value.lower() not in body, f"{field} leaked on {url}"
    crawled = set(pages)
    # The crawl reached every kind of public page.
    for expected in (
        "/resolutions/wtsa/75/",
        "/resolutions/wtsa/75/rev-geneva-2022/",
        "/resolutions/wtsa/75/rev-geneva-2022.txt",
        "/resolutions/wtsa/75/rev-new-delhi-2024.json",
        "/meetings/",
        "/meetings/calendar.ics",
    ):
        assert expected in crawled, expected
    compare = [u for u in crawled if "/compare/" in u and pages[u].status_code == 200]
    assert any(b"<ins" in pages[u].content for u in compare), "no comparison was rendered"
    # No comparison was ever computed against a draft.
    assert not RevisionComparison.objects.filter(
        Q(old__is_published=False) | Q(new__is_published=False)
    ).exists()
