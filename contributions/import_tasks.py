"""Background imports: large uploads are imported by the task worker (``manage.py db_worker``)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django_tasks import task

from contributions.importing import ImportFailure, ImportMetadata, import_contribution
from contributions.models import ImportJob
from contributions.tasks import send_watch_digests


def job_metadata(job: ImportJob) -> ImportMetadata:
    data = dict(job.metadata)
    date = data.get("date")
    return ImportMetadata(
        number=data.get("number", ""),
        title=data.get("title", ""),
        submitters=tuple(data.get("submitters", ())),
        date=dt.date.fromisoformat(date) if date else None,
        language=data.get("language", ""),
        visibility=data.get("visibility", ""),
        abstract=data.get("abstract", ""),
    )


def metadata_json(metadata: ImportMetadata) -> dict[str, Any]:
    return {
        "number": metadata.number,
        "title": metadata.title,
        "submitters": list(metadata.submitters),
        "date": metadata.date.isoformat() if metadata.date else None,
        "language": metadata.language,
        "visibility": metadata.visibility,
        "abstract": metadata.abstract,
    }


@task()
def run_import_job(job_id: int) -> dict[str, Any]:
    """Import the job's file; progress, result and error are written on the job as it goes."""
    job = ImportJob.objects.select_related("meeting", "user").get(pk=job_id)
    _set(job, status=ImportJob.Status.RUNNING, progress=1, step="starting")

    def progress(percent: int, step: str) -> None:
        # ImportJob keeps no history: a plain UPDATE is the cheap way to report progress.
        ImportJob.objects.filter(pk=job_id).update(progress=percent, step=step[:120])

    try:
        with job.file.open("rb") as handle:
            data = handle.read()
        outcome = import_contribution(
            data,
            job.filename,
            meeting=job.meeting,
            metadata=job_metadata(job),
            user=job.user,
            progress=progress,
        )
    except ImportFailure as error:
        _set(job, status=ImportJob.Status.FAILED, error=f"{job.filename}: {error}", step="failed")
        return {"status": "failed", "error": job.error}
    except Exception as error:
        _set(job, status=ImportJob.Status.FAILED, error=f"{job.filename}: internal error ({error})")
        raise
    job.file.delete(save=False)  # the contribution keeps its own copy of the file
    if outcome.status != "unchanged":
        enqueue_watch_digests([outcome.contribution.pk])
    _set(
        job,
        status=ImportJob.Status.SUCCEEDED,
        progress=100,
        step="done",
        result=outcome.to_dict(),
        contribution=outcome.contribution,
        file="",
    )
    return job.result


def enqueue_watch_digests(contribution_ids: list[int]) -> None:
    """One watchlist digest per reviewer for an import batch, sent by the task worker."""
    if contribution_ids:
        send_watch_digests.enqueue(sorted(set(contribution_ids)))


def _set(job: ImportJob, **fields: Any) -> None:
    for name, value in fields.items():
        setattr(job, name, value)
    job.save(update_fields=[*fields, "updated"])
