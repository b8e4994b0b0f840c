"""The proposal review page and the verdicts recorded on it.

Everything shown comes from the stored comparison (ClauseChange rows written at import): the
page never re-diffs. Display options are query parameters so they work without JavaScript.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy
from django.views.decorators.http import require_POST

from contributions.forms import VerdictForm
from contributions.keywords import section_name
from contributions.models import ClauseChange, Organisation, Proposal, Submission, Verdict
from contributions.verdicts import VerdictConflict, save_verdict
from contributions.views.access import (
    VERDICT_PERMISSION,
    get_for_user,
    user_organisation,
    workspace_view,
)

_TRACKED = ("value", "note", "suggested_response")
# "<who> <action> the verdict on <target>": a verb, distinct from the same English words elsewhere.
_ACTIONS = {
    "+": pgettext_lazy("verdict history", "created"),
    "~": pgettext_lazy("verdict history", "changed"),
    "-": pgettext_lazy("verdict history", "deleted"),
}
_LABELS = {
    "value": gettext_lazy("verdict"),
    "note": gettext_lazy("note"),
    "suggested_response": gettext_lazy("suggested response"),
}


@dataclass(frozen=True)
class ReviewOptions:
    side_by_side: bool = False
    operative_only: bool = False
    expand_unchanged: bool = False

    @classmethod
    def from_query(cls, query: QueryDict) -> "ReviewOptions":
        return cls(
            side_by_side=query.get("view") == "side",
            operative_only=query.get("scope") == "operative",
            expand_unchanged=query.get("unchanged") == "show",
        )

    def query(self, **overrides: bool) -> str:
        """The query string for these options with some switched (for the toggle links)."""
        opts = {**self.__dict__, **overrides}
        params = {
            "view": "side" if opts["side_by_side"] else "",
            "scope": "operative" if opts["operative_only"] else "",
            "unchanged": "show" if opts["expand_unchanged"] else "",
        }
        return urlencode({k: v for k, v in params.items() if v})


@dataclass
class ChangeRow:
    change: ClauseChange
    verdict: Verdict | None = None
    # A verdict recorded on the same change in another proposal is shown, and edited, here.
    shared: bool = False
    form_proposal_id: int = 0
    form: VerdictForm | None = None
    previous_flagged: str = ""
    next_flagged: str = ""

    @property
    def anchor(self) -> str:
        return f"change-{self.change.order}"


@dataclass
class Block:
    """A run of changes, or a fold of consecutive unchanged clauses."""

    folded: bool
    rows: list[ChangeRow] = field(default_factory=list)


@dataclass(frozen=True)
class HistoryEntry:
    when: object
    who: str
    target: str
    action: str
    changes: tuple[tuple[str, str, str], ...]


@workspace_view
def proposal_review(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_for_user(request, Proposal, pk)
    return _render_review(request, proposal, user_organisation(request))


@require_POST
@workspace_view
def verdict_save(request: HttpRequest, pk: int) -> HttpResponse:
    proposal = get_for_user(request, Proposal, pk)
    organisation = user_organisation(request)
    if not request.user.has_perm(VERDICT_PERMISSION):
        raise PermissionDenied  # may read the workspace, may not judge
    if organisation is None:
        messages.error(request, _("You need to belong to an organisation to record verdicts."))
        return redirect("workspace:proposal", pk=proposal.pk)
    form = VerdictForm(request.POST, auto_id=_auto_id(request.POST.get("change")))
    change = _change_of(proposal, form)
    if not form.is_valid() or change is False:
        return _render_review(request, proposal, organisation, bound=form, status=400)
    try:
        verdict = save_verdict(
            organisation=organisation,
            proposal=proposal,
            change=change or None,
            data=form.to_input(),
            user=request.user,
        )
    except VerdictConflict as conflict:
        return _render_review(
            request, proposal, organisation, bound=form, conflict=conflict.current, status=409
        )
    messages.success(request, _("Verdict saved (version %(v)s).") % {"v": verdict.version})
    back = request.POST.get("next", "")
    if back and url_has_allowed_host_and_scheme(back, {request.get_host()}, require_https=False):
        return redirect(back)
    anchor = f"#change-{change.order}" if change else "#proposal-verdict"
    return redirect(reverse("workspace:proposal", args=[proposal.pk]) + anchor)


def _auto_id(change_id) -> str:
    return f"id_c{change_id}_%s" if change_id else "id_p_%s"


def _change_of(proposal: Proposal, form: VerdictForm) -> ClauseChange | None | bool:
    """The change the form names, None for the whole proposal, False if it is not this one's."""
    raw = form.data.get("change")
    if not raw:
        return None
    try:
        return proposal.changes.get(pk=int(raw))
    except (ValueError, ClauseChange.DoesNotExist):
        return False


