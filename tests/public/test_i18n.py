"""The interface in English and French: a complete French catalogue, a language switcher."""

import re
from pathlib import Path

import polib
import pytest
from django.urls import reverse

REPO_ROOT = Path(__file__).resolve().parents[2]
CATALOGUE = REPO_ROOT / "locale" / "fr" / "LC_MESSAGES"
# The public site's own sources: every string in them must be translated.
OWN = (
    "templates/resolutions/",
    "templates/meetings/",
    "templates/home.html",
    "templates/400.html",
    "templates/404.html",
    "templates/500.html",
    "resolutions/views.py",
    "resolutions/feeds.py",
    "resolutions/templatetags/public.py",
    "meetings/views.py",
)
TRANSLATE_TAG = re.compile(r"""\{% translate (["'])(.+?)\1""")


def _own_templates() -> list[Path]:
    paths = [REPO_ROOT / p for p in OWN if p.startswith("templates/")]
    return [f for p in paths for f in ([p] if p.is_file() else sorted(p.glob("*.html")))]


def _is_own(entry: polib.POEntry) -> bool:
    return any(path.startswith(OWN) for path, _line in entry.occurrences)


def test_the_french_catalogue_has_no_untranslated_or_fuzzy_entry_of_the_public_site():
    catalogue = polib.pofile(str(CATALOGUE / "django.po"))
    own = [entry for entry in catalogue if _is_own(entry) and not entry.obsolete]
    assert len(own) > 100
    assert [e.msgid for e in own if not e.translated()] == []
    assert [e.msgid for e in own if "fuzzy" in e.flags] == []


def test_every_translate_tag_of_the_public_templates_is_in_the_catalogue():
    known = {entry.msgid for entry in polib.pofile(str(CATALOGUE / "django.po"))}
    used = {
        m.group(2) for path in _own_templates() for m in TRANSLATE_TAG.finditer(path.read_text())
    }
    assert len(used) > 50
    assert sorted(used - known) == []


def test_the_compiled_catalogue_matches_its_source():
    source = {
        e.msgid: (e.msgstr, e.msgstr_plural)
        for e in polib.pofile(str(CATALOGUE / "django.po"))
        if e.translated()
    }
    compiled = {
        e.msgid: (e.msgstr, e.msgstr_plural)
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
def test_the_language_switcher_sets_the_language(client, structured_revision):
    page = client.get(reverse("resolutions:index")).content.decode()
    assert f'action="{reverse("set_language")}"' in page
    response = client.post(
        reverse("set_language"), {"language": "fr", "next": reverse("resolutions:index")}
    )
    assert response.status_code == 302
    assert "Résolutions" in client.get(reverse("resolutions:index")).content.decode()
