from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
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
    slug = models.SlugField(max_length=60, unique=True, verbose_name=_("slug"))
    name = models.CharField(max_length=120, verbose_name=_("name"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class ResolutionQuerySet(models.QuerySet):
    def public(self):
        """Resolutions an anonymous visitor may see: those with a published revision."""
        return self.filter(revisions__is_published=True).distinct()


class Resolution(models.Model):
    assembly = models.CharField(max_length=16, choices=Assembly.choices, verbose_name=_("assembly"))
    number = models.CharField(
        max_length=16, help_text=_("As printed: 75, 1332, 64…"), verbose_name=_("number")
    )
    # Numeric part of `number`, so lists sort 2, 11, 75 rather than 11, 2, 75.
    sort_number = models.PositiveIntegerField(
        default=0, editable=False, verbose_name=_("sort number")
    )
    title = models.CharField(max_length=500, verbose_name=_("title"))
    topics = models.ManyToManyField(
        Topic, blank=True, related_name="resolutions", verbose_name=_("topics")
    )
    history = HistoricalRecords(m2m_fields=[topics])

    objects = ResolutionQuerySet.as_manager()

    class Meta:
        verbose_name = _("resolution")
        verbose_name_plural = _("resolutions")
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
        # In the reader's language ("Résolution 75 (AMNT)"): the workspace and the admin show it.
        return gettext("%(assembly)s Resolution %(number)s") % {
            "assembly": self.get_assembly_display(),
            "number": self.number,
        }

    def save(self, *args, **kwargs):
        digits = "".join(ch for ch in self.number if ch.isdigit())
        self.sort_number = int(digits[:9]) if digits else 0
        super().save(*args, **kwargs)


class RevisionQuerySet(models.QuerySet):
    def public(self):
        return self.filter(is_published=True)


class Revision(models.Model):
    """One adopted (or draft) text of a resolution."""

    resolution = models.ForeignKey(
        Resolution, on_delete=models.PROTECT, related_name="revisions", verbose_name=_("resolution")
    )
    label = models.CharField(
        max_length=120, help_text=_('e.g. "Rev. Geneva, 2022"'), verbose_name=_("label")
    )
    meeting = models.ForeignKey(
        Meeting,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="revisions",
        verbose_name=_("meeting"),
    )
    adopted_on = models.DateField(null=True, blank=True, verbose_name=_("adopted on"))
    language = models.CharField(max_length=8, default="en", verbose_name=_("language"))
    text = models.TextField(verbose_name=_("text"))
    source_reference = models.CharField(
        max_length=500, blank=True, verbose_name=_("source reference")
    )
    is_published = models.BooleanField(
        default=True,
        help_text=_("Unpublished drafts are never shown to the public."),
        verbose_name=_("is published"),
    )
    parse_warning = models.TextField(blank=True, editable=False, verbose_name=_("parse warning"))
    # Filled by a PostgreSQL trigger (migration "search_vectors") in the row's own language;
    # NULL on SQLite, where search falls back to icontains. Derived, so kept out of history.
    search_vector = SearchVectorField(null=True, editable=False)
    history = HistoricalRecords(excluded_fields=["search_vector"])

    objects = RevisionQuerySet.as_manager()

    class Meta:
        verbose_name = _("revision")
        verbose_name_plural = _("revisions")
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

    revision = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="clauses", verbose_name=_("revision")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="children",
        verbose_name=_("parent"),
    )
    section_heading = models.CharField(max_length=500, verbose_name=_("section heading"))
    section_key = models.CharField(max_length=60, verbose_name=_("section key"))
    section_order = models.PositiveIntegerField(verbose_name=_("section order"))
    kind = models.CharField(max_length=16, choices=Kind.choices, verbose_name=_("kind"))
    label = models.CharField(max_length=20, blank=True, verbose_name=_("label"))
    text = models.TextField(verbose_name=_("text"))
    footnotes = models.JSONField(default=list, blank=True, verbose_name=_("footnotes"))
    order = models.PositiveIntegerField(
        help_text=_("Position in the whole revision."), verbose_name=_("order")
    )
    depth = models.PositiveSmallIntegerField(default=0, verbose_name=_("depth"))
    anchor = models.SlugField(
        max_length=120, help_text=_("Linkable id such as decides-4."), verbose_name=_("anchor")
    )

    class Meta:
        verbose_name = _("clause")
        verbose_name_plural = _("clauses")
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

    category = models.CharField(
        max_length=32, choices=Category.choices, blank=True, verbose_name=_("category")
    )
    language = models.CharField(max_length=8, verbose_name=_("language"))
    kind = models.CharField(max_length=32, default="term", verbose_name=_("kind"))
    pattern = models.CharField(max_length=300, verbose_name=_("pattern"))
    weight = models.FloatField(default=1.0, verbose_name=_("weight"))
    note = models.CharField(max_length=500, blank=True, verbose_name=_("note"))
    active = models.BooleanField(default=True, verbose_name=_("active"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("watch term")
        verbose_name_plural = _("watch terms")
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
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="watches",
        verbose_name=_("user"),
    )
    resolution = models.ForeignKey(
        Resolution,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="watches",
        verbose_name=_("resolution"),
    )
    category = models.CharField(
        max_length=32, choices=WatchTerm.Category.choices, blank=True, verbose_name=_("category")
    )
    term = models.ForeignKey(
        WatchTerm,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="watches",
        verbose_name=_("term"),
    )
    created = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("watch")
        verbose_name_plural = _("watches")
        constraints = [
            models.CheckConstraint(
                condition=Q(resolution__isnull=False) | ~Q(category="") | Q(term__isnull=False),
                name="watch_names_something",
            ),
        ]

    def __str__(self) -> str:
        target = self.resolution or self.category or self.term
        return gettext("%(user)s watches %(target)s") % {"user": self.user, "target": target}


class RevisionComparison(models.Model):
    """The stored "what changed" between two published revisions, so no page ever re-diffs.

    `changes` holds the engine's change list with the detector's flags on each change, in the
    shape the workspace's ClauseChange rows use: kind, section, section_key, operative, labels,
    texts, ops [[op, text], …], relation, flags [{category, severity, reason, evidence}].
    """

    old = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="+", verbose_name=_("old")
    )
    new = models.ForeignKey(
        Revision, on_delete=models.CASCADE, related_name="+", verbose_name=_("new")
    )
    changes = models.JSONField(default=list, verbose_name=_("changes"))
    engine_version = models.CharField(max_length=40, blank=True, verbose_name=_("engine version"))
    created = models.DateTimeField(auto_now_add=True, verbose_name=_("created"))

    class Meta:
        verbose_name = _("revision comparison")
        verbose_name_plural = _("revision comparisons")
        constraints = [
            # The public compare page looks a pair up and computes it at most once.
            models.UniqueConstraint(fields=["old", "new"], name="unique_revision_comparison"),
        ]

    def __str__(self) -> str:
        return f"{self.old.label} → {self.new.label}"
