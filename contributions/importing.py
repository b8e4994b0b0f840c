"""Import one contribution file: read, split into proposals, compare, flag, store — all or nothing.

The work happens in two phases. *Planning* reads the file (``contributions.readers``), splits it
into proposals (``contributions.markup``), finds each proposal's resolution and base revision,
compares and flags its text (``resolutions.text``); it only reads the database, so it can run
long (and report progress) without holding a transaction. *Writing* stores the Contribution,
its Submissions, Proposals and ClauseChanges in one ``transaction.atomic()`` block: a failure
anywhere leaves no row behind.

Which texts are compared. A document with tracked changes (or underline/strikethrough marks)
carries its own old text: the proposal is the difference between that old text and the
proposed text, exactly the changes the proposer marked — the reviewer sees what was asked for,
free of any difference in how the base text was extracted or typeset. The document's old text
is then checked against the base revision in the database; where they differ (untracked edits,
or a proposal drafted on another text) the outcome carries a warning naming the clauses. A clean
document (the proposed text alone) is compared with the base revision's text.

Idempotency. The SHA-256 of the file is stored on the Contribution: the same file again is
"unchanged" and writes nothing. A different file with the same document number in the same
meeting is a new version: the Contribution and its Proposals are updated in place (history rows
record who did it), the comparison is re-run, and change-level verdicts follow their change by
fingerprint.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext

from contributions.markup import ProposalMarkup, split_proposals
from contributions.matching import MatchError, find_resolution, find_revision
from contributions.models import ClauseChange, Contribution, Proposal, Submission, Verdict
from contributions.readers import Limits, ReadError, ReadResult, read_document
from meetings.models import Group, Meeting
from resolutions.comparisons import active_rules
from resolutions.models import Resolution, Revision
from resolutions.text import ParseError, compare, parse
from resolutions.text.flags import FlaggedComparison, Rule, flag_comparison

Progress = Callable[[int, str], None]
CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"
_MODIFY = ("MOD", "(MOD)")
_ADD = ("ADD", "ADD*")
_SUPPRESS = ("SUP", "SUP*")


class ImportFailure(Exception):
    """The file cannot be imported; the message is one line (the caller adds the file name)."""


@dataclass(frozen=True)
class ImportMetadata:
    """What the file itself does not say. Empty fields take the defaults listed."""

    number: str = ""  # default: the file name without its extension
    title: str = ""  # default: the document number
    submitters: tuple[str, ...] = ()  # Group codes (or ITU origin codes such as ACP)
    date: dt.date | None = None
    language: str = ""  # default: the language the text engine detects
    visibility: str = ""  # default: restricted for a new contribution, unchanged on update
    abstract: str = ""


@dataclass(frozen=True)
class ProposalSummary:
    order: int
    action: str
    identifier: str
    resolution: str
    base_revision: str
    draft_label: str
    changes: int  # clause changes other than "unchanged"
    flags: int
    highest_severity: str
    score: float

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class ImportOutcome:
    status: str  # created | updated | unchanged
    filename: str
    contribution: Contribution  # unsaved leftovers after a dry run: read it, don't save it
    proposals: tuple[ProposalSummary, ...]
    warnings: tuple[str, ...] = ()
    dry_run: bool = False

    @property
    def changes(self) -> int:
        return sum(p.changes for p in self.proposals)

    @property
    def flags(self) -> int:
        return sum(p.flags for p in self.proposals)

    def to_dict(self) -> dict[str, Any]:
        return {
            "status": self.status,
            "filename": self.filename,
            "contribution": None if self.dry_run else self.contribution.pk,
            "number": self.contribution.number,
            "meeting": str(self.contribution.meeting),
            "proposals": [p.to_dict() for p in self.proposals],
            "changes": self.changes,
            "flags": self.flags,
            "warnings": list(self.warnings),
            "dry_run": self.dry_run,
        }


@dataclass
class _Plan:
    """One proposal, ready to store."""

    order: int
    markup: ProposalMarkup
    action: str
    resolution: Resolution | None
    base_revision: Revision | None
    draft_label: str
    flagged: FlaggedComparison | None
    warnings: list[str] = field(default_factory=list)


class _DryRun(Exception):
    """Raised inside the write transaction to roll a dry run back."""


# --------------------------------------------------------------------------- public API


def import_limits() -> Limits:
    """The reader's limits, from settings (see the ``# --- imports ---`` block)."""
    return Limits(
        max_bytes=settings.ITU_TRACKER_IMPORT_MAX_BYTES,
        max_entries=settings.ITU_TRACKER_IMPORT_MAX_ZIP_ENTRIES,
        max_uncompressed=settings.ITU_TRACKER_IMPORT_MAX_UNCOMPRESSED,
        max_ratio=settings.ITU_TRACKER_IMPORT_MAX_RATIO,
    )


