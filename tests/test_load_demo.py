"""`load_demo` loads the seed data, and loading it again writes nothing, not even history."""

import io

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from contributions.models import Contribution, Proposal
from meetings import demo
from meetings.demo import load_demo
from meetings.models import Group, Meeting
from resolutions.models import Clause, Resolution, Revision
from resolutions.text import ParseError

pytestmark = pytest.mark.django_db

PP18_FILES = 43


@pytest.fixture
def debug(settings):
    # Demo accounts are only created on a development setup.
    settings.DEBUG = True


def run() -> tuple[dict[str, int], str]:
    out = io.StringIO()
    counts = load_demo(stdout=out)
    return counts, out.getvalue()


def snapshot() -> dict[str, int]:
    """Row counts of every model of the project, and of their history tables."""
    counts = {}
    for model in apps.get_models():
        if model._meta.app_label in {"meetings", "resolutions", "contributions", "auth"}:
            counts[model._meta.label] = model._default_manager.count()
    return counts


def test_it_loads_groups_meetings_and_contributions(debug):
    run()
    assert Group.objects.count() == 27
    assert Meeting.objects.filter(kind=Meeting.Kind.REGIONAL).count() == 7
    assert set(Meeting.objects.values_list("acronym", flat=True)) >= {
        "WTSA-24",
        "WTSA-20",
        "PP-22",
        "C23",
    }
    wtsa24 = Meeting.objects.get(acronym="WTSA-24")
    assert str(wtsa24.contribution_deadline) == "2024-09-16"
    assert Meeting.objects.get(acronym="APT-WTSA24-5").organiser.origin_code == "ACP"
    assert Contribution.objects.filter(meeting__acronym="C23").count() == 15
    c23_66 = Contribution.objects.get(meeting__acronym="C23", number="C23/66")
    assert set(c23_66.submitters.values_list("code", flat=True)) == {"AUS", "CAN", "USA"}
    assert Contribution.objects.get(number="C23/74").cosponsor_count == 43


def test_it_loads_res75_and_its_mod_proposal(debug):
    run()
    res75 = Resolution.objects.get(assembly="wtsa", number="75")
    labels = list(res75.revisions.order_by("adopted_on").values_list("label", flat=True))
    assert labels == [
        "Johannesburg, 2008",
        "Rev. Dubai, 2012",
        "Rev. Hammamet, 2016",
        "Rev. Geneva, 2022",
    ]
    geneva = res75.revisions.get(label="Rev. Geneva, 2022")
    assert geneva.text.startswith("RÉSOLUTION 75 (Rév. Genève, 2022)")
    assert geneva.meeting.acronym == "WTSA-20"
    proposal = Proposal.objects.get(contribution__meeting__acronym="WTSA-24")
    assert proposal.action == Proposal.Action.MOD
    assert proposal.base_revision == geneva
    assert proposal.proposed_text.startswith("RÉSOLUTION 75 (Rév. New Delhi, 2024)")


def test_it_loads_the_pp18_resolutions_with_their_own_labels(debug):
    run()
    pp = Resolution.objects.filter(assembly="pp")
    assert pp.count() == PP18_FILES
    assert Revision.objects.filter(resolution__assembly="pp").count() == PP18_FILES
    assert pp.get(number="11").title == "ITU Telecom events"
    assert pp.get(number="123").title.startswith(
        "Bridging the standardization gap between developing and"
    )
    assert pp.get(number="11").revisions.get().label == "Rev. Dubai, 2018"
    assert pp.get(number="213").revisions.get().label == "Dubai, 2018"


def test_clauses_come_from_the_parser_with_their_nesting(debug):
    run()
    geneva = Revision.objects.get(resolution__number="75", label="Rev. Geneva, 2022")
    assert geneva.parse_warning == ""
    operative = geneva.clauses.filter(kind=Clause.Kind.OPERATIVE)
    assert operative.get(anchor="resolves-4").text.startswith("que les commissions d'études")
    nested = geneva.clauses.get(anchor="considering-e-i")
    assert (nested.depth, nested.parent.anchor, nested.label) == (1, "considering-e", "i)")
    assert not Revision.objects.exclude(text="").filter(clauses__isnull=True).exists()
    for revision in Revision.objects.exclude(text=""):
        anchors = list(revision.clauses.values_list("anchor", flat=True))
        assert len(anchors) == len(set(anchors)), revision


def test_a_parse_failure_is_a_warning_not_a_crash(debug, monkeypatch):
    real_parse = demo.parse

    def parse(text, lang=None):
        if text.startswith("RESOLUTION 11 "):
            raise ParseError("no operative section found")
        return real_parse(text, lang)

    monkeypatch.setattr(demo, "parse", parse)
    _, output = run()
    telecom = Revision.objects.get(resolution__assembly="pp", resolution__number="11")
    assert telecom.parse_warning == "ParseError: no operative section found"
    assert not telecom.clauses.exists()
    assert "warning: Plenipotentiary Conference Resolution 11" in output
    before = snapshot()
    counts, _ = run()
    assert snapshot() == before
    assert set(counts.values()) == {0}


def test_a_re_run_restores_an_edited_text_and_rebuilds_its_clauses(debug):
    run()
    revision = Revision.objects.get(resolution__assembly="pp", resolution__number="11")
    clauses = revision.clauses.count()
    revision.text = revision.text.replace("ITU Telecom events", "edited", 1)
    revision.save()
    revision.clauses.filter(order__gte=clauses // 2).delete()
    counts, _ = run()
    revision.refresh_from_db()
    assert "edited" not in revision.text
    assert revision.clauses.count() == clauses
    assert counts["revisions"] == 1
    assert counts["clauses"] == clauses


def test_a_second_run_changes_nothing(debug):
    first, _ = run()
    before = snapshot()
    hashes = dict(get_user_model().objects.values_list("username", "password"))
    second, output = run()
    assert snapshot() == before
    assert dict(get_user_model().objects.values_list("username", "password")) == hashes
    assert all(first.values())
    assert set(second.values()) == {0}
    assert "shown once" not in output


def test_a_re_run_restores_an_edited_row_with_one_history_row(debug):
    run()
    group = Group.objects.get(code="CEPT")
    group.name = "edited by hand"
    group.save()
    history = group.history.count()
    counts, _ = run()
    group.refresh_from_db()
    assert group.name == "European Conference of Postal and Telecommunications Administrations"
    assert counts["groups"] == 1
    assert group.history.count() == history + 1
    assert group.history.latest().history_change_reason == "load_demo"


def test_demo_accounts_get_their_roles_and_a_password_printed_once(debug):
    _, output = run()
    users = get_user_model().objects
    reviewer, admin = users.get(username="reviewer"), users.get(username="admin")
    assert list(reviewer.groups.values_list("name", flat=True)) == ["Reviewer"]
    assert list(admin.groups.values_list("name", flat=True)) == ["Admin"]
    assert admin.is_superuser and not reviewer.is_staff
    line = next(line for line in output.splitlines() if line.startswith("Demo account 'reviewer'"))
    assert reviewer.check_password(line.rsplit(" ", 1)[1])


def test_no_demo_accounts_without_debug(settings):
    settings.DEBUG = False
    _, output = run()
    assert not get_user_model().objects.filter(username__in=["reviewer", "admin"]).exists()
    assert "skipped" in output
    assert Group.objects.exists()


def test_the_command_wraps_load_demo(debug):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert "written: groups 27" in out.getvalue()
