"""The importer's world: Resolution 75 with its real Geneva 2022 French text, real .docx files."""

import datetime as dt
from pathlib import Path

import pytest
from django.apps import apps

from resolutions.models import Revision, WatchTerm
from tests.support.docx_builder import build_docx, paragraphs_from_diff

REPO_ROOT = Path(__file__).resolve().parents[2]
RES75 = REPO_ROOT / "fixtures" / "texts" / "res75"
APPS = ("meetings", "resolutions", "contributions")


@pytest.fixture(scope="session")
def geneva_text() -> str:
    return (RES75 / "res75-geneva-2022.fr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def new_delhi_text() -> str:
    return (RES75 / "res75-new-delhi-2024.fr.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_docx(geneva_text, new_delhi_text) -> bytes:
    """Seed 001 as Word would save it: the proposal's changes as real tracked revisions."""
    return build_docx(paragraphs_from_diff(geneva_text, new_delhi_text))


@pytest.fixture(scope="session")
def marked_docx(geneva_text, new_delhi_text) -> bytes:
    """The same proposal as ITU documents print it: marker, tracked text, reasons."""
    return build_docx(
        [
            "Asia-Pacific Telecommunity common proposals",
            "MOD\tACP/37A22/1",
            *paragraphs_from_diff(geneva_text, new_delhi_text),
            "Reasons:\tTo focus on action lines C2, C5 and C6 and emerging technologies.",
        ]
    )


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    """Uploaded files go to a scratch MEDIA_ROOT, never the developer's."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def watch_terms(db) -> int:
    """The default watch terms, as the 0002_seed_watch_terms migration stores them.

    Re-seeded when a transactional test elsewhere flushed the table.
    """
    if not WatchTerm.objects.exists():
        from importlib import import_module

        seed = import_module("resolutions.migrations.0002_seed_watch_terms")
        WatchTerm.objects.bulk_create(WatchTerm(**row) for row in seed._rows())
    return WatchTerm.objects.count()


@pytest.fixture
def geneva(resolution, geneva_text, watch_terms) -> Revision:
    return Revision.objects.create(
        resolution=resolution,
        label="Rev. Geneva, 2022",
        adopted_on=dt.date(2022, 3, 9),
        language="fr",
        text=geneva_text,
    )


def snapshot(media: Path | None = None) -> dict[str, int]:
    """Row counts of every model of the project (history tables included), plus stored files."""
    counts = {
        model._meta.label: model.objects.count()
        for app in APPS
        for model in apps.get_app_config(app).get_models()
    }
    if media is not None:
        counts["files"] = sum(1 for p in media.rglob("*") if p.is_file()) if media.exists() else 0
    return counts
