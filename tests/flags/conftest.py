"""Engine ``Change`` objects built by hand, to test each signal of the detector alone."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from resolutions.text import Change
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
def change() -> Callable[..., Change]:
    """change(section, old, new, kind=None, label="1"): ops are left to the detector's word diff."""

    def build(
        section: str, old: str | None, new: str | None, *, kind: str | None = None, label="1"
    ) -> Change:
        operative = section.lower().startswith(OPERATIVE_WORDS)
        return Change(
            kind=kind or _kind(old, new),
            section=section,
            section_key=section.split()[0].lower(),
            operative=operative,
            old_label=None if old is None else label,
            new_label=None if new is None else label,
            old_text=old,
            new_text=new,
            ops=(),  # the detector diffs the two texts word by word itself
        )

    return build
