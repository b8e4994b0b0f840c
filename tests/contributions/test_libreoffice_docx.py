"""A Word file saved by LibreOffice with real tracked changes (see tests/data/docx/README.md)."""

from contributions.readers import docx_text, read_document
from resolutions.text import compare, parse
from tests.conftest import REPO_ROOT

DOCX = REPO_ROOT / "tests" / "data" / "docx" / "res75-seed001.libreoffice.docx"
RES75 = REPO_ROOT / "fixtures" / "texts" / "res75"


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_accepting_every_change_gives_the_proposed_text():
    new = docx_text(DOCX.read_bytes(), "new")
    expected = (RES75 / "res75-new-delhi-2024.fr.txt").read_text("utf-8")
    assert _lines(expected) == [line for line in _lines(new) if line in expected]
    assert "RÉSOLUTION 75 (Rév. New Delhi, 2024)" in new


def test_rejecting_every_change_gives_the_text_in_force_with_libreoffices_joined_paragraphs():
    old = docx_text(DOCX.read_bytes(), "old")
    expected = (RES75 / "res75-geneva-2022.fr.txt").read_text("utf-8")
    assert "".join(old.split()).find("".join(expected.split())[:2000]) >= 0
    # LibreOffice marked the mark before the inserted items j) and k) as inserted: rejecting
    # joins "… tenue en 2015," with the next surviving paragraph, exactly as Word would.
    assert "tenue en 2015,considérant en outre" in old


def test_it_imports_as_a_proposal_that_compares_like_the_two_fixture_texts():
    result = read_document(DOCX.read_bytes(), DOCX.name)
    assert result.kind == "docx" and result.old_text and result.new_text
    changes = compare(parse(result.old_text.split("Motifs")[0]), parse(result.new_text)).edits
    added = {(c.section, c.new_label) for c in changes if c.kind == "added"}
    assert ("décide", "5") in added
