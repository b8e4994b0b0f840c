"""The assembly matrix: resolutions × submitting groups for one meeting.

Built from a handful of queries whatever the number of proposals, and shared by the page and
the CSV/XLSX exports so both always carry the same columns.
"""

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils.translation import gettext

from contributions.models import ClauseChange, Organisation, Proposal, Submission, Verdict
from meetings.models import Group, Meeting
from resolutions.models import Resolution

CELL_FIELDS = (
    "action",
    "highest_severity",
    "status",
    "draft_label",
    "contribution_id",
    "resolution__assembly",
    "resolution__number",
    "resolution__sort_number",
    "resolution__title",
)


@dataclass(frozen=True)
class Filters:
    topic: str = ""
    category: str = ""
    status: str = ""


@dataclass(frozen=True)
class Entry:
    proposal_id: int
    action: str
    severity: str
    status: str
    verdict: str

    def as_text(self) -> str:
        parts = [self.action, self.severity or gettext("no flag"), self.verdict or self.status]
        return " · ".join(parts)


@dataclass(frozen=True)
class Row:
    label: str
    title: str
    resolution_id: int | None
    cells: tuple[tuple[Entry, ...], ...]


@dataclass(frozen=True)
class Matrix:
    meeting: Meeting
    groups: tuple[Group, ...]
    rows: tuple[Row, ...]

    def header(self) -> list[str]:
        return [gettext("Resolution"), gettext("Title"), *(group.code for group in self.groups)]

    def table(self) -> list[list[str]]:
        """Header then one line per resolution: what the exports write."""
        lines = [self.header()]
        for row in self.rows:
            cells = ["; ".join(entry.as_text() for entry in cell) for cell in row.cells]
            lines.append([row.label, row.title, *cells])
        return lines


def matrix_proposals(
    meeting: Meeting, proposals: QuerySet[Proposal], filters: Filters
) -> QuerySet[Proposal]:
    """The meeting's proposals passing the filters, as SQL (the category costs one query)."""
    proposals = proposals.filter(contribution__meeting=meeting)
    if filters.topic:
        # A subquery rather than a join: a resolution in two topics must not double its cells.
        topical = Resolution.objects.filter(topics__slug=filters.topic).values("pk")
        proposals = proposals.filter(resolution__in=topical)
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    if filters.category:
        proposals = proposals.filter(pk__in=_flagged(proposals, filters.category))
    return proposals


def row_keys(proposals: QuerySet[Proposal]) -> QuerySet:
    """One key per matrix row in display order: a resolution, or a draft new resolution.

    What the page paginates, so only the proposals of the rows shown are ever read.
    """
    draft = Case(When(resolution__isnull=True, then=F("draft_label")), default=Value(""))
    return (
        proposals.order_by()
        .annotate(draft=draft)
        .values("resolution_id", "draft")
        .order_by(
            F("resolution__assembly").asc(nulls_last=True),
            "resolution__sort_number",
            "resolution__number",
            "draft",
        )
        .distinct()
    )


def build_matrix(
    meeting: Meeting,
    proposals: QuerySet[Proposal],
    *,
    organisation: Organisation | None,
    keys: Iterable[dict] | None = None,
) -> Matrix:
    """The table for `keys` (rows from `row_keys`), or for every row when `keys` is None."""
    found = _cell_proposals(proposals, keys)
    signatories = _signatories([p.contribution_id for p in found])
    verdicts = _verdicts(organisation, found)
    groups = sorted(
        {g for gs in signatories.values() for g in gs}, key=lambda g: (g.kind != "regional", g.code)
    )
    column = {group.pk: i for i, group in enumerate(groups)}
    table: dict[tuple, list[list[Entry]]] = {}
    meta: dict[tuple, tuple[str, str, int | None]] = {}
    for proposal in found:
        key = _row_key(proposal)
        if key not in meta:
            meta[key] = _row_meta(proposal)
        cells = table.setdefault(key, [[] for _ in groups])
        entry = Entry(
            proposal.pk,
            proposal.action,
            proposal.highest_severity,
            proposal.get_status_display(),
            verdicts.get(proposal.pk, ""),
        )
        for group in signatories.get(proposal.contribution_id, ()):
            cells[column[group.pk]].append(entry)
    rows = tuple(
        Row(*meta[key], cells=tuple(tuple(cell) for cell in table[key])) for key in sorted(table)
    )
    return Matrix(meeting=meeting, groups=tuple(groups), rows=rows)


def _cell_proposals(proposals: QuerySet[Proposal], keys: Iterable[dict] | None) -> list[Proposal]:
    if keys is not None:
        keys = list(keys)
        resolutions = [k["resolution_id"] for k in keys if k["resolution_id"] is not None]
        drafts = [k["draft"] for k in keys if k["resolution_id"] is None]
        if not keys:
            return []
        proposals = proposals.filter(
            Q(resolution__in=resolutions) | Q(resolution__isnull=True, draft_label__in=drafts)
        )
    # Only the columns a cell shows: the texts (proposed, base revision) weigh kilobytes each.
    return list(
        proposals.select_related(None)
        .select_related("resolution")
        .only(*CELL_FIELDS)
        .order_by("pk")
    )


def _flagged(proposals: QuerySet[Proposal], category: str) -> list[int]:
    flagged = ClauseChange.objects.filter(proposal__in=proposals.values("pk")).exclude(flags=[])
    if connection.features.supports_json_field_contains:
        matching = flagged.filter(flags__contains=[{"category": category}])
        return list(matching.values_list("proposal_id", flat=True).distinct())
    # SQLite has no JSON containment: read the flags, match in Python.
    return list(
        {
            pid
            for pid, flags in flagged.values_list("proposal_id", "flags")
            if any(flag.get("category") == category for flag in flags)
        }
    )


def _signatories(contribution_ids: list[int]) -> dict[int, list[Group]]:
    found = defaultdict(list)
    submissions = Submission.objects.filter(
        contribution_id__in=set(contribution_ids), role=Submission.Role.SUBMITTER
    ).select_related("group")
    for submission in submissions:
        found[submission.contribution_id].append(submission.group)
    return found


def _verdicts(organisation: Organisation | None, proposals: list[Proposal]) -> dict[int, str]:
    if organisation is None or not proposals:
        return {}
    found = Verdict.objects.filter(
        organisation=organisation, change__isnull=True, proposal__in=[p.pk for p in proposals]
    )
    return {v.proposal_id: v.get_value_display() for v in found}


def _row_key(proposal: Proposal) -> tuple:
    resolution = proposal.resolution
    if resolution is None:
        return (1, "", 0, proposal.draft_label)
    return (0, resolution.assembly, resolution.sort_number, resolution.number)


def _row_meta(proposal: Proposal) -> tuple[str, str, int | None]:
    resolution = proposal.resolution
    if resolution is None:
        label = gettext("New resolution %(label)s") % {"label": proposal.draft_label}
        return (label.strip(), "", None)
    return (str(resolution), resolution.title, resolution.pk)
