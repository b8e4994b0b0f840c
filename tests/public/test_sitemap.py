"""sitemap.xml lists the public pages and nothing unpublished."""

import datetime as dt

import pytest
from django.urls import reverse
from lxml import etree

from resolutions.models import Resolution, Revision

pytestmark = pytest.mark.django_db
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def test_it_lists_public_pages_resolutions_and_revisions(client, revision, make_revision):
    make_revision("Draft", dt.date(2030, 1, 1), published=False)
    hidden = Resolution.objects.create(assembly="pp", number="1", title="Hidden")
    Revision.objects.create(resolution=hidden, label="Draft", text="x", is_published=False)
    response = client.get(reverse("sitemap"))
    assert response.status_code == 200
    paths = [
        loc.removeprefix("http://testserver")
        for loc in etree.fromstring(response.content).xpath("//s:loc/text()", namespaces=NS)
    ]
    assert sorted(paths) == sorted(
        [
            "/",
            "/resolutions/",
            "/meetings/",
            "/resolutions/wtsa/75/",
            "/resolutions/wtsa/75/rev-geneva-2022/",
        ]
    )
