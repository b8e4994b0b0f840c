"""Search across resolutions, revisions, contributions and the organisation's notes.

On PostgreSQL: full-text search with the text search configuration of each document's own
language (english/french/spanish), websearch syntax, and ts_headline snippets. The large tables
(revisions, contributions, proposals) keep a stored, GIN-indexed vector filled by a trigger
(itu_tracker.pg_search); they are queried one language configuration at a time so the index
serves the match at assembly scale. Elsewhere
(SQLite in development) a plain `icontains` fallback. Snippets are escaped here: ts_headline
returns the document text unescaped, so its highlight markers are private sentinels that are
turned into <mark> only after escaping.
"""

import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, F, Q, QuerySet, TextField, Value, When
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from itu_tracker.pg_search import CONFIGS, FALLBACK

LANGUAGE_CONFIGS, FALLBACK_CONFIG = CONFIGS, FALLBACK
LIMIT = 20
_START, _STOP = "\x02", "\x03"
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class Hit:
    kind: str
    title: str
    url: str
    snippet: SafeString


@dataclass(frozen=True)
class Source:
    """One searchable model: which fields, which language field, how to title and link a row."""

    kind: str
    fields: tuple[str, ...]
    body: str
    language: str | None
    stored: bool = False  # has the trigger-maintained `search_vector` column

    def title(self, obj) -> str:
        return {
            "resolution": lambda o: f"{o} — {o.title}",
            "revision": lambda o: f"{o.resolution} ({o.label})",
            "contribution": lambda o: f"{o.meeting} {o.number} — {o.title}",
            "proposal": lambda o: (
                f"{o.action} {o.resolution or o.draft_label} ({o.contribution.number})"
            ),
            "note": lambda o: (
                gettext("%(organisation)s: note on %(proposal)s")
                % {"organisation": o.organisation, "proposal": o.proposal}
            ),
        }[self.kind](obj)

    def url(self, obj) -> str:
        if self.kind == "resolution":
            return reverse("workspace:resolution", args=[obj.pk])
        if self.kind == "revision":
            return reverse("workspace:resolution", args=[obj.resolution_id]) + f"#rev-{obj.pk}"
        if self.kind == "contribution":
            return reverse("workspace:contribution", args=[obj.pk])
        if self.kind == "proposal":
            return reverse("workspace:proposal", args=[obj.pk])
        return reverse("workspace:proposal", args=[obj.proposal_id])


SOURCES = (
    Source("resolution", ("number", "title"), "title", None),
    Source("revision", ("label", "text"), "text", "language", stored=True),
    Source("contribution", ("number", "title", "abstract"), "abstract", "language", stored=True),
    Source(
        "proposal",
        ("identifier", "proposed_text", "reasons"),
        "proposed_text",
        "contribution__language",
        stored=True,
    ),
    Source("note", ("note", "suggested_response"), "note", None),
)


def search(query: str, querysets: dict[str, QuerySet]) -> list[Hit]:
    """`querysets` maps each Source.kind to what this user may see (access rules stay outside)."""
    # Control characters (NUL above all) cannot go into a PostgreSQL text parameter.
    query = _CONTROL.sub(" ", query).strip()
    if not query:
        return []
    postgres = connection.vendor == "postgresql"
    hits: list[Hit] = []
    for source in SOURCES:
        qs = querysets[source.kind]
        rows = _postgres(qs, source, query) if postgres else _fallback(qs, source, query)
        hits.extend(_hit(source, row, query, postgres) for row in rows)
    return hits


def _config(source: Source):
    """The row's own text search configuration, chosen in SQL from its language column."""
    if source.language is None:
        return Value(FALLBACK_CONFIG if source.kind == "note" else "english")
    whens = [
        When(**{source.language: lang}, then=Value(cfg)) for lang, cfg in LANGUAGE_CONFIGS.items()
    ]
    return Case(*whens, default=Value(FALLBACK_CONFIG), output_field=TextField())


def _matches_stored(source: Source, query: str) -> Q:
    """One indexed match per language configuration, as the trigger indexed each row."""
    condition = ~Q(**{f"{source.language}__in": list(LANGUAGE_CONFIGS)}) & Q(
        search_vector=SearchQuery(query, config=FALLBACK_CONFIG, search_type="websearch")
    )
    for lang, cfg in LANGUAGE_CONFIGS.items():
        tsquery = SearchQuery(query, config=cfg, search_type="websearch")
        condition |= Q(**{source.language: lang}) & Q(search_vector=tsquery)
    return condition


def _postgres(qs: QuerySet, source: Source, query: str) -> list:
    config = _config(source)
    tsquery = SearchQuery(query, config=config, search_type="websearch")
    if source.stored:
        vector = F("search_vector")
        qs = qs.filter(_matches_stored(source, query))
    else:
        vector = SearchVector(*source.fields, config=config)
        qs = qs.annotate(search=vector).filter(search=tsquery)
    return list(
        qs.annotate(
            rank=SearchRank(vector, tsquery),
            headline=SearchHeadline(
                F(source.body),
                tsquery,
                config=config,
                start_sel=_START,
                stop_sel=_STOP,
                max_words=30,
                min_words=10,
            ),
        ).order_by("-rank")[:LIMIT]
    )


def _fallback(qs: QuerySet, source: Source, query: str) -> list:
    condition = Q()
    for name in source.fields:
        condition |= Q(**{f"{name}__icontains": query})
    return list(qs.filter(condition)[:LIMIT])


def _hit(source: Source, row, query: str, postgres: bool) -> Hit:
    if postgres:
        snippet = _highlight(row.headline or "")
    else:
        snippet = _window(getattr(row, source.body) or "", query)
    return Hit(source.kind, source.title(row), source.url(row), snippet)


def _highlight(headline: str) -> SafeString:
    # Escaped first, so only our own <mark> tags are markup.
    return mark_safe(escape(headline).replace(_START, "<mark>").replace(_STOP, "</mark>"))


def _window(text: str, query: str, width: int = 90) -> SafeString:
    at = text.casefold().find(query.casefold())
    if at < 0:
        return _highlight(text[: width * 2])
    start = max(0, at - width)
    end = at + len(query)
    piece = text[start:at] + _START + text[at:end] + _STOP + text[end : end + width]
    return _highlight(("…" if start else "") + piece)
