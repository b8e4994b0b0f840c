"""The detector over whole comparisons from the text engine, Resolution 75 first."""

from __future__ import annotations

from pathlib import Path

import pytest

from resolutions.text import compare, parse
from resolutions.text.flags import FlaggedComparison, flag_comparison

REPO = Path(__file__).resolve().parents[2]
RES75 = REPO / "fixtures" / "texts" / "res75"


@pytest.fixture(scope="module")
def res75() -> FlaggedComparison:
    old = parse((RES75 / "res75-geneva-2022.fr.txt").read_text(encoding="utf-8"))
    new = parse((RES75 / "res75-new-delhi-2024.fr.txt").read_text(encoding="utf-8"))
    return flag_comparison(compare(old, new))


def flags_of(flagged: FlaggedComparison, section: str, label: str) -> dict[str, str]:
    (item,) = [
        item
        for item in flagged.changes
        if item.change.section.startswith(section) and item.change.new_label == label
    ]
    return {flag.category: flag.severity for flag in item.flags}


def test_res75_monitoring_emerging_technologies_is_flagged_high(res75):
    assert flags_of(res75, "décide", "5") == {"emerging-tech": "high"}


def test_res75_tsag_encouraging_recommendations_on_internet_management_is_flagged_high(res75):
    assert flags_of(res75, "charge le Groupe consultatif", "1") == {"internet-governance": "high"}


def test_res75_new_considering_on_ai_is_flagged_low(res75):
    assert flags_of(res75, "considérant", "g)") == {"emerging-tech": "low"}


def test_res75_dates_relabellings_and_focus_on_wsis_action_lines_are_not_flagged(res75):
    # Every modified clause and header of this proposal is a date or session-year update.
    quiet = [item for item in res75.changes if item.change.kind in ("relabelled", "modified")]

    assert sum(item.change.kind == "relabelled" for item in quiet) == 5
    assert (
        sum(item.change.kind == "modified" and item.change.level == "clause" for item in quiet) == 4
    )
    assert sum(item.change.level == "header" for item in quiet) == 3
    assert all(item.flags == () for item in quiet)
    assert flags_of(res75, "décide", "4") == {}
    assert flags_of(res75, "charge le Groupe consultatif", "2") == {}


def test_res75_summary_counts_the_flagged_changes(res75):
    assert res75.highest == "high"
    assert res75.counts == {
        "internet-governance": 1,
        "internet-standards": 0,
        "emerging-tech": 1,
        "multistakeholder": 0,
        "human-rights": 0,
    }
    assert res75.score == sum(
        {"low": 1, "medium": 3, "high": 10}[flag.severity]
        for item in res75.changes
        for flag in item.flags
    )
    assert res75.summary() == {"score": res75.score, "highest": "high", "counts": res75.counts}


RESOLUTION = """RESOLUTION 99 (Rev. Geneva, 2022)
Test resolution
(Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
considering
a)\tthat the Internet matters;
resolves
1\tthat ITU-T shall continue its work;
{heading}
1\t{clause}
2\tto contribute to the work on IP-based networks,
"""


def flag_pair(old: dict, new: dict) -> FlaggedComparison:
    return flag_comparison(
        compare(parse(RESOLUTION.format(**old)), parse(RESOLUTION.format(**new)))
    )


def test_a_stronger_heading_over_unchanged_clauses_is_flagged():
    clause = "to study the management of domain names;"
    flagged = flag_pair(
        {"heading": "invites study groups", "clause": clause},
        {"heading": "instructs study groups", "clause": clause},
    )

    (item,) = [item for item in flagged.changes if item.flags]
    assert item.change.level == "section"
    assert {f.category for f in item.flags} == {"internet-governance", "internet-standards"}
    assert all("'invites' → 'instructs'" in f.reason for f in item.flags)
    assert item.flags[0].reason.startswith("rewords the heading 'instructs study groups'")


def test_a_clause_rewritten_under_its_label_is_judged_as_one_change():
    heading = "instructs study groups"
    flagged = flag_pair(
        {
            "heading": heading,
            "clause": "to report yearly, in cooperation with other organizations;",
        },
        {"heading": heading, "clause": "to develop Recommendations on allocating IPv6 addresses;"},
    )

    by_kind = {
        item.change.kind: item.flags
        for item in flagged.changes
        if "1" in (item.change.old_label, item.change.new_label) and item.change.section == heading
    }
    assert [f.category for f in by_kind["added"]] == ["internet-governance", "multistakeholder"]
    assert by_kind["deleted"] == ()


def test_an_empty_rule_set_flags_nothing(res75):
    flagged = flag_comparison(res75.comparison, rules=())

    assert all(item.flags == () for item in flagged.changes)
    assert flagged.score == 0
    assert flagged.highest is None


def test_the_json_form_adds_flags_to_each_change_and_a_summary(res75):
    data = res75.to_dict()

    assert len(data["changes"]) == len(res75.comparison.changes)
    assert all(isinstance(change["flags"], list) for change in data["changes"])
    flagged = [c for c in data["changes"] if c["flags"]]
    assert {"kind", "section", "operative", "ops", "flags"} <= set(flagged[0])
    assert set(flagged[0]["flags"][0]) == {"category", "severity", "reason", "evidence"}
    assert data["flag_summary"] == res75.summary()
    assert data["summary"]["added"] == 6  # the engine's own summary is kept
