"""The detector on hand-built changes: one signal at a time, in English, French and Spanish."""

from __future__ import annotations

import pytest

from resolutions.text.flags import Flag, flag_change


def severities(flags: tuple[Flag, ...]) -> dict[str, str]:
    return {flag.category: flag.severity for flag in flags}


def counted(flags: tuple[Flag, ...]) -> set[str]:
    """Categories the change is flagged for (high or medium; low is context only)."""
    return {flag.category for flag in flags if flag.severity in ("high", "medium")}


# ------------------------------------------------------------------ each category, each language

NEW_OPERATIVE_CLAUSES = [
    (
        "en",
        "resolves",
        "that ITU-T shall develop Recommendations on the management of Internet domain names "
        "and IP addresses;",
        "internet-governance",
    ),
    (
        "fr",
        "charge le Groupe consultatif de la normalisation des télécommunications",
        "d'encourager les commissions d'études à élaborer des Recommandations sur la gestion "
        "de l'Internet;",
        "internet-governance",
    ),
    (
        "es",
        "resuelve",
        "que el UIT-T elabore Recomendaciones sobre la gestión de los recursos de Internet;",
        "internet-governance",
    ),
    (
        "en",
        "instructs the Director of the Telecommunication Standardization Bureau",
        "to coordinate the standardization of a New IP network layer to replace current Internet "
        "protocols;",
        "internet-standards",
    ),
    (
        "fr",
        "décide",
        "que l'UIT-T devra élaborer des normes pour les réseaux fondés sur le protocole IP;",
        "internet-standards",
    ),
    (
        "es",
        "encarga a las Comisiones de Estudio",
        "que desarrollen normas sobre protocolos de encaminamiento para las redes IP;",
        "internet-standards",
    ),
    (
        "en",
        "resolves",
        "that ITU-T shall lead the standardization of artificial intelligence and the metaverse;",
        "emerging-tech",
    ),
    (
        "fr",
        "décide",
        "que l'UIT-T devra suivre les technologies émergentes afin d'orienter ses activités de "
        "normalisation;",
        "emerging-tech",
    ),
    (
        "es",
        "resuelve",
        "que el UIT-T deberá elaborar normas sobre la gobernanza de los datos y la inteligencia "
        "artificial;",
        "emerging-tech",
    ),
    (
        "en",
        "instructs the Secretary-General",
        "to develop guidelines for the traceability of users through lawful interception "
        "capabilities;",
        "human-rights",
    ),
    (
        "fr",
        "décide",
        "que l'UIT-T devra élaborer des normes pour le filtrage de contenu au niveau du réseau;",
        "human-rights",
    ),
    (
        "es",
        "resuelve",
        "que el UIT-T deberá desarrollar normas de trazabilidad e identificación de los usuarios;",
        "human-rights",
    ),
    (
        "en",
        "resolves",
        "that the forum shall be open to Member States only, and its opinions adopted by them;",
        "multistakeholder",
    ),
    (
        "fr",
        "décide",
        "que le groupe sera ouvert aux seuls États Membres;",
        "multistakeholder",
    ),
    (
        "es",
        "resuelve",
        "que el grupo estará abierto únicamente a los Estados Miembros;",
        "multistakeholder",
    ),
]


@pytest.mark.parametrize(("lang", "section", "text", "category"), NEW_OPERATIVE_CLAUSES)
def test_a_new_operative_clause_in_each_category_is_flagged(
    change, rules, lang, section, text, category
):
    flags = flag_change(change(section, None, text), rules, lang=lang)

    assert category in counted(flags)
    assert all(flag.evidence for flag in flags)


def test_the_reason_names_the_words_and_the_section(change, rules):
    section = "charge le Groupe consultatif de la normalisation des télécommunications"
    old = "d'encourager les commissions d'études à poursuivre leurs travaux;"
    new = (
        "d'encourager les commissions d'études à élaborer des Recommandations sur la gestion "
        "de l'Internet;"
    )

    (flag,) = flag_change(change(section, old, new), rules, lang="fr")

    assert flag.category == "internet-governance"
    assert flag.severity == "high"
    assert flag.reason.startswith(
        "adds 'gestion de l'Internet' to an operative clause of 'charge le GCNT'"
    )
    assert "gestion de l'Internet" in flag.evidence
    assert flag.to_dict() == {
        "category": "internet-governance",
        "severity": "high",
        "reason": flag.reason,
        "evidence": list(flag.evidence),
    }


