from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models import Group, Meeting
from resolutions.models import Resolution, Revision


class Severity(models.TextChoices):
    NONE = "", _("None")
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


SEVERITY_RANK = {"": 0, "low": 1, "medium": 2, "high": 3}


class ContributionQuerySet(models.QuerySet):
    def public(self):
        """The only way public pages get contributions."""
        return self.filter(visibility=Contribution.Visibility.PUBLIC)


class Contribution(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        RESTRICTED = "restricted", _("Restricted (accredited users only)")

    number = models.CharField(
        max_length=80,
        help_text=_('e.g. "C23/66" or "Document 37-Add.22"'),
        verbose_name=_("number"),
    )
    title = models.CharField(max_length=500, verbose_name=_("title"))
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="contributions", verbose_name=_("meeting")
    )
    submitters = models.ManyToManyField(
        Group,
        through="Submission",
        related_name="contributions",
        blank=True,
        verbose_name=_("submitters"),
    )
    cosponsor_count = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text=_("As the record states, when names are not listed."),
        verbose_name=_("cosponsor count"),
    )
    date = models.DateField(null=True, blank=True, verbose_name=_("date"))
    language = models.CharField(max_length=8, default="en", verbose_name=_("language"))
    abstract = models.TextField(blank=True, verbose_name=_("abstract"))
    source_file = models.FileField(
        upload_to="contributions/%Y/", blank=True, verbose_name=_("source file")
    )
    content_hash = models.CharField(
        max_length=64, blank=True, editable=False, verbose_name=_("content hash")
    )
    visibility = models.CharField(
        max_length=16,
        choices=Visibility.choices,
        default=Visibility.RESTRICTED,
        verbose_name=_("visibility"),
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("imported by"),
    )
    created = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated = models.DateTimeField(auto_now=True, verbose_name=_("updated"))
    # Filled by a PostgreSQL trigger (migration "search_vectors") in the row's own language;
    # NULL on SQLite, where search falls back to icontains. Derived, so kept out of history.
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = ContributionQuerySet.as_manager()

    class Meta:
        verbose_name = _("contribution")
        verbose_name_plural = _("contributions")
        ordering = ["-created"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "number"], name="unique_contribution_per_meeting"
            ),
        ]
        indexes = [
            # The dashboard lists the newest contributions; public pages filter on visibility.
            models.Index(fields=["visibility", "-created"], name="contribution_recent_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.meeting} {self.number}"


class Submission(models.Model):
    """Who signs a contribution, and in which role (co-sponsors matter)."""

    class Role(models.TextChoices):
        SUBMITTER = "submitter", _("Submitter")
        COSPONSOR = "cosponsor", _("Co-sponsor")

    contribution = models.ForeignKey(
        Contribution, on_delete=models.CASCADE, verbose_name=_("contribution")
    )
    group = models.ForeignKey(Group, on_delete=models.PROTECT, verbose_name=_("group"))
    role = models.CharField(
        max_length=16, choices=Role.choices, default=Role.SUBMITTER, verbose_name=_("role")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["contribution", "role", "group"]
        constraints = [
            models.UniqueConstraint(fields=["contribution", "group"], name="unique_submission"),
        ]

    def __str__(self) -> str:
        return f"{self.group.code} ({self.get_role_display()})"


class ProposalQuerySet(models.QuerySet):
    def public(self):
        return self.filter(contribution__visibility=Contribution.Visibility.PUBLIC)


class Proposal(models.Model):
    """One action of a contribution on one resolution."""

    class Action(models.TextChoices):
        ADD = "ADD", "ADD"
        ADD_STAR = "ADD*", "ADD*"
        MOD = "MOD", "MOD"
        MOD_PAREN = "(MOD)", "(MOD)"
        SUP = "SUP", "SUP"
        SUP_STAR = "SUP*", "SUP*"
        NOC = "NOC", "NOC"

    class Status(models.TextChoices):
        AWAITING = "awaiting", _("Awaiting review")
        REVIEWED = "reviewed", _("Reviewed")

    contribution = models.ForeignKey(
        Contribution,
        on_delete=models.CASCADE,
        related_name="proposals",
        verbose_name=_("contribution"),
    )
    order = models.PositiveIntegerField(default=0, verbose_name=_("order"))
    action = models.CharField(max_length=8, choices=Action.choices, verbose_name=_("action"))
    identifier = models.CharField(
        max_length=80,
        blank=True,
        help_text=_("As the ITU prints it, e.g. ACP/37A22/1."),
        verbose_name=_("identifier"),
    )
    resolution = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("resolution"),
    )
    draft_label = models.CharField(
        max_length=80,
        blank=True,
        help_text=_('For a draft new resolution, e.g. "[APT-1]".'),
        verbose_name=_("draft label"),
    )
    base_revision = models.ForeignKey(
        Revision,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="proposals",
        verbose_name=_("base revision"),
    )
    proposed_text = models.TextField(blank=True, verbose_name=_("proposed text"))
    reasons = models.TextField(blank=True, verbose_name=_("reasons"))
    # Stored at import so no page ever re-diffs (see contributions.importing).
    score = models.FloatField(default=0, verbose_name=_("score"))
    highest_severity = models.CharField(
        max_length=8,
        choices=Severity.choices,
        blank=True,
        default="",
        verbose_name=_("highest severity"),
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.AWAITING, verbose_name=_("status")
    )
    # Filled by a PostgreSQL trigger (migration "search_vectors") in the row's own language;
    # NULL on SQLite, where search falls back to icontains. Derived, so kept out of history.
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = ProposalQuerySet.as_manager()

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["contribution", "order"]
        constraints = [
            models.UniqueConstraint(fields=["contribution", "order"], name="unique_proposal_order"),
        ]
        indexes = [
            # The dashboard lists high flags first; the matrix groups by resolution.
            models.Index(fields=["highest_severity", "status"], name="proposal_triage_idx"),
            models.Index(fields=["resolution", "action"], name="proposal_matrix_idx"),
        ]

    def __str__(self) -> str:
        target = self.resolution or self.draft_label or "?"
        return f"{self.action} {target} ({self.identifier or self.contribution.number})"


class ClauseChange(models.Model):
    """One entry of a proposal's stored comparison: a clause paired with its counterpart.

    Derived from the texts at import (not edited by hand, so not versioned on its own).
    """

    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="changes", verbose_name=_("proposal")
    )
    order = models.PositiveIntegerField(verbose_name=_("order"))
    kind = models.CharField(max_length=16, verbose_name=_("kind"))
    section = models.CharField(max_length=500, verbose_name=_("section"))
    section_key = models.CharField(max_length=60, blank=True, verbose_name=_("section key"))
    operative = models.BooleanField(default=False, verbose_name=_("operative"))
    old_label = models.CharField(max_length=40, blank=True, verbose_name=_("old label"))
    new_label = models.CharField(max_length=40, blank=True, verbose_name=_("new label"))
    old_text = models.TextField(blank=True, verbose_name=_("old text"))
    new_text = models.TextField(blank=True, verbose_name=_("new text"))
    ops = models.JSONField(default=list, verbose_name=_("ops"))
    relation = models.CharField(max_length=16, blank=True, verbose_name=_("relation"))
    flags = models.JSONField(default=list, blank=True, verbose_name=_("flags"))
    highest_severity = models.CharField(
        max_length=8,
        choices=Severity.choices,
        blank=True,
        default="",
        verbose_name=_("highest severity"),
    )
    # Hash of (resolution, section, old text, new text): same change by several submitters.
    fingerprint = models.CharField(
        max_length=64, blank=True, db_index=True, verbose_name=_("fingerprint")
    )

    class Meta:
        verbose_name = _("clause change")
        verbose_name_plural = _("clause changes")
        ordering = ["proposal", "order"]
        constraints = [
            models.UniqueConstraint(fields=["proposal", "order"], name="unique_change_order"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.section} {self.new_label or self.old_label}".strip()


class Organisation(models.Model):
    """A CSO whose staff share verdicts."""

    name = models.CharField(max_length=200, unique=True, verbose_name=_("name"))
    members = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        related_name="organisations",
        blank=True,
        verbose_name=_("members"),
    )
    history = HistoricalRecords(m2m_fields=[members])

    class Meta:
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Verdict(models.Model):
    """An organisation's judgement on a proposal, or on one of its changes."""

    class Value(models.TextChoices):
        CONCERN = "concern", _("Concern")
        ACCEPTABLE = "acceptable", _("Acceptable")
        SUPPORT = "support", _("Support")
        DISCUSS = "discuss", _("Needs discussion")

    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.CASCADE,
        related_name="verdicts",
        verbose_name=_("organisation"),
    )
    proposal = models.ForeignKey(
        Proposal, on_delete=models.CASCADE, related_name="verdicts", verbose_name=_("proposal")
    )
    change = models.ForeignKey(
        ClauseChange,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="verdicts",
        verbose_name=_("change"),
    )
    value = models.CharField(max_length=16, choices=Value.choices, verbose_name=_("value"))
    note = models.TextField(blank=True, verbose_name=_("note"))
    suggested_response = models.TextField(blank=True, verbose_name=_("suggested response"))
    # Optimistic lock: a save must name the version it was edited from.
    version = models.PositiveIntegerField(default=1, verbose_name=_("version"))
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("updated by"),
    )
    updated = models.DateTimeField(auto_now=True, verbose_name=_("updated"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        ordering = ["proposal", "change"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "proposal"],
                condition=Q(change__isnull=True),
                name="one_proposal_verdict_per_organisation",
            ),
            models.UniqueConstraint(
                fields=["organisation", "change"],
                condition=Q(change__isnull=False),
                name="one_change_verdict_per_organisation",
            ),
        ]

    def __str__(self) -> str:
        return gettext("%(organisation)s: %(value)s on %(proposal)s") % {
            "organisation": self.organisation,
            "value": self.get_value_display(),
            "proposal": self.proposal,
        }


