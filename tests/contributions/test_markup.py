"""Splitting ITU proposal documents into proposals, in the forms ITU documents print them."""

import pytest

from contributions.markup import ProposalMarkup, split_proposals
from contributions.readers import ReadError

# Built like a WTSA regional common-proposals addendum: cover text, then marker, heading,
# text and reasons for each proposal, then the closing rule.
ENGLISH = """\
Asia-Pacific Telecommunity Common Proposals
Addendum 22 to Document 37-E
Summary:\tThis contribution proposes modifications to Resolution 75.
MOD\tACP/37A22/1
RESOLUTION 75 (Rev. New Delhi, 2024)
ITU-T's contribution in implementing the outcomes of the World Summit on the Information Society
The World Telecommunication Standardization Assembly (New Delhi, 2024),
resolves
1\tthat ITU-T shall continue its work;
Reasons:\tTo focus ITU-T on action lines C2, C5 and C6.
ADD\tACP/37A22/2
DRAFT NEW RESOLUTION [APT-1]
Artificial intelligence standardization
The World Telecommunication Standardization Assembly (New Delhi, 2024),
resolves
to study AI.
Reasons:\tNo Resolution covers AI standardization.
SUP\tACP/37A22/3
RESOLUTION 12 (Rev. Geneva, 2022)
Reasons:\tIts work is complete.
NOC\tACP/37A22/4
RESOLUTION 1 (Rev. Geneva, 2022)
Reasons:\tNo change is needed.
(MOD)\tACP/37A22/5
RESOLUTION 2 (Rev. Geneva, 2022)
Reasons:\tConsequential change.

______________
"""


def test_it_splits_each_proposal_with_its_identifier_parts():
    proposals = split_proposals(ENGLISH)

    assert [(p.action, p.identifier) for p in proposals] == [
        ("MOD", "ACP/37A22/1"),
        ("ADD", "ACP/37A22/2"),
        ("SUP", "ACP/37A22/3"),
        ("NOC", "ACP/37A22/4"),
        ("(MOD)", "ACP/37A22/5"),
    ]
    first = proposals[0]
    assert (first.origin, first.document, first.addendum, first.sequence) == (
        "ACP",
        "37",
        "22",
        "1",
    )


def test_it_keeps_the_heading_and_text_but_not_the_marker_or_the_reasons():
    first = split_proposals(ENGLISH)[0]

    assert first.new_text == (
        "RESOLUTION 75 (Rev. New Delhi, 2024)\n"
        "ITU-T's contribution in implementing the outcomes of the World Summit on the "
        "Information Society\n"
        "The World Telecommunication Standardization Assembly (New Delhi, 2024),\n"
        "resolves\n"
        "1\tthat ITU-T shall continue its work;"
    )
    assert first.reasons == "To focus ITU-T on action lines C2, C5 and C6."
    assert first.old_text is None  # no old text given


def test_it_names_the_resolution_or_the_draft():
    proposals = split_proposals(ENGLISH)

    assert [(p.resolution_number, p.base_label, p.draft_label) for p in proposals] == [
        ("75", "Rev. New Delhi, 2024", None),
        (None, None, "APT-1"),
        ("12", "Rev. Geneva, 2022", None),
        ("1", "Rev. Geneva, 2022", None),
        ("2", "Rev. Geneva, 2022", None),
    ]


def test_a_suppressed_resolution_has_no_new_text_and_noc_keeps_what_is_printed():
    _, _, suppressed, unchanged, _ = split_proposals(ENGLISH)

    assert (suppressed.new_text, suppressed.reasons) == ("", "Its work is complete.")
    assert unchanged.new_text == "RESOLUTION 1 (Rev. Geneva, 2022)"
    assert unchanged.old_text is None


def test_the_closing_rule_is_not_part_of_the_last_reasons():
    assert split_proposals(ENGLISH)[-1].reasons == "Consequential change."


def test_old_text_gives_each_modified_proposal_its_base_text_and_label():
    old = ENGLISH.replace("(Rev. New Delhi, 2024)", "(Rev. Geneva, 2022)").replace(
        "(New Delhi, 2024)", "(Geneva, 2022)"
    )

    modified, added, suppressed, unchanged, editorial = split_proposals(ENGLISH, old)

    assert modified.base_label == "Rev. Geneva, 2022"
    assert modified.old_text.startswith("RESOLUTION 75 (Rev. Geneva, 2022)\n")
    assert modified.new_text.startswith("RESOLUTION 75 (Rev. New Delhi, 2024)\n")
    assert added.old_text is None
    assert suppressed.old_text == "RESOLUTION 12 (Rev. Geneva, 2022)"
    assert unchanged.old_text is None
    assert editorial.old_text == "RESOLUTION 2 (Rev. Geneva, 2022)"