# ------------------------------------------------------------------ context: preambular is low


@pytest.mark.parametrize(
    ("lang", "section", "text"),
    [
        ("en", "considering", "that artificial intelligence raises new standardization questions;"),
        ("fr", "considérant", "que la gestion de l'Internet fait intervenir toutes les parties;"),
        ("es", "considerando", "que los nombres de dominio son un recurso crítico de Internet;"),
    ],
)
def test_a_preambular_mention_is_low_at_most(change, rules, lang, section, text):
    flags = flag_change(change(section, None, text), rules, lang=lang)

    assert flags, "the mention stays visible as context"
    assert {flag.severity for flag in flags} == {"low"}
    assert "preambular" in flags[0].reason


def test_the_same_words_weigh_more_in_an_operative_clause(change, rules):
    text = "that ITU-T shall study the governance of artificial intelligence;"
    preambular = flag_change(change("considering", None, text), rules, lang="en")
    operative = flag_change(change("resolves", None, text), rules, lang="en")

    assert severities(preambular) == {"emerging-tech": "low"}
    assert severities(operative) == {"emerging-tech": "high"}


# ------------------------------------------------------------------ mandate verbs


def test_a_term_in_an_operative_clause_without_any_task_is_only_context(change, rules):
    old = "to seek financial support for the implementation of this resolution;"
    new = (
        "to seek financial support for the implementation of this resolution, including for "
        "IPv6 training;"
    )

    flags = flag_change(change("instructs the Secretary-General", old, new), rules, lang="en")

    assert counted(flags) == set()


@pytest.mark.parametrize(
    ("lang", "section", "old", "new"),
    [
        (
            "en",
            "resolves",
            "that ITU-T shall keep informed of Internet governance discussions;",
            "that ITU-T shall develop Recommendations on Internet governance;",
        ),
        (
            "fr",
            "décide",
            "que l'UIT-T devra se tenir informé des débats sur la gestion de l'Internet;",
            "que l'UIT-T devra élaborer des normes sur la gestion de l'Internet;",
        ),
        (
            "es",
            "resuelve",
            "que el UIT-T deberá mantenerse informado sobre la gobernanza de Internet;",
            "que el UIT-T deberá desarrollar Recomendaciones sobre la gobernanza de Internet;",
        ),
    ],
)
def test_adding_a_mandate_verb_to_a_clause_on_a_category_term_is_flagged(
    change, rules, lang, section, old, new
):
    flags = flag_change(change(section, old, new), rules, lang=lang)

    assert severities(flags) == {"internet-governance": "high"}
    assert "mandate words" in flags[0].reason


# ------------------------------------------------------------------ modality


@pytest.mark.parametrize(
    ("lang", "section", "old", "new", "weak", "strong"),
    [
        (
            "en",
            "resolves",
            "that ITU-T may study aspects of Internet governance;",
            "that ITU-T shall study aspects of Internet governance;",
            "may",
            "shall",
        ),
        (
            "fr",
            "décide",
            "que l'UIT-T pourra étudier la gouvernance de l'Internet;",
            "que l'UIT-T devra étudier la gouvernance de l'Internet;",
            "pourra",
            "devra",
        ),
        (
            "es",
            "resuelve",
            "que el UIT-T podrá estudiar la gobernanza de Internet;",
            "que el UIT-T deberá estudiar la gobernanza de Internet;",
            "podrá",
            "deberá",
        ),
        (
            "en",
            "invites",
            "to encourage study groups to study IP-based networks;",
            "to instruct study groups to study IP-based networks;",
            "encourage",
            "instruct",
        ),
    ],
)
def test_a_stronger_modality_on_a_category_term_is_flagged(
    change, rules, lang, section, old, new, weak, strong
):
    flags = flag_change(change(section, old, new), rules, lang=lang)

    assert counted(flags)
    assert f"'{weak}' → '{strong}'" in flags[0].reason


def test_a_weaker_modality_is_not_flagged(change, rules):
    old = "that ITU-T shall study aspects of Internet governance;"
    new = "that ITU-T may study aspects of Internet governance;"

    assert counted(flag_change(change("resolves", old, new), rules, lang="en")) == set()


# ------------------------------------------------------------------ deletions of limiting words


