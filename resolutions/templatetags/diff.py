"""Render a stored word diff as HTML: <ins>/<del> with CSS classes, never inline styles.

diff-match-patch's own diff_prettyHtml writes style attributes, which a strict CSP blocks,
and it would have to be marked safe whole. Here every text run is escaped first.
"""

from django import template
from django.utils.html import format_html, format_html_join

register = template.Library()

_DELETE, _EQUAL, _INSERT = -1, 0, 1


def _run(op: int, text: str) -> tuple[str, tuple[str]]:
    if op == _INSERT:
        return '<ins class="diff-ins">{}</ins>', (text,)
    if op == _DELETE:
        return '<del class="diff-del">{}</del>', (text,)
    return "{}", (text,)


@register.filter
def render_ops(ops) -> str:
    """Inline view: deletions and insertions interleaved."""
    return _join(ops or (), keep={_DELETE, _EQUAL, _INSERT})


@register.filter
def render_old(ops) -> str:
    """Left column of the side-by-side view: the old text with deletions marked."""
    return _join(ops or (), keep={_DELETE, _EQUAL})


@register.filter
def render_new(ops) -> str:
    """Right column of the side-by-side view: the new text with insertions marked."""
    return _join(ops or (), keep={_EQUAL, _INSERT})


def _join(ops, keep: set[int]) -> str:
    parts = [(fmt, args) for op, text in ops if op in keep for fmt, args in [_run(op, text)]]
    return format_html_join("", "{}", ((format_html(fmt, *args),) for fmt, args in parts))
