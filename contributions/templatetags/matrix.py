"""The assembly matrix's cells, built in Python.

A page holds rows × groups cells (50 × 30 at an assembly); template loops and tags per cell
cost more than the rest of the page, so a row's cells are formatted here in one pass, escaped
by format_html like any template variable.
"""

from collections.abc import Iterator

from django import template
from django.urls import reverse
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext

from contributions import keywords
from contributions.matrix import Entry, Row

register = template.Library()

ENTRY = (
    '<a class="cell-entry sev-{}" href="{}"><strong>{}</strong> '
    '<span class="sev sev-{}">{}</span> <span class="status">{}</span></a>'
)


@register.simple_tag
def matrix_cells(row: Row) -> SafeString:
    """The row's <td> elements: each entry links to its proposal (same markup as _severity.html)."""
    no_flag = gettext("no flag")
    cells = (format_html_join("", ENTRY, _entries(cell, no_flag)) for cell in row.cells)
    return format_html_join("", "<td>{}</td>", ((cell,) for cell in cells))


def _entries(cell: tuple[Entry, ...], no_flag: str) -> Iterator[tuple[str, ...]]:
    for e in cell:
        severity = e.severity or "none"
        label = keywords.severity(e.severity) if e.severity else no_flag
        url = reverse("workspace:proposal", args=[e.proposal_id])
        yield (severity, url, e.action, severity, label, e.verdict or e.status)
