"""The text engine and the detector are pure Python: they work with Django made unavailable."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.conftest import REPO_ROOT

NO_DJANGO = """
import sys
sys.modules["django"] = None  # any "import django" now raises ImportError
"""
ENGINE = """
from resolutions.text import parse, compare
from resolutions.text import cli
doc = parse("considering\\nthat it works,\\nresolves\\nto check it.\\n")
assert doc.sections[-1].key == "resolves"
assert compare(doc, doc).edits == ()
"""
DETECTOR = """
from resolutions.text import compare, parse
from resolutions.text.evaluate import evaluate_dir
from resolutions.text.flags import flag_comparison
old = parse("considering\\nthat it works,\\nresolves\\nto check it.\\n")
new = parse("considering\\nthat it works,\\nresolves\\nto develop standards for IPv6.\\n")
flagged = flag_comparison(compare(old, new))
assert [f.category for item in flagged.changes for f in item.flags] == ["internet-standards"]
assert callable(evaluate_dir)
"""
NOTHING_LOADED = """
assert not any(name == "django" or name.startswith("django.") for name in sys.modules
               if sys.modules[name] is not None)
print("ok")
"""


@pytest.mark.parametrize("part", [ENGINE, DETECTOR], ids=["engine", "detector"])
def test_it_imports_and_runs_without_django(part):
    result = subprocess.run(
        [sys.executable, "-c", NO_DJANGO + part + NOTHING_LOADED],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
