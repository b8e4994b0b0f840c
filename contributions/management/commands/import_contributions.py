"""import_contributions PATH... [--meeting WTSA-24] [--metadata metadata.csv] [--dry-run]

Imports files (or every .docx/.pdf/.txt/.md in a folder) synchronously, one transaction per file;
a failure is reported on one line and the batch carries on. Exit status 1 if any file failed.
"""

from __future__ import annotations

import logging
from collections import Counter
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from contributions.import_tasks import enqueue_watch_digests
from contributions.importing import (
    ImportFailure,
    ImportOutcome,
    import_contribution,
    import_limits,
)
from contributions.metadata import MetadataError, MetadataRow, read_metadata_csv
from contributions.readers.limits import human_size
from meetings.models import Meeting

logger = logging.getLogger(__name__)
EXTENSIONS = {".docx", ".pdf", ".txt", ".md"}


class Command(BaseCommand):
    help = "Import contribution files (.docx, .pdf, .txt, .md) into a meeting."

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH", help="files or folders")
        parser.add_argument("--meeting", help="meeting acronym, e.g. WTSA-24 (or a CSV column)")
        parser.add_argument("--metadata", help="CSV with one row per file (see docs/importing.md)")
        parser.add_argument(
            "--dry-run", action="store_true", help="do everything, then roll back; report only"
        )
        parser.add_argument("--user", help="username recorded in the history rows")

    def handle(self, *args, **options) -> None:
        rows = self._metadata(options["metadata"])
        user = self._user(options["user"])
        files = _collect(options["paths"], skip=options["metadata"])
        dry_run = options["dry_run"]
        counts: Counter[str] = Counter()
        failures: list[str] = []
        imported: list[int] = []
        bar = tqdm(files, unit="file", disable=not self.stderr.isatty(), file=self.stderr._out)
        for path in bar:
            try:
                outcome = self._import(path, rows, options["meeting"], user, dry_run)
            except Exception as error:  # one bad file must not stop the batch
                counts["failed"] += 1
                failures.append(f"{path}: {_reason(error)}")
                bar.write(f"failed {path.name}: see below", file=self.stdout._out)
                continue
            counts[outcome.status] += 1
            if outcome.status != "unchanged" and not dry_run:
                imported.append(outcome.contribution.pk)
            bar.write(_describe(path, outcome), file=self.stdout._out)
        enqueue_watch_digests(imported)  # one digest per reviewer for the whole batch
        self._summary(counts, failures, dry_run)

    def _metadata(self, csv_path: str | None) -> dict[str, MetadataRow]:
        if not csv_path:
            return {}
        try:
            return read_metadata_csv(Path(csv_path))
        except (OSError, MetadataError) as error:
            raise CommandError(f"{csv_path}: {error}") from error

    def _user(self, username: str | None):
        if not username:
            return None
        try:
            return get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(f"unknown user {username!r}") from error

    def _import(self, path: Path, rows, meeting_option, user, dry_run) -> ImportOutcome:
        row = rows.get(path.name)
        acronym = (row.meeting if row else "") or meeting_option
        if not acronym:
            raise ImportFailure("no meeting: give --meeting or a meeting column in the metadata")
        meeting = Meeting.objects.filter(acronym=acronym).first()
        if meeting is None:
            raise ImportFailure(f"unknown meeting {acronym!r}")
        data = _read_bytes(path)
        return import_contribution(
            data,
            path.name,
            meeting=meeting,
            metadata=row.metadata if row else None,
            user=user,
            dry_run=dry_run,
        )

    def _summary(self, counts: Counter[str], failures: list[str], dry_run: bool) -> None:
        parts = ", ".join(f"{counts[k]} {k}" for k in ("created", "updated", "unchanged", "failed"))
        suffix = " (dry run: nothing was written)" if dry_run else ""
        self.stdout.write(f"Summary: {parts}{suffix}")
        for line in failures:  # on stderr, once each: one line per failed file
            self.stderr.write(line)
        if failures:
            raise CommandError(f"{len(failures)} file(s) failed")


def _collect(paths: list[str], *, skip: str | None) -> list[Path]:
    """Files as given; folders expanded to their contribution files, sorted."""
    skipped = Path(skip).resolve() if skip else None
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            files.extend(
                p
                for p in sorted(path.rglob("*"))
                if p.is_file() and p.suffix.lower() in EXTENSIONS and p.resolve() != skipped
            )
        else:
            files.append(path)
    return files


def _read_bytes(path: Path) -> bytes:
    try:
        size = path.stat().st_size
        limit = import_limits().max_bytes
        if size > limit:  # refuse before loading a huge file into memory
            raise ImportFailure(f"file is {human_size(size)}, over the {human_size(limit)} limit")
        return path.read_bytes()
    except OSError as error:
        raise ImportFailure(f"cannot read the file ({error.strerror or error})") from error


def _reason(error: Exception) -> str:
    if isinstance(error, ImportFailure):
        return str(error)
    logger.exception("import failed unexpectedly")  # the traceback, for whoever fixes it
    detail = " ".join(str(error).split())[:200]
    return f"internal error ({type(error).__name__}: {detail})"


def _describe(path: Path, outcome: ImportOutcome) -> str:
    number = outcome.contribution.number
    if outcome.status == "unchanged":
        return f"unchanged {number} ({path.name}): same content as already imported"
    verb = f"would be {outcome.status}" if outcome.dry_run else outcome.status
    line = (
        f"{verb} {number} ({path.name}): {len(outcome.proposals)} proposal(s), "
        f"{outcome.changes} change(s), {outcome.flags} flag(s)"
    )
    return line + "".join(f"\n  warning: {w}" for w in outcome.warnings)