@pytest.mark.parametrize(
    ("lang", "section", "old", "new", "limit"),
    [
        (
            "en",
            "resolves",
            "that ITU-T shall, within its mandate, study IP-based networks;",
            "that ITU-T shall study IP-based networks;",
            "within its mandate",
        ),
        (
            "fr",
            "décide",
            "que l'UIT-T devra étudier les réseaux IP, dans le cadre de son mandat;",
            "que l'UIT-T devra étudier les réseaux IP;",
            "dans le cadre de son mandat",
        ),
        (
            "es",
            "resuelve",
            "que el UIT-T deberá estudiar las redes IP en el marco de su mandato;",
            "que el UIT-T deberá estudiar las redes IP;",
            "en el marco de su mandato",
        ),
        (
            "fr",
            "charge le Directeur du Bureau de la normalisation des télécommunications",
            "de contribuer, s'il y a lieu, aux travaux sur la gestion de l'Internet;",
            "de contribuer aux travaux sur la gestion de l'Internet;",
            "s'il y a lieu",
        ),
    ],
)
def test_deleting_limiting_words_widens_the_mandate(change, rules, lang, section, old, new, limit):
    flags = flag_change(change(section, old, new), rules, lang=lang)

    assert counted(flags)
    assert limit in flags[0].reason


def test_adding_limiting_words_lowers_the_severity(change, rules):
    plain = flag_change(
        change("resolves", None, "that ITU-T shall study network protocols;"), rules, lang="en"
    )
    limited = flag_change(
        change("resolves", None, "that ITU-T shall study network protocols within its mandate;"),
        rules,
        lang="en",
    )

    assert severities(plain) == {"internet-standards": "high"}
    assert severities(limited) == {"internet-standards": "medium"}


# ------------------------------------------------------------------ multistakeholder wording


@pytest.mark.parametrize(
    ("lang", "section", "old", "new"),
    [
        (
            "en",
            "resolves",
            "that ITU-T shall carry out these activities in cooperation with other relevant "
            "organizations and all stakeholders;",
            "that ITU-T shall carry out these activities;",
        ),
        (
            "fr",
            "charge le Conseil",
            "d'organiser des consultations ouvertes à toutes les parties prenantes;",
            "d'organiser des consultations avec les États Membres;",
        ),
        (
            "es",
            "resuelve",
            "que el foro esté abierto a todas las partes interesadas;",
            "que el foro esté abierto a los Estados Miembros;",
        ),
    ],
)
def test_removing_multistakeholder_wording_is_flagged(change, rules, lang, section, old, new):
    flags = flag_change(change(section, old, new), rules, lang=lang)

    assert counted(flags) == {"multistakeholder"}
    assert flags[0].reason.startswith("removes ")


def test_adding_multistakeholder_wording_is_not_flagged(change, rules):
    old = "that ITU-T shall carry out these activities;"
    new = "that ITU-T shall carry out these activities in cooperation with all stakeholders;"

    assert flag_change(change("resolves", old, new), rules, lang="en") == ()


# ------------------------------------------------------------------ negation and citations


@pytest.mark.parametrize(
    ("lang", "section", "text"),
    [
        ("en", "resolves", "that ITU-T shall not engage in the management of Internet resources;"),
        (
            "fr",
            "décide",
            "que l'UIT-T ne devra pas participer à la gestion des noms de domaine;",
        ),
        ("es", "resuelve", "que el UIT-T no deberá elaborar normas sobre direcciones IP;"),
        (
            "en",
            "resolves",
            "that ITU-T shall develop Recommendations on ICTs without duplicating work on DNS;",
        ),
    ],
)
def test_negated_terms_are_not_flagged(change, rules, lang, section, text):
    assert counted(flag_change(change(section, None, text), rules, lang=lang)) == set()


def test_removing_a_negation_is_flagged(change, rules):
    old = "that ITU-T shall not develop Recommendations on the management of Internet resources;"
    new = "that ITU-T shall develop Recommendations on the management of Internet resources;"

    flags = flag_change(change("resolves", old, new), rules, lang="en")

    assert severities(flags) == {"internet-governance": "high"}


