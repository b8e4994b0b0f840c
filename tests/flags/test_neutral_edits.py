"""Property: edits that change no substance (years, punctuation, labels) never raise a flag."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.text import Change, parse
from resolutions.text.flags import flag_change
from resolutions.text.rules import load_default_rules

LABELLED_SET = Path(__file__).resolve().parents[1] / "data" / "flags"
RULES = load_default_rules()


def _clauses() -> list[tuple[str, str, bool, str]]:
    found = []
    for path in sorted(LABELLED_SET.glob("*.new.txt")):
        doc = parse(path.read_text(encoding="utf-8"))
        for section in doc.sections:
            for clause in section.clauses:
                found.append((doc.lang, section.heading, section.operative, clause.text))
    return found


CLAUSES = _clauses()


def _modified(clause: tuple[str, str, bool, str], new_text: str) -> Change:
    lang, heading, operative, text = clause
    return Change("modified", heading, "", operative, "1", "1", text, new_text, ())


@settings(max_examples=150, deadline=None)
@given(clause=st.sampled_from(CLAUSES), year=st.integers(1990, 2040))
def test_changing_the_years_of_a_clause_never_flags_it(clause, year):
    new_text = re.sub(r"\b(19|20)\d\d\b", str(year), clause[3])

    assert flag_change(_modified(clause, new_text), RULES, lang=clause[0]) == ()


@settings(max_examples=150, deadline=None)
@given(clause=st.sampled_from(CLAUSES), end=st.sampled_from([";", ",", ".", ":", ""]))
def test_changing_the_final_punctuation_never_flags_it(clause, end):
    new_text = clause[3].rstrip(";,.: ") + end

    assert flag_change(_modified(clause, new_text), RULES, lang=clause[0]) == ()


@settings(max_examples=50, deadline=None)
@given(clause=st.sampled_from(CLAUSES))
def test_relabelling_or_moving_a_clause_never_flags_it(clause):
    lang, heading, operative, text = clause
    for kind in ("relabelled", "moved", "unchanged"):
        change = Change(kind, heading, "", operative, "a)", "c)", text, text, ((0, text),))
        assert flag_change(change, RULES, lang=lang) == ()
