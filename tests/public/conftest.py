"""The public site's world: a resolution with structured revisions, public and private material.

Builds on tests/conftest.py (resolution, revision, wtsa24, apt, public/restricted contribution).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from django.utils.text import slugify

from contributions.models import ClauseChange, Contribution, Organisation, Proposal, Verdict
from meetings.models import Group, Meeting
from resolutions.models import Clause, Resolution, Revision

REPO_ROOT = Path(__file__).resolve().parents[2]
RES75 = REPO_ROOT / "fixtures" / "texts" / "res75"

# (section heading, key, kind, label, text): a small resolution, preamble then operative part.
SMALL_TEXT = (
    ("considering", "considering", "preambular", "a)", "the outcomes of WSIS;"),
    ("considering", "considering", "preambular", "b)", "the 2030 Agenda;"),
    ("resolves", "resolves", "operative", "1", "to continue the work on the WSIS action lines;"),
    ("resolves", "resolves", "operative", "2", "to report to the Council,"),
    ("instructs the Director", "instructs", "operative", "1", "to take the measures needed,"),
)


def add_clauses(revision: Revision, rows=SMALL_TEXT) -> list[Clause]:
    """Clause rows as the import stores them (anchors like `resolves-1`)."""
    clauses = []
    for order, (heading, key, kind, label, text) in enumerate(rows, start=1):
        clauses.append(
            Clause.objects.create(
                revision=revision,
                section_heading=heading,
                section_key=key,
                section_order=[r[1] for r in rows].index(key),
                kind=kind,
                label=label,
                text=text,
                order=order,
                anchor=f"{key}-{slugify(label)}",
            )
        )
    return clauses


@pytest.fixture
def make_revision(resolution) -> Callable[..., Revision]:
    def make(
        label: str, day: dt.date | None, *, text: str = "", published: bool = True, **extra
    ) -> Revision:
        return Revision.objects.create(
            resolution=extra.pop("of", resolution),
            label=label,
            adopted_on=day,
            language=extra.pop("language", "en"),
            text=text or f"RESOLUTION 75 ({label})\n…",
            is_published=published,
            **extra,
        )

    return make


@pytest.fixture
def structured_revision(revision) -> Revision:
    """The named world's published revision, with clauses in both parts."""
    add_clauses(revision)
    return revision


@pytest.fixture
def res75_texts() -> tuple[str, str]:
    """The French Geneva 2022 and New Delhi 2024 texts of WTSA Resolution 75 (engine fixtures)."""
    return (
        (RES75 / "res75-geneva-2022.fr.txt").read_text(encoding="utf-8"),
        (RES75 / "res75-new-delhi-2024.fr.txt").read_text(encoding="utf-8"),
    )


@pytest.fixture
def res75_pair(revision, make_revision, res75_texts) -> tuple[Revision, Revision]:
    """The named world's Geneva 2022 revision with its real French text, and New Delhi 2024."""
    old_text, new_text = res75_texts
    revision.text, revision.language = old_text, "fr"
    revision.save()
    new = make_revision("Rev. New Delhi, 2024", dt.date(2024, 10, 24), text=new_text, language="fr")
    return revision, new


@pytest.fixture
def later_meeting(db, apt) -> Meeting:
    return Meeting.objects.create(
        acronym="WTSA-28",
        name="World Telecommunication Standardization Assembly",
        kind=Meeting.Kind.WTSA,
        organiser=apt,
        start_date=dt.date(2028, 10, 3),
        end_date=dt.date(2028, 10, 12),
        place="Somewhere",
        contribution_deadline=dt.date(2028, 9, 1),
    )


def add_public_proposals(
    resolution: Resolution, meeting: Meeting, count: int, groups: list[Group]
) -> list[Proposal]:
    proposals = []
    for index in range(count):
        contribution = Contribution.objects.create(
            meeting=meeting,
            number=f"{index + 1}-Add.{index + 1}",
            title=f"Proposals of group {index}",
            visibility=Contribution.Visibility.PUBLIC,
        )
        contribution.submitters.add(*groups)
        proposals.append(
            Proposal.objects.create(
                contribution=contribution,
                action=Proposal.Action.MOD,
                identifier=f"ACP/{index}/1",
                resolution=resolution,
            )
        )
    return proposals


