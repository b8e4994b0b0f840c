"""A flagged WTSA-24 proposal on Resolution 75 with its stored comparison.

The importer (another branch) will write ClauseChange rows from real documents; until then
these rows are written directly, shaped like the engine's output for the APT proposal (French
text, operative "décide" section, mission-expansion flags).
"""

import datetime as dt
import hashlib
from html.parser import HTMLParser

import pytest

from contributions.models import (
    ClauseChange,
    Contribution,
    Organisation,
    Proposal,
    Submission,
    Verdict,
)
from meetings.models import Group, Meeting
from resolutions.models import Resolution, Revision, Topic

HOSTILE = (
    '<script>alert("x")</script><img src=x onerror=alert(1)><a href="javascript:alert(2)">x</a>'
)


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode()).hexdigest()


def flag(category: str, severity: str, reason: str, evidence: str = "") -> dict:
    return {"category": category, "severity": severity, "reason": reason, "evidence": evidence}


RES75_CHANGES = [
    # (kind, section, section_key, operative, old_label, new_label, old, new, ops, flags)
    (
        "unchanged",
        "considérant",
        "considering",
        False,
        "a)",
        "a)",
        "les résultats du SMSI;",
        "les résultats du SMSI;",
        [[0, "les résultats du SMSI;"]],
        [],
    ),
    (
        "unchanged",
        "considérant",
        "considering",
        False,
        "b)",
        "b)",
        "le rôle de l'UIT;",
        "le rôle de l'UIT;",
        [[0, "le rôle de l'UIT;"]],
        [],
    ),
    (
        "added",
        "considérant",
        "considering",
        False,
        "",
        "g)",
        "",
        "la Résolution 214 (Bucarest, 2022) sur l'intelligence artificielle;",
        [[1, "la Résolution 214 (Bucarest, 2022) sur l'intelligence artificielle;"]],
        [
            flag(
                "emerging-tech",
                "medium",
                "New reference to artificial intelligence",
                "intelligence artificielle",
            )
        ],
    ),
    (
        "relabelled",
        "considérant",
        "considering",
        False,
        "g)",
        "i)",
        "les lignes d'action C2, C5 et C6;",
        "les lignes d'action C2, C5 et C6;",
        [[0, "les lignes d'action C2, C5 et C6;"]],
        [],
    ),
    (
        "unchanged",
        "décide",
        "decides",
        True,
        "1",
        "1",
        "de poursuivre les travaux;",
        "de poursuivre les travaux;",
        [[0, "de poursuivre les travaux;"]],
        [],
    ),
    (
        "added",
        "décide",
        "decides",
        True,
        "",
        "4",
        "",
        "de suivre les technologies émergentes et la gestion de l'Internet;",
        [[1, "de suivre les technologies émergentes et la gestion de l'Internet;"]],
        [
            flag(
                "internet-governance",
                "high",
                "Operative clause gives ITU-T a role in Internet management",
                "gestion de l'Internet",
            )
        ],
    ),
    (
        "modified",
        "charge le Groupe consultatif",
        "instructs",
        True,
        "1",
        "1",
        "d'encourager, dans le cadre de son mandat, les Recommandations;",
        "d'encourager les Recommandations sur la gestion de l'Internet;",
        [
            [0, "d'encourager"],
            [-1, ", dans le cadre de son mandat,"],
            [0, " les Recommandations"],
            [1, " sur la gestion de l'Internet"],
            [0, ";"],
        ],
        [
            flag(
                "internet-governance",
                "high",
                "Limiting words deleted: 'dans le cadre de son mandat'",
                "dans le cadre de son mandat",
            ),
            flag(
                "internet-standards",
                "medium",
                "Recommendations on Internet management",
                "gestion de l'Internet",
            ),
        ],
    ),
]


def add_changes(proposal: Proposal, rows=RES75_CHANGES) -> list[ClauseChange]:
    severities = {"": 0, "low": 1, "medium": 2, "high": 3}
    changes = []
    for order, row in enumerate(rows):
        kind, section, key, operative, old_label, new_label, old, new, ops, flags = row
        highest = max((f["severity"] for f in flags), key=severities.get, default="")
        changes.append(
            ClauseChange.objects.create(
                proposal=proposal,
                order=order,
                kind=kind,
                section=section,
                section_key=key,
                operative=operative,
                old_label=old_label,
                new_label=new_label,
                old_text=old,
                new_text=new,
                ops=ops,
                flags=flags,
                highest_severity=highest,
                fingerprint=_fingerprint(str(proposal.resolution_id), key, old, new),
            )
        )
    top = max((c.highest_severity for c in changes), key=severities.get, default="")
    proposal.highest_severity = top
    proposal.score = sum(severities[c.highest_severity] for c in changes)
    proposal.save()
    return changes


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # These tests create many users; PBKDF2's deliberate slowness buys nothing here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def topic(db) -> Topic:
    return Topic.objects.create(slug="wsis", name="WSIS")


@pytest.fixture
def res75(resolution, topic) -> Resolution:
    resolution.topics.add(topic)
    return resolution


