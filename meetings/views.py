"""The public meetings calendar and its iCalendar feed."""

from __future__ import annotations

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from itu_tracker.caching import public_page
from meetings.models import Meeting

# Meetings are public facts (dates, places, organisers); their staff `notes` are never shown.
_PUBLIC_FIELDS = (
    "acronym",
    "name",
    "kind",
    "organiser__name",
    "organiser__code",
    "start_date",
    "end_date",
    "place",
    "attendance",
    "contribution_deadline",
)


def _meetings():
    return Meeting.objects.select_related("organiser").only(*_PUBLIC_FIELDS)


@public_page
def calendar(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    context = {
        "upcoming": list(_meetings().upcoming(today)),
        "past": list(_meetings().past(today)),
        "today": today,
    }
    return render(request, "meetings/calendar.html", context)


def _event(meeting: Meeting, stamp: dt.datetime, host: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}@{host}")
    event.add("dtstamp", stamp)
    event.add("summary", f"{meeting.acronym}: {meeting.name}")
    event.add("dtstart", meeting.start_date)
    # All-day events end the day after their last day (RFC 5545 DTEND is exclusive).
    event.add("dtend", meeting.end_date + dt.timedelta(days=1))
    if meeting.place:
        event.add("location", meeting.place)
    details = [meeting.get_kind_display(), meeting.get_attendance_display()]
    if meeting.organiser:
        details.append(_("Organiser: %(name)s") % {"name": meeting.organiser.name})
    if meeting.contribution_deadline:
        details.append(
            _("Contribution deadline: %(date)s") % {"date": meeting.contribution_deadline}
        )
    event.add("description", "\n".join(str(d) for d in details))
    return event


def _deadline(meeting: Meeting, stamp: dt.datetime, host: str) -> Event:
    event = Event()
    event.add("uid", f"meeting-{meeting.pk}-deadline@{host}")
    event.add("dtstamp", stamp)
    event.add("summary", _("Contribution deadline: %(meeting)s") % {"meeting": meeting.acronym})
    event.add("dtstart", meeting.contribution_deadline)
    event.add("dtend", meeting.contribution_deadline + dt.timedelta(days=1))
    return event


@public_page
def calendar_ics(request: HttpRequest) -> HttpResponse:
    host = request.get_host().split(":")[0]
    stamp = timezone.now().replace(microsecond=0)
    ical = Calendar()
    ical.add("prodid", "-//ITU Tracker//meetings//EN")
    ical.add("version", "2.0")
    ical.add("x-wr-calname", _("ITU meetings"))
    ical.add("url", request.build_absolute_uri(reverse("meetings:calendar")))
    for meeting in _meetings().order_by("start_date", "pk"):
        ical.add_component(_event(meeting, stamp, host))
        if meeting.contribution_deadline:
            ical.add_component(_deadline(meeting, stamp, host))
    response = HttpResponse(ical.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="itu-meetings.ics"'
    return response
