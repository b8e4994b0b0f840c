"""Watchlist digests: one e-mail per reviewer per import batch, listing what touches their watches.

`build_digests` is pure data (testable without mail); `contributions.tasks.send_watch_digests`
is the background task the importer enqueues after a batch.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db.models import Prefetch
from django.template.loader import render_to_string
from django.utils.translation import gettext, ngettext

from contributions.models import ClauseChange, Proposal
from resolutions.models import Watch


@dataclass
class DigestItem:
    proposal: Proposal
    reasons: list[str] = field(default_factory=list)


@dataclass
class Digest:
    user: object
    items: list[DigestItem] = field(default_factory=list)


def build_digests(contribution_ids: list[int]) -> list[Digest]:
    proposals = list(
        Proposal.objects.filter(contribution_id__in=contribution_ids)
        .select_related("contribution__meeting", "resolution")
        .prefetch_related(
            Prefetch("changes", queryset=ClauseChange.objects.exclude(kind="unchanged"))
        )
    )
    if not proposals:
        return []
    watches = Watch.objects.filter(user__is_active=True).select_related(
        "user", "term", "resolution"
    )
    per_user: dict[int, Digest] = {}
    matched: dict[tuple[int, int], DigestItem] = {}
    for watch in watches:
        if not watch.user.email:
            continue
        for proposal in proposals:
            reason = _reason(watch, proposal)
            if reason is None:
                continue
            digest = per_user.setdefault(watch.user.pk, Digest(user=watch.user))
            key = (watch.user.pk, proposal.pk)
            if key not in matched:
                matched[key] = DigestItem(proposal)
                digest.items.append(matched[key])
            matched[key].reasons.append(reason)
    return list(per_user.values())


def _reason(watch: Watch, proposal: Proposal) -> str | None:
    changes = list(proposal.changes.all())
    if watch.resolution_id and watch.resolution_id == proposal.resolution_id:
        return gettext("you watch %(resolution)s") % {"resolution": watch.resolution}
    if watch.category:
        categories = {f.get("category") for c in changes for f in c.flags or ()}
        if watch.category in categories:
            return gettext("flagged %(category)s") % {"category": watch.get_category_display()}
    if watch.term_id:
        needle = watch.term.pattern.casefold()
        if any(needle in (c.new_text or "").casefold() for c in changes):
            return gettext("mentions “%(term)s”") % {"term": watch.term.pattern}
    return None


def send_watch_digests(contribution_ids: list[int]) -> int:
    """Send one digest per watching reviewer for this batch; return how many were sent."""
    digests = build_digests(list(contribution_ids))
    messages = [_message(digest) for digest in digests if digest.items]
    if messages:
        with get_connection() as connection:
            connection.send_messages(messages)
    return len(messages)


def _message(digest: Digest) -> EmailMessage:
    count = len(digest.items)
    subject = ngettext(
        "ITU Tracker: %(count)d new proposal on your watchlist",
        "ITU Tracker: %(count)d new proposals on your watchlist",
        count,
    ) % {"count": count}
    body = render_to_string(
        "workspace/email/digest.txt",
        {"user": digest.user, "items": digest.items, "site": getattr(settings, "SITE_URL", "")},
    )
    return EmailMessage(subject, body, to=[digest.user.email])
