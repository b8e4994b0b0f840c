from django.db import connection
from django.db.models import Count, F
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache

from itu_tracker.caching import public_page
from meetings.models import Meeting
from resolutions.models import Assembly, Resolution, Revision
from resolutions.views import revision_slug

HOME_LIST_SIZE = 5


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
    """Liveness for load balancers: says whether the database answers, nothing more."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        database = "ok"
    except Exception:  # any failure is reported as "error", never its details
        database = "error"
    status = 200 if database == "ok" else 503
    return JsonResponse({"database": database}, status=status)