def change_fingerprint(target: str, change: Any) -> str:
    """Same resolution, section and texts → same fingerprint, whoever proposed the change."""
    parts = [target, change.section_key or "", _squash(change.old_text), _squash(change.new_text)]
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def import_contribution(
    data: bytes,
    filename: str,
    *,
    meeting: Meeting,
    metadata: ImportMetadata | None = None,
    user=None,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> ImportOutcome:
    """Import one file as a Contribution of ``meeting``; raises ImportFailure (nothing written).

    ``dry_run`` does everything, then rolls the transaction back (and stores no file).
    """
    metadata = metadata or ImportMetadata()
    report = progress or (lambda _percent, _step: None)
    name = PurePath(filename).name
    number = (metadata.number or PurePath(name).stem).strip()
    digest = hashlib.sha256(data).hexdigest()
    existing = _existing(meeting, number, digest)
    if existing is not None and existing.content_hash == digest:
        return _unchanged(existing, name, dry_run)
    report(5, "reading")
    result = _read(data, name)
    report(15, "splitting into proposals")
    plans = _plan(result, meeting, report)
    groups = _groups(metadata.submitters)
    report(85, "storing")
    outcome = _write(
        _Write(data, name, digest, number, meeting, metadata, user, dry_run),
        existing,
        plans,
        groups,
        result.warnings,
    )
    report(100, "done")
    return outcome


# --------------------------------------------------------------------------- planning


def _existing(meeting: Meeting, number: str, digest: str) -> Contribution | None:
    """The contribution this file updates (same number) or repeats (same content)."""
    candidates = list(
        Contribution.objects.filter(meeting=meeting).filter(
            Q(number=number) | Q(content_hash=digest)
        )
    )
    by_number = next((c for c in candidates if c.number == number), None)
    return by_number or next((c for c in candidates if c.content_hash == digest), None)


def _read(data: bytes, name: str) -> ReadResult:
    try:
        return read_document(data, name, import_limits())
    except ReadError as error:
        raise ImportFailure(_line(error)) from error


def _plan(result: ReadResult, meeting: Meeting, report: Progress) -> list[_Plan]:
    try:
        markups = split_proposals(result.new_text, result.old_text)
    except ReadError as error:
        raise ImportFailure(_line(error)) from error
    rules = active_rules()
    plans = []
    for order, markup in enumerate(markups):
        where = (
            gettext("proposal %(identifier)s") % {"identifier": markup.identifier}
            if markup.identifier
            else gettext("the document")
        )
        try:
            plans.append(_plan_one(order, markup, meeting, rules))
        except (MatchError, ParseError) as error:
            raise ImportFailure(f"{where}: {_line(error)}") from error
        report(15 + 70 * (order + 1) // len(markups), f"compared {where}")
    return plans


def _plan_one(
    order: int, markup: ProposalMarkup, meeting: Meeting, rules: tuple[Rule, ...]
) -> _Plan:
    action = markup.action
    if action is None:
        if not markup.resolution_number:
            raise MatchError(
                gettext("no proposal marker (MOD, ADD, SUP, NOC…) and no RESOLUTION heading found")
            )
        action = "MOD"  # a clean text of an existing resolution: compared with its base
    if action in _ADD:  # a new text: nothing to match a base against
        new = parse(markup.new_text)
        flagged = flag_comparison(compare(_empty(new), new), rules)
        resolution = _existing_resolution(meeting, markup.resolution_number)
        draft = markup.draft_label or ("" if resolution else markup.resolution_number or "")
        return _Plan(order, markup, action, resolution, None, draft, flagged)
    if not markup.resolution_number:
        raise MatchError(
            gettext("%(action)s names no resolution (expected a RESOLUTION heading)")
            % {"action": action}
        )
    resolution = find_resolution(meeting, markup.resolution_number)
    base = find_revision(
        resolution, markup.base_label, meeting=meeting, proposed=markup.old_text is None
    )
    plan = _Plan(order, markup, action, resolution, base, markup.draft_label or "", None)
    plan.flagged = _compare(plan, rules)
    return plan


def _existing_resolution(meeting: Meeting, number: str | None) -> Resolution | None:
    if not number:
        return None
    try:
        return find_resolution(meeting, number)
    except MatchError:
        return None  # an ADD may well name a resolution the database does not have yet


def _compare(plan: _Plan, rules: tuple[Rule, ...]) -> FlaggedComparison | None:
    markup, base = plan.markup, plan.base_revision
    assert base is not None
    if plan.action == "NOC":
        return None
    old = parse(markup.old_text) if markup.old_text is not None else _parse_base(base)
    if markup.old_text is not None and _squash(markup.old_text) != _squash(base.text):
        plan.warnings.extend(_drift(old, base))
    new = _empty(old) if plan.action in _SUPPRESS else parse(markup.new_text)
    return flag_comparison(compare(old, new), rules)


def _parse_base(base: Revision):
    try:
        return parse(base.text)
    except ParseError as error:
        message = gettext("base revision %(base)s cannot be parsed: %(error)s")
        raise MatchError(message % {"base": base, "error": _line(error)}) from error


def _drift(document_old, base: Revision) -> list[str]:
    """Warn when the old text the document carries is not the base revision's text."""
    try:
        official = parse(base.text)
    except ParseError:
        return [
            gettext("base revision %(base)s could not be parsed: its text was not checked")
            % {"base": base}
        ]
    edits = [c for c in compare(official, document_old).changes if c.kind != "unchanged"]
    if not edits:
        return []
    places = ", ".join(_place(c) for c in edits[:5]) + (" …" if len(edits) > 5 else "")
    message = gettext(
        "the document's old text differs from %(base)s in %(count)s place(s) (%(places)s): "
        "untracked edits or another base text; only tracked changes are compared"
    )
    return [message % {"base": base.label, "count": len(edits), "places": places}]


def _place(change: Any) -> str:
    label = change.new_label or change.old_label or ""
    return f"{change.section} {label}".strip() or change.kind


def _empty(document):
    """The same document with no text: the other side of an added or suppressed resolution."""
    return replace(document, title="", history="", sections=(), footnotes=())


def _groups(codes: Iterable[str]) -> list[Group]:
    groups = []
    for code in codes:
        group = (
            Group.objects.filter(code=code).first()
            or Group.objects.filter(origin_code=code).order_by("pk").first()
        )
        if group is None:
            raise ImportFailure(
                gettext("unknown submitter %(code)s: no group has this code") % {"code": repr(code)}
            )
        groups.append(group)
    return groups


# --------------------------------------------------------------------------- writing


@dataclass(frozen=True)
class _Write:
    data: bytes
    name: str
    digest: str
    number: str
    meeting: Meeting
    metadata: ImportMetadata
    user: Any
    dry_run: bool


def _write(
    job: _Write,
    existing: Contribution | None,
    plans: list[_Plan],
    groups: list[Group],
    read_warnings: tuple[str, ...],
) -> ImportOutcome:
    stored: list[str] = []
    try:
        with transaction.atomic():
            contribution = _save_contribution(job, existing, plans, stored)
            _save_submissions(contribution, groups, job.user, replace_all=bool(groups))
            summaries = _save_proposals(contribution, plans, job.user)
            warnings = tuple(read_warnings) + tuple(w for p in plans for w in p.warnings)
            outcome = ImportOutcome(
                status=UPDATED if existing is not None else CREATED,
                filename=job.name,
                contribution=contribution,
                proposals=summaries,
                warnings=warnings,
                dry_run=job.dry_run,
            )
            if job.dry_run:
                raise _DryRun
    except _DryRun:
        return outcome
    except IntegrityError as error:
        _delete_files(stored)
        message = gettext(
            "the database refused the rows (%(error)s); was it imported at the same time?"
        )
        raise ImportFailure(message % {"error": _line(error)}) from error
    except Exception:
        _delete_files(stored)
        raise
    return outcome


def _delete_files(names: list[str]) -> None:
    """The rows are gone: so are the files they pointed at."""
    storage = Contribution._meta.get_field("source_file").storage
    for name in names:
        storage.delete(name)


def _save_contribution(
    job: _Write, existing: Contribution | None, plans: list[_Plan], stored: list[str]
) -> Contribution:
    meta = job.metadata
    contribution = existing or Contribution(meeting=job.meeting, number=job.number)
    contribution.title = (meta.title or contribution.title or job.number)[:500]
    contribution.date = meta.date or contribution.date
    contribution.language = meta.language or _language(plans) or contribution.language
    contribution.abstract = meta.abstract or contribution.abstract
    contribution.visibility = (
        meta.visibility or contribution.visibility or Contribution.Visibility.RESTRICTED
    )
    contribution.content_hash = job.digest
    contribution.imported_by = job.user
    if not job.dry_run:
        contribution.source_file.save(job.name, ContentFile(job.data), save=False)
        stored.append(contribution.source_file.name)
    contribution._history_user = job.user
    contribution.save()
    return contribution


def _language(plans: list[_Plan]) -> str:
    for plan in plans:
        if plan.flagged is not None:
            return plan.flagged.comparison.new.lang or plan.flagged.comparison.old.lang
    return ""


def _save_submissions(contribution: Contribution, groups: list[Group], user, *, replace_all):
    current = {s.group_id: s for s in Submission.objects.filter(contribution=contribution)}
    wanted = {group.pk for group in groups}
    if replace_all:
        for group_id, submission in current.items():
            if group_id not in wanted:
                submission._history_user = user
                submission.delete()
    for group in groups:
        if group.pk not in current:
            submission = Submission(contribution=contribution, group=group)
            submission._history_user = user
            submission.save()


def _save_proposals(
    contribution: Contribution, plans: list[_Plan], user
) -> tuple[ProposalSummary, ...]:
    old = list(Proposal.objects.filter(contribution=contribution))
    by_identifier = {p.identifier: p for p in old if p.identifier}
    by_order = {p.order: p for p in old}
    kept: dict[int, Proposal] = {}
    for plan in plans:
        identifier = plan.markup.identifier or ""
        match = by_identifier.get(identifier) if identifier else by_order.get(plan.order)
        if match is not None and match.pk not in {p.pk for p in kept.values()}:
            kept[plan.order] = match
    for proposal in old:
        if proposal not in kept.values():
            proposal._history_user = user
            proposal.delete()
    for position, proposal in enumerate(kept.values()):
        # Free the orders first: (contribution, order) is unique and proposals may swap places.
        proposal.order = 100_000 + position
        proposal.save_without_historical_record(update_fields=["order"])
    return tuple(_save_proposal(contribution, plan, kept.get(plan.order), user) for plan in plans)


def _save_proposal(
    contribution: Contribution, plan: _Plan, proposal: Proposal | None, user
) -> ProposalSummary:
    markup = plan.markup
    proposal = proposal or Proposal(contribution=contribution)
    proposed_text = "" if plan.action in _SUPPRESS else markup.new_text
    if proposal.pk and proposal.proposed_text != proposed_text:
        proposal.status = Proposal.Status.AWAITING  # a new text needs a new review
    proposal.order = plan.order
    proposal.action = plan.action
    proposal.identifier = (markup.identifier or "")[:80]
    proposal.resolution = plan.resolution
    proposal.draft_label = plan.draft_label[:80]
    proposal.base_revision = plan.base_revision
    proposal.proposed_text = proposed_text
    proposal.reasons = markup.reasons
    proposal.score = plan.flagged.score if plan.flagged else 0
    proposal.highest_severity = (plan.flagged.highest if plan.flagged else None) or ""
    proposal._history_user = user
    proposal.save()
    changes = _save_changes(proposal, plan)
    return ProposalSummary(
        order=plan.order,
        action=plan.action,
        identifier=proposal.identifier,
        resolution=str(plan.resolution) if plan.resolution else "",
        base_revision=plan.base_revision.label if plan.base_revision else "",
        draft_label=proposal.draft_label,
        changes=sum(1 for c in changes if c.kind != "unchanged"),
        flags=sum(len(c.flags) for c in changes),
        highest_severity=proposal.highest_severity,
        score=proposal.score,
    )


def _save_changes(proposal: Proposal, plan: _Plan) -> list[ClauseChange]:
    before = dict(proposal.changes.values_list("pk", "fingerprint"))
    rows = _change_rows(proposal, plan)
    verdicts = list(Verdict.objects.filter(change_id__in=before)) if before else []
    created = ClauseChange.objects.bulk_create(rows)
    if verdicts:
        _follow_verdicts(proposal, verdicts, before)
    if before:
        ClauseChange.objects.filter(pk__in=before).delete()
        _renumber(proposal)
    return created


def _change_rows(proposal: Proposal, plan: _Plan) -> list[ClauseChange]:
    if plan.flagged is None:
        return []
    target = (
        f"{plan.resolution.assembly}:{plan.resolution.number}"
        if plan.resolution
        else f"draft:{plan.draft_label}"
    )
    # Orders after the old rows' so both sets fit the (proposal, order) constraint meanwhile.
    start = 1 + max(proposal.changes.values_list("order", flat=True), default=-1)
    return [
        ClauseChange(
            proposal=proposal,
            order=start + position,
            kind=item.change.kind,
            section=(item.change.section or "")[:500],
            section_key=(item.change.section_key or "")[:60],
            operative=bool(item.change.operative),
            old_label=(item.change.old_label or "")[:40],
            new_label=(item.change.new_label or "")[:40],
            old_text=item.change.old_text or "",
            new_text=item.change.new_text or "",
            ops=[[op, text] for op, text in item.change.ops],
            relation=item.change.relation or "",
            flags=[flag.to_dict() for flag in item.flags],
            highest_severity=item.severity or "",
            fingerprint=change_fingerprint(target, item.change),
        )
        for position, item in enumerate(plan.flagged.changes)
    ]


def _follow_verdicts(proposal: Proposal, verdicts: list[Verdict], before: dict[int, str]):
    """Verdicts on a change move to the new change with the same fingerprint, if any.

    The others go with their change: the text they judged is no longer proposed (their history
    rows remain).
    """
    new = dict(
        proposal.changes.exclude(pk__in=before).values_list("fingerprint", "pk").order_by("order")
    )
    moved: set[tuple[int, int]] = set()
    for verdict in verdicts:
        target = new.get(before[verdict.change_id])
        if target is not None and (verdict.organisation_id, target) not in moved:
            moved.add((verdict.organisation_id, target))
            verdict.change_id = target
            verdict.save()


def _renumber(proposal: Proposal) -> None:
    """Orders from 0 again once the previous comparison's rows are gone.

    ClauseChange is derived data without history, so update() is fine; one row at a time in
    ascending order keeps (proposal, order) unique at every step.
    """
    for position, pk in enumerate(proposal.changes.order_by("order").values_list("pk", flat=True)):
        ClauseChange.objects.filter(pk=pk).update(order=position)


def _unchanged(contribution: Contribution, name: str, dry_run: bool) -> ImportOutcome:
    proposals = (
        Proposal.objects.filter(contribution=contribution)
        .select_related("resolution", "base_revision")
        .prefetch_related("changes")
    )
    summaries = tuple(
        ProposalSummary(
            order=p.order,
            action=p.action,
            identifier=p.identifier,
            resolution=str(p.resolution) if p.resolution else "",
            base_revision=p.base_revision.label if p.base_revision else "",
            draft_label=p.draft_label,
            changes=sum(1 for c in p.changes.all() if c.kind != "unchanged"),
            flags=sum(len(c.flags) for c in p.changes.all()),
            highest_severity=p.highest_severity,
            score=p.score,
        )
        for p in proposals
    )
    return ImportOutcome(UNCHANGED, name, contribution, summaries, (), dry_run)


def _squash(text: str | None) -> str:
    return " ".join((text or "").split())


def _line(error: BaseException) -> str:
    return " ".join(str(error).split()) or type(error).__name__
