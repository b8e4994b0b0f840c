"""The briefing pack: a meeting's flagged proposals with their changes, reasons and the
organisation's own verdicts (never another organisation's), as page data and as a DOCX."""

import io
import re
from dataclasses import dataclass, field

from django.db.models import Prefetch, QuerySet
from django.utils.translation import gettext
from docx import Document
from docx.shared import Pt

from contributions.keywords import change_kind, flag_category, section_name, severity
from contributions.models import ClauseChange, Organisation, Proposal, Submission, Verdict
from contributions.severity import severity_rank
from meetings.models import Meeting

# XML 1.0 forbids most control characters: imported text may contain them, Word must not.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class BriefingChange:
    change: ClauseChange
    verdict: Verdict | None


@dataclass
class BriefingItem:
    proposal: Proposal
    signatories: list[str]
    verdict: Verdict | None
    changes: list[BriefingChange] = field(default_factory=list)


def briefing_items(
    meeting: Meeting, proposals: QuerySet[Proposal], organisation: Organisation | None
) -> list[BriefingItem]:
    flagged_changes = ClauseChange.objects.exclude(flags=[]).exclude(highest_severity="")
    found = list(
        proposals.filter(contribution__meeting=meeting)
        .exclude(highest_severity="")
        .annotate(rank=severity_rank())
        .order_by("-rank", "resolution__sort_number", "pk")
        .prefetch_related(Prefetch("changes", queryset=flagged_changes, to_attr="flagged"))
    )
    verdicts = _verdicts(organisation, found)
    names = _signatories(found)
    return [
        BriefingItem(
            proposal=p,
            signatories=names.get(p.contribution_id, []),
            verdict=verdicts.get((p.pk, None)),
            changes=[BriefingChange(c, verdicts.get((p.pk, c.pk))) for c in p.flagged],
        )
        for p in found
    ]


def _verdicts(organisation, proposals) -> dict:
    if organisation is None or not proposals:
        return {}
    found = Verdict.objects.filter(organisation=organisation, proposal__in=proposals)
    return {(v.proposal_id, v.change_id): v for v in found}


def _signatories(proposals) -> dict[int, list[str]]:
    names: dict[int, list[str]] = {}
    submissions = Submission.objects.filter(
        contribution_id__in={p.contribution_id for p in proposals}
    ).select_related("group")
    for submission in submissions:
        names.setdefault(submission.contribution_id, []).append(submission.group.code)
    return names


def _clean(text: str) -> str:
    return _XML_ILLEGAL.sub("", text or "")


def briefing_docx(
    meeting: Meeting, items: list[BriefingItem], organisation: Organisation | None
) -> bytes:
    document = Document()
    document.styles["Normal"].font.size = Pt(10)
    title = gettext("%(meeting)s: briefing pack") % {"meeting": meeting.acronym}
    document.add_heading(_clean(title), level=0)
    if organisation is not None:
        document.add_paragraph(_clean(gettext("Verdicts of %(o)s.") % {"o": organisation.name}))
    for item in items:
        _add_item(document, item)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def _add_item(document, item: BriefingItem) -> None:
    proposal = item.proposal
    target = proposal.resolution or proposal.draft_label
    document.add_heading(_clean(f"{proposal.action} {target}"), level=1)
    level = severity(proposal.highest_severity)
    highest = gettext("highest flag: %(severity)s") % {"severity": level}
    signatories = ", ".join(item.signatories) or "?"
    document.add_paragraph(_clean(f"{proposal.contribution.number} ({signatories}); {highest}"))
    _add_verdict(document, item.verdict, gettext("Our verdict on the proposal"))
    for entry in item.changes:
        change = entry.change
        document.add_heading(
            _clean(
                f"{section_name(change.section)} {change.new_label or change.old_label} "
                f"({change_kind(change.kind)})"
            ),
            level=2,
        )
        _add_ops(document.add_paragraph(), change.ops)
        for flag in change.flags:
            document.add_paragraph(
                _clean(
                    f"{severity(flag.get('severity'))} · {flag_category(flag.get('category'))}: "
                    f"{flag.get('reason')}"
                ),
                style="List Bullet",
            )
        _add_verdict(document, entry.verdict, gettext("Our verdict"))


def _add_ops(paragraph, ops) -> None:
    for op, text in ops or ():
        run = paragraph.add_run(_clean(text))
        run.font.strike = op == -1
        run.font.underline = op == 1


def _add_verdict(document, verdict: Verdict | None, heading: str) -> None:
    if verdict is None:
        return
    line = gettext("%(heading)s: %(verdict)s") % {
        "heading": heading,
        "verdict": verdict.get_value_display(),
    }
    if verdict.note:
        line += f" — {verdict.note}"
    if verdict.suggested_response:
        line += " " + gettext("Suggested response: %(text)s") % {"text": verdict.suggested_response}
    document.add_paragraph(_clean(line))
