"""Recording verdicts without ever silently overwriting another reviewer's work.

Each verdict carries a `version`. A save names the version it was edited from; the row is
updated only if that is still the current version (a conditional UPDATE, atomic on every
database), otherwise `VerdictConflict` carries the other reviewer's current text back to the
page. `QuerySet.update()` bypasses django-simple-history, so the history record is written
explicitly in the same transaction.
"""

from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from contributions.models import ClauseChange, Organisation, Proposal, Verdict


class VerdictConflict(Exception):
    """Someone saved this verdict since the form was opened; `current` is what they wrote."""

    def __init__(self, current: Verdict) -> None:
        super().__init__(f"verdict {current.pk} is now at version {current.version}")
        self.current = current


@dataclass(frozen=True)
class VerdictInput:
    value: str
    note: str
    suggested_response: str
    version: int  # 0 for a verdict that did not exist when the form was opened


def save_verdict(
    *,
    organisation: Organisation,
    proposal: Proposal,
    change: ClauseChange | None,
    data: VerdictInput,
    user,
) -> Verdict:
    """Create or update the organisation's verdict; raise VerdictConflict on a stale version.

    A verdict on the proposal as a whole marks the proposal reviewed (the matrix shows it).
    """
    if data.version == 0:
        verdict = _create(organisation, proposal, change, data, user)
    else:
        verdict = _update(organisation, proposal, change, data, user)
    if change is None and proposal.status != Proposal.Status.REVIEWED:
        proposal.status = Proposal.Status.REVIEWED
        proposal._history_user = user
        proposal.save(update_fields=["status"])
    return verdict


def _current(organisation, proposal, change) -> Verdict:
    return Verdict.objects.select_related("updated_by").get(
        organisation=organisation, proposal=proposal, change=change
    )


def _create(organisation, proposal, change, data: VerdictInput, user) -> Verdict:
    try:
        with transaction.atomic():
            verdict = Verdict(
                organisation=organisation,
                proposal=proposal,
                change=change,
                value=data.value,
                note=data.note,
                suggested_response=data.suggested_response,
                updated_by=user,
            )
            verdict._history_user = user
            verdict.save()  # simple-history records the creation itself
            return verdict
    except IntegrityError:
        # Another reviewer created it first (the partial unique constraints say so).
        raise VerdictConflict(_current(organisation, proposal, change)) from None


def _update(organisation, proposal, change, data: VerdictInput, user) -> Verdict:
    with transaction.atomic():
        rows = Verdict.objects.filter(
            organisation=organisation, proposal=proposal, change=change, version=data.version
        ).update(
            value=data.value,
            note=data.note,
            suggested_response=data.suggested_response,
            updated_by=user,
            updated=timezone.now(),
            version=F("version") + 1,
        )
        current = _current_or_none(organisation, proposal, change)
        if rows == 1:
            Verdict.history.bulk_history_create([current], update=True, default_user=user)
            return current
    if current is not None:
        raise VerdictConflict(current)
    # Deleted since the form was opened (from the admin, say): nothing to overwrite.
    return _create(organisation, proposal, change, data, user)


def _current_or_none(organisation, proposal, change) -> Verdict | None:
    try:
        return _current(organisation, proposal, change)
    except Verdict.DoesNotExist:
        return None
