"""Word-level diff: whole words, accents and punctuation, valid ops for any input."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from resolutions.text.worddiff import new_side, old_side, word_diff


def changed(ops):
    return [op for op in ops if op[0]]


def test_a_place_and_year_change_reads_as_one_struck_and_one_inserted_phrase():
    ops = word_diff("Assemblée (Genève, 2022),", "Assemblée (New Delhi, 2024),")
    assert changed(ops) == [(-1, "Genève, 2022"), (1, "New Delhi, 2024")]


def test_words_are_never_cut():
    ops = word_diff(
        "modifiée à sa session de 2019, est", "modifiée à sa session de 2023, est"
    )
    assert changed(ops) == [(-1, "2019"), (1, "2023")]
    ops = word_diff("the Council decides", "the Counsel decides")
    assert changed(ops) == [(-1, "Council"), (1, "Counsel")]


def test_accents_are_letters_of_the_word():
    ops = word_diff("une société ouverte", "une societe ouverte")
    assert changed(ops) == [(-1, "société"), (1, "societe")]


def test_punctuation_changes_are_their_own_tokens():
    ops = word_diff("les pays en développement;", "les pays en développement,")
    assert changed(ops) == [(-1, ";"), (1, ",")]


def test_identical_and_empty_texts():
    assert word_diff("same", "same") == ((0, "same"),)
    assert word_diff("", "") == ()
    assert word_diff("", "new") == ((1, "new"),)


words = st.lists(
    st.sampled_from(
        [
            "la",
            "Résolution",
            "2019",
            "2023",
            ",",
            ";",
            " ",
            "  ",
            "ITU-T",
            "développement",
            "(Rév.",
            "Genève",
            "\u00e9t\u00e9",
        ]
    ),
    max_size=30,
)


@given(words, words)
def test_ops_always_rebuild_both_texts(a, b):
    old, new = "".join(a), "".join(b)
    ops = word_diff(old, new)
    assert old_side(ops) == old
    assert new_side(ops) == new
    assert all(text for _, text in ops)
