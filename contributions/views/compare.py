"""A resolution's texts in the workspace, and the comparison of any two of them.

GET only ever reads a stored TextComparison; computing one is an explicit POST (once per pair),
so no page view re-diffs.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from contributions.comparisons import TextRef, comparison_key, store_comparison
from contributions.models import Proposal, TextComparison
from contributions.views.access import get_for_user, visible, workspace_view
from resolutions.models import Resolution, Revision


@workspace_view
def resolution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = get_for_user(request, Resolution, pk)
    revisions = list(visible(request, Revision).filter(resolution=resolution))
    proposals = list(visible(request, Proposal).filter(resolution=resolution))
    old, new = TextRef.parse(request.GET.get("old", "")), TextRef.parse(request.GET.get("new", ""))
    comparison = None
    if old and new:
        comparison = TextComparison.objects.filter(
            resolution=resolution, key=comparison_key(old, new)
        ).first()
    context = {
        "resolution": resolution,
        "revisions": revisions,
        "proposals": proposals,
        "choices": _choices(revisions, proposals),
        "old": str(old or ""),
        "new": str(new or ""),
        "comparison": comparison,
    }
    return render(request, "workspace/resolution.html", context)


@require_POST
@workspace_view
def compare(request: HttpRequest, pk: int) -> HttpResponse:
    resolution = get_for_user(request, Resolution, pk)
    old, new = (
        TextRef.parse(request.POST.get("old", "")),
        TextRef.parse(request.POST.get("new", "")),
    )
    if old is None or new is None or old == new:
        raise Http404("pick two different texts of this resolution")
    store_comparison(
        resolution,
        _text(request, resolution, old),
        _text(request, resolution, new),
        comparison_key(old, new),
    )
    url = reverse("workspace:resolution", args=[resolution.pk])
    return redirect(f"{url}?old={old}&new={new}#comparison")


def _text(request: HttpRequest, resolution: Resolution, ref: TextRef):
    """The revision or proposal, only if it belongs to this resolution (else 404)."""
    obj = get_for_user(request, Revision if ref.kind == "revision" else Proposal, ref.pk)
    if obj.resolution_id != resolution.pk:
        raise Http404("not a text of this resolution")
    return obj


def _choices(revisions, proposals) -> list[tuple[str, str]]:
    return [(f"revision-{r.pk}", r.label) for r in revisions] + [
        (f"proposal-{p.pk}", f"{p.action} {p.contribution.number} {p.identifier}".strip())
        for p in proposals
    ]
