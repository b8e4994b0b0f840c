"""Changes built by hand, shaped like the engine's ``Change``, to test each signal alone."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

from resolutions.text.rules import Rule, load_default_rules

OPERATIVE_WORDS = (
    "resolve",
    "decide",
    "décide",
    "instruct",
    "charge",
    "invite",
    "resuelve",
    "encarga",
)


@dataclass(frozen=True)
class HandChange:
    kind: str
    section: str
    section_key: str
    operative: bool
    old_label: str | None
    new_label: str | None
    old_text: str | None
    new_text: str | None
    ops: tuple[tuple[int, str], ...] = ()
    relation: str | None = None
    old_path: tuple[str, ...] = ()
    new_path: tuple[str, ...] = ()


def _kind(old: str | None, new: str | None) -> str:
    if old is None:
        return "added"
    if new is None:
        return "deleted"
    return "unchanged" if old == new else "modified"


@pytest.fixture(scope="session")
def rules() -> tuple[Rule, ...]:
    return load_default_rules()


@pytest.fixture
def change() -> Callable[..., HandChange]:
    """change(section, old, new, kind=None, label="1"): ops are left to the detector's word diff."""

    def build(
        section: str, old: str | None, new: str | None, *, kind: str | None = None, label="1"
    ) -> HandChange:
        operative = section.lower().startswith(OPERATIVE_WORDS)
        return HandChange(
            kind=kind or _kind(old, new),
            section=section,
            section_key=section.split()[0].lower(),
            operative=operative,
            old_label=None if old is None else label,
            new_label=None if new is None else label,
            old_text=old,
            new_text=new,
        )

    return build