SENTINELS = {
    "contribution_title": "SENTINEL-RESTRICTED-TITLE",
    "contribution_abstract": "SENTINEL-RESTRICTED-ABSTRACT",
    "contribution_number": "SENTINEL-RESTRICTED-NUMBER",
    "proposal_identifier": "SENTINEL-PROPOSAL-IDENTIFIER",
    "proposal_text": "SENTINEL-PROPOSED-TEXT",
    "proposal_reasons": "SENTINEL-PROPOSAL-REASONS",
    "change_text": "SENTINEL-CHANGE-TEXT",
    "verdict_note": "SENTINEL-VERDICT-NOTE",
    "verdict_response": "SENTINEL-SUGGESTED-RESPONSE",
    "public_verdict_note": "SENTINEL-NOTE-ON-PUBLIC-PROPOSAL",
    "draft_label": "SENTINEL-DRAFT-LABEL",
    "draft_text": "SENTINEL-DRAFT-TEXT",
    "draft_clause": "SENTINEL-DRAFT-CLAUSE",
    "hidden_resolution": "SENTINEL-UNPUBLISHED-RESOLUTION",
    "username": "sentinel-username",
    "first_name": "SentinelFirst",
    "last_name": "SentinelLast",
    "email": "sentinel-mail@example.org",
    "meeting_note": "SENTINEL-MEETING-NOTE",
}


@pytest.fixture
def sentinel_world(
    django_user_model,
    organisation: Organisation,
    resolution: Resolution,
    structured_revision: Revision,
    make_revision,
    public_proposal: Proposal,
    restricted_contribution: Contribution,
    later_meeting: Meeting,
    apt: Group,
) -> dict[str, str]:
    """Every private field holds a sentinel string; public material sits beside it."""
    s = SENTINELS
    user = django_user_model.objects.create_user(
        username=s["username"],
        email=s["email"],
        first_name=s["first_name"],
        last_name=s["last_name"],
        password="x" * 20,
    )
    organisation.members.add(user)
    restricted_contribution.title = s["contribution_title"]
    restricted_contribution.abstract = s["contribution_abstract"]
    restricted_contribution.number = s["contribution_number"]
    restricted_contribution.imported_by = user
    restricted_contribution.save()
    public_proposal.contribution.imported_by = user
    public_proposal.contribution.save()
    restricted_contribution.meeting = later_meeting
    restricted_contribution.save()
    hidden = Proposal.objects.create(
        contribution=restricted_contribution,
        action=Proposal.Action.MOD,
        identifier=s["proposal_identifier"],
        resolution=resolution,
        proposed_text=s["proposal_text"],
        reasons=s["proposal_reasons"],
    )
    change = ClauseChange.objects.create(
        proposal=hidden, order=1, kind="added", section="resolves", new_text=s["change_text"]
    )
    notes = ((hidden, s["verdict_note"]), (public_proposal, s["public_verdict_note"]))
    for proposal, note in notes:
        Verdict.objects.create(
            organisation=organisation,
            proposal=proposal,
            value=Verdict.Value.CONCERN,
            note=note,
            suggested_response=s["verdict_response"],
            updated_by=user,
        )
    Verdict.objects.create(
        organisation=organisation,
        proposal=hidden,
        change=change,
        value=Verdict.Value.CONCERN,
        note=s["verdict_note"],
        updated_by=user,
    )
    draft = make_revision(
        s["draft_label"], dt.date(2028, 10, 12), text=s["draft_text"], published=False
    )
    add_clauses(draft, [("resolves", "resolves", "operative", "9", s["draft_clause"])])
    hidden_resolution = Resolution.objects.create(
        assembly="wtsa", number="999", title=s["hidden_resolution"]
    )
    make_revision("Rev. draft", None, text=s["draft_text"], published=False, of=hidden_resolution)
    later_meeting.notes = s["meeting_note"]
    later_meeting.save()
    # A pending public proposal, so the proposals list is not empty on the public pages.
    add_public_proposals(resolution, later_meeting, 1, [apt])
    return s


@pytest.fixture
def crawl_world(sentinel_world, res75_pair) -> dict[str, str]:
    """The sentinel world with two comparable French texts, so compare pages are real."""
    return sentinel_world