@pytest.fixture
def flagged_proposal(public_proposal, res75) -> Proposal:
    add_changes(public_proposal)
    return public_proposal


@pytest.fixture
def flagged_changes(flagged_proposal) -> list[ClauseChange]:
    return list(flagged_proposal.changes.all())


@pytest.fixture
def second_proposal(wtsa24, cept, res75, revision) -> Proposal:
    """CEPT proposes the same 'décide 4' as APT, and changes the TSAG clause differently."""
    contribution = Contribution.objects.create(
        meeting=wtsa24, number="40-Add.5", title="CEPT proposals", visibility="public"
    )
    Submission.objects.create(contribution=contribution, group=cept)
    proposal = Proposal.objects.create(
        contribution=contribution,
        action="MOD",
        resolution=res75,
        base_revision=revision,
        identifier="ECP/40A5/1",
    )
    same, tsag = RES75_CHANGES[5], RES75_CHANGES[6]
    other_tsag = (
        *tsag[:7],
        "d'encourager, dans le cadre de son mandat, les Recommandations pertinentes;",
        [
            [0, "d'encourager, dans le cadre de son mandat, les Recommandations"],
            [1, " pertinentes"],
            [0, ";"],
        ],
        [],
    )
    add_changes(proposal, [same, other_tsag])
    return proposal


@pytest.fixture
def other_organisation(db, django_user_model) -> Organisation:
    org = Organisation.objects.create(name="Rival Policy Institute")
    user = django_user_model.objects.create_user(username="olga", password="x" * 20)
    org.members.add(user)
    return org


@pytest.fixture
def other_verdict(other_organisation, flagged_proposal) -> Verdict:
    return Verdict.objects.create(
        organisation=other_organisation,
        proposal=flagged_proposal,
        value="support",
        note="SECRET-RIVAL-NOTE we back this",
        suggested_response="RIVAL-RESPONSE",
    )


@pytest.fixture
def hostile_proposal(wtsa24, apt, res75, revision) -> Proposal:
    """Imported text is hostile: markup, event handlers, javascript: URLs, formula starts."""
    contribution = Contribution.objects.create(
        meeting=wtsa24,
        number='=HYPERLINK("http://evil")',
        title=HOSTILE,
        visibility="public",
        abstract=HOSTILE,
    )
    Submission.objects.create(contribution=contribution, group=apt)
    res = Resolution.objects.create(assembly="wtsa", number="99", title="@SUM(1+1) " + HOSTILE)
    Revision.objects.create(resolution=res, label="Rev. " + HOSTILE, text=HOSTILE, language="en")
    proposal = Proposal.objects.create(
        contribution=contribution,
        action="MOD",
        resolution=res,
        identifier="-2+3",
    )
    add_changes(
        proposal,
        [
            (
                "added",
                "decides " + HOSTILE,
                "decides",
                True,
                "",
                "1",
                "",
                HOSTILE,
                [[1, HOSTILE]],
                [flag("internet-governance", "high", "reason " + HOSTILE, HOSTILE)],
            )
        ],
    )
    return proposal


@pytest.fixture
def upcoming_meeting(db) -> Meeting:
    return Meeting.objects.create(
        acronym="PP-26",
        name="Plenipotentiary Conference",
        kind=Meeting.Kind.PP,
        start_date=dt.date(2026, 11, 30),
        end_date=dt.date(2026, 12, 18),
        place="Doha",
        contribution_deadline=dt.date(2026, 11, 2),
    )


@pytest.fixture
def make_proposals(wtsa24, res75, revision):
    """n more flagged proposals by n different groups, each with its own stored comparison."""

    def make(n: int) -> list[Proposal]:
        made = []
        for i in range(n):
            group = Group.objects.create(code=f"G{i}", name=f"Member state {i}")
            contribution = Contribution.objects.create(
                meeting=wtsa24, number=f"5{i}-Add.1", title=f"Proposals {i}", visibility="public"
            )
            Submission.objects.create(contribution=contribution, group=group)
            proposal = Proposal.objects.create(
                contribution=contribution, action="MOD", resolution=res75, base_revision=revision
            )
            add_changes(proposal)
            made.append(proposal)
        return made

    return make


class _TagCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def assert_inert(html: str) -> None:
    """No markup from documents survived as markup: the parsed page has only our own script,
    no event-handler attribute, no javascript: URL, no inline style."""
    parser = _TagCollector()
    parser.feed(html)
    for tag, attrs in parser.tags:
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/js/"), attrs
        assert not [name for name in attrs if name.startswith("on")], (tag, attrs)
        assert "style" not in attrs, (tag, attrs)
        for name in ("href", "src", "action", "formaction"):
            value = (attrs.get(name) or "").strip().lower()
            assert not value.startswith("javascript:"), (tag, attrs)


@pytest.fixture
def read_only_user(django_user_model, organisation):
    """May open the workspace (view permissions) but neither judge nor watch."""
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="reader", password="x" * 20)
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_proposal", "view_contribution"])
    )
    organisation.members.add(user)
    return user
