"""A large upload imported by a real task through django-tasks-db's worker (db_worker --batch)."""

from io import StringIO

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from contributions.import_tasks import run_import_job
from contributions.models import Contribution, ImportJob

# The worker commits and takes an exclusive lock: it needs real transactions, not a test's
# savepoint. serialized_rollback puts the migrations' data (roles, watch terms) back afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)


def _work() -> str:
    out = StringIO()
    call_command("db_worker", batch=True, reload=False, startup_delay=False, interval=0, stdout=out)
    return out.getvalue()


def test_a_large_upload_is_imported_by_the_worker(
    client, importer, settings, seed_docx, geneva, wtsa24, apt
):
    settings.ITU_TRACKER_IMPORT_BACKGROUND_BYTES = 1000
    client.force_login(importer)
    url = reverse("admin:contributions_contribution_import")
    preview = client.post(
        url,
        {
            "file": SimpleUploadedFile("res75.docx", seed_docx),
            "meeting": wtsa24.pk,
            "number": "37-Add.22",
            "submitters": [apt.pk],
            "visibility": "public",
        },
    )
    client.post(url, {"token": preview.context["token"]})
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.QUEUED and not Contribution.objects.exists()

    _work()

    job.refresh_from_db()
    contribution = Contribution.objects.get()
    assert job.status == ImportJob.Status.SUCCEEDED and job.progress == 100
    assert job.contribution == contribution and contribution.number == "37-Add.22"
    assert job.result["status"] == "created" and job.result["changes"] > 10
    assert contribution.history.get().history_user == importer
    assert DBTaskResult.objects.get(id=job.task_id).status == "SUCCESSFUL"
    assert not job.file  # the contribution keeps the only copy of the file
    page = client.get(reverse("admin:contributions_importjob_change", args=[job.pk]))
    assert 'value="100"' in page.content.decode()
    assert "created 37-Add.22: 1 proposal(s)" in page.content.decode()
    assert 'http-equiv="refresh"' not in page.content.decode()  # done: no more polling


def test_a_failing_job_records_its_one_line_error(importer, wtsa24):
    job = ImportJob(filename="broken.docx", meeting=wtsa24, user=importer)
    job.file.save("broken.docx", ContentFile(b"not a zip"), save=True)
    run_import_job.enqueue(job.pk)

    _work()

    job.refresh_from_db()
    assert job.status == ImportJob.Status.FAILED
    assert job.error == "broken.docx: not a zip archive"
    assert not Contribution.objects.exists()
