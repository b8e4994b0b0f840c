"""The pure functions behind the management commands: their JSON shapes are a contract."""

from __future__ import annotations

import json

from resolutions.text.cli import (
    compare_json,
    compare_texts,
    parse_json,
    parse_report,
    text_report,
)


def test_parse_json_has_the_contract_shape(res75_new_text):
    data = parse_json(res75_new_text, "fr")
    assert {"title", "number", "history", "sections"} <= set(data)
    assert data["number"] == "75"
    first = data["sections"][0]
    assert {"heading", "kind", "clauses"} <= set(first)
    assert first["kind"] == "preambular"
    clause = first["clauses"][4]
    assert {"label", "text", "children"} <= set(clause)
    assert [c["label"] for c in clause["children"]][:2] == ["i)", "ii)"]
    assert {s["kind"] for s in data["sections"]} == {"preambular", "operative"}
    json.dumps(data)  # plain data all the way down


def test_compare_json_has_the_contract_shape(res75_old_text, res75_new_text):
    data = compare_json(res75_old_text, res75_new_text)
    required = {
        "kind",
        "section",
        "operative",
        "old_label",
        "new_label",
        "old_text",
        "new_text",
    }
    for change in data["changes"]:
        assert required | {"ops"} <= set(change)
        assert all(
            op in (-1, 0, 1) and isinstance(text, str) for op, text in change["ops"]
        )
    added = [
        c for c in data["changes"] if c["kind"] == "added" and c["level"] == "clause"
    ]
    assert [c["new_label"] for c in added if c["operative"]] == ["4", "5", "1", "2"]
    assert data["summary"]["added"] == 6
    json.dumps(data)


def test_text_report_is_readable_and_colour_free(res75_old_text, res75_new_text):
    report = text_report(compare_texts(res75_old_text, res75_new_text))
    assert "\x1b[" not in report
    assert report.startswith("Old: RÉSOLUTION 75 (Rév. Genève, 2022)\n")
    assert "[-2019-]{+2023+}" in report
    assert "RELABELLED: décide [operative] 4 → 6" in report
    assert "ADDED: section 'charge le Groupe consultatif" in report


def test_parse_report_shows_the_structure(res75_old_text):
    report = parse_report(res75_old_text)
    assert "## décide (operative)" in report
    assert "        i) la Résolution 71" in report
    assert "[footnote] Les pays en développement" in report
