"""The small named world every test can use (pytest form of healthchecks' Alice and Bob).

admin → importer → reviewer users in their roles; a meeting; a resolution with a published
revision; a public and a restricted contribution with one proposal each.
"""

import datetime as dt
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Group as AuthGroup

from contributions.models import Contribution, Organisation, Proposal
from itu_tracker.roles import ADMIN, IMPORTER, REVIEWER
from meetings.models import Group, Meeting
from resolutions.models import Resolution, Revision

REPO_ROOT = Path(__file__).resolve().parent.parent
PASSWORD = "correct horse battery staple 42"
CHROMIUM = Path("/usr/bin/chromium")
SCREENSHOTS = REPO_ROOT / "artifacts" / "screenshots"  # kept by CI as artefacts
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _user(django_user_model, username: str, role: str, **extra):
    user = django_user_model.objects.create_user(
        username=username, password=PASSWORD, email=f"{username}@example.org", **extra
    )
    user.groups.add(AuthGroup.objects.get(name=role))
    return user


@pytest.fixture
def organisation(db) -> Organisation:
    return Organisation.objects.create(name="Open Internet Watch")


@pytest.fixture
def reviewer(django_user_model, organisation):
    user = _user(django_user_model, "rita", REVIEWER)
    organisation.members.add(user)
    return user


@pytest.fixture
def importer(django_user_model, organisation):
    user = _user(django_user_model, "ivan", IMPORTER, is_staff=True)
    organisation.members.add(user)
    return user


@pytest.fixture
def admin_user(django_user_model, organisation):
    user = _user(django_user_model, "ada", ADMIN, is_staff=True, is_superuser=True)
    organisation.members.add(user)
    return user


@pytest.fixture
def apt(db) -> Group:
    return Group.objects.create(
        code="APT",
        name="Asia-Pacific Telecommunity",
        kind=Group.Kind.REGIONAL,
        origin_code="ACP",
    )


@pytest.fixture
def cept(db) -> Group:
    return Group.objects.create(
        code="CEPT",
        name="European Conference of Postal and Telecommunications Administrations",
        kind=Group.Kind.REGIONAL,
        origin_code="ECP",
    )


@pytest.fixture
def browser():
    """Debian's headless Chromium driven by Playwright (which cannot download browsers here).

    Request it LAST in a test: Playwright's sync API runs an event loop in this thread, and ORM
    calls made while it runs would get a second, never-closed database connection.
    """
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium")
        pytest.skip(f"{CHROMIUM} is not installed here")
    from playwright.sync_api import sync_playwright

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def wtsa24(db, apt) -> Meeting:
    return Meeting.objects.create(
        acronym="WTSA-24",
        name="World Telecommunication Standardization Assembly",
        kind=Meeting.Kind.WTSA,
        start_date=dt.date(2024, 10, 15),
        end_date=dt.date(2024, 10, 24),
        place="New Delhi",
        contribution_deadline=dt.date(2024, 9, 16),
    )


@pytest.fixture
def resolution(db) -> Resolution:
    return Resolution.objects.create(
        assembly="wtsa", number="75", title="Contribution of ITU-T to WSIS outcomes"
    )


@pytest.fixture
def revision(resolution) -> Revision:
    return Revision.objects.create(
        resolution=resolution,
        label="Rev. Geneva, 2022",
        adopted_on=dt.date(2022, 3, 9),
        language="en",
        text="RESOLUTION 75 (Rev. Geneva, 2022)\n…",
    )


def _contribution(meeting, number: str, visibility: str, group: Group) -> Contribution:
    contribution = Contribution.objects.create(
        meeting=meeting, number=number, title=f"Proposals {number}", visibility=visibility
    )
    contribution.submitters.add(group)
    return contribution


@pytest.fixture
def public_contribution(wtsa24, apt) -> Contribution:
    return _contribution(wtsa24, "37-Add.22", Contribution.Visibility.PUBLIC, apt)


@pytest.fixture
def restricted_contribution(wtsa24, apt) -> Contribution:
    return _contribution(wtsa24, "38-Add.1", Contribution.Visibility.RESTRICTED, apt)


@pytest.fixture
def public_proposal(public_contribution, resolution, revision) -> Proposal:
    return Proposal.objects.create(
        contribution=public_contribution,
        action=Proposal.Action.MOD,
        identifier="ACP/37A22/1",
        resolution=resolution,
        base_revision=revision,
    )
