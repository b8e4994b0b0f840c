from django import template
from django.utils.translation import gettext_lazy as _

from resolutions.models import WatchTerm

register = template.Library()

# The engine and the detector store English keywords; staff read them in their own language.
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


@register.filter
def as_list(value) -> list[str]:
    """A flag's evidence as a list of strings: the detector stores a list, older rows a string."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]


def _named(names: dict, value) -> str:
    """The translated name of a stored keyword; an unknown keyword is shown as it is."""
    return str(names.get(value, value or ""))


@register.filter
def change_kind(value: str) -> str:
    return _named(_KINDS, value)


@register.filter
def relation(value: str) -> str:
    return _named(_RELATIONS, value)


@register.filter
def severity(value: str) -> str:
    return _named(_SEVERITIES, value)


@register.filter
def flag_category(value: str) -> str:
    return _named(dict(WatchTerm.Category.choices), value)


@register.filter
def hit_kind(value: str) -> str:
    return _named(_HIT_KINDS, value)
