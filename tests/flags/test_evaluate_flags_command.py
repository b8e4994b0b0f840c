"""`manage.py evaluate_flags DIR [--json]`: a thin wrapper around evaluate_dir."""

from __future__ import annotations

import json
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

LABELLED_SET = Path(__file__).resolve().parents[1] / "data" / "flags"


def run(*args: str) -> str:
    out = StringIO()
    call_command("evaluate_flags", *args, stdout=out)
    return out.getvalue()


def test_it_prints_precision_recall_and_f1_for_the_detector_and_the_baseline():
    report = run(str(LABELLED_SET))

    assert report.splitlines()[1] == "detector:"
    assert "baseline:" in report
    assert report.count("F1=") == 12  # overall and five categories, for each system


def test_it_prints_the_full_result_as_json():
    result = json.loads(run(str(LABELLED_SET), "--json"))

    assert set(result["detector"]) == {"overall", "per_category"}
    assert result["detector"]["overall"]["f1"] >= 0.85


def test_it_takes_another_rule_set(tmp_path):
    rules = tmp_path / "rules.json"
    rules.write_text("[]", encoding="utf-8")

    result = json.loads(run(str(LABELLED_SET), "--json", "--rules", str(rules)))

    assert result["detector"]["overall"]["tp"] == 0
    assert result["baseline"]["overall"]["tp"] == 0


@pytest.mark.parametrize("args", [("no-such-dir",), (".", "--rules", "no-such-rules.json")])
def test_it_fails_with_a_command_error_on_a_bad_directory_or_rule_file(tmp_path, args):
    with pytest.raises(CommandError):
        run(*(str(tmp_path / a) if not a.startswith("-") else a for a in args))
