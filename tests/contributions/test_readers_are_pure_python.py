"""The readers and the markup splitter must stay usable without Django."""

import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]

PROBE = """
import sys
sys.modules["django"] = None  # any "import django..." now raises ImportError
import contributions.markup
import contributions.readers
print(sorted(name for name in sys.modules if name.startswith("django.")))
"""


def test_it_imports_without_django():
    completed = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=REPO_ROOT, capture_output=True, text=True, check=False
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "[]"
