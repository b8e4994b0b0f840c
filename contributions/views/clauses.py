"""Same clause, many hands: each distinct change of a meeting shown once, conflicts side by side."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from contributions.forms import VerdictForm
from contributions.many_hands import group_changes, signatories_by_contribution
from contributions.models import ClauseChange, Proposal, Submission, Verdict
from contributions.views.access import (
    VERDICT_PERMISSION,
    get_for_user,
    user_organisation,
    visible,
    workspace_view,
)
from meetings.models import Meeting


@workspace_view
def clauses(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for_user(request, Meeting, pk)
    proposals = visible(request, Proposal).filter(contribution__meeting=meeting)
    changes = list(
        ClauseChange.objects.filter(proposal__in=proposals)
        .exclude(kind="unchanged")
        .select_related("proposal__resolution", "proposal__contribution")
        .order_by("proposal__resolution", "proposal_id", "order")
    )
    submissions = Submission.objects.filter(
        contribution__meeting=meeting, role=Submission.Role.SUBMITTER
    ).select_related("group")
    slots = group_changes(changes, signatories_by_contribution(submissions))
    organisation = user_organisation(request)
    verdicts = {}
    if organisation is not None:
        found = Verdict.objects.filter(organisation=organisation, change__in=changes)
        verdicts = {v.change_id: v for v in found}
    by_id = {change.pk: change for change in changes}
    can_judge = organisation is not None and request.user.has_perm(VERDICT_PERMISSION)
    for slot in slots:
        for distinct in slot.distinct:
            # A distinct change is judged once: whichever member already carries the verdict.
            verdict = next((verdicts[i] for i in distinct.change_ids if i in verdicts), None)
            distinct.verdict = verdict
            target = by_id[verdict.change_id] if verdict else distinct.representative
            distinct.target = target
            distinct.form = _form(target, verdict) if can_judge else None
    context = {"meeting": meeting, "slots": slots, "organisation": organisation}
    return render(request, "workspace/clauses.html", context)


def _form(change: ClauseChange, verdict: Verdict | None) -> VerdictForm:
    initial = {"change": change.pk, "version": verdict.version if verdict else 0}
    if verdict:
        initial |= {"value": verdict.value, "note": verdict.note}
        initial["suggested_response"] = verdict.suggested_response
    return VerdictForm(initial=initial, auto_id=f"id_c{change.pk}_%s")
