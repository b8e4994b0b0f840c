"""Golden test: Resolution 75, Geneva 2022 -> New Delhi 2024, against a hand-written expectation."""

from __future__ import annotations

import json
import os
from collections import Counter
from pathlib import Path

from resolutions.text import compare, parse
from resolutions.text.serialize import to_json

GOLDEN = Path(__file__).resolve().parent / "golden"
KEYS = (
    "level", "kind", "section", "section_key", "operative", "old_path", "old_label", "new_path",
    "new_label", "relation",
)  # fmt: skip


def project(change: dict) -> dict:
    data = {key: change[key] for key in KEYS}
    data["changed"] = [[op, text] for op, text in change["ops"] if op != 0]
    return data


def test_res75_comparison_matches_the_hand_written_expectation(
    res75_old_text, res75_new_text
):
    comparison = compare(parse(res75_old_text), parse(res75_new_text))
    actual = comparison.to_dict()
    if os.environ.get("UPDATE_GOLDEN") == "1":
        (GOLDEN / "res75.actual.json").write_text(
            to_json(actual) + "\n", encoding="utf-8"
        )
    expected = json.loads((GOLDEN / "res75.expected.json").read_text(encoding="utf-8"))
    wanted = [
        {k: v for k, v in c.items() if k != "reasoning"} for c in expected["changes"]
    ]
    edits = [project(c) for c in actual["changes"] if c["kind"] != "unchanged"]
    assert edits == wanted
    unchanged = Counter(
        c["level"] for c in actual["changes"] if c["kind"] == "unchanged"
    )
    assert dict(unchanged) == expected["unchanged"]


def test_every_expected_change_explains_itself():
    expected = json.loads((GOLDEN / "res75.expected.json").read_text(encoding="utf-8"))
    assert all(len(c["reasoning"]) > 20 for c in expected["changes"])
