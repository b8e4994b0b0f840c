"""The assembly matrix: resolutions × submitting groups for one meeting.

Built from a handful of queries whatever the number of proposals, and shared by the page and
the CSV/XLSX exports so both always carry the same columns.
"""

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from django.db import connection
from django.db.models import Case, F, Q, QuerySet, Value, When
from django.utils.translation import gettext

from contributions.models import ClauseChange, Organisation, Proposal, Submission, Verdict
from meetings.models import Group, Meeting
from resolutions.models import Resolution

CELL_FIELDS = (
    "pk",
    "action",
    "highest_severity",
    "status",
    "draft_label",
    "contribution_id",
    "resolution_id",
)
RESOLUTION_FIELDS = ("assembly", "number", "sort_number", "title")


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
        return list(self.lines())

    def lines(self) -> Iterator[list[str]]:
        """The table line by line, for streaming exports."""
        yield self.header()
        for row in self.rows:
            cells = ["; ".join(entry.as_text() for entry in cell) for cell in row.cells]
            yield [row.label, row.title, *cells]


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
    # Plain values, not model instances: a page holds hundreds of cells, an export thousands.
    found = _cell_proposals(proposals, keys)
    resolutions = Resolution.objects.only(*RESOLUTION_FIELDS).in_bulk(
        {p["resolution_id"] for p in found} - {None}
    )
    signatories = _signatories({p["contribution_id"] for p in found})
    verdicts = _verdicts(organisation, [p["pk"] for p in found])
    statuses = {value: str(label) for value, label in Proposal.Status.choices}
    groups = sorted(
        {g for gs in signatories.values() for g in gs}, key=lambda g: (g.kind != "regional", g.code)
    )
    column = {group.pk: i for i, group in enumerate(groups)}
    table: dict[tuple, list[list[Entry]]] = {}
    meta: dict[tuple, tuple[str, str, int | None]] = {}
    for proposal in found:
        resolution = resolutions.get(proposal["resolution_id"])
        key = _row_key(resolution, proposal["draft_label"])
        if key not in meta:
            meta[key] = _row_meta(resolution, proposal["draft_label"])
        cells = table.setdefault(key, [[] for _ in groups])
        entry = Entry(
            proposal["pk"],
            proposal["action"],
            proposal["highest_severity"],
            statuses.get(proposal["status"], proposal["status"]),
            verdicts.get(proposal["pk"], ""),
        )
        for group in signatories.get(proposal["contribution_id"], ()):
            cells[column[group.pk]].append(entry)
    rows = tuple(
        Row(*meta[key], cells=tuple(tuple(cell) for cell in table[key])) for key in sorted(table)
    )
    return Matrix(meeting=meeting, groups=tuple(groups), rows=rows)


def _cell_proposals(proposals: QuerySet[Proposal], keys: Iterable[dict] | None) -> list[dict]:
    if keys is not None:
        keys = list(keys)
        if not keys:
            return []
        resolutions = [k["resolution_id"] for k in keys if k["resolution_id"] is not None]
        drafts = [k["draft"] for k in keys if k["resolution_id"] is None]
        proposals = proposals.filter(
            Q(resolution__in=resolutions) | Q(resolution__isnull=True, draft_label__in=drafts)
        )
    # Only the columns a cell shows: the texts (proposed, base revision) weigh kilobytes each.
    return list(proposals.select_related(None).order_by("pk").values(*CELL_FIELDS))


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


def _signatories(contribution_ids: set[int]) -> dict[int, list[Group]]:
    pairs = list(
        Submission.objects.filter(
            contribution_id__in=contribution_ids, role=Submission.Role.SUBMITTER
        ).values_list("contribution_id", "group_id")
    )
    # One instance per group, not one per submission.
    groups = Group.objects.in_bulk({group_id for _, group_id in pairs})
    found = defaultdict(list)
    for contribution_id, group_id in pairs:
        found[contribution_id].append(groups[group_id])
    return found


def _verdicts(organisation: Organisation | None, proposal_ids: list[int]) -> dict[int, str]:
    if organisation is None or not proposal_ids:
        return {}
    labels = {value: str(label) for value, label in Verdict.Value.choices}
    found = Verdict.objects.filter(
        organisation=organisation, change__isnull=True, proposal__in=proposal_ids
    ).values_list("proposal_id", "value")
    return {proposal_id: labels.get(value, value) for proposal_id, value in found}


def _row_key(resolution: Resolution | None, draft_label: str) -> tuple:
    if resolution is None:
        return (1, "", 0, draft_label)
    return (0, resolution.assembly, resolution.sort_number, resolution.number)


def _row_meta(resolution: Resolution | None, draft_label: str) -> tuple[str, str, int | None]:
    if resolution is None:
        label = gettext("New resolution %(label)s") % {"label": draft_label}
        return (label.strip(), "", None)
    return (str(resolution), resolution.title, resolution.pk)
