"""Seed WatchTerm from the detector's default rule set (resolutions/text/watch_terms.json).

Staff tune the rules in the admin afterwards; the importer flags with the active rows. Each seeded
row gets its "created" history row too, so the audit trail starts at the seed. Re-running (or a
database that already has some rows) only adds what is missing.
"""

import json
from pathlib import Path

from django.db import migrations
from django.utils import timezone

RULES = Path(__file__).resolve().parent.parent / "text" / "watch_terms.json"
REASON = "seeded from watch_terms.json"


def _rows() -> list[dict]:
    seen, rows = set(), []
    for item in json.loads(RULES.read_text(encoding="utf-8")):
        row = {
            "category": item.get("category") or "",
            "language": item["language"],
            "kind": item.get("kind") or "term",
            "pattern": item["pattern"],
            "weight": float(item.get("weight", 1.0)),
            "note": item.get("note", "")[:500],
            "active": True,
        }
        key = (row["category"], row["language"], row["kind"], row["pattern"])
        if key not in seen:  # the constraint allows one row per key: the first one wins
            seen.add(key)
            rows.append(row)
    return rows


def seed(apps, schema_editor):
    WatchTerm = apps.get_model("resolutions", "WatchTerm")
    HistoricalWatchTerm = apps.get_model("resolutions", "HistoricalWatchTerm")
    db = schema_editor.connection.alias
    existing = set(
        WatchTerm.objects.using(db).values_list("category", "language", "kind", "pattern")
    )
    new = [
        WatchTerm(**row)
        for row in _rows()
        if (row["category"], row["language"], row["kind"], row["pattern"]) not in existing
    ]
    created = WatchTerm.objects.using(db).bulk_create(new, batch_size=500)
    if created and created[0].pk is None:  # a backend that cannot return ids from bulk inserts
        keys = {(t.category, t.language, t.kind, t.pattern) for t in new}
        created = [
            t
            for t in WatchTerm.objects.using(db).all()
            if (t.category, t.language, t.kind, t.pattern) in keys
        ]
    now = timezone.now()
    HistoricalWatchTerm.objects.using(db).bulk_create(
        [
            HistoricalWatchTerm(
                id=term.pk,
                category=term.category,
                language=term.language,
                kind=term.kind,
                pattern=term.pattern,
                weight=term.weight,
                note=term.note,
                active=term.active,
                history_date=now,
                history_type="+",
                history_change_reason=REASON,
            )
            for term in created
        ],
        batch_size=500,
    )


def unseed(apps, schema_editor):
    WatchTerm = apps.get_model("resolutions", "WatchTerm")
    HistoricalWatchTerm = apps.get_model("resolutions", "HistoricalWatchTerm")
    db = schema_editor.connection.alias
    HistoricalWatchTerm.objects.using(db).filter(history_change_reason=REASON).delete()
    keys = {(r["category"], r["language"], r["kind"], r["pattern"]) for r in _rows()}
    for term in WatchTerm.objects.using(db).all():
        if (term.category, term.language, term.kind, term.pattern) in keys:
            term.delete()


class Migration(migrations.Migration):
    # After the public pages' migration (parallel work): one line of migrations, no merge node.
    dependencies = [("resolutions", "0002_public_revision_comparison")]

    operations = [migrations.RunPython(seed, unseed)]
