"""The workspace's landing page: what is new, what is flagged, what is coming."""

from django.db.models import Count, Prefetch, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from contributions.models import Contribution, Proposal, Submission
from contributions.severity import severity_rank
from contributions.views.access import visible, workspace_view
from meetings.models import Meeting
from resolutions.models import Watch

RECENT = 10


@workspace_view
def dashboard(request: HttpRequest) -> HttpResponse:
    today = timezone.localdate()
    submissions = Submission.objects.select_related("group")
    contributions = visible(request, Contribution).prefetch_related(
        Prefetch("submission_set", queryset=submissions, to_attr="signatories")
    )[:RECENT]
    proposals = (
        visible(request, Proposal)
        .filter(status=Proposal.Status.AWAITING)
        .annotate(rank=severity_rank())
        .order_by("-rank", "-score", "-contribution__created", "order")[:RECENT]
    )
    counts = visible(request, Proposal).aggregate(
        awaiting=Count("pk", filter=Q(status=Proposal.Status.AWAITING)),
        flagged=Count("pk", filter=Q(status=Proposal.Status.AWAITING) & ~Q(highest_severity="")),
    )
    watches = Watch.objects.filter(user=request.user).select_related("resolution", "term")
    context = {
        "contributions": contributions,
        "proposals": proposals,
        "counts": counts,
        "watches": watches,
        "meetings": Meeting.objects.upcoming(today)[:5],
        "assemblies": Meeting.objects.filter(
            pk__in=Contribution.objects.values("meeting_id")
        ).order_by("-start_date")[:5],
        "today": today,
    }
    return render(request, "workspace/dashboard.html", context)
