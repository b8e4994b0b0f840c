"""The admin's import page: upload → preview (nothing written) → confirm → import; downloads."""

import pytest
from django.contrib.auth.models import Permission
from django.core.signals import request_finished
from django.db import close_old_connections
from django.urls import reverse

from contributions.models import Contribution, ImportJob
from tests.importing.conftest import snapshot

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:contributions_contribution_import")


def _upload(client, data: bytes, wtsa24, apt, name="res75.docx", **extra):
    from django.core.files.uploadedfile import SimpleUploadedFile

    form = {
        "file": SimpleUploadedFile(name, data),
        "meeting": wtsa24.pk,
        "number": "37-Add.22",
        "title": "APT common proposals",
        "submitters": [apt.pk],
        "date": "2024-09-01",
        "language": "fr",
        "visibility": "public",
        **extra,
    }
    return client.post(IMPORT_URL, form)


def _close(response) -> None:
    """Close a download's file without request_finished closing the test's DB connection."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


def _status(client, url: str) -> int:
    response = client.get(url)
    _close(response)  # a download streams from an open file
    return response.status_code


def _rows(media_root) -> dict[str, int]:
    counts = snapshot(media_root)
    counts.pop("files")
    return counts


def test_it_previews_then_imports_on_confirmation(
    client, importer, seed_docx, geneva, wtsa24, apt, media_root
):
    client.force_login(importer)
    before = _rows(media_root)

    preview = _upload(client, seed_docx, wtsa24, apt)

    assert preview.status_code == 200
    page = preview.content.decode()
    assert "res75.docx would be created as 37-Add.22 (WTSA-24)." in page
    assert "WTSA Resolution 75" in page and "Rev. Geneva, 2022" in page
    assert "severity-high" in page
    assert _rows(media_root) == before  # the preview wrote no row

    confirmed = client.post(IMPORT_URL, {"token": preview.context["token"]})

    contribution = Contribution.objects.get()
    assert confirmed.status_code == 302
    assert confirmed["Location"] == reverse(
        "admin:contributions_contribution_change", args=[contribution.pk]
    )
    assert contribution.number == "37-Add.22" and contribution.visibility == "public"
    assert list(contribution.submitters.all()) == [apt]
    assert contribution.proposals.get().changes.exists()
    assert contribution.history.get().history_user == importer
    assert not (media_root / "import-staging").exists() or not any(
        p.is_file() for p in (media_root / "import-staging").rglob("*")
    )


def test_it_shows_a_bad_file_as_one_line_on_the_form(client, importer, wtsa24, apt, media_root):
    client.force_login(importer)
    before = snapshot(media_root)

    response = _upload(client, b"plain words", wtsa24, apt, name="broken.docx")

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == ["broken.docx: not a zip archive"]
    assert snapshot(media_root) == before


def test_it_refuses_a_preview_token_of_another_user(
    client, importer, admin_user, seed_docx, geneva, wtsa24, apt
):
    client.force_login(importer)
    token = _upload(client, seed_docx, wtsa24, apt).context["token"]
    client.force_login(admin_user)

    response = client.post(IMPORT_URL, {"token": token}, follow=True)

    assert not Contribution.objects.exists()
    assert "no longer available" in response.content.decode()


def test_it_sends_a_large_upload_to_the_background(
    client, importer, settings, seed_docx, geneva, wtsa24, apt
):
    from django_tasks_db.models import DBTaskResult

    settings.ITU_TRACKER_IMPORT_BACKGROUND_BYTES = 1000
    client.force_login(importer)
    token = _upload(client, seed_docx, wtsa24, apt).context["token"]

    response = client.post(IMPORT_URL, {"token": token})

    job = ImportJob.objects.get()
    assert response["Location"] == reverse("admin:contributions_importjob_change", args=[job.pk])
    assert job.status == ImportJob.Status.QUEUED and job.user == importer
    assert job.metadata["number"] == "37-Add.22" and job.metadata["submitters"] == ["APT"]
    assert str(DBTaskResult.objects.get().id) == job.task_id
    assert not Contribution.objects.exists()
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert '<meta http-equiv="refresh" content="3">' in page.content.decode()


@pytest.fixture
def imported(seed_docx, geneva, wtsa24, importer) -> Contribution:
    from contributions.importing import import_contribution

    return import_contribution(seed_docx, "res75.docx", meeting=wtsa24, user=importer).contribution


def test_the_change_page_links_the_stored_file_for_download(client, importer, imported, seed_docx):
    client.force_login(importer)
    download = reverse("admin:contributions_contribution_source", args=[imported.pk])

    page = client.get(reverse("admin:contributions_contribution_change", args=[imported.pk]))
    response = client.get(download)

    assert page.status_code == 200 and download in page.content.decode()
    assert response["Content-Disposition"] == 'attachment; filename="res75.docx"'
    assert b"".join(response.streaming_content) == seed_docx
    _close(response)


@pytest.fixture
def staff_without_permissions(django_user_model):
    return django_user_model.objects.create_user("sam", password="x" * 16, is_staff=True)


@pytest.mark.parametrize(
    ("role", "expected"),
    [
        ("anonymous", 302),
        ("reviewer", 302),  # not staff: the admin sends them to its log-in page
        ("staff_without_permissions", 403),
        ("importer", 200),
        ("admin_user", 200),
    ],
)
@pytest.mark.parametrize("page", ["import", "download"])
def test_permission_matrix(client, request, imported, page, role, expected):
    if role != "anonymous":
        client.force_login(request.getfixturevalue(role))
    url = (
        IMPORT_URL
        if page == "import"
        else reverse("admin:contributions_contribution_source", args=[imported.pk])
    )

    assert _status(client, url) == expected


def test_staff_who_may_view_contributions_may_download(client, staff_without_permissions, imported):
    staff_without_permissions.user_permissions.add(
        Permission.objects.get(codename="view_contribution")
    )
    client.force_login(staff_without_permissions)

    url = reverse("admin:contributions_contribution_source", args=[imported.pk])
    assert _status(client, url) == 200
    assert _status(client, IMPORT_URL) == 403


def test_the_changelist_offers_the_import_page(client, importer, reviewer):
    client.force_login(importer)

    page = client.get(reverse("admin:contributions_contribution_changelist")).content.decode()

    assert f'href="{IMPORT_URL}"' in page


def test_a_new_preview_drops_the_files_of_expired_previews(
    client, importer, seed_docx, geneva, wtsa24, apt, media_root
):
    import os
    import time

    client.force_login(importer)
    _upload(client, seed_docx, wtsa24, apt)
    (stale,) = (p for p in (media_root / "import-staging").rglob("*") if p.is_file())
    two_hours_ago = time.time() - 7200
    os.utime(stale, (two_hours_ago, two_hours_ago))

    _upload(client, seed_docx, wtsa24, apt)

    staged = [p for p in (media_root / "import-staging").rglob("*") if p.is_file()]
    assert len(staged) == 1 and stale not in staged
