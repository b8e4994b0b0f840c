"""Severity as a sortable number, for "highest flags first" lists."""

from django.db.models import Case, IntegerField, Value, When

from contributions.models import SEVERITY_RANK


def severity_rank():
    """Highest flag as a number, for "high flags first" ordering in SQL."""
    return Case(
        *(When(highest_severity=name, then=Value(rank)) for name, rank in SEVERITY_RANK.items()),
        default=Value(0),
        output_field=IntegerField(),
    )