# --- importer: background imports ---
class ImportJob(models.Model):
    """A large upload imported by the task worker; the admin shows its progress and result."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Succeeded")
        FAILED = "failed", _("Failed")

    file = models.FileField(upload_to="imports/%Y/", blank=True, verbose_name=_("file"))
    filename = models.CharField(max_length=255, verbose_name=_("filename"))
    meeting = models.ForeignKey(
        Meeting, on_delete=models.PROTECT, related_name="import_jobs", verbose_name=_("meeting")
    )
    metadata = models.JSONField(default=dict, blank=True, verbose_name=_("metadata"))
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.QUEUED, verbose_name=_("status")
    )
    progress = models.PositiveSmallIntegerField(default=0, verbose_name=_("progress"))
    step = models.CharField(max_length=120, blank=True, verbose_name=_("step"))
    result = models.JSONField(default=dict, blank=True, verbose_name=_("result"))
    error = models.TextField(blank=True, verbose_name=_("error"))
    contribution = models.ForeignKey(
        Contribution,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("contribution"),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("user"),
    )
    task_id = models.CharField(max_length=64, blank=True, verbose_name=_("task id"))
    created = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    updated = models.DateTimeField(auto_now=True, verbose_name=_("updated"))

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created"]
        indexes = [models.Index(fields=["status", "-created"], name="importjob_status_idx")]

    def __str__(self) -> str:
        return f"{self.filename} ({self.get_status_display()})"


class TextComparison(models.Model):
    """A stored comparison of two texts of one resolution (revisions or proposals).

    Computed once, on request, by contributions.comparisons and kept: the compare page only
    reads it. `key` names the pair, e.g. "revision:3>proposal:12".
    """

    resolution = models.ForeignKey(
        Resolution,
        on_delete=models.CASCADE,
        related_name="comparisons",
        verbose_name=_("resolution"),
    )
    key = models.CharField(max_length=80, unique=True, verbose_name=_("key"))
    old_label = models.CharField(max_length=300, verbose_name=_("old label"))
    new_label = models.CharField(max_length=300, verbose_name=_("new label"))
    # Same keys as ClauseChange: kind, section, section_key, operative, old/new label and text,
    # ops [[op, text], …], relation.
    changes = models.JSONField(default=list, verbose_name=_("changes"))
    engine = models.CharField(max_length=40, verbose_name=_("engine"))
    created = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("text comparison")
        verbose_name_plural = _("text comparisons")
        ordering = ["-created"]

    def __str__(self) -> str:
        return f"{self.old_label} → {self.new_label}"