@pytest.mark.parametrize(
    ("lang", "section", "old", "new"),
    [
        (
            "en",
            "resolves",
            "to continue its work on ICT infrastructure, taking into account Resolution 102;",
            "to continue its work on ICT infrastructure, taking into account Resolution 102 "
            "(Rev. Dubai, 2018) relating to ITU's role with regard to international public policy "
            "issues pertaining to the Internet and the management of Internet resources, including "
            "domain names and addresses;",
        ),
        (
            "fr",
            "décide",
            "de poursuivre ses travaux conformément à la Résolution 1336;",
            'de poursuivre ses travaux conformément à la Résolution 1336 intitulée "Groupe de '
            "travail du Conseil sur les questions de politiques publiques internationales "
            "relatives à l'Internet\";",
        ),
        (
            "es",
            "resuelve",
            "seguir trabajando de conformidad con la Resolución 214;",
            "seguir trabajando de conformidad con la Resolución 214 (Bucarest, 2022) relativa a "
            "las tecnologías de inteligencia artificial;",
        ),
    ],
)
def test_citing_another_resolutions_title_is_not_a_new_mandate(
    change, rules, lang, section, old, new
):
    flags = flag_change(change(section, old, new), rules, lang=lang)

    assert counted(flags) == set()
    assert all("title of another text" in flag.reason for flag in flags)


def test_a_citation_does_not_hide_the_task_that_follows_it(change, rules):
    text = (
        "in accordance with Resolution 102 (Rev. Dubai, 2018), to develop Recommendations on "
        "the management of domain names;"
    )

    flags = flag_change(change("instructs study groups", None, text), rules, lang="en")

    assert severities(flags) == {"internet-governance": "high"}


# ------------------------------------------------------------------ what is never flagged


def test_mentioning_the_internet_without_expanding_anything_is_not_flagged(change, rules):
    old = "to assist developing countries in improving their connectivity;"
    new = "to assist developing countries in improving Internet access and affordable connectivity;"

    flags = flag_change(change("invites Member States", old, new), rules, lang="en")

    assert counted(flags) == set()


@pytest.mark.parametrize("kind", ["unchanged", "relabelled", "moved"])
def test_unchanged_relabelled_and_moved_clauses_are_never_flagged(change, rules, kind):
    text = "que l'UIT-T devra élaborer des normes sur la gestion de l'Internet;"

    assert flag_change(change("décide", text, text, kind=kind), rules, lang="fr") == ()


@pytest.mark.parametrize(
    ("lang", "section", "old", "new"),
    [
        (
            "fr",
            "notant",
            "la Résolution 1332, modifiée pour la dernière fois à sa session de 2019, relative à "
            "la gestion de l'Internet;",
            "la Résolution 1332, modifiée pour la dernière fois à sa session de 2023, relative à "
            "la gestion de l'Internet;",
        ),
        (
            "en",
            "resolves",
            "to hold the forum on Internet governance back to back with the WSIS Forum 2021;",
            "to hold the forum on Internet governance back to back with the WSIS Forum 2025;",
        ),
        (
            "es",
            "resuelve",
            "que el UIT-T estudie la gobernanza de Internet (Ginebra, 2022),",
            "que el UIT-T estudie la gobernanza de Internet (Nueva Delhi, 2024);",
        ),
    ],
)
def test_date_only_changes_are_not_flagged(change, rules, lang, section, old, new):
    assert flag_change(change(section, old, new), rules, lang=lang) == ()


# ------------------------------------------------------------------ precision of the matching


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("fr", "que l'UIT-T devra élaborer des normes pour l'aide aux pays en développement;"),
        ("en", "that ITU-T shall develop Recommendations for paid services and domains of work;"),
        ("en", "that ITU-T shall develop Recommendations on Internet-based access for schools;"),
        ("es", "que el UIT-T elabore normas sobre la vía de acceso y su nombre comercial;"),
    ],
)
def test_words_match_whole_words_only(change, rules, lang, text):
    section = {"en": "resolves", "fr": "décide", "es": "resuelve"}[lang]

    assert counted(flag_change(change(section, None, text), rules, lang=lang)) == set()


def test_matching_ignores_case_accents_and_typographic_apostrophes(change, rules):
    text = "D’ÉLABORER DES RECOMMANDATIONS SUR LA GESTION DE L’INTERNET;"

    flags = flag_change(change("charge le Conseil", None, text), rules, lang="fr")

    assert severities(flags) == {"internet-governance": "high"}
    assert "GESTION DE L’INTERNET" in flags[0].evidence


def test_a_deleted_clause_is_not_flagged_for_the_terms_it_removes(change, rules):
    text = "that ITU-T shall develop Recommendations on IP-based networks;"

    assert flag_change(change("resolves", text, None), rules, lang="en") == ()


