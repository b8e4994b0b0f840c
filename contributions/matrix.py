"""The assembly matrix: resolutions × submitting groups for one meeting.

Built from a handful of queries whatever the number of proposals, and shared by the page and
the CSV/XLSX exports so both always carry the same columns.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext

from contributions.models import ClauseChange, Organisation, Proposal, Submission, Verdict
from meetings.models import Group, Meeting


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


def build_matrix(
    meeting: Meeting,
    proposals: QuerySet[Proposal],
    *,
    organisation: Organisation | None,
    filters: Filters,
) -> Matrix:
    proposals = _filtered(proposals.filter(contribution__meeting=meeting), filters)
    signatories = _signatories([p.contribution_id for p in proposals])
    verdicts = _verdicts(organisation, proposals)
    groups = sorted(
        {g for gs in signatories.values() for g in gs}, key=lambda g: (g.kind != "regional", g.code)
    )
    column = {group.pk: i for i, group in enumerate(groups)}
    table: dict[tuple, list[list[Entry]]] = {}
    meta: dict[tuple, tuple[str, str, int | None]] = {}
    for proposal in proposals:
        key = _row_key(proposal)
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


def _filtered(proposals: QuerySet[Proposal], filters: Filters) -> list[Proposal]:
    if filters.topic:
        proposals = proposals.filter(resolution__topics__slug=filters.topic)
    if filters.status:
        proposals = proposals.filter(status=filters.status)
    found = list(proposals.select_related("resolution").order_by("pk").distinct())
    if filters.category:
        # JSON containment is not portable to SQLite: read the flags, match in Python.
        flagged = ClauseChange.objects.filter(proposal__in=[p.pk for p in found]).exclude(flags=[])
        hits = {
            pid
            for pid, flags in flagged.values_list("proposal_id", "flags")
            if any(flag.get("category") == filters.category for flag in flags)
        }
        found = [p for p in found if p.pk in hits]
    return found


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
