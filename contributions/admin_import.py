"""The admin's "Import a contribution" page: upload + metadata → preview → confirm.

The preview runs the whole import in a transaction that is rolled back (nothing is written);
the uploaded file waits in a staging folder under MEDIA_ROOT, named in a signed token that only
the uploader can redeem. Confirming imports it, in the request for ordinary files and through
the task worker (an ImportJob) beyond ITU_TRACKER_IMPORT_BACKGROUND_BYTES. Stored files are
downloadable by staff with ``contributions.view_contribution`` only, never from a public URL.
"""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import PurePath

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from contributions.import_tasks import (
    enqueue_watch_digests,
    job_metadata,
    metadata_json,
    run_import_job,
)
from contributions.importing import ImportFailure, ImportMetadata, import_contribution
from contributions.models import Contribution, ImportJob
from contributions.readers import EXTENSIONS
from contributions.readers.limits import human_size
from meetings.models import Group, Meeting

STAGING = "import-staging"
# What an import did to a contribution (contributions.importing's statuses), as staff read it.
_STATUSES = {
    "created": pgettext_lazy("import status", "created"),
    "updated": pgettext_lazy("import status", "updated"),
    "unchanged": pgettext_lazy("import status", "unchanged"),
}
_SALT = "contributions.import-preview"
_TOKEN_AGE = 3600  # seconds a preview stays confirmable


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("File"), help_text=_(".docx (tracked changes welcome), .pdf, .txt or .md")
    )
    meeting = forms.ModelChoiceField(
        label=_("Meeting"), queryset=Meeting.objects.order_by("-start_date")
    )
    number = forms.CharField(
        label=_("Number"),
        max_length=80,
        required=False,
        help_text=_("Default: the file name without extension."),
    )
    title = forms.CharField(label=_("Title"), max_length=500, required=False)
    submitters = forms.ModelMultipleChoiceField(
        label=_("Submitters"), queryset=Group.objects.order_by("code"), required=False
    )
    date = forms.DateField(label=_("Date"), required=False, help_text=_("YYYY-MM-DD"))
    language = forms.ChoiceField(
        label=_("Language"),
        choices=[("", _("Detect")), ("en", "English"), ("fr", "Français"), ("es", "Español")],
        required=False,
    )
    visibility = forms.ChoiceField(
        label=_("Visibility"),
        choices=Contribution.Visibility.choices,
        initial=Contribution.Visibility.RESTRICTED,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = settings.ITU_TRACKER_IMPORT_MAX_BYTES
        if upload.size > limit:
            raise forms.ValidationError(
                _("%(name)s: file is %(size)s, over the %(limit)s limit")
                % {"name": upload.name, "size": human_size(upload.size), "limit": human_size(limit)}
            )
        if PurePath(upload.name).suffix.lower() not in EXTENSIONS:
            raise forms.ValidationError(
                _("%(name)s: expected .docx, .pdf, .txt or .md") % {"name": upload.name}
            )
        return upload

    def metadata(self) -> ImportMetadata:
        data = self.cleaned_data
        return ImportMetadata(
            number=data["number"].strip(),
            title=data["title"].strip(),
            submitters=tuple(group.code for group in data["submitters"]),
            date=data["date"],
            language=data["language"],
            visibility=data["visibility"],
        )


class ImportAdminMixin:
    """Adds the import page and the staff-only file download to ContributionAdmin."""

    change_list_template = "admin/contributions/contribution/change_list.html"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name="contributions_contribution_import"),
            path(
                "<int:pk>/source/",
                view(self.source_file_view),
                name="contributions_contribution_source",
            ),
            *super().get_urls(),
        ]

    def import_view(self, request: HttpRequest) -> HttpResponse:
        if not request.user.has_perm("contributions.add_contribution"):
            raise PermissionDenied
        if request.method == "POST" and "token" in request.POST:
            return self._confirm(request)
        form = ImportForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            return self._preview(request, form)
        return self._render(request, "import.html", {"form": form})

    def source_file_view(self, request: HttpRequest, pk: int) -> FileResponse:
        if not request.user.has_perm("contributions.view_contribution"):
            raise PermissionDenied
        contribution = get_object_or_404(Contribution, pk=pk)
        if not contribution.source_file:
            raise Http404("This contribution has no stored file.")
        try:
            handle = contribution.source_file.open("rb")
        except FileNotFoundError as error:
            raise Http404("The stored file is missing.") from error
        name = PurePath(contribution.source_file.name).name
        return FileResponse(handle, as_attachment=True, filename=name)

    @admin.display(description=_("source file"))
    def source_file_link(self, contribution: Contribution) -> str:
        if not contribution.pk or not contribution.source_file:
            return "—"
        url = reverse("admin:contributions_contribution_source", args=[contribution.pk])
        return format_html('<a href="{}">{}</a>', url, PurePath(contribution.source_file.name).name)

    # ------------------------------------------------------------------ steps

    def _preview(self, request: HttpRequest, form: ImportForm) -> HttpResponse:
        upload = form.cleaned_data["file"]
        data = upload.read()
        name = PurePath(upload.name).name
        metadata = form.metadata()
        meeting = form.cleaned_data["meeting"]
        try:
            outcome = import_contribution(
                data, name, meeting=meeting, metadata=metadata, user=request.user, dry_run=True
            )
        except ImportFailure as error:
            form.add_error("file", f"{name}: {error}")
            return self._render(request, "import.html", {"form": form})
        _clean_staging()
        staged = default_storage.save(f"{STAGING}/{uuid.uuid4().hex}/{name}", ContentFile(data))
        token = signing.dumps(
            {
                "staged": staged,
                "name": name,
                "meeting": meeting.pk,
                "metadata": metadata_json(metadata),
                "user": request.user.pk,
            },
            salt=_SALT,
        )
        context = {
            "outcome": outcome,
            "status": status_label(outcome.status),
            "token": token,
            "meeting": meeting,
            "size": human_size(len(data)),
            "background": len(data) > settings.ITU_TRACKER_IMPORT_BACKGROUND_BYTES,
        }
        return self._render(request, "import_preview.html", context)

    def _confirm(self, request: HttpRequest) -> HttpResponse:
        try:
            ticket = signing.loads(request.POST["token"], salt=_SALT, max_age=_TOKEN_AGE)
        except signing.BadSignature:
            messages.error(request, _("This preview has expired: upload the file again."))
            return redirect("admin:contributions_contribution_import")
        if ticket["user"] != request.user.pk or not default_storage.exists(ticket["staged"]):
            messages.error(request, _("This preview is no longer available: upload again."))
            return redirect("admin:contributions_contribution_import")
        meeting = get_object_or_404(Meeting, pk=ticket["meeting"])
        job = ImportJob(
            filename=ticket["name"], meeting=meeting, metadata=ticket["metadata"], user=request.user
        )
        with default_storage.open(ticket["staged"], "rb") as handle:
            data = handle.read()
        default_storage.delete(ticket["staged"])
        if len(data) > settings.ITU_TRACKER_IMPORT_BACKGROUND_BYTES:
            return self._enqueue(request, job, data)
        try:
            outcome = import_contribution(
                data,
                job.filename,
                meeting=meeting,
                metadata=job_metadata(job),
                user=request.user,
            )
        except ImportFailure as error:
            messages.error(request, f"{job.filename}: {error}")
            return redirect("admin:contributions_contribution_import")
        if outcome.status != "unchanged":
            enqueue_watch_digests([outcome.contribution.pk])
        messages.success(
            request,
            gettext(
                "%(file)s: %(status)s %(contribution)s — %(proposals)s proposal(s), "
                "%(changes)s change(s), %(flags)s flag(s)."
            )
            % {
                "file": job.filename,
                "status": status_label(outcome.status),
                "contribution": outcome.contribution,
                "proposals": len(outcome.proposals),
                "changes": outcome.changes,
                "flags": outcome.flags,
            },
        )
        return redirect("admin:contributions_contribution_change", outcome.contribution.pk)

    def _enqueue(self, request: HttpRequest, job: ImportJob, data: bytes) -> HttpResponse:
        job.file.save(job.filename, ContentFile(data), save=False)
        job.save()
        result = run_import_job.enqueue(job.pk)
        job.task_id = str(result.id)
        job.save(update_fields=["task_id", "updated"])
        messages.info(
            request,
            gettext("%(file)s is large: it is being imported in the background.")
            % {"file": job.filename},
        )
        return redirect("admin:contributions_importjob_change", job.pk)

    def _render(self, request: HttpRequest, template: str, context: dict) -> HttpResponse:
        opts = Contribution._meta
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "title": _("Import a contribution"),
            **context,
        }
        return render(request, f"admin/contributions/contribution/{template}", context)


