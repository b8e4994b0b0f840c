from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache

from resolutions.models import Resolution


def home(request: HttpRequest) -> HttpResponse:
    resolutions = Resolution.objects.public().order_by("assembly", "sort_number")[:20]
    return render(request, "home.html", {"resolutions": resolutions})


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
