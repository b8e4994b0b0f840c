"""The engine is pure Python: it imports and works with Django made unavailable."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import sys
sys.modules["django"] = None  # any "import django" now raises ImportError
from resolutions.text import parse, compare
from resolutions.text import cli
doc = parse("considering\\nthat it works,\\nresolves\\nto check it.\\n")
assert doc.sections[-1].key == "resolves"
assert compare(doc, doc).edits == ()
assert not any(name == "django" or name.startswith("django.") for name in sys.modules
               if sys.modules[name] is not None)
print("ok")
"""


def test_resolutions_text_imports_without_django():
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
