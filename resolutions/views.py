"""The public, read-only resolution pages: no login, `*.objects.public()` querysets only."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import BadRequest
from django.core.paginator import InvalidPage, Paginator
from django.db.models import Exists, F, OuterRef, Prefetch, Q, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.text import slugify
from django.utils.translation import gettext as _

from contributions.models import Proposal
from itu_tracker.caching import public_page
from meetings.models import Group
from resolutions.comparisons import stored_comparison
from resolutions.models import Assembly, Clause, Resolution, Revision, Topic, WatchTerm
from resolutions.text import ParseError

PAGE_SIZE = 25
# Low flags are context only: a change widens the ITU's role at medium or high (detector rule).
_COUNTING = ("medium", "high")
SEARCH_MAX_LENGTH = 200
_EPOCH = dt.date(1, 1, 1)


# ------------------------------------------------------------------------------ shared lookups


def revision_slug(revision: Revision) -> str:
    """`Rev. Geneva, 2022` → `geneva-2022`; URLs print it as `rev-geneva-2022`."""
    slug = slugify(revision.label)
    return slug.removeprefix("rev-") or str(revision.pk)


# Revisions with no adoption date sort first on every database (SQLite and PostgreSQL differ).
TIMELINE = (F("adopted_on").asc(nulls_first=True), "pk")
NEWEST_FIRST = (F("adopted_on").desc(nulls_last=True), "-pk")


def pending_proposals(resolution_ref: Any, latest_adopted: Any) -> QuerySet[Proposal]:
    """Public proposals not yet overtaken by an adopted text.

    A proposal is pending while no published revision of its resolution was adopted at or after
    the meeting it was submitted to.
    """
    return Proposal.objects.public().filter(
        resolution=resolution_ref,
        contribution__meeting__start_date__gt=latest_adopted,
    )


def get_public_resolution(assembly: str, number: str) -> tuple[Resolution, list[Revision]]:
    """The one access helper: a public resolution and its published revisions, or 404.

    Unpublished revisions never leave the database for these pages.
    """
    if assembly not in Assembly.values:
        raise Http404
    revisions = Revision.objects.public().select_related("meeting").order_by(*TIMELINE)
    queryset = Resolution.objects.public().prefetch_related(
        "topics", Prefetch("revisions", queryset=revisions, to_attr="published")
    )
    resolution = get_object_or_404(queryset, assembly=assembly, number=number)
    return resolution, resolution.published


def _find_revision(revisions: list[Revision], slug: str) -> Revision:
    for revision in revisions:
        if revision_slug(revision) == slug:
            return revision
    raise Http404


def _page(request: HttpRequest, queryset: QuerySet) -> Any:
    """The requested page; a page number that is not one answers 404, never a silent clamp."""
    try:
        return Paginator(queryset, PAGE_SIZE).page(request.GET.get("page") or 1)
    except InvalidPage as error:
        raise Http404 from error


# ------------------------------------------------------------------------------ index


def _index_queryset(assembly: str, topic: str, query: str) -> QuerySet[Resolution]:
    latest = Revision.objects.public().filter(resolution=OuterRef("pk")).order_by(*NEWEST_FIRST)
    since = Coalesce(OuterRef("latest_adopted"), Value(_EPOCH))
    resolutions = (
        Resolution.objects.public()
        .annotate(
            latest_label=Subquery(latest.values("label")[:1]),
            latest_adopted=Subquery(latest.values("adopted_on")[:1]),
        )
        .annotate(has_pending=Exists(pending_proposals(OuterRef("pk"), since)))
        .prefetch_related("topics")
        .order_by("assembly", "sort_number", "number")
    )
    if assembly:
        resolutions = resolutions.filter(assembly=assembly)
    if topic:
        resolutions = resolutions.filter(topics__slug=topic)
    if query:
        # Only published text may match: a search must not reveal what an unpublished draft says.
        in_text = Revision.objects.public().filter(resolution=OuterRef("pk"), text__icontains=query)
        in_clause = Clause.objects.filter(
            revision__in=Revision.objects.public(),
            revision__resolution=OuterRef("pk"),
            text__icontains=query,
        )
        resolutions = resolutions.filter(
            Q(title__icontains=query)
            | Q(number__iexact=query)
            | Exists(in_text)
            | Exists(in_clause)
        )
    return resolutions


@public_page
def index(request: HttpRequest) -> HttpResponse:
    assembly = request.GET.get("assembly", "")
    topic = request.GET.get("topic", "")
    query = request.GET.get("q", "").strip()[:SEARCH_MAX_LENGTH]
    if assembly and assembly not in Assembly.values:
        raise BadRequest("unknown assembly")
    page = _page(request, _index_queryset(assembly, topic, query))
    filters = {"assembly": assembly, "topic": topic, "q": query}
    context = {
        "page": page,
        "assemblies": Assembly.choices,
        "topics": Topic.objects.filter(resolutions__in=Resolution.objects.public()).distinct(),
        "filters": filters,
        "filter_query": urlencode({k: v for k, v in filters.items() if v}),
    }
    return render(request, "resolutions/index.html", context)


# ------------------------------------------------------------------------------ resolution page


@dataclass(frozen=True)
class Part:
    """A section of a revision, as stored clauses: heading, preamble or operative, its clauses."""

    heading: str
    key: str
    kind: str
    clauses: list[Clause]

    @property
    def operative(self) -> bool:
        return self.kind == Clause.Kind.OPERATIVE


def _parts(clauses: list[Clause]) -> list[Part]:
    """Group clauses by section in document order; children stay on their clause."""
    parts: list[Part] = []
    children: dict[int, list[Clause]] = {}
    for clause in clauses:
        clause.nested = children.setdefault(clause.pk, [])
        if clause.parent_id:
            children.setdefault(clause.parent_id, []).append(clause)
            continue
        if (
            not parts
            or parts[-1].key != clause.section_key
            or parts[-1].heading != (clause.section_heading)
        ):
            parts.append(Part(clause.section_heading, clause.section_key, clause.kind, []))
        parts[-1].clauses.append(clause)
    return parts


def _clauses_of(revision: Revision | None) -> list[Clause]:
    return list(Clause.objects.filter(revision=revision).order_by("order")) if revision else []


def _pending_for(resolution: Resolution, latest: Revision | None) -> list[Proposal]:
    adopted = latest.adopted_on if latest and latest.adopted_on else _EPOCH
    proposals = (
        pending_proposals(resolution, adopted)
        .select_related("contribution__meeting")
        .prefetch_related(
            Prefetch("contribution__submitters", queryset=Group.objects.order_by("code"))
        )
        .order_by("contribution__meeting__start_date", "contribution__number", "order")
    )
    return list(proposals)


@public_page
def detail(request: HttpRequest, assembly: str, number: str) -> HttpResponse:
    resolution, revisions = get_public_resolution(assembly, number)
    latest = revisions[-1] if revisions else None
    context = {
        "resolution": resolution,
        "revisions": [(revision, revision_slug(revision)) for revision in revisions],
        "comparable": [(r, revision_slug(r)) for r in revisions if r.text.strip()],
        "latest": latest,
        "latest_slug": revision_slug(latest) if latest else "",
        "parts": _parts(_clauses_of(latest)),
        "proposals": _pending_for(resolution, latest),
    }
    return render(request, "resolutions/detail.html", context)


# ------------------------------------------------------------------------------ revision page


@public_page
def revision(request: HttpRequest, assembly: str, number: str, slug: str) -> HttpResponse:
    resolution, revisions = get_public_resolution(assembly, number)
    current = _find_revision(revisions, slug)
    context = {
        "resolution": resolution,
        "revision": current,
        "slug": slug,
        "parts": _parts(_clauses_of(current)),
    }
    return render(request, "resolutions/revision.html", context)


def _filename(resolution: Resolution, slug: str, extension: str) -> str:
    return f"{resolution.assembly}-{slugify(resolution.number)}-{slug}.{extension}"


@public_page
def revision_txt(request: HttpRequest, assembly: str, number: str, slug: str) -> HttpResponse:
    resolution, revisions = get_public_resolution(assembly, number)
    current = _find_revision(revisions, slug)
    response = HttpResponse(current.text, content_type="text/plain; charset=utf-8")
    name = _filename(resolution, slug, "txt")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _clause_dict(clause: Clause) -> dict[str, Any]:
    data: dict[str, Any] = {"label": clause.label, "text": clause.text, "anchor": clause.anchor}
    data["children"] = [_clause_dict(child) for child in clause.nested]
    if clause.footnotes:
        data["footnotes"] = clause.footnotes
    return data


def _place_and_year(label: str) -> str:
    """`Rev. Geneva, 2022` → `Geneva, 2022`, as a history line prints it."""
    for prefix in ("Rev. ", "Rév. ", "Rev.", "Rév."):
        if label.startswith(prefix):
            return label.removeprefix(prefix).strip()
    return label


def revision_document(
    resolution: Resolution, revisions: list[Revision], current: Revision, parts: list[Part]
) -> dict[str, Any]:
    """The engine's parse shape, rebuilt from the stored clauses (no re-parse).

    `history` lists the published revisions up to this one, in the form of the ITU's history
    line: "(Johannesburg, 2008; …; Geneva, 2022)".
    """
    upto = revisions[: revisions.index(current) + 1]
    return {
        "title": resolution.title,
        "number": resolution.number,
        "history": "(" + "; ".join(_place_and_year(r.label) for r in upto) + ")",
        "assembly": resolution.assembly,
        "revision": current.label,
        "lang": current.language,
        "sections": [
            {
                "heading": part.heading,
                "key": part.key,
                "kind": part.kind,
                "clauses": [_clause_dict(clause) for clause in part.clauses],
            }
            for part in parts
        ],
    }


@public_page
def revision_json(request: HttpRequest, assembly: str, number: str, slug: str) -> HttpResponse:
    resolution, revisions = get_public_resolution(assembly, number)
    current = _find_revision(revisions, slug)
    document = revision_document(resolution, revisions, current, _parts(_clauses_of(current)))
    response = HttpResponse(
        json.dumps(document, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    name = _filename(resolution, slug, "json")
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


# ------------------------------------------------------------------------------ what changed


def _compare_pair(request: HttpRequest, revisions: list[Revision]) -> tuple[Revision, Revision]:
    """The two revisions named by ?from=&to= (default: the last two with a text)."""
    old_slug, new_slug = request.GET.get("from"), request.GET.get("to")
    if old_slug is None and new_slug is None:
        with_text = [r for r in revisions if r.text.strip()]
        if len(with_text) < 2:
            raise Http404
        return with_text[-2], with_text[-1]
    if not old_slug or not new_slug:
        raise _BadCompare(_("Choose two revisions to compare."))
    old, new = _find_revision(revisions, old_slug), _find_revision(revisions, new_slug)
    if old == new:
        raise _BadCompare(_("Choose two different revisions."))
    return old, new


class _BadCompare(Exception):
    pass


@public_page
def compare(request: HttpRequest, assembly: str, number: str) -> HttpResponse:
    resolution, revisions = get_public_resolution(assembly, number)
    comparable = [(r, revision_slug(r)) for r in revisions if r.text.strip()]
    try:
        old, new = _compare_pair(request, revisions)
    except _BadCompare as error:
        # The page again, saying what to fix, with its form to pick two revisions.
        context = {"resolution": resolution, "comparable": comparable, "problem": str(error)}
        return render(request, "resolutions/compare.html", context, status=400)
    changes, problem = _changes(old, new)
    show_all = request.GET.get("all") == "1"
    view = "side" if request.GET.get("view") == "side" else "inline"
    context = {
        "resolution": resolution,
        "old": old,
        "new": new,
        "old_slug": revision_slug(old),
        "new_slug": revision_slug(new),
        "comparable": comparable,
        "changes": [_labelled(c) for c in changes if show_all or c["kind"] != "unchanged"],
        "edited": sum(c["kind"] != "unchanged" for c in changes),
        "flagged": sum(c["severity"] in _COUNTING for c in changes),
        "problem": problem,
        "show_all": show_all,
        "view": view,
    }
    return render(request, "resolutions/compare.html", context)


def _labelled(change: dict[str, Any]) -> dict[str, Any]:
    """The stored change with each flag's category named in the visitor's language."""
    names = dict(WatchTerm.Category.choices)
    flags = [
        {**flag, "category": names.get(flag["category"], flag["category"])}
        for flag in change["flags"]
    ]
    return {**change, "flags": flags}


def _changes(old: Revision, new: Revision) -> tuple[list[dict[str, Any]], str]:
    """The stored change list, or an explanation of why there is none."""
    try:
        return stored_comparison(old, new).changes, ""
    except ParseError:
        # A stored text the engine cannot read (or none at all): say so rather than fail.
        return [], _("One of these texts could not be read as a resolution.")