FRENCH = """\
Propositions communes de la Télécommunauté Asie-Pacifique
MOD\tACP/37A22/1
RÉSOLUTION 75 (Rév. Genève, 2022)
Contribution du Secteur de la normalisation des télécommunications de l'UIT
décide
1\tque l'UIT-T doit poursuivre ses travaux;
Motifs:\tMettre l'accent sur les grandes orientations C2, C5 et C6.
ADD*\tACP/37A22/2
PROJET DE NOUVELLE RÉSOLUTION [ACP-1]
Normalisation de l'intelligence artificielle
Motifs:\tAucune Résolution ne traite de l'IA.
SUP*\tACP/37A22/3
RÉSOLUTION 12 (Rév. Genève, 2022)
Motifs:\tSes travaux sont achevés.
"""

SPANISH = """\
Propuestas Comunes Interamericanas
MOD\tIAP/40A7/1
RESOLUCIÓN 75 (Rev. Ginebra, 2022)
Contribución del Sector de Normalización de las Telecomunicaciones de la UIT
Motivos:\tActualizar la Resolución.
ADD\tIAP/40A7/2
PROYECTO DE NUEVA RESOLUCIÓN [IAP-1]
Inteligencia artificial
Motivos:\tNueva cuestión.
"""


def test_it_reads_french_proposals_and_starred_symbols():
    proposals = split_proposals(FRENCH)

    assert [
        (p.action, p.resolution_number, p.base_label, p.draft_label, p.reasons) for p in proposals
    ] == [
        (
            "MOD",
            "75",
            "Rév. Genève, 2022",
            None,
            "Mettre l'accent sur les grandes orientations C2, C5 et C6.",
        ),
        ("ADD*", None, None, "ACP-1", "Aucune Résolution ne traite de l'IA."),
        ("SUP*", "12", "Rév. Genève, 2022", None, "Ses travaux sont achevés."),
    ]


def test_it_reads_spanish_proposals():
    proposals = split_proposals(SPANISH)

    assert [
        (p.identifier, p.resolution_number, p.base_label, p.draft_label, p.reasons)
        for p in proposals
    ] == [
        ("IAP/40A7/1", "75", "Rev. Ginebra, 2022", None, "Actualizar la Resolución."),
        ("IAP/40A7/2", None, None, "IAP-1", "Nueva cuestión."),
    ]


@pytest.mark.parametrize(
    ("marker", "origin", "document", "addendum", "sequence"),
    [
        ("MOD\tECP/39A18/2", "ECP", "39", "18", "2"),
        ("MOD AFCP/42A3/11", "AFCP", "42", "3", "11"),
        ("MOD\tARB/38A1/4", "ARB", "38", "1", "4"),
        ("MOD\tRCC/41A2/1", "RCC", "41", "2", "1"),
        ("MOD\tUSA/45/3", "USA", "45", None, "3"),
        ("MOD\tB/33A1/1", "B", "33", "1", "1"),
        ("MOD\tF/50A2/7", "F", "50", "2", "7"),
        ("MOD\tCHN/60A1/2", "CHN", "60", "1", "2"),
        ("MOD\tRUS/61A1/5", "RUS", "61", "1", "5"),
        ("MOD\tB/CAN/USA/12A1/3", "B/CAN/USA", "12", "1", "3"),
        ("MOD\tACP/12/01", "ACP", "12", None, "01"),
        ("MOD\tB/CAN/CLM/USA/34A1/2", "B/CAN/CLM/USA", "34", "1", "2"),
    ],
)
def test_it_reads_identifiers_of_regional_groups_and_member_states(
    marker, origin, document, addendum, sequence
):
    (proposal,) = split_proposals(f"{marker}\nRESOLUTION 75 (Rev. Geneva, 2022)\nReasons: x")

    assert (
        proposal.origin,
        proposal.document,
        proposal.addendum,
        proposal.sequence,
    ) == (
        origin,
        document,
        addendum,
        sequence,
    )
    assert proposal.identifier == marker.split(None, 1)[1]


