"""sitemap.xml: the public pages a search engine should find, and nothing else."""

from django.contrib.sitemaps import Sitemap
from django.db.models import QuerySet
from django.urls import reverse

from resolutions.models import Resolution, Revision
from resolutions.views import revision_slug


class StaticSitemap(Sitemap):
    changefreq = "daily"

    def items(self) -> list[str]:
        return ["home", "resolutions:index", "meetings:calendar"]

    def location(self, item: str) -> str:
        return reverse(item)


class ResolutionSitemap(Sitemap):
    changefreq = "weekly"

    def items(self) -> QuerySet[Resolution]:
        return Resolution.objects.public().order_by("assembly", "sort_number", "number")

    def location(self, item: Resolution) -> str:
        return reverse("resolutions:detail", args=[item.assembly, item.number])


class RevisionSitemap(Sitemap):
    changefreq = "yearly"

    def items(self) -> QuerySet[Revision]:
        return Revision.objects.public().select_related("resolution").order_by("pk")

    def location(self, item: Revision) -> str:
        resolution = item.resolution
        return reverse(
            "resolutions:revision",
            args=[resolution.assembly, resolution.number, revision_slug(item)],
        )

    def lastmod(self, item: Revision):
        return item.adopted_on


SITEMAPS = {"pages": StaticSitemap, "resolutions": ResolutionSitemap, "revisions": RevisionSitemap}
