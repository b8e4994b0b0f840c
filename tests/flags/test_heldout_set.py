"""Format checks for the held-out labelled set in tests/data/flags-heldout.

The held-out set measures the detector on texts it was not tuned on, so it keeps the
same contract as the first set (issue 5) and is checked by the same functions.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.flags.test_labelled_set import (
    check_changed_clauses_labelled,
    check_entries,
    check_every_category_has_positives,
    check_files,
    check_labelled_clauses_exist,
    check_layout,
    check_positive_share,
    check_size,
    pair_names,
)

HELDOUT_DIR = Path(__file__).resolve().parents[1] / "data" / "flags-heldout"
NAMES = pair_names(HELDOUT_DIR)


def test_the_heldout_set_has_its_three_files_per_pair_and_a_readme() -> None:
    check_files(HELDOUT_DIR)


@pytest.mark.parametrize("name", NAMES)
def test_heldout_texts_follow_the_layout_and_labels_are_unique(name: str) -> None:
    check_layout(HELDOUT_DIR, name)


@pytest.mark.parametrize("name", NAMES)
def test_heldout_label_entries_have_valid_fields_and_values(name: str) -> None:
    check_entries(HELDOUT_DIR, name)


@pytest.mark.parametrize("name", NAMES)
def test_each_heldout_labelled_clause_exists_in_its_text(name: str) -> None:
    check_labelled_clauses_exist(HELDOUT_DIR, name)


@pytest.mark.parametrize("name", NAMES)
def test_every_changed_heldout_clause_carries_a_label(name: str) -> None:
    check_changed_clauses_labelled(HELDOUT_DIR, name)


def test_the_heldout_set_is_large_enough_in_each_language_with_both_classes() -> None:
    check_size(HELDOUT_DIR, total=45, per_language=12)


def test_heldout_positives_are_35_to_50_percent_so_precision_is_tested() -> None:
    check_positive_share(HELDOUT_DIR, 0.35, 0.5)


def test_every_category_has_heldout_positives() -> None:
    check_every_category_has_positives(HELDOUT_DIR)