def _render_review(
    request: HttpRequest,
    proposal: Proposal,
    organisation: Organisation | None,
    *,
    bound: VerdictForm | None = None,
    conflict: Verdict | None = None,
    status: int = 200,
) -> HttpResponse:
    options = ReviewOptions.from_query(request.GET)
    submissions = list(
        Submission.objects.filter(contribution_id=proposal.contribution_id).select_related("group")
    )
    all_changes = list(proposal.changes.all())
    verdicts, shared = _verdicts(proposal, organisation, all_changes)
    can_judge = organisation is not None and request.user.has_perm(VERDICT_PERMISSION)
    rows = _rows(all_changes, options, (verdicts, shared), can_judge, bound, conflict)
    flagged = [row for row in rows if row.change.flags]
    proposal_verdict = verdicts.get(None)
    context = {
        "proposal": proposal,
        "options": options,
        "submitters": [s for s in submissions if s.role == Submission.Role.SUBMITTER],
        "cosponsors": [s for s in submissions if s.role == Submission.Role.COSPONSOR],
        "blocks": _blocks(rows),
        "flagged": flagged,
        "hidden_count": len(all_changes) - len(rows),
        "organisation": organisation,
        "proposal_verdict": proposal_verdict,
        "proposal_form": _form_for(None, proposal_verdict, bound, conflict) if can_judge else None,
        "conflict": conflict,
        "history": _history(proposal, organisation, all_changes),
        "toggle": {
            "inline": options.query(side_by_side=False),
            "side": options.query(side_by_side=True),
            "operative": options.query(operative_only=not options.operative_only),
            "unchanged": options.query(expand_unchanged=not options.expand_unchanged),
        },
    }
    return render(request, "workspace/proposal.html", context, status=status)


def _verdicts(proposal: Proposal, organisation: Organisation | None, changes) -> tuple:
    """This organisation's verdicts on this proposal by change id, and — one query — those it
    recorded on the same change (same fingerprint) in another proposal: judged once."""
    if organisation is None:
        return {}, {}
    fingerprints = {c.fingerprint for c in changes if c.fingerprint and c.flags}
    found = (
        Verdict.objects.filter(organisation=organisation)
        .filter(Q(proposal=proposal) | Q(change__fingerprint__in=fingerprints))
        .select_related("updated_by", "change", "proposal__contribution")
    )
    own, shared = {}, {}
    for verdict in found:
        if verdict.proposal_id == proposal.pk:
            own[verdict.change_id] = verdict
        else:
            shared.setdefault(verdict.change.fingerprint, verdict)
    return own, shared


def _rows(changes, options, verdicts, can_judge, bound, conflict) -> list[ChangeRow]:
    own, shared = verdicts
    shown = [c for c in changes if c.operative or not options.operative_only]
    rows = []
    for change in shown:
        row = ChangeRow(change=change, verdict=own.get(change.pk), form_proposal_id=0)
        if row.verdict is None and change.fingerprint in shared:
            row.verdict = shared[change.fingerprint]
            row.shared = True
        row.form_proposal_id = row.verdict.proposal_id if row.shared else change.proposal_id
        if can_judge and change.flags:
            target = row.verdict.change if row.shared else change
            row.form = _form_for(target, row.verdict, bound, conflict)
        rows.append(row)
    _link_flagged([row for row in rows if row.change.flags])
    return rows


def _link_flagged(flagged: list[ChangeRow]) -> None:
    for before, after in zip(flagged, flagged[1:], strict=False):
        before.next_flagged = after.anchor
        after.previous_flagged = before.anchor


def _form_for(change, verdict, bound, conflict) -> VerdictForm:
    """The submitted form again if it was for this target; else one filled from the verdict."""
    change_id = change.pk if change else None
    if bound is not None and str(bound.data.get("change") or "") == str(change_id or ""):
        if conflict is not None:
            # Keep the reviewer's text, but let a deliberate resubmit win over the new version.
            data = bound.data.copy()
            data["version"] = str(conflict.version)
            return VerdictForm(data, auto_id=_auto_id(change_id))
        return bound
    initial = {"change": change_id, "version": verdict.version if verdict else 0}
    if verdict:
        initial |= {k: getattr(verdict, k) for k in _TRACKED}
    return VerdictForm(initial=initial, auto_id=_auto_id(change_id))


def _shown(record, name: str) -> str:
    if record is None:
        return ""
    value = getattr(record, name)
    return str(Verdict.Value(value).label) if name == "value" and value else value


def _blocks(rows: list[ChangeRow]) -> list[Block]:
    blocks: list[Block] = []
    for row in rows:
        folded = row.change.kind == "unchanged"
        if not blocks or blocks[-1].folded != folded:
            blocks.append(Block(folded=folded))
        blocks[-1].rows.append(row)
    return blocks


def _history(proposal, organisation, changes) -> list[HistoryEntry]:
    """Who changed which verdict when, and what: one query, diffed in Python."""
    if organisation is None:
        return []
    records = (
        Verdict.history.filter(proposal_id=proposal.pk, organisation_id=organisation.pk)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
    labels = {
        c.pk: f"{section_name(c.section)} {c.new_label or c.old_label}".strip() for c in changes
    }
    previous: dict[int, object] = {}
    entries = []
    for record in records:
        before = previous.get(record.id)
        diffs = tuple(
            (_LABELS[name], _shown(before, name), _shown(record, name))
            for name in _TRACKED
            if before is None or getattr(before, name) != getattr(record, name)
        )
        previous[record.id] = record
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=str(record.history_user or _("unknown")),
                target=labels.get(record.change_id, _("the whole proposal")),
                action=str(_ACTIONS[record.history_type]),
                changes=tuple(d for d in diffs if d[1] != d[2]),
            )
        )
    return entries[::-1]
