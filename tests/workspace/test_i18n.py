"""The review workspace in French: the interface translated, the documents left as imported."""

import re

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from contributions.keywords import change_kind, flag_category, section_name, severity

pytestmark = pytest.mark.django_db


@pytest.fixture
def french(client, reviewer):
    client.force_login(reviewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return client


def _article(body: str, anchor: str) -> str:
    return re.search(rf'<article id="{anchor}"(.*?)</article>', body, re.S).group(1)


def test_it_reviews_a_proposal_in_french(french, flagged_proposal):
    response = french.get(reverse("workspace:proposal", args=[flagged_proposal.pk]))
    body = response.content.decode()
    assert response["Content-Language"] == "fr"
    assert "Avis sur l’ensemble de la proposition" in body
    assert "<summary>Enregistrer un avis</summary>" in body
    assert '<option value="concern">Préoccupation</option>' in body
    tsag = _article(body, "change-6")
    # The stored keywords of the engine and the detector, named in French.
    assert '<span class="badge kind">modifié</span>' in tsag
    assert '<span class="sev sev-high">élevée</span>' in tsag
    assert "Fonctionnement et ressources de l’Internet" in tsag
    assert "signalement précédent (k)" in tsag
    # The documents stay as imported, the flag's reason as the detector wrote it.
    assert "dans le cadre de son mandat" in tsag
    assert "Limiting words deleted" in tsag
    for english in ("Record a verdict", "Verdict history", ">modified<", ">high<"):
        assert english not in body


def test_it_keeps_english_for_a_reviewer_who_did_not_choose_french(
    client, reviewer, flagged_proposal
):
    client.force_login(reviewer)
    body = client.get(reverse("workspace:proposal", args=[flagged_proposal.pk])).content.decode()
    tsag = _article(body, "change-6")
    assert '<span class="badge kind">modified</span>' in tsag
    assert "Internet operation and resources" in tsag
    assert "Verdict history" in body


def test_the_engines_keywords_are_named_in_french_and_headings_pass_through():
    with translation.override("fr"):
        assert section_name("designation") == "désignation"
        assert section_name("annex 2") == "annexe 2"
        assert section_name("décide") == "décide"  # the document's own heading
        assert change_kind("relabelled") == "renuméroté"
        assert flag_category("human-rights") == "Droits de l’homme"
        assert severity("") == ""
    assert section_name("footnote 3") == "footnote 3"
