"""The demo JSON is consistent on its own: every reference resolves, every record cites a source.

Pure data checks, no database: `load_demo` relies on these invariants.
"""

import datetime as dt
import json
from pathlib import Path

import pytest

DEMO = Path(__file__).resolve().parent.parent / "fixtures" / "demo"

GROUP_KINDS = {"regional", "member-state", "sector-member", "other"}
ORIGIN_CODES = {"ACP", "AFCP", "ARB", "ECP", "IAP", "RCC", ""}
MEETING_KINDS = {"wtsa", "pp", "council", "tsag", "regional", "other"}
ATTENDANCE = {"in-person", "virtual", "hybrid"}
FILES = ["groups", "meetings", "contributions", "proposals", "res75_revisions"]


def load(name: str) -> list[dict]:
    return json.loads((DEMO / f"{name}.json").read_text(encoding="utf-8"))


def parse_date(value: str | None) -> dt.date | None:
    return None if value is None else dt.date.fromisoformat(value)


@pytest.mark.parametrize("name", FILES)
def test_every_record_cites_a_source(name):
    records = load(name)
    assert records
    assert all(record["source"].strip() for record in records)


def test_group_codes_are_unique_and_kinds_known():
    groups = load("groups")
    codes = [g["code"] for g in groups]
    assert len(codes) == len(set(codes))
    assert {g["kind"] for g in groups} <= GROUP_KINDS
    assert {g["origin_code"] for g in groups} <= ORIGIN_CODES
    assert all(g["name"] and g["name_fr"] for g in groups)


def test_each_region_signs_with_its_origin_code():
    origin = {g["code"]: g["origin_code"] for g in load("groups")}
    assert origin["APT"] == "ACP"
    assert origin["ATU"] == "AFCP"
    assert origin["LAS"] == "ARB"
    assert origin["CEPT"] == "ECP"
    assert origin["CITEL"] == "IAP"
    assert origin["RCC"] == "RCC"


def test_meetings_have_known_organisers_and_ordered_dates():
    codes = {g["code"] for g in load("groups")}
    meetings = load("meetings")
    assert len({m["acronym"] for m in meetings}) == len(meetings)
    for meeting in meetings:
        assert meeting["kind"] in MEETING_KINDS
        assert meeting["attendance"] in ATTENDANCE
        assert meeting["organiser"] is None or meeting["organiser"] in codes
        start, end = parse_date(meeting["start_date"]), parse_date(meeting["end_date"])
        assert end is None or start <= end
        parse_date(meeting["contribution_deadline"])


def test_wtsa24_deadline_precedes_the_assembly():
    wtsa24 = next(m for m in load("meetings") if m["acronym"] == "WTSA-24")
    assert wtsa24["contribution_deadline"] == "2024-09-16"
    assert parse_date(wtsa24["contribution_deadline"]) < parse_date(wtsa24["start_date"])


def test_seven_regional_preparatory_meetings_of_2024():
    regional = [m for m in load("meetings") if m["kind"] == "regional"]
    assert len(regional) == 7
    assert all(m["start_date"].startswith("2024-") for m in regional)


def test_contributions_reference_known_meetings_and_submitters():
    codes = {g["code"] for g in load("groups")}
    acronyms = {m["acronym"] for m in load("meetings")}
    contributions = load("contributions")
    keys = [(c["meeting"], c["number"]) for c in contributions]
    assert len(keys) == len(set(keys))
    for contribution in contributions:
        assert contribution["meeting"] in acronyms
        assert set(contribution["submitters"]) <= codes
        assert contribution["visibility"] in {"public", "restricted"}
        assert contribution["abstract"].strip()
        parse_date(contribution["date"])


def test_council_2023_contributions_named_in_the_record_are_all_there():
    numbers = {c["number"] for c in load("contributions") if c["meeting"] == "C23"}
    named = {
        "C23/66",
        "C23/73",
        "C23/74",
        "C23/77",
        "C23/81",
        "C23/83",
        "C23/85",
        "C23/88",
    }
    assert named | {"C23/96", "C23/71"} <= numbers


def test_cosponsor_counts_are_the_record_s():
    counts = {c["number"]: c["cosponsor_count"] for c in load("contributions")}
    assert counts["C23/73"] == 7
    assert counts["C23/74"] == 43
    assert counts["C23/77"] == 13
    assert counts["C23/96"] == 8


def test_placeholder_numbers_are_labelled_as_such():
    for contribution in load("contributions"):
        if not contribution["submitters"]:
            assert "DEMO" in contribution["number"]
            assert "unknown" in contribution["source"]


def test_res75_history_ends_with_the_proposed_new_delhi_text():
    revisions = load("res75_revisions")
    assert [r["label_fr"] for r in revisions] == [
        "Johannesburg, 2008",
        "Dubaï, 2012",
        "Hammamet, 2016",
        "Genève, 2022",
        "New Delhi, 2024",
    ]
    assert [r["status"] for r in revisions] == ["adopted"] * 4 + ["proposed"]
    adopted_dates = [parse_date(r["date"]) for r in revisions[:4]]
    assert adopted_dates == sorted(adopted_dates)


def test_proposal_points_at_known_contribution_and_revisions():
    contributions = {(c["meeting"], c["number"]) for c in load("contributions")}
    labels = {r["label"] for r in load("res75_revisions")}
    for proposal in load("proposals"):
        assert (proposal["meeting"], proposal["contribution"]) in contributions
        assert proposal["base_revision"] in labels
        assert proposal["proposed_revision"] in labels
