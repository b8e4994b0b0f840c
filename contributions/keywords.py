"""The English keywords the text engine and the detector store, named in the reader's language.

The engine is pure Python and its output is stored at import, so the keywords stay English in
the database (and in exports of the raw rows); pages, the briefing pack and e-mails name them
through these functions. An unknown keyword is shown as it is: the document's own section
headings ("décide", "resolves") pass through unchanged.
"""

import re

from django.utils.translation import gettext_lazy as _

from resolutions.models import WatchTerm

_KINDS = {
    "unchanged": _("unchanged"),
    "modified": _("modified"),
    "added": _("added"),
    "deleted": _("deleted"),
    "moved": _("moved"),
    "relabelled": _("relabelled"),
}
_RELATIONS = {"split": _("split"), "merged": _("merged")}
_SEVERITIES = {"low": _("low"), "medium": _("medium"), "high": _("high")}
_HIT_KINDS = {
    "resolution": _("resolution"),
    "revision": _("revision"),
    "contribution": _("contribution"),
    "proposal": _("proposal"),
    "note": _("note"),
}
# A change of the header names the field; an annex or a footnote is numbered (text/model.py).
_HEADER_FIELDS = {
    "designation": _("designation"),
    "title": _("title"),
    "history": _("history"),
    "assembly": _("assembly"),
}
_NUMBERED = re.compile(r"(annex|footnote) (\S+)")
_NUMBERED_NAMES = {"annex": _("annex %(number)s"), "footnote": _("footnote %(number)s")}


def _named(names: dict, value: str | None) -> str:
    return str(names.get(value, value or ""))


def change_kind(value: str | None) -> str:
    return _named(_KINDS, value)


def relation(value: str | None) -> str:
    return _named(_RELATIONS, value)


def severity(value: str | None) -> str:
    return _named(_SEVERITIES, value)


def flag_category(value: str | None) -> str:
    return _named(dict(WatchTerm.Category.choices), value)


def hit_kind(value: str | None) -> str:
    return _named(_HIT_KINDS, value)


def section_name(value: str | None) -> str:
    numbered = _NUMBERED.fullmatch(value or "")
    if numbered:
        return str(_NUMBERED_NAMES[numbered[1]]) % {"number": numbered[2]}
    return _named(_HEADER_FIELDS, value)
