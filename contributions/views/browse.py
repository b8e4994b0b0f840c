"""Plain pages the review page links to: a contribution and a submitting group."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from contributions.models import Contribution, Proposal, Submission
from contributions.views.access import get_for_user, visible, workspace_view
from meetings.models import Group


@workspace_view
def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = get_for_user(request, Contribution, pk)
    context = {
        "contribution": contribution,
        "submissions": Submission.objects.filter(contribution=contribution).select_related("group"),
        "proposals": visible(request, Proposal).filter(contribution=contribution),
    }
    return render(request, "workspace/contribution.html", context)


@workspace_view
def group_detail(request: HttpRequest, pk: int) -> HttpResponse:
    group = get_for_user(request, Group, pk)
    submissions = (
        Submission.objects.filter(group=group, contribution__in=visible(request, Contribution))
        .select_related("contribution__meeting")
        .order_by("-contribution__created")
    )
    return render(request, "workspace/group.html", {"group": group, "submissions": submissions})
