from datetime import timedelta

from django.db import DatabaseError, connection
from django.db.models import Count, F
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult

from itu_tracker.caching import public_page
from meetings.models import Meeting
from resolutions.models import Assembly, Resolution, Revision
from resolutions.views import revision_slug

HOME_LIST_SIZE = 5

# A task waiting longer than this means no worker is taking work.
WORKER_STALL = timedelta(minutes=10)


@public_page
def home(request: HttpRequest) -> HttpResponse:
    counts = dict(
        Resolution.objects.public()
        .order_by()
        .values_list("assembly")
        .annotate(total=Count("pk", distinct=True))
    )
    recent = (
        Revision.objects.public()
        .select_related("resolution")
        .order_by(F("adopted_on").desc(nulls_last=True), "-pk")[:HOME_LIST_SIZE]
    )
    context = {
        "assemblies": [
            (value, label, counts[value]) for value, label in Assembly.choices if value in counts
        ],
        "recent": [(revision, revision_slug(revision)) for revision in recent],
        "upcoming": Meeting.objects.upcoming(timezone.localdate()).select_related("organiser")[
            :HOME_LIST_SIZE
        ],
    }
    return render(request, "home.html", context)


@never_cache
def health(request: HttpRequest) -> JsonResponse:
    """For load balancers and the compose file: database and worker state, nothing private."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        waiting_since = timezone.now() - WORKER_STALL
        stalled = DBTaskResult.objects.ready().filter(enqueued_at__lt=waiting_since).exists()
    except DatabaseError:
        return JsonResponse({"database": "error", "worker": "unknown"}, status=503)
    return JsonResponse({"database": "ok", "worker": "stalled" if stalled else "ok"})
