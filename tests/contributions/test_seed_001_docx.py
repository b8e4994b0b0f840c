"""Seed 001, the MOD proposal of Resolution 75, as a Word file with real tracked changes.

The seed itself is a flattened text ("Genève, 2022New Delhi, 2024"); the engine's fixtures hold
its two sides. A .docx built from their paragraph-by-paragraph, word-level diff must read back
as exactly those two texts, and split into one MOD proposal of Resolution 75 (Rév. Genève, 2022).
"""

from pathlib import Path

import pytest

from contributions.markup import split_proposals
from contributions.readers import docx_text, read_document
from tests.support.docx_builder import build_docx, paragraphs_from_diff, seed_001_docx

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "texts" / "res75"
GENEVA = (FIXTURES / "res75-geneva-2022.fr.txt").read_text("utf-8")
NEW_DELHI = (FIXTURES / "res75-new-delhi-2024.fr.txt").read_text("utf-8")


@pytest.fixture(scope="module")
def paragraphs():
    return paragraphs_from_diff(GENEVA, NEW_DELHI)


def test_the_document_carries_its_changes_as_revisions(paragraphs):
    changed = [runs for runs in paragraphs if any(op != "keep" for op, _ in runs)]

    assert len(changed) >= 15  # title, assembly line, relabelled items, new items…


def test_rejecting_all_changes_gives_the_geneva_text(paragraphs):
    assert docx_text(build_docx(paragraphs), "old") == GENEVA


def test_accepting_all_changes_gives_the_new_delhi_text(paragraphs):
    assert docx_text(build_docx(paragraphs), "new") == NEW_DELHI


def test_underline_and_strikethrough_give_the_same_two_texts(paragraphs):
    result = read_document(build_docx(paragraphs, marking="formatting"), "seed-001.docx")

    assert (result.old_text, result.new_text) == (GENEVA, NEW_DELHI)


def test_the_proposal_document_splits_into_one_mod_of_resolution_75():
    result = read_document(seed_001_docx(), "seed-001.docx")

    (proposal,) = split_proposals(result.new_text, result.old_text)

    assert (proposal.action, proposal.identifier, proposal.resolution_number) == (
        "MOD",
        "ACP/37A22/1",
        "75",
    )
    assert proposal.base_label == "Rév. Genève, 2022"
    assert proposal.old_text == GENEVA.strip()
    assert proposal.new_text == NEW_DELHI.strip()
    assert proposal.reasons.startswith("Faire porter l'action")
