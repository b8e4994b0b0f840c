"""Workspace search: resolutions, revisions, contributions and this organisation's notes."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from contributions.models import Contribution, Proposal, Verdict
from contributions.search import search as run_search
from contributions.views.access import visible, workspace_view
from resolutions.models import Resolution, Revision

MAX_QUERY = 200


@workspace_view
def search(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "")[:MAX_QUERY]
    querysets = {
        "resolution": visible(request, Resolution),
        "revision": visible(request, Revision),
        "contribution": visible(request, Contribution),
        "proposal": visible(request, Proposal),
        # Notes only of the user's own organisation(s): visible() scopes verdicts so.
        "note": visible(request, Verdict).select_related(
            "proposal__resolution", "proposal__contribution"
        ),
    }
    hits = run_search(query, querysets)
    return render(request, "workspace/search.html", {"query": query, "hits": hits})
