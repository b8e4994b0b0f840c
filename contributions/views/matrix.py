"""The assembly matrix page and its CSV/XLSX exports (same columns, from the same table)."""

from django import forms
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from contributions.exports import iter_csv, to_xlsx
from contributions.matrix import Filters, Matrix, build_matrix, matrix_proposals, row_keys
from contributions.models import Proposal
from contributions.views.access import get_for_user, user_organisation, visible, workspace_view
from meetings.models import Meeting
from resolutions.models import Topic, WatchTerm


class MatrixFilterForm(forms.Form):
    topic = forms.ModelChoiceField(
        label=_("Topic"),
        queryset=Topic.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All topics"),
    )
    category = forms.ChoiceField(
        label=_("Flag category"),
        choices=[("", _("All categories")), *WatchTerm.Category.choices],
        required=False,
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("Any status")), *Proposal.Status.choices], required=False
    )

    def filters(self) -> Filters:
        if not self.is_valid():
            return Filters()
        data = self.cleaned_data
        topic = data.get("topic")
        return Filters(
            topic=topic.slug if topic else "",
            category=data.get("category") or "",
            status=data.get("status") or "",
        )


ROWS_PER_PAGE = 50


@workspace_view
def matrix(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for_user(request, Meeting, pk)
    form = MatrixFilterForm(request.GET or None)
    proposals = matrix_proposals(meeting, visible(request, Proposal), form.filters())
    organisation = user_organisation(request)
    export_format = request.GET.get("format")
    if export_format in ("csv", "xlsx"):
        # The spreadsheet CSOs work from: every row, never one page.
        table = build_matrix(meeting, proposals, organisation=organisation)
        return _export(table, export_format)
    # get_page: a missing, malformed or out-of-range number shows page 1 or the last page.
    page = Paginator(row_keys(proposals), ROWS_PER_PAGE).get_page(request.GET.get("page"))
    table = build_matrix(meeting, proposals, organisation=organisation, keys=page.object_list)
    query = request.GET.copy()
    query.pop("format", None)
    query.pop("page", None)
    context = {
        "meeting": meeting,
        "matrix": table,
        "page": page,
        "form": form,
        "query": query.urlencode(),
    }
    return render(request, "workspace/matrix.html", context)


def _export(table: Matrix, export_format: str) -> HttpResponse | StreamingHttpResponse:
    name = f"{slugify(table.meeting.acronym)}-matrix.{export_format}"
    if export_format == "csv":
        response = StreamingHttpResponse(
            iter_csv(table.lines()), content_type="text/csv; charset=utf-8"
        )
    else:
        # A zip file cannot be streamed before its directory is written: built whole, in
        # openpyxl's write-only mode.
        response = HttpResponse(
            to_xlsx(table.lines(), title=table.meeting.acronym),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
