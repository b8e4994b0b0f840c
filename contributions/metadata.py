"""The metadata CSV of ``import_contributions --metadata``: one row per file.

Header (order free, names exact): ``filename,number,title,meeting,submitters,date,language,
visibility`` and optionally ``abstract``. ``filename`` is required and matches the file's name
(not its folder); ``submitters`` are group codes separated by ";"; ``date`` is YYYY-MM-DD;
``visibility`` is "public" or "restricted". Empty cells take the importer's defaults.
"""

from __future__ import annotations

import csv
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from contributions.importing import ImportMetadata
from contributions.models import Contribution

COLUMNS = (
    "filename",
    "number",
    "title",
    "meeting",
    "submitters",
    "date",
    "language",
    "visibility",
    "abstract",
)
REQUIRED = ("filename",)


class MetadataError(ValueError):
    """The CSV cannot be used; the message is one line naming the row or column."""


@dataclass(frozen=True)
class MetadataRow:
    meeting: str
    metadata: ImportMetadata


def read_metadata_csv(path: Path) -> dict[str, MetadataRow]:
    """Rows keyed by file name. UTF-8 (a BOM, as Excel writes, is fine)."""
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip() for name in reader.fieldnames or []]
        unknown = [name for name in header if name not in COLUMNS]
        missing = [name for name in REQUIRED if name not in header]
        if unknown or missing:
            raise MetadataError(
                f"bad header: unknown {unknown or 'none'}, missing {missing or 'none'}; "
                f"expected {','.join(COLUMNS)}"
            )
        rows: dict[str, MetadataRow] = {}
        for line, raw in enumerate(reader, start=2):
            record = {(k or "").strip(): (v or "").strip() for k, v in raw.items()}
            name = record.get("filename", "")
            if not name:
                raise MetadataError(f"line {line}: empty filename")
            if name in rows:
                raise MetadataError(f"line {line}: {name} is listed twice")
            rows[name] = _row(record, line)
        return rows


def _row(record: dict[str, str], line: int) -> MetadataRow:
    visibility = record.get("visibility", "").lower()
    if visibility and visibility not in Contribution.Visibility.values:
        raise MetadataError(f"line {line}: visibility must be public or restricted")
    try:
        date = dt.date.fromisoformat(record["date"]) if record.get("date") else None
    except ValueError as error:
        raise MetadataError(f"line {line}: date {record['date']!r} is not YYYY-MM-DD") from error
    submitters = tuple(s.strip() for s in record.get("submitters", "").split(";") if s.strip())
    return MetadataRow(
        meeting=record.get("meeting", ""),
        metadata=ImportMetadata(
            number=record.get("number", ""),
            title=record.get("title", ""),
            submitters=submitters,
            date=date,
            language=record.get("language", ""),
            visibility=visibility,
            abstract=record.get("abstract", ""),
        ),
    )
