"""Server time and query count of the main pages, at the demo size and at the scale corpus.

Runs in-process with Django's test client against a dedicated database (PostgreSQL by
default): migrate, load the demo data, measure; generate the scale corpus, measure again.
The ratio large/small is the figure that matters: queries are bounded and lists paginated,
so a page should cost about the same whatever the size of the corpus.
"""

import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from contributions.models import Proposal
from itu_tracker.scale import ScaleSpec, generate
from meetings.models import Meeting
from resolutions.models import Resolution

REPEATS = 7


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[], str]
    staff: bool
    # The same object at both sizes (does more data elsewhere slow this page?), or the
    # largest one of each size (does the page hold when its own list grows?).
    same_object: bool = True


def _resolution_url() -> str:
    resolution = Resolution.objects.public().order_by("-pk").first()
    return reverse("resolutions:detail", args=[resolution.assembly, resolution.number])


def _review_url() -> str:
    proposal = Proposal.objects.order_by("-pk").first()
    return reverse("workspace:proposal", args=[proposal.pk])


def _matrix_url() -> str:
    meeting = Meeting.objects.annotate(n=Count("contributions")).order_by("-n", "-pk").first()
    return reverse("workspace:matrix", args=[meeting.pk])


def _search_url() -> str:
    return reverse("workspace:search") + "?q=Internet+mandate"


PAGES = (
    Page("public resolution page", _resolution_url, staff=False),
    Page("proposal review page", _review_url, staff=True),
    Page("assembly matrix", _matrix_url, staff=True, same_object=False),
    Page("search", _search_url, staff=True),
)


def _client(staff: bool) -> Client:
    client = Client()
    if staff:
        user, _ = get_user_model().objects.get_or_create(
            username="bench", defaults={"is_staff": True, "is_superuser": True}
        )
        client.force_login(user)
    return client


def measure(page: Page, url: str) -> tuple[float, int]:
    """Median milliseconds over REPEATS warm requests, and the query count of one."""
    client = _client(page.staff)
    response = client.get(url)
    assert response.status_code == 200, (page.name, url, response.status_code)
    timings = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - start) * 1000)
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return statistics.median(timings), len(queries)


def run(spec: ScaleSpec) -> list[dict]:
    call_command("migrate", verbosity=0, interactive=False)
    call_command("load_demo", verbosity=0)
    urls = {page.name: page.url() for page in PAGES}
    small = {page.name: measure(page, urls[page.name]) for page in PAGES}
    generate(spec)
    large = {
        page.name: measure(page, urls[page.name] if page.same_object else page.url())
        for page in PAGES
    }
    return [
        {
            "name": page.name,
            "small_ms": round(small[page.name][0], 2),
            "large_ms": round(large[page.name][0], 2),
            "small_queries": small[page.name][1],
            "large_queries": large[page.name][1],
        }
        for page in PAGES
    ]
