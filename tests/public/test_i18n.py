"""The interface in English and French: a complete French catalogue, pages that speak it."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.urls import reverse

from contributions.models import Severity

REPO_ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = REPO_ROOT / "locale" / "fr" / "LC_MESSAGES"
TEMPLATES = REPO_ROOT / "templates"
TRANSLATE_TAG = re.compile(r"""\{% translate (["'])(.+?)\1""")
# printf-style (%(name)s, %s, %d) and str.format-style ({name}) placeholders.
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|%[sdif]|\{\w+\}")


def _catalogue() -> polib.POFile:
    return polib.pofile(str(CATALOGUE / "django.po"))


def _placeholders(text: str) -> list[str]:
    return sorted(PLACEHOLDER.findall(text))


def _pairs(entry: polib.POEntry) -> list[tuple[str, str]]:
    """(source, translation) pairs; French uses form 0 for 0 and 1, form 1 beyond."""
    if not entry.msgid_plural:
        return [(entry.msgid, entry.msgstr)]
    return [(entry.msgid, entry.msgstr_plural[0]), (entry.msgid_plural, entry.msgstr_plural[1])]


def test_the_french_catalogue_translates_every_entry():
    entries = [entry for entry in _catalogue() if not entry.obsolete]
    # The public site, the workspace, the importer, the log-in pages, models and forms.
    assert len(entries) > 450
    assert [e.msgid for e in entries if not e.translated()] == []
    assert [e.msgid for e in entries if "fuzzy" in e.flags] == []
    assert [e.msgid for e in entries if any(not text.strip() for _, text in _pairs(e))] == []


def test_every_translation_keeps_the_placeholders_of_its_source():
    broken = [
        (source, text)
        for entry in _catalogue()
        for source, text in _pairs(entry)
        if _placeholders(source) != _placeholders(text)
    ]
    assert broken == []


def test_the_placeholder_check_catches_a_lost_or_renamed_placeholder():
    assert _placeholders("%(n)s results for “%(q)s”") != _placeholders("%(n)s résultats")
    assert _placeholders("{status} {number}: x") != _placeholders("{statut} {number} : x")
    assert _placeholders("{status} {number}: x") == _placeholders("{number} {status} : x")


def test_every_translate_tag_of_every_template_is_in_the_catalogue():
    known = {entry.msgid for entry in _catalogue()}
    templates = [*TEMPLATES.rglob("*.html"), *TEMPLATES.rglob("*.txt")]
    used = {m.group(2) for path in templates for m in TRANSLATE_TAG.finditer(path.read_text())}
    assert len(used) > 200
    assert sorted(used - known) == []


def test_the_compiled_catalogue_matches_its_source():
    source = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural) for e in _catalogue() if e.translated()
    }
    compiled = {
        (e.msgctxt, e.msgid): (e.msgstr, e.msgstr_plural)
        for e in polib.mofile(str(CATALOGUE / "django.mo"))
        if e.msgid
    }
    assert compiled == source


@pytest.mark.django_db
def test_it_speaks_french_when_asked(client, structured_revision):
    response = client.get(
        reverse("resolutions:detail", args=["wtsa", "75"]), HTTP_ACCEPT_LANGUAGE="fr"
    )
    content = response.content.decode()
    assert response["Content-Language"] == "fr"
    assert '<html lang="fr">' in content
    assert "Résolution 75 (AMNT)" in content
    assert "Dispositif" in content and "Préambule" in content
    assert "Operative part" not in content and "Revisions" not in content
    # The documents stay in the language they were imported in.
    assert "to continue the work on the WSIS action lines;" in content


@pytest.mark.django_db
def test_the_workspace_dashboard_speaks_french_to_a_reviewer_who_chose_it(
    client, reviewer, public_proposal
):
    public_proposal.highest_severity = Severity.HIGH
    public_proposal.save()
    client.force_login(reviewer)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    response = client.get(reverse("workspace:dashboard"))
    content = response.content.decode()
    assert response["Content-Language"] == "fr"
    assert '<html lang="fr">' in content
    assert "<h1>Tableau de bord</h1>" in content
    assert "Liste de suivi" in content and "Espace de travail" in content
    assert "<strong>1</strong> proposition en attente d’examen" in content  # French plural
    assert "En attente d’examen, signalements les plus graves en premier" in content
    assert ">Élevée</span>" in content  # the proposal's highest flag
    assert "Résolution 75 (AMNT)" in content  # the model's str() follows the language too
    for english in ("Dashboard", "Watchlist", "awaiting review", "High", "WTSA Resolution"):
        assert english not in content


@pytest.mark.django_db
def test_the_language_switcher_sets_the_language(client, structured_revision):
    page = client.get(reverse("resolutions:index")).content.decode()
    assert f'action="{reverse("set_language")}"' in page
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": reverse("resolutions:index")}
    )
    assert response.status_code == 302
    assert "Résolutions" in client.get(reverse("resolutions:index")).content.decode()
