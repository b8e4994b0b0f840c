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

    code = models.CharField(
        max_length=32,
        unique=True,
        help_text=_("Short code, e.g. APT or F."),
        verbose_name=_("code"),
    )
    name = models.CharField(max_length=200, verbose_name=_("name"))
    name_fr = models.CharField(max_length=200, blank=True, verbose_name=_("name fr"))
    kind = models.CharField(
        max_length=16, choices=Kind.choices, default=Kind.MEMBER_STATE, verbose_name=_("kind")
    )
    origin_code = models.CharField(
        max_length=8,
        blank=True,
        help_text=_("Code the ITU prints on common proposals: ACP, AFCP, ARB, ECP, IAP, RCC."),
        verbose_name=_("origin code"),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("group")
        verbose_name_plural = _("groups")
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

    acronym = models.CharField(
        max_length=40, unique=True, help_text=_("e.g. WTSA-24"), verbose_name=_("acronym")
    )
    name = models.CharField(max_length=250, verbose_name=_("name"))
    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("kind"))
    organiser = models.ForeignKey(
        Group,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organised_meetings",
        verbose_name=_("organiser"),
    )
    start_date = models.DateField(verbose_name=_("start date"))
    end_date = models.DateField(verbose_name=_("end date"))
    place = models.CharField(max_length=200, blank=True, verbose_name=_("place"))
    attendance = models.CharField(
        max_length=16,
        choices=Attendance.choices,
        default=Attendance.IN_PERSON,
        verbose_name=_("attendance"),
    )
    contribution_deadline = models.DateField(
        null=True, blank=True, verbose_name=_("contribution deadline")
    )
    notes = models.TextField(blank=True, verbose_name=_("notes"))
    history = HistoricalRecords()

    objects = MeetingQuerySet.as_manager()

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
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
