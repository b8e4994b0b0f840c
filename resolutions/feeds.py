"""Atom feeds of new public proposals and newly published revisions, site-wide and per resolution.

Only public querysets feed them; no user (importer, reviewer) is ever named as an author.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.contrib.syndication.views import Feed
from django.db.models import F, Prefetch
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from contributions.models import Proposal
from meetings.models import Group
from resolutions.models import Resolution, Revision
from resolutions.views import get_public_resolution, revision_slug

FEED_SIZE = 30


@dataclass(frozen=True)
class Entry:
    title: str
    description: str
    link: str
    guid: str
    updated: dt.datetime | None


def _midnight(day: dt.date | None) -> dt.datetime | None:
    if day is None:
        return None
    return dt.datetime.combine(day, dt.time.min, tzinfo=dt.UTC)


def _revision_entries(revisions) -> list[Entry]:
    entries = []
    for revision in revisions[:FEED_SIZE]:
        resolution = revision.resolution
        link = reverse(
            "resolutions:revision",
            args=[resolution.assembly, resolution.number, revision_slug(revision)],
        )
        entries.append(
            Entry(
                title=_("%(resolution)s: %(label)s published")
                % {"resolution": str(resolution), "label": revision.label},
                description=resolution.title,
                link=link,
                guid=f"revision-{revision.pk}",
                updated=_midnight(revision.adopted_on),
            )
        )
    return entries


def _proposal_entries(proposals) -> list[Entry]:
    entries = []
    for proposal in proposals[:FEED_SIZE]:
        contribution, resolution = proposal.contribution, proposal.resolution
        submitters = ", ".join(group.name for group in contribution.submitters.all())
        link = reverse("resolutions:detail", args=[resolution.assembly, resolution.number])
        entries.append(
            Entry(
                title=_("%(action)s %(resolution)s proposed by %(submitters)s")
                % {
                    "action": proposal.action,
                    "resolution": str(resolution),
                    "submitters": submitters,
                },
                description=_("%(meeting)s document %(number)s: %(title)s")
                % {
                    "meeting": contribution.meeting,
                    "number": contribution.number,
                    "title": contribution.title,
                },
                link=f"{link}#proposal-{proposal.pk}",
                guid=f"proposal-{proposal.pk}",
                updated=_midnight(contribution.date) or contribution.created,
            )
        )
    return entries


def _entries(resolution: Resolution | None) -> list[Entry]:
    revisions = Revision.objects.public().select_related("resolution")
    proposals = (
        Proposal.objects.public()
        .filter(resolution__in=Resolution.objects.public())
        .select_related("contribution__meeting", "resolution")
        .prefetch_related(
            Prefetch("contribution__submitters", queryset=Group.objects.order_by("code"))
        )
    )
    if resolution is not None:
        revisions = revisions.filter(resolution=resolution)
        proposals = proposals.filter(resolution=resolution)
    revisions = revisions.order_by(F("adopted_on").desc(nulls_last=True), "-pk")
    proposals = proposals.order_by("-contribution__created", "-pk")
    entries = _revision_entries(revisions) + _proposal_entries(proposals)
    oldest = dt.datetime.min.replace(tzinfo=dt.UTC)
    entries.sort(key=lambda entry: entry.updated or oldest, reverse=True)
    return entries[:FEED_SIZE]


class SiteFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("ITU Tracker: new proposals and revisions")
    subtitle = gettext_lazy("Public proposals to change ITU resolutions, and newly adopted texts.")

    def link(self) -> str:
        return reverse("resolutions:index")

    def items(self) -> list[Entry]:
        return _entries(None)

    def item_title(self, item: Entry) -> str:
        return item.title

    def item_description(self, item: Entry) -> str:
        return item.description

    def item_link(self, item: Entry) -> str:
        return item.link

    def item_guid(self, item: Entry) -> str:
        return item.guid

    item_guid_is_permalink = False

    def item_updateddate(self, item: Entry) -> dt.datetime:
        return item.updated or timezone.now()

    def item_pubdate(self, item: Entry) -> dt.datetime | None:
        return item.updated


class ResolutionFeed(SiteFeed):
    def get_object(self, request: HttpRequest, assembly: str, number: str) -> Resolution:
        resolution, _revisions = get_public_resolution(assembly, number)
        return resolution

    def title(self, obj: Resolution) -> str:
        return _("ITU Tracker: %(resolution)s") % {"resolution": str(obj)}

    def subtitle(self, obj: Resolution) -> str:
        return obj.title

    def link(self, obj: Resolution) -> str:
        return reverse("resolutions:detail", args=[obj.assembly, obj.number])

    def items(self, obj: Resolution) -> list[Entry]:
        return _entries(obj)
