from datetime import timedelta

from django.db import DatabaseError, connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django_tasks_db.models import DBTaskResult

from resolutions.models import Resolution

# A task waiting longer than this means no worker is taking work.
WORKER_STALL = timedelta(minutes=10)


def home(request: HttpRequest) -> HttpResponse:
    resolutions = Resolution.objects.public().order_by("assembly", "sort_number")[:20]
    return render(request, "home.html", {"resolutions": resolutions})


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
