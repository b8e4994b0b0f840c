"""``manage.py docx_text PATH --version old|new``."""

import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tests.support.docx_builder import build_docx

PARAGRAPHS = [
    "RESOLUTION 75 (Rev. Geneva, 2022)",
    [
        ("keep", "The Assembly ("),
        ("del", "Geneva, 2022"),
        ("ins", "New Delhi, 2024"),
        ("keep", ")"),
    ],
]


def _run(*args: str) -> str:
    out = StringIO()
    call_command("docx_text", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def proposal(tmp_path):
    path = tmp_path / "proposal.docx"
    path.write_bytes(build_docx(PARAGRAPHS))
    return path


def test_it_prints_the_text_with_every_change_rejected(proposal):
    assert _run(str(proposal), "--version", "old") == (
        "RESOLUTION 75 (Rev. Geneva, 2022)\nThe Assembly (Geneva, 2022)\n"
    )


def test_it_prints_the_text_with_every_change_accepted(proposal):
    assert _run(str(proposal), "--version=new") == (
        "RESOLUTION 75 (Rev. Geneva, 2022)\nThe Assembly (New Delhi, 2024)\n"
    )


def test_it_accepts_every_change_by_default(proposal):
    assert _run(str(proposal)).endswith("(New Delhi, 2024)\n")


def test_it_fails_with_one_line_naming_the_file_and_the_problem(tmp_path):
    path = tmp_path / "not-word.docx"
    path.write_bytes(b"plain text")

    with pytest.raises(CommandError) as caught:
        _run(str(path), "--version", "old")

    assert str(caught.value) == f"{path}: not a zip archive"


def test_it_fails_on_a_missing_file(tmp_path):
    with pytest.raises(CommandError, match=r"missing\.docx: cannot read the file"):
        _run(str(tmp_path / "missing.docx"))


def test_it_refuses_an_unknown_version(proposal):
    with pytest.raises(CommandError, match="invalid choice: 'accepted'"):
        _run(str(proposal), "--version", "accepted")


def test_from_the_command_line_a_bad_file_exits_non_zero_with_one_line(tmp_path):
    path = tmp_path / "scan.docx"
    path.write_bytes(b"%PDF-1.4\n")
    manage = Path(__file__).resolve().parents[2] / "manage.py"

    completed = subprocess.run(
        [sys.executable, str(manage), "docx_text", str(path), "--version", "old"],
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == 1
    assert completed.stderr.strip() == f"CommandError: {path}: not a zip archive"
