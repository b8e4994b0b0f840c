"""Import throughput: N generated .docx contributions (Res 75 with real tracked changes) imported
one by one through ``import_contribution``, as the command line does.

Each document is the seed-001 proposal (Geneva 2022 → New Delhi 2024, about 80 paragraphs, every
change a Word revision) with one clause varied, so every file is new content. Documents are
built before the clock starts. Throughput is timed without tracing; peak memory is then measured
with tracemalloc over a second batch of the same size (tracing slows Python down ~2×).

Run inside ``make bench`` (database prepared there), or alone:
``python -m benchmarks.importing [N]`` on a scratch SQLite database.
"""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RES75 = ROOT / "fixtures" / "texts" / "res75"
MEETING = "BENCH-IMPORT"


def run(n: int = 200) -> dict:
    """{"documents", "docs_per_s", "peak_mb"} for ``n`` documents (Django must be set up)."""
    from django.test import override_settings

    # The stored copies of the files go to a scratch folder, never the developer's uploads.
    with (
        tempfile.TemporaryDirectory(prefix="itu-import-media-") as media,
        override_settings(MEDIA_ROOT=media),
    ):
        return _measure(n)


def _measure(n: int) -> dict:
    meeting = _world()
    timed, traced = _documents(n, "T"), _documents(n, "M")
    start = time.perf_counter()
    _import_all(timed, meeting)
    elapsed = time.perf_counter() - start
    tracemalloc.start()
    try:
        _import_all(traced, meeting)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "documents": n,
        "docs_per_s": round(n / elapsed, 2),
        "peak_mb": round(peak / 1024 / 1024, 1),
    }


def _import_all(documents: list[tuple[str, bytes]], meeting) -> None:
    from contributions.importing import ImportMetadata, import_contribution

    for name, data in documents:
        outcome = import_contribution(
            data, name, meeting=meeting, metadata=ImportMetadata(number=name[:-5])
        )
        if outcome.status != "created":
            raise RuntimeError(f"{name}: expected a new contribution, got {outcome.status}")


def _documents(n: int, series: str) -> list[tuple[str, bytes]]:
    from tests.support.docx_builder import build_docx, paragraphs_from_diff

    geneva, new_delhi = _texts()
    anchor = "6 de soumettre des contributions"
    documents = []
    for index in range(n):
        variant = new_delhi.replace(anchor, f"{anchor} (variante {series}{index})", 1)
        data = build_docx(paragraphs_from_diff(geneva, variant))
        documents.append((f"BENCH-{series}{index:04d}.docx", data))
    return documents


def _texts() -> tuple[str, str]:
    return (
        (RES75 / "res75-geneva-2022.fr.txt").read_text(encoding="utf-8"),
        (RES75 / "res75-new-delhi-2024.fr.txt").read_text(encoding="utf-8"),
    )


def _world():
    """A meeting of its own; Resolution 75 and its Geneva 2022 revision (the demo's if loaded)."""
    from contributions.models import Contribution
    from meetings.models import Meeting
    from resolutions.models import Resolution, Revision

    meeting, _ = Meeting.objects.get_or_create(
        acronym=MEETING,
        defaults={
            "name": "Import benchmark",
            "kind": Meeting.Kind.WTSA,
            "start_date": dt.date(2024, 10, 15),
            "end_date": dt.date(2024, 10, 24),
        },
    )
    for contribution in Contribution.objects.filter(meeting=meeting):
        contribution.delete()  # a previous run on the same database
    resolution, _ = Resolution.objects.get_or_create(
        assembly="wtsa", number="75", defaults={"title": "WSIS outcomes"}
    )
    if not any("2022" in r.label for r in resolution.revisions.all()):
        Revision.objects.create(
            resolution=resolution,
            label="Rev. Geneva, 2022",
            adopted_on=dt.date(2022, 3, 9),
            language="fr",
            text=_texts()[0],
        )
    return meeting


def _standalone(n: int) -> dict:
    import os
    import secrets

    os.environ["DATABASE_URL"] = f"sqlite:///{tempfile.mkdtemp(prefix='itu-import-')}/db.sqlite3"
    os.environ.setdefault("DJANGO_SECRET_KEY", secrets.token_urlsafe(50))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "itu_tracker.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    return run(n)


if __name__ == "__main__":
    print(_standalone(int(sys.argv[1]) if len(sys.argv) > 1 else 200))
