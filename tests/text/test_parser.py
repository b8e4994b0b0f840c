"""Parsing: headings in each language, nesting, header lines, artefacts, clear errors."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resolutions.text import ParseError, detect_language, parse

ENGLISH = """RESOLUTION 7 (REV. DUBAI, 2018)
Test of the engine
(Kyoto, 1994; Dubai, 2018)
The Plenipotentiary Conference of the International Telecommunication Union (Dubai, 2018),
considering
a) that telecommunications matter;
b) the following instruments:
i) the Constitution;
ii) the Convention,
considering further
that the first sentence is here,
bearing in mind
that the second sentence is here,
resolves
1 to act;
1.1 first detail;
1.2 second detail;
2 to report,
instructs the Director of the Telecommunication Standardization Bureau
to implement this resolution,
invites Member States
to contribute.
"""

SPANISH = """RESOLUCIÓN 7 (REV. DUBÁI, 2018)
Prueba
La Conferencia de Plenipotenciarios de la Unión Internacional de Telecomunicaciones (Dubái, 2018),
considerando
a) que las telecomunicaciones importan;
b) que la Unión existe,
reconociendo
que la Unión necesita recursos,
teniendo en cuenta
la Resolución 71,
resuelve
1 actuar;
2 informar,
encarga al Director de la Oficina de Normalización de las Telecomunicaciones
que aplique esta Resolución,
invita a los Estados Miembros
a contribuir.
"""


def keys(doc):
    return [(s.key, s.kind) for s in doc.sections]


def test_it_reads_english_headings_and_kinds():
    doc = parse(ENGLISH)
    assert doc.lang == "en"
    assert keys(doc) == [
        ("considering", "preambular"),
        ("considering-further", "preambular"),
        ("bearing-in-mind", "preambular"),
        ("resolves", "operative"),
        ("instructs", "operative"),
        ("invites", "operative"),
    ]
    assert doc.sections[4].heading == (
        "instructs the Director of the Telecommunication Standardization Bureau"
    )
    assert (doc.number, doc.revision, doc.instrument) == (
        "7",
        "REV. DUBAI, 2018",
        "resolution",
    )
    assert doc.title == "Test of the engine"
    assert doc.history == "(Kyoto, 1994; Dubai, 2018)"
    assert doc.assembly.startswith("The Plenipotentiary Conference")


def test_it_reads_spanish_headings():
    doc = parse(SPANISH)
    assert doc.lang == "es"
    assert keys(doc) == [
        ("considering", "preambular"),
        ("recognizing", "preambular"),
        ("taking-into-account", "preambular"),
        ("resolves", "operative"),
        ("instructs", "operative"),
        ("invites", "operative"),
    ]
    assert doc.number == "7"
    assert doc.instrument == "resolution"


def test_it_reads_french_headings(res75_old_text):
    doc = parse(res75_old_text)
    assert doc.lang == "fr"
    assert [s.heading for s in doc.sections[:8]] == [
        "considérant",
        "considérant en outre",
        "reconnaissant",
        "reconnaissant en outre",
        "tenant compte",
        "notant",
        "notant en outre",
        "décide",
    ]
    assert [s.key for s in doc.sections[8:]] == [
        "instructs",
        "invites",
        "invites",
        "invites",
    ]
    assert doc.operative_sections[0].key == "resolves"
    assert doc.designation == "RÉSOLUTION 75 (Rév. Genève, 2022)"
    assert doc.revision == "Rév. Genève, 2022"


def test_the_language_is_detected_and_can_be_forced():
    assert detect_language(ENGLISH.splitlines()) == "en"
    assert detect_language(SPANISH.splitlines()) == "es"
    with pytest.raises(ParseError, match="no resolution headings"):
        parse(SPANISH, lang="en")


def test_nested_items_become_children():
    doc = parse(ENGLISH)
    considering = doc.sections[0].clauses
    assert [c.label for c in considering] == ["a)", "b)"]
    assert [c.label for c in considering[1].children] == ["i)", "ii)"]
    assert considering[1].children[1].text == "the Convention,"
    resolves = doc.sections[3].clauses
    assert [c.label for c in resolves] == ["1", "2"]
    assert [c.label for c in resolves[0].children] == ["1.1", "1.2"]


def test_roman_sub_items_of_res75_hang_under_e_and_h_i_stay_letters(res75_old_text):
    considering = parse(res75_old_text).sections[0].clauses
    assert [c.label for c in considering] == [
        "a)",
        "b)",
        "c)",
        "d)",
        "e)",
        "f)",
        "g)",
        "h)",
        "i)",
    ]
    e = considering[4]
    assert [c.label for c in e.children] == [
        "i)",
        "ii)",
        "iii)",
        "iv)",
        "v)",
        "vi)",
        "vii)",
        "viii)",
        "ix)",
        "x)",
    ]


def test_items_printed_inside_a_paragraph_are_split(res75_old_text):
    further = parse(res75_old_text).sections[1].clauses
    d = further[3]
    assert d.text.endswith("et les interactions:")
    assert [c.label for c in d.children] == ["i)", "ii)", "iii)"]
    assert d.children[0].text.startswith("en évitant les doubles emplois")


def test_unlabelled_single_paragraph_sections(res75_old_text):
    doc = parse(res75_old_text)
    noting_further = doc.sections[6]
    assert len(noting_further.clauses) == 1
    assert noting_further.clauses[0].label == ""
    assert noting_further.clauses[0].text.startswith("que, comme indiqué")


def test_footnote_kept_as_footnote_of_its_clause(res75_old_text):
    doc = parse(res75_old_text)
    d = doc.sections[3].clauses[3]
    assert "[^1]" not in d.text
    assert "pays en développement dans les discussions" in d.text
    assert d.footnotes == (
        (
            "Les pays en développement comprennent aussi les pays les moins avancés, les petits "
            "États insulaires en développement, les pays en développement sans littoral et les pays "
            "dont l'économie est en transition."
        ),
    )
    assert doc.footnotes == ()


def test_word_artefacts_are_removed_without_losing_text(seed_excerpt):
    doc = parse(seed_excerpt)
    everything = repr(doc)
    for artefact in ("[bookmark", "footnoteRef", "\t", "\u2011", "[1:", "______"):
        assert artefact not in everything
    assert doc.designation == "RÉSOLUTION 75 (Rév. Genève, 2022New Delhi, 2024)"
    assert doc.title.startswith("Contribution du Secteur de la normalisation")
    assert doc.unparsed[0] == "Résumé:"  # the abstract is kept, outside the resolution
    considering = doc.sections[0].clauses
    # flattened tracked changes stay as printed: the parser does not guess
    assert [c.label for c in considering] == ["a)", "e)", "f)", "g)", "h)", "gi)"]
    assert considering[1].children[0].text.endswith("pour la période 2020-2023;")
    recognizing = doc.sections[1].clauses[0]
    assert recognizing.footnotes[0].startswith("Les pays en développement comprennent")
    assert [c.label for c in doc.sections[2].clauses] == ["4", "46"]


def test_pdf_extraction_noise_is_undone():
    text = (
        "RESOLUTION 99 (REV. DUBAI, 2018)\n"
        "Help for developing1 countries\n"
        "The Plenipotentiary Conference of the International Telecommunication Union "
        "(Dubai, 2018),\n"
        "considering\n"
        "a) the needs of developing countries2; ____________________ 1 These include the least "
        "developed countries. 2 And small island states.\n"
        "b) the following outcome: • more participation; • more fellowships,"
        " noting with appreciation\n"
        "the work done, resolves to instruct the Secretary-General 1 to act; 2 to report,"
        " instructs the Director of the Telecommunication Development Bureau to help,\n"
    )
    doc = parse(text)
    assert doc.title == "Help for developing countries"
    assert doc.footnotes == ("These include the least developed countries.",)
    considering = doc.sections[0].clauses
    assert considering[0].text == "the needs of developing countries;"
    assert considering[0].footnotes == ("And small island states.",)
    assert [c.label for c in considering[1].children] == ["•", "•"]
    assert [(s.key, s.heading) for s in doc.sections[1:]] == [
        ("noting-with-appreciation", "noting with appreciation"),
        ("resolves-to-instruct", "resolves to instruct the Secretary-General"),
        (
            "instructs",
            "instructs the Director of the Telecommunication Development Bureau",
        ),
    ]
    assert [c.label for c in doc.sections[2].clauses] == ["1", "2"]
    assert doc.sections[3].clauses[0].text == "to help,"


def test_running_text_that_mentions_a_heading_verb_is_not_split():
    text = ENGLISH.replace(
        "a) that telecommunications matter;",
        "a) that telecommunications matter, taking into account the needs of all, noting that "
        "resolves 2 above, instructs the Director thereof, on this;",
    )
    doc = parse(text)
    assert len(doc.sections) == 6
    assert (
        doc.sections[0]
        .clauses[0]
        .text.endswith("instructs the Director thereof, on this;")
    )


def test_annexes_and_following_parts_are_kept_apart():
    text = ENGLISH.replace(
        "to contribute.",
        "to contribute. ANNEX TO RESOLUTION 7 (REV. DUBAI, 2018) List of things a) one; b) two. "
        "481 PART IV - LIST OF RESOLUTIONS ABROGATED",
    )
    doc = parse(text)
    assert doc.sections[-1].clauses[0].text == "to contribute."
    assert doc.annexes == (
        "ANNEX TO RESOLUTION 7 (REV. DUBAI, 2018) List of things a) one; b) two.",
    )
    assert doc.unparsed == ("481 PART IV - LIST OF RESOLUTIONS ABROGATED",)


@pytest.mark.parametrize("text", ["", "   \n\t\n", None])
def test_empty_text_is_a_clear_error(text):
    with pytest.raises(ParseError, match="empty text"):
        parse(text)


def test_prose_is_not_a_resolution():
    prose = "Article 1\nPurposes of the Union\n1 The purposes of the Union are to maintain peace.\n"
    with pytest.raises(ParseError, match="no resolution headings found"):
        parse(prose)


def test_a_preamble_without_operative_part_is_a_clear_error():
    text = ENGLISH.split("resolves")[0]
    with pytest.raises(ParseError, match="no operative section found"):
        parse(text)


def test_a_long_document_quoting_a_resolution_is_rejected():
    text = ("Article 1\nSome regulation text that goes on and on.\n" * 200) + ENGLISH
    with pytest.raises(ParseError, match="not a resolution text"):
        parse(text)


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="unsupported language"):
        parse(ENGLISH, lang="de")


pieces = st.sampled_from(
    [
        "considering\n", "resolves\n", "décide\n", "a) ", "i) ", "1 ", "1.1 ", "• ", "that it is; ",
        "to act, ", ": ", "[^1]", "[footnoteRef:1]1", "[1: 1 a note]", "____________________ 1 ",
        "instructs the Secretary-General ", "RESOLUTION 5 (REV. DUBAI, 2018)\n", "ANNEX TO RESOLUTION 5 ",
        "\n", "\t", "\u2011", "developing1 ", "PART II - ",
    ]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(pieces, max_size=40))
def test_any_input_gives_a_document_or_a_parse_error(parts):
    try:
        doc = parse("".join(parts))
    except ParseError:
        return
    assert doc.operative_sections


def test_french_pdf_extraction_noise_is_undone():
    text = (
        "RÉSOLUTION 12 (RÉV. DUBAÏ, 2018)\n"
        "Essai\n"
        "La Conférence de plénipotentiaires de l'Union internationale des télécommunications "
        "(Dubaï, 2018),\n"
        "considérant\n"
        "a) les besoins des pays en développement1; ____________________ 1 Y compris les pays "
        "les moins avancés. 1 à participer activement aux travaux;\n"
        "b) le reste, décide\n"
        "de poursuivre.\n"
    )
    doc = parse(text)
    assert doc.lang == "fr"
    considering = doc.sections[0].clauses
    assert considering[0].text == "les besoins des pays en développement;"
    assert considering[0].footnotes == ("Y compris les pays les moins avancés.",)
    # the text after the page foot comes back as its own item, not into the footnote
    assert [(c.label, c.text) for c in considering[1:]] == [
        ("1", "à participer activement aux travaux;"),
        ("b)", "le reste,"),
    ]
    assert [s.key for s in doc.sections] == ["considering", "resolves"]
    assert doc.sections[1].clauses[0].text == "de poursuivre."
