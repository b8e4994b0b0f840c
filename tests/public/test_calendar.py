"""The meetings calendar: /meetings/ and /meetings/calendar.ics."""

import datetime as dt

import icalendar
import pytest
import time_machine
from django.urls import reverse

from meetings.models import Meeting

pytestmark = pytest.mark.django_db


@pytest.fixture
def meetings(wtsa24, later_meeting) -> tuple[Meeting, Meeting]:
    return wtsa24, later_meeting


@time_machine.travel(dt.datetime(2026, 11, 25, 12, tzinfo=dt.UTC), tick=False)
def test_it_lists_upcoming_and_past_meetings(client, meetings):
    response = client.get(reverse("meetings:calendar"))
    assert response.status_code == 200
    assert [m.acronym for m in response.context["upcoming"]] == ["WTSA-28"]
    assert [m.acronym for m in response.context["past"]] == ["WTSA-24"]
    content = response.content.decode()
    assert "Asia-Pacific Telecommunity" in content  # organiser
    assert "New Delhi" in content  # place
    assert 'datetime="2024-09-16"' in content  # contribution deadline


def test_it_never_shows_staff_notes(client, meetings):
    later = meetings[1]
    later.notes = "internal planning note"
    later.save()
    assert "internal planning note" not in client.get(reverse("meetings:calendar")).content.decode()
    assert "internal planning note" not in client.get(reverse("meetings:calendar_ics")).text


def test_it_serves_an_icalendar_feed_with_deadlines(client, meetings):
    response = client.get(reverse("meetings:calendar_ics"))
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = icalendar.Calendar.from_ical(response.content)
    events = {str(e["summary"]): e for e in calendar.walk("VEVENT")}
    wtsa = events["WTSA-24: World Telecommunication Standardization Assembly"]
    assert wtsa.decoded("dtstart") == dt.date(2024, 10, 15)
    # DTEND of an all-day event is exclusive: the day after the last day.
    assert wtsa.decoded("dtend") == dt.date(2024, 10, 25)
    assert str(wtsa["location"]) == "New Delhi"
    deadline = events["Contribution deadline: WTSA-24"]
    assert deadline.decoded("dtstart") == dt.date(2024, 9, 16)
    assert len({str(e["uid"]) for e in calendar.walk("VEVENT")}) == 4


@pytest.mark.parametrize("count", [1, 15])
def test_it_makes_the_same_number_of_queries_whatever_the_count(
    client, django_assert_num_queries, apt, count
):
    for index in range(count):
        Meeting.objects.create(
            acronym=f"M-{index}",
            name="Meeting",
            kind=Meeting.Kind.OTHER,
            organiser=apt,
            start_date=dt.date(2020 + index, 1, 1),
            end_date=dt.date(2020 + index, 1, 2),
        )
    # 1 upcoming meetings with organisers, 2 past meetings with organisers.
    with django_assert_num_queries(2):
        assert client.get(reverse("meetings:calendar")).status_code == 200
    # 1 every meeting with its organiser.
    with django_assert_num_queries(1):
        assert client.get(reverse("meetings:calendar_ics")).status_code == 200
