from datetime import date

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Group(models.Model):
    """Anyone who signs a contribution: a regional organisation, a member state, a sector member."""

    class Kind(models.TextChoices):
        REGIONAL = "regional", _("Regional telecommunication organisation")
        MEMBER_STATE = "member-state", _("Member state")
        SECTOR_MEMBER = "sector-member", _("Sector member")
        OTHER = "other", _("Other")

    code = models.CharField(max_length=32, unique=True, help_text=_("Short code, e.g. APT or F."))
    name = models.CharField(max_length=200)
    name_fr = models.CharField(max_length=200, blank=True)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.MEMBER_STATE)
    origin_code = models.CharField(
        max_length=8,
        blank=True,
        help_text=_("Code the ITU prints on common proposals: ACP, AFCP, ARB, ECP, IAP, RCC."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "code"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"


class MeetingQuerySet(models.QuerySet):
    def upcoming(self, today: date):
        return self.filter(end_date__gte=today).order_by("start_date")

    def past(self, today: date):
        return self.filter(end_date__lt=today).order_by("-start_date")


class Meeting(models.Model):
    class Kind(models.TextChoices):
        WTSA = "wtsa", _("World Telecommunication Standardization Assembly")
        PP = "pp", _("Plenipotentiary Conference")
        COUNCIL = "council", _("Council")
        TSAG = "tsag", _("TSAG")
        REGIONAL = "regional", _("Regional preparatory meeting")
        OTHER = "other", _("Other")

    class Attendance(models.TextChoices):
        IN_PERSON = "in-person", _("In person")
        VIRTUAL = "virtual", _("Virtual")
        HYBRID = "hybrid", _("Hybrid")

    acronym = models.CharField(max_length=40, unique=True, help_text=_("e.g. WTSA-24"))
    name = models.CharField(max_length=250)
    kind = models.CharField(max_length=16, choices=Kind.choices)
    organiser = models.ForeignKey(
        Group, null=True, blank=True, on_delete=models.PROTECT, related_name="organised_meetings"
    )
    start_date = models.DateField()
    end_date = models.DateField()
    place = models.CharField(max_length=200, blank=True)
    attendance = models.CharField(
        max_length=16, choices=Attendance.choices, default=Attendance.IN_PERSON
    )
    contribution_deadline = models.DateField(null=True, blank=True)
    notes = models.TextField(blank=True)
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date"]
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=models.F("start_date")), name="meeting_ends_after_start"
            ),
        ]
        indexes = [
            # The calendar and the dashboard list meetings by date.
            models.Index(fields=["start_date"], name="meeting_start_idx"),
        ]

    def __str__(self) -> str:
        return self.acronym