@pytest.mark.parametrize(
    ("lang", "section", "text"),
    [
        ("en", "resolves", "that ITU-T shall not engage in the management of Internet resources;"),
        ("fr", "décide", "que l'UIT-T ne participera pas à la gestion des noms de domaine;"),
        ("es", "resuelve", "que el UIT-T no participará en la gestión de las direcciones IP;"),
    ],
)
def test_deleting_a_prohibition_widens_the_mandate(change, rules, lang, section, text):
    flags = flag_change(change(section, text, None), rules, lang=lang)

    assert counted(flags) == {"internet-governance"}
    assert flags[0].reason.startswith("deletes a clause barring")


def test_protective_wording_is_not_a_rights_risk(change, rules):
    text = "to help Member States protect users from surveillance and unlawful interception;"

    flags = flag_change(change("instructs the Director", None, text), rules, lang="en")

    assert counted(flags) == set()


# ------------------------------------------------------------------ realistic mixed cases

NOT_EXPANDING = [
    (
        "en",
        "invites Member States",
        None,
        "to take part in the open consultations of CWG-Internet;",
    ),
    (
        "en",
        "resolves",
        "that ITU-T shall continue to work on IPv6 deployment;",
        "that ITU-T shall continue to work on IPv6 deployment, in collaboration with the RIRs;",
    ),
    (
        "en",
        "instructs the Director of the Telecommunication Development Bureau",
        None,
        "to organize workshops on artificial intelligence for developing countries;",
    ),
    (
        "fr",
        "décide",
        "que l'UIT-T poursuivra ses travaux sur les réseaux IP;",
        "que l'UIT-T poursuivra ses travaux sur les réseaux IP, dans le cadre de son mandat et en "
        "coopération avec l'IETF;",
    ),
    (
        "en",
        "instructs the Secretary-General",
        None,
        "to report annually to the Council on the Internet-related activities of ITU;",
    ),
    (
        "es",
        "resuelve",
        "que el UIT-T siga colaborando con los RIR;",
        "que el UIT-T siga colaborando con los RIR y la IANA;",
    ),
]

EXPANDING = [
    (
        "en",
        "resolves",
        "that ITU-T shall continue to participate, as appropriate, in discussions on IPv6;",
        "that ITU-T shall lead the work on IPv6 address allocation;",
        "internet-governance",
    ),
    (
        "es",
        "encarga a la Comisión de Estudio 17",
        "que estudie la seguridad de las redes en colaboración con otras organizaciones "
        "pertinentes;",
        "que estudie la seguridad de las redes;",
        "multistakeholder",
    ),
    (
        "fr",
        "charge la Commission d'études 20",
        None,
        "d'élaborer des normes sur la gouvernance des données de l'Internet des objets;",
        "emerging-tech",
    ),
    (
        "en",
        "invites Member States",
        None,
        "to require operators to implement lawful interception and traceability of all traffic;",
        "human-rights",
    ),
    (
        "es",
        "resuelve",
        None,
        "que el UIT-T coordine la gestión de los nombres de dominio de nivel superior de código "
        "de país;",
        "internet-governance",
    ),
]


@pytest.mark.parametrize(("lang", "section", "old", "new"), NOT_EXPANDING)
def test_realistic_changes_that_do_not_expand_are_not_flagged(
    change, rules, lang, section, old, new
):
    assert counted(flag_change(change(section, old, new), rules, lang=lang)) == set()


@pytest.mark.parametrize(("lang", "section", "old", "new", "category"), EXPANDING)
def test_realistic_expansions_are_flagged_with_their_main_category(
    change, rules, lang, section, old, new, category
):
    flags = flag_change(change(section, old, new), rules, lang=lang)

    assert flags[0].category == category
    assert flags[0].severity in ("high", "medium")


def test_a_term_inside_a_longer_one_is_not_added_by_rewording_the_longer_one(change, rules):
    old = "to develop Recommendations on the allocation of IPv6 addresses;"
    new = "to develop Recommendations on the transition to IPv6;"

    assert flag_change(change("resolves", old, new), rules, lang="en") == ()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("to apply the ITU-T Recommendations on IPv6 deployment;", set()),
        ("to develop new ITU-T Recommendations on IPv6 addresses;", {"internet-governance"}),
    ],
)
def test_a_cited_recommendation_is_context_but_developing_one_is_a_task(
    change, rules, text, expected
):
    flags = flag_change(change("instructs study groups", None, text), rules, lang="en")

    assert counted(flags) == expected