def test_it_reads_pdf_extractions_with_the_identifier_on_the_next_line():
    text = "MOD\nECP/39A18/2\nRESOLUTION 64 (REV. DUBAI, 2018)\nText.\nReasons: Update."

    (proposal,) = split_proposals(text)

    assert (proposal.identifier, proposal.resolution_number, proposal.base_label) == (
        "ECP/39A18/2",
        "64",
        "REV. DUBAI, 2018",
    )
    assert proposal.new_text == "RESOLUTION 64 (REV. DUBAI, 2018)\nText."


def test_it_reads_a_heading_glued_to_the_marker():
    (proposal,) = split_proposals("SUP ECP/39A18/2 RESOLUTION 12 (Rev. Geneva, 2022)\nReasons: x")

    assert (proposal.action, proposal.resolution_number) == ("SUP", "12")


def test_a_lone_symbol_in_a_summary_table_is_not_a_marker():
    text = "Resolution\nAction\n75\nMOD\n12\nSUP\n" + "MOD\tACP/37A22/1\nRESOLUTION 75\nReasons: x"

    proposals = split_proposals(text)

    assert [(p.identifier, p.resolution_number, p.base_label) for p in proposals] == [
        ("ACP/37A22/1", "75", None)
    ]


def test_a_resolution_quoted_in_the_text_is_not_taken_for_the_heading():
    text = "MOD\tACP/37A22/1\nTitle only\nrecalling Resolution 71 (Rev. Dubai, 2018),\nReasons: x"

    assert split_proposals(text)[0].resolution_number is None


def test_a_document_without_markers_is_one_proposal():
    (proposal,) = split_proposals("RESOLUTION 75 (Rev. Geneva, 2022)\nText.\nReasons: Update.")

    assert proposal == ProposalMarkup(
        action=None,
        identifier=None,
        origin=None,
        document=None,
        addendum=None,
        sequence=None,
        resolution_number="75",
        base_label="Rev. Geneva, 2022",
        draft_label=None,
        old_text=None,
        new_text="RESOLUTION 75 (Rev. Geneva, 2022)\nText.",
        reasons="Update.",
    )


def test_a_document_without_markers_but_with_changes_is_a_modification():
    new = "RESOLUTION 75 (Rev. New Delhi, 2024)\nText."
    old = "RESOLUTION 75 (Rev. Geneva, 2022)\nText."

    (proposal,) = split_proposals(new, old)

    assert (proposal.action, proposal.base_label, proposal.old_text) == (
        "MOD",
        "Rev. Geneva, 2022",
        old,
    )


def test_a_document_without_markers_or_changes_leaves_the_action_to_the_caller():
    text = "RESOLUTION 75 (Rev. Geneva, 2022)\nText."

    assert split_proposals(text, text)[0].action is None


def test_it_refuses_a_malformed_identifier():
    with pytest.raises(ReadError) as caught:
        split_proposals("Intro\nMOD\tEUR/XX/1\nRESOLUTION 28 (Rev.WRC-15)")

    assert str(caught.value) == (
        "line 2: malformed proposal identifier 'EUR/XX/1' after MOD "
        "(expected origin/document[Aaddendum]/number, e.g. ACP/37A22/1)"
    )


def test_it_refuses_an_identifier_used_twice():
    text = "MOD ACP/37A22/1\nRESOLUTION 1\nMOD ACP/37A22/1\nRESOLUTION 2"

    with pytest.raises(ReadError, match=r"^proposal identifier ACP/37A22/1 appears twice$"):
        split_proposals(text)


def test_proposals_are_frozen():
    proposal = split_proposals(ENGLISH)[0]

    with pytest.raises(AttributeError):
        proposal.action = "ADD"


def test_a_document_without_markers_starts_at_its_heading():
    text = "Summary:\tModify Resolution 75.\nSource: X\nRESOLUTION 75 (Rev. Geneva, 2022)\nText."

    (proposal,) = split_proposals(text, text.replace("Text.", "Old text."))

    assert proposal.new_text == "RESOLUTION 75 (Rev. Geneva, 2022)\nText."
    assert proposal.old_text == "RESOLUTION 75 (Rev. Geneva, 2022)\nOld text."
