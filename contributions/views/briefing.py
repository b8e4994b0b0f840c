"""The briefing pack for delegates who work from paper: a printable page and a DOCX."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.text import slugify

from contributions.briefing import briefing_docx, briefing_items
from contributions.models import Proposal
from contributions.views.access import get_for_user, user_organisation, visible, workspace_view
from meetings.models import Meeting

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@workspace_view
def briefing(request: HttpRequest, pk: int) -> HttpResponse:
    meeting = get_for_user(request, Meeting, pk)
    organisation = user_organisation(request)
    items = briefing_items(meeting, visible(request, Proposal), organisation)
    if request.GET.get("format") == "docx":
        response = HttpResponse(briefing_docx(meeting, items, organisation), content_type=DOCX)
        name = f"{slugify(meeting.acronym)}-briefing.docx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {"meeting": meeting, "items": items, "organisation": organisation}
    return render(request, "workspace/briefing.html", context)