def status_label(status: str) -> str:
    """An import status in the staff member's language (unknown ones as they are)."""
    return str(_STATUSES.get(status, status))


def _clean_staging() -> None:
    """Drop the files of previews nobody confirmed (their tokens have expired)."""
    if not default_storage.exists(STAGING):
        return
    cutoff = timezone.now() - dt.timedelta(seconds=_TOKEN_AGE)
    folders, _ = default_storage.listdir(STAGING)
    for folder in folders:
        for name in default_storage.listdir(f"{STAGING}/{folder}")[1]:
            path = f"{STAGING}/{folder}/{name}"
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    """Background imports: read-only, created by the import page.

    A job still queued or running refreshes its page every few seconds (no script needed).
    """

    change_form_template = "admin/contributions/importjob/change_form.html"

    list_display = ["filename", "meeting", "status", "progress_bar", "user", "created"]
    list_filter = ["status", "meeting"]
    list_select_related = ["meeting", "user"]
    search_fields = ["filename", "error"]
    fields = [
        "filename",
        "meeting",
        "status",
        "progress_bar",
        "step",
        "summary",
        "error",
        "contribution_link",
        "user",
        "task_id",
        "created",
        "updated",
    ]
    readonly_fields = fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("progress"))
    def progress_bar(self, job: ImportJob) -> str:
        return format_html(
            '<progress value="{}" max="100">{} %</progress> {} %',
            job.progress,
            job.progress,
            job.progress,
        )

    @admin.display(description=_("result"))
    def summary(self, job: ImportJob) -> str:
        result = job.result or {}
        if not result:
            return "—"
        return format_html(
            gettext(
                "{status} {number}: {proposals} proposal(s), {changes} change(s), {flags} flag(s)"
            ),
            status=status_label(result.get("status", "")),
            number=result.get("number", ""),
            proposals=len(result.get("proposals", [])),
            changes=result.get("changes", 0),
            flags=result.get("flags", 0),
        )

    @admin.display(description=_("contribution"))
    def contribution_link(self, job: ImportJob) -> str:
        if job.contribution_id is None:
            return "—"
        url = reverse("admin:contributions_contribution_change", args=[job.contribution_id])
        return format_html('<a href="{}">{}</a>', url, job.contribution)
