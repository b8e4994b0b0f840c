import datetime as dt

import pytest
from django.db import IntegrityError, transaction

from contributions.models import Contribution, Organisation, Proposal, Verdict
from meetings.models import Meeting
from resolutions.models import Resolution, Revision

pytestmark = pytest.mark.django_db


def _refused(create) -> None:
    with pytest.raises(IntegrityError), transaction.atomic():
        create()


def test_a_resolution_number_is_unique_per_assembly(resolution):
    _refused(lambda: Resolution.objects.create(assembly="wtsa", number="75", title="Dup"))
    # The same number in another assembly is a different resolution.
    assert Resolution.objects.create(assembly="pp", number="75", title="Other").pk


def test_a_revision_label_is_unique_per_resolution(revision):
    _refused(
        lambda: Revision.objects.create(
            resolution=revision.resolution, label=revision.label, text="x"
        )
    )


def test_a_contribution_number_is_unique_per_meeting(public_contribution):
    _refused(
        lambda: Contribution.objects.create(
            meeting=public_contribution.meeting, number=public_contribution.number, title="Dup"
        )
    )


def test_a_meeting_cannot_end_before_it_starts(db):
    _refused(
        lambda: Meeting.objects.create(
            acronym="BAD-1",
            name="Backwards",
            kind=Meeting.Kind.OTHER,
            start_date=dt.date(2024, 5, 2),
            end_date=dt.date(2024, 5, 1),
        )
    )


def test_an_organisation_has_one_verdict_per_proposal(public_proposal, reviewer):
    org = Organisation.objects.get()
    Verdict.objects.create(organisation=org, proposal=public_proposal, value="concern")
    _refused(
        lambda: Verdict.objects.create(organisation=org, proposal=public_proposal, value="support")
    )


def test_resolutions_sort_by_number_not_by_string(db):
    for number in ["11", "2", "75"]:
        Resolution.objects.create(assembly="pp", number=number, title=f"Res {number}")
    assert [r.number for r in Resolution.objects.filter(assembly="pp")] == ["2", "11", "75"]


def test_public_querysets_hide_restricted_and_unpublished(
    public_proposal, restricted_contribution, revision
):
    Proposal.objects.create(contribution=restricted_contribution, action="MOD", order=0)
    assert list(Contribution.objects.public()) == [public_proposal.contribution]
    assert list(Proposal.objects.public()) == [public_proposal]
    assert list(Resolution.objects.public()) == [revision.resolution]
    revision.is_published = False
    revision.save()
    assert not Resolution.objects.public().exists()


def test_every_model_has_a_readable_str(public_proposal, reviewer):
    org = Organisation.objects.get()
    verdict = Verdict.objects.create(organisation=org, proposal=public_proposal, value="concern")
    assert str(public_proposal) == "MOD WTSA Resolution 75 (ACP/37A22/1)"
    assert str(verdict).startswith("Open Internet Watch: Concern on MOD")
    assert str(public_proposal.contribution.meeting) == "WTSA-24"
