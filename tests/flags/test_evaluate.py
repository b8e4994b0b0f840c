"""Measured accuracy: the detector against the labelled set, next to a keyword baseline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resolutions.text.evaluate import evaluate_dir, format_report

LABELLED_SET = Path(__file__).resolve().parents[1] / "data" / "flags"

OLD = """RESOLUTION 99 (Rev. Geneva, 2022)
Test resolution
(Geneva, 2022)
The World Telecommunication Standardization Assembly (Geneva, 2022),
considering
a)\tthat the Internet matters;
resolves
1\tthat ITU-T shall continue its work on ICTs, taking into account the WSIS Forum 2021;
2\tthat ITU-T shall cooperate with developing countries,
"""
NEW = """RESOLUTION 99 (Rev. New Delhi, 2024)
Test resolution
(Geneva, 2022; New Delhi, 2024)
The World Telecommunication Standardization Assembly (New Delhi, 2024),
considering
a)\tthat the Internet matters;
resolves
1\tthat ITU-T shall continue its work on ICTs, taking into account the WSIS Forum 2025;
2\tthat ITU-T shall cooperate with developing countries;
3\tthat ITU-T shall develop Recommendations on the management of domain names;
4\tthat ITU-T shall study artificial intelligence,
"""
LABELS = [
    {
        "section": "resolves",
        "label": "1",
        "expands_mandate": False,
        "category": None,
        "why": "date",
    },
    {
        "section": "Resolves",
        "label": "3)",
        "expands_mandate": True,
        "category": "internet-governance",
        "why": "new task on domain names",
    },
    {
        "section": "resolves",
        "label": "9",
        "expands_mandate": True,
        "category": "human-rights",
        "why": "a clause the texts do not have",
    },
]


@pytest.fixture
def small_set(tmp_path: Path) -> Path:
    (tmp_path / "case.old.txt").write_text(OLD, encoding="utf-8")
    (tmp_path / "case.new.txt").write_text(NEW, encoding="utf-8")
    (tmp_path / "case.labels.json").write_text(json.dumps(LABELS), encoding="utf-8")
    return tmp_path


def test_the_detector_reaches_f1_085_on_the_labelled_set_and_beats_the_baseline(rules):
    result = evaluate_dir(LABELLED_SET, rules)

    detector, baseline = result["detector"]["overall"], result["baseline"]["overall"]
    assert result["positives"] >= 20
    assert detector["f1"] >= 0.85
    assert detector["f1"] > baseline["f1"]
    assert detector["precision"] > baseline["precision"]


def test_it_counts_unlabelled_flags_as_false_positives_and_missing_clauses_as_misses(
    small_set, rules
):
    result = evaluate_dir(small_set, rules)

    # resolves 3: labelled and flagged (tp); resolves 4: flagged but unlabelled (fp);
    # resolves 9: a labelled expansion no change matches (fn); resolves 1: a date (tn).
    assert result["detector"]["overall"] == {
        "tp": 1,
        "fp": 1,
        "fn": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }
    assert result["detector"]["per_category"]["internet-governance"]["tp"] == 1
    assert result["detector"]["per_category"]["emerging-tech"]["fp"] == 1
    assert result["detector"]["per_category"]["human-rights"]["fn"] == 1
    assert [x["label"] for x in result["unmatched_labels"]] == ["9"]


def test_the_baseline_flags_any_indicator_in_a_changed_clause(small_set, rules):
    result = evaluate_dir(small_set, rules)

    # resolves 2 changes only its final punctuation but says "cooperate with": the baseline
    # flags it with resolves 4, the detector does not.
    assert result["baseline"]["overall"]["tp"] == 1
    assert result["baseline"]["overall"]["fp"] == 2
    assert result["detector"]["overall"]["fp"] == 1


def test_the_report_prints_both_systems_per_category(small_set, rules):
    report = format_report(evaluate_dir(small_set, rules))

    assert "detector:" in report and "baseline:" in report
    assert "  overall                P=0.50 R=0.50 F1=0.50  (tp=1 fp=1 fn=1)" in report
    assert report.count("internet-governance") == 2
    assert "unmatched label: case 'resolves' 9 (expands_mandate=true)" in report


@pytest.mark.parametrize(
    ("setup", "message"),
    [
        (lambda d: d / "missing", "is not a directory"),
        (lambda d: d, "holds no NAME.labels.json"),
        (lambda d: (d / "a.labels.json").write_text("[]") and d, "has no a.old.txt"),
        (
            lambda d: (
                [(d / f"a.{part}.txt").write_text(OLD) for part in ("old", "new")]
                and (d / "a.labels.json").write_text('[{"section": "resolves"}]')
                and d
            ),
            "label 1 lacks label, expands_mandate, category",
        ),
    ],
)
def test_a_bad_directory_is_refused_with_a_clear_message(tmp_path, rules, setup, message):
    with pytest.raises(ValueError, match=message):
        evaluate_dir(setup(tmp_path), rules)
