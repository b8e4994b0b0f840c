"""The three staff roles, as Django groups with their permissions.

Reviewer reads everything and records verdicts; Importer also brings in and edits data;
Admin may do anything. Kept in code so every database gets the same roles after migrate.
"""

from django.contrib.auth.models import Group as AuthGroup
from django.contrib.auth.models import Permission

REVIEWER, IMPORTER, ADMIN = "Reviewer", "Importer", "Admin"

_APPS = ("meetings", "resolutions", "contributions")
_REVIEWER_WRITES = ("verdict", "watch")
_IMPORTER_WRITES = (
    "group",
    "meeting",
    "topic",
    "resolution",
    "revision",
    "watchterm",
    "contribution",
    "submission",
    "proposal",
)


def _codenames(models: tuple[str, ...], actions: tuple[str, ...]) -> set[str]:
    return {f"{action}_{model}" for model in models for action in actions}


def ensure_roles(**_kwargs) -> None:
    perms = Permission.objects.filter(content_type__app_label__in=_APPS)
    views = {p for p in perms if p.codename.startswith("view_")}
    reviewer = views | {
        p for p in perms if p.codename in _codenames(_REVIEWER_WRITES, ("add", "change", "delete"))
    }
    importer = reviewer | {
        p for p in perms if p.codename in _codenames(_IMPORTER_WRITES, ("add", "change"))
    }
    for name, granted in ((REVIEWER, reviewer), (IMPORTER, importer), (ADMIN, set(perms))):
        group, _ = AuthGroup.objects.get_or_create(name=name)
        group.permissions.set(granted)
