"""A reviewer's watchlist: resolutions, flag categories and watch terms."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from contributions.forms import WatchForm
from contributions.views.access import workspace_view
from resolutions.models import Watch


@workspace_view
def watchlist(request: HttpRequest) -> HttpResponse:
    form = WatchForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        if not request.user.has_perm("resolutions.add_watch"):
            raise PermissionDenied
        if form.is_valid():
            form.save(request.user)
            messages.success(request, _("Added to your watchlist."))
            return redirect("workspace:watchlist")
    watches = Watch.objects.filter(user=request.user).select_related("resolution", "term")
    status = 400 if form.is_bound else 200
    return render(
        request, "workspace/watchlist.html", {"form": form, "watches": watches}, status=status
    )


@require_POST
@workspace_view
def watch_remove(request: HttpRequest, pk: int) -> HttpResponse:
    # Only one's own watches: anyone else's is a 404.
    get_object_or_404(Watch, pk=pk, user=request.user).delete()
    messages.success(request, _("Removed from your watchlist."))
    return redirect("workspace:watchlist")
