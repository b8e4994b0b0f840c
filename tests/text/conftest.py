"""Fixtures of the text engine tests: no database, no Django."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DATA = REPO_ROOT / "tests" / "data" / "text"
RES75 = REPO_ROOT / "fixtures" / "texts" / "res75"


@pytest.fixture(scope="session")
def res75_old_text() -> str:
    return (RES75 / "res75-geneva-2022.fr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def res75_new_text() -> str:
    return (RES75 / "res75-new-delhi-2024.fr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_excerpt() -> str:
    return (DATA / "res75-seed001-excerpt.fr.txt").read_text(encoding="utf-8")
