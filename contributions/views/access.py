"""Who may open what in the workspace: one decorator and one generic lookup.

Every workspace view is behind login and needs a staff role (Reviewer, Importer or Admin, which
all carry `view_proposal`). Objects are fetched through `get_for_user`, which answers 404 to a
user who may not see the object (another organisation's verdict, say) and always applies the
same `select_related`, so every page gets the same bounded lookup.
"""

from collections.abc import Callable
from functools import wraps
from typing import TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from contributions.models import Contribution, Organisation, Proposal, Verdict
from meetings.models import Group, Meeting
from resolutions.models import Resolution, Revision

M = TypeVar("M", bound=Model)
ROLE_PERMISSION = "contributions.view_proposal"
VERDICT_PERMISSION = "contributions.change_verdict"


def workspace_view(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Login first (anonymous → login page), then a staff role (logged in without one → 403)."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not request.user.has_perm(ROLE_PERMISSION):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return login_required(wrapped)


def visible(request: HttpRequest, model: type[M]) -> QuerySet[M]:
    """The queryset of `model` this user may see, with the joins its pages need."""
    user = request.user
    staff = user.has_perm("contributions.view_contribution")
    if model is Proposal:
        qs = Proposal.objects.select_related("contribution__meeting", "resolution", "base_revision")
        return qs if staff else qs.filter(pk__in=Proposal.objects.public())
    if model is Contribution:
        qs = Contribution.objects.select_related("meeting")
        return qs if staff else qs.public()
    if model is Verdict:
        # Verdicts are shared within an organisation and nowhere else.
        return Verdict.objects.filter(organisation__members=user).select_related(
            "organisation", "updated_by", "change"
        )
    if model is Revision:
        qs = Revision.objects.select_related("resolution")
        return qs if staff else qs.public()
    if model in (Meeting, Group, Resolution):
        return model._default_manager.all()
    raise LookupError(f"no visibility rule for {model.__name__}")


def get_for_user(request: HttpRequest, model: type[M], pk: int) -> M:
    """The one access helper: the object, or 404 to anyone who may not see it."""
    return get_object_or_404(visible(request, model), pk=pk)


def user_organisation(request: HttpRequest) -> Organisation | None:
    """The organisation whose verdicts this user reads and writes (the first, if several)."""
    return request.user.organisations.order_by("pk").first()
