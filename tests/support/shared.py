"""Locate ``../shared`` (the corpus every developer and CI have beside the project)."""

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]


def find_shared(*parts: str) -> Path | None:
    """``<repo>/../shared/<parts>``; a git worktree nested deeper finds it further up."""
    for ancestor in REPO_ROOT.parents:
        candidate = ancestor.joinpath("shared", *parts)
        if candidate.exists():
            return candidate
    return None


def require_shared(*parts: str) -> Path:
    """The shared path, or fail on CI (CI=true) and skip elsewhere when it is missing."""
    found = find_shared(*parts)
    if found is not None:
        return found
    message = f"../shared/{'/'.join(parts)} is missing beside the repository"
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(message)
    pytest.skip(message)
