"""The management commands: JSON on stdout, errors on stderr through CommandError (no database)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

RES75 = Path(__file__).resolve().parents[2] / "fixtures" / "texts" / "res75"
OLD = str(RES75 / "res75-geneva-2022.fr.txt")
NEW = str(RES75 / "res75-new-delhi-2024.fr.txt")


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_parse_resolution_prints_the_structure_as_json():
    out, _ = run("parse_resolution", NEW, "--lang", "fr", "--format", "json")
    data = json.loads(out)
    assert data["number"] == "75"
    assert data["sections"][7]["heading"] == "décide"
    assert data["sections"][7]["kind"] == "operative"
    assert [c["label"] for c in data["sections"][7]["clauses"]] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
    ]


def test_parse_resolution_text_format():
    out, _ = run("parse_resolution", OLD, "--format", "text")
    assert out.startswith("RÉSOLUTION 75 (Rév. Genève, 2022)\n")
    assert "## décide (operative)" in out


def test_compare_texts_prints_the_changes_as_json():
    out, _ = run("compare_texts", OLD, NEW, "--format", "json")
    data = json.loads(out)
    kinds = {(c["kind"], c["old_label"], c["new_label"]) for c in data["changes"]}
    assert ("relabelled", "4", "6") in kinds
    assert ("added", None, "5") in kinds
    modified = [
        c for c in data["changes"] if c["kind"] == "modified" and c["level"] == "clause"
    ]
    assert [op for op in modified[0]["ops"] if op[0]] == [[-1, "2019"], [1, "2023"]]


def test_compare_texts_text_report():
    out, _ = run("compare_texts", OLD, NEW, "--lang", "fr", "--format", "text")
    assert "[-2019-]{+2023+}" in out
    assert "\x1b[" not in out


def test_compare_texts_accepts_flags():
    out, err = run("compare_texts", OLD, NEW, "--flags")
    data = json.loads(out)
    assert data["changes"]
    # the flags module is written elsewhere: either its result is included or stderr says why not
    assert "flags" in data or "not available" in err


def test_a_missing_file_is_a_command_error():
    with pytest.raises(CommandError, match="no such file"):
        run("parse_resolution", str(RES75 / "nope.txt"))


def test_a_text_that_is_not_a_resolution_is_a_command_error(tmp_path):
    path = tmp_path / "prose.txt"
    path.write_text(
        "Article 1\nThe purposes of the Union are many.\n", encoding="utf-8"
    )
    with pytest.raises(CommandError, match="no resolution headings found"):
        run("compare_texts", str(path), NEW)
    with pytest.raises(CommandError, match="empty text"):
        empty = tmp_path / "empty.txt"
        empty.write_text("", encoding="utf-8")
        run("parse_resolution", str(empty))
