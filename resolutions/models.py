from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from meetings.models import Meeting


class Assembly(models.TextChoices):
    WTSA = "wtsa", _("WTSA")
    PP = "pp", _("Plenipotentiary Conference")
    WTDC = "wtdc", _("WTDC")
    RA = "ra", _("Radiocommunication Assembly")
    COUNCIL = "council", _("Council")


class Topic(models.Model):
    slug = models.SlugField(max_length=60, unique=True)
    name = models.CharField(max_length=120)
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ResolutionQuerySet(models.QuerySet):
    def public(self):
        """Resolutions an anonymous visitor may see: those with a published revision."""
        return self.filter(revisions__is_published=True).distinct()


class Resolution(models.Model):
    assembly = models.CharField(max_length=16, choices=Assembly.choices)
    number = models.CharField(max_length=16, help_text=_("As printed: 75, 1332, 64…"))
    # Numeric part of `number`, so lists sort 2, 11, 75 rather than 11, 2, 75.
    sort_number = models.PositiveIntegerField(default=0, editable=False)
    title = models.CharField(max_length=500)
    topics = models.ManyToManyField(Topic, blank=True, related_name="resolutions")
    history = HistoricalRecords(m2m_fields=[topics])

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        ordering = ["assembly", "sort_number", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["assembly", "number"], name="unique_resolution_per_assembly"
            ),
        ]
        indexes = [
            # The public index lists resolutions by assembly and number.
            models.Index(fields=["assembly", "sort_number"], name="resolution_list_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_assembly_display()} Resolution {self.number}"

    def save(self, *args, **kwargs):
        digits = "".join(ch for ch in self.number if ch.isdigit())
        self.sort_number = int(digits[:9]) if digits else 0
        super().save(*args, **kwargs)


class RevisionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)


class Revision(models.Model):
    """One adopted (or draft) text of a resolution."""

    resolution = models.ForeignKey(Resolution, on_delete=models.PROTECT, related_name="revisions")
    label = models.CharField(max_length=120, help_text=_('e.g. "Rev. Geneva, 2022"'))
    meeting = models.ForeignKey(
        Meeting, null=True, blank=True, on_delete=models.PROTECT, related_name="revisions"
    )
    adopted_on = models.DateField(null=True, blank=True)
    language = models.CharField(max_length=8, default="en")
    text = models.TextField()
    source_reference = models.CharField(max_length=500, blank=True)
    is_published = models.BooleanField(
        default=True, help_text=_("Unpublished drafts are never shown to the public.")
    )
    parse_warning = models.TextField(blank=True, editable=False)
    history = HistoricalRecords()

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["resolution", "adopted_on", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["resolution", "label"], name="unique_revision_label_per_resolution"
            ),
        ]
        indexes = [
            # The resolution page's timeline lists revisions by date.
            models.Index(fields=["resolution", "adopted_on"], name="revision_timeline_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.resolution} ({self.label})"


class Clause(models.Model):
    """A clause of a revision, derived from Revision.text by the text engine.

    Not versioned on its own: clauses are rebuilt from the revision's text, which is versioned.
    """

    class Kind(models.TextChoices):
        PREAMBULAR = "preambular", _("Preambular")
        OPERATIVE = "operative", _("Operative")

    revision = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="clauses")
    parent = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.CASCADE, related_name="children"
    )
    section_heading = models.CharField(max_length=500)
    section_key = models.CharField(max_length=60)
    section_order = models.PositiveIntegerField()
    kind = models.CharField(max_length=16, choices=Kind.choices)
    label = models.CharField(max_length=20, blank=True)
    text = models.TextField()
    footnotes = models.JSONField(default=list, blank=True)
    order = models.PositiveIntegerField(help_text=_("Position in the whole revision."))
    depth = models.PositiveSmallIntegerField(default=0)
    anchor = models.SlugField(max_length=120, help_text=_("Linkable id such as decides-4."))

    class Meta:
        ordering = ["revision", "order"]
        constraints = [
            models.UniqueConstraint(fields=["revision", "order"], name="unique_clause_order"),
        ]

    def __str__(self) -> str:
        return f"{self.section_heading} {self.label}".strip()


class WatchTerm(models.Model):
    """An indicator the mission-expansion detector looks for; tuned by staff without a deploy."""

    class Category(models.TextChoices):
        INTERNET_GOVERNANCE = "internet-governance", _("Internet operation and resources")
        INTERNET_STANDARDS = "internet-standards", _("Internet building blocks")
        EMERGING_TECH = "emerging-tech", _("Emerging technologies")
        MULTISTAKEHOLDER = "multistakeholder", _("Multistakeholder model")
        HUMAN_RIGHTS = "human-rights", _("Human rights")

    category = models.CharField(max_length=32, choices=Category.choices, blank=True)
    language = models.CharField(max_length=8)
    kind = models.CharField(max_length=32, default="term")
    pattern = models.CharField(max_length=300)
    weight = models.FloatField(default=1.0)
    note = models.CharField(max_length=500, blank=True)
    active = models.BooleanField(default=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["category", "language", "pattern"]
        constraints = [
            models.UniqueConstraint(
                fields=["category", "language", "kind", "pattern"], name="unique_watch_term"
            ),
            models.CheckConstraint(condition=Q(weight__gte=0), name="watch_term_weight_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.pattern} ({self.language}, {self.category or self.kind})"


class Watch(models.Model):
    """A reviewer's watchlist entry: a resolution, a flag category or a watch term."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="watches"
    )
    resolution = models.ForeignKey(
        Resolution, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    category = models.CharField(max_length=32, choices=WatchTerm.Category.choices, blank=True)
    term = models.ForeignKey(
        WatchTerm, null=True, blank=True, on_delete=models.CASCADE, related_name="watches"
    )
    created = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=Q(resolution__isnull=False) | ~Q(category="") | Q(term__isnull=False),
                name="watch_names_something",
            ),
        ]

    def __str__(self) -> str:
        target = self.resolution or self.category or self.term
        return f"{self.user} watches {target}"


class RevisionComparison(models.Model):
    """The stored "what changed" between two published revisions, so no page ever re-diffs.

    `changes` holds the engine's change list with the detector's flags on each change, in the
    shape the workspace's ClauseChange rows use: kind, section, section_key, operative, labels,
    texts, ops [[op, text], …], relation, flags [{category, severity, reason, evidence}].
    """

    old = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    new = models.ForeignKey(Revision, on_delete=models.CASCADE, related_name="+")
    changes = models.JSONField(default=list)
    engine_version = models.CharField(max_length=40, blank=True)
    created = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            # The public compare page looks a pair up and computes it at most once.
            models.UniqueConstraint(fields=["old", "new"], name="unique_revision_comparison"),
        ]

    def __str__(self) -> str:
        return f"{self.old.label} → {self.new.label}"
