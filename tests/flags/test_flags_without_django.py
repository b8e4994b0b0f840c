"""The detector and its evaluation are pure Python: they work with Django made unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
sys.modules["django"] = None  # any "import django" now raises ImportError
from resolutions.text import compare, parse
from resolutions.text.evaluate import evaluate_dir
from resolutions.text.flags import flag_comparison
old = parse("considering\\nthat it works,\\nresolves\\nto check it.\\n")
new = parse("considering\\nthat it works,\\nresolves\\nto develop standards for IPv6.\\n")
flagged = flag_comparison(compare(old, new))
assert [f.category for item in flagged.changes for f in item.flags] == ["internet-standards"]
assert callable(evaluate_dir)
print("ok")
"""


def test_the_detector_imports_and_runs_without_django():
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
