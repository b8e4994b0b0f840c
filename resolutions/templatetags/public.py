"""Template helpers of the public site."""

from django import template
from django.utils.translation import gettext

from resolutions.models import Resolution

register = template.Library()


@register.filter
def resolution_name(resolution: Resolution) -> str:
    """ "WTSA Resolution 75" in the visitor's language (as the model's str() now says it too)."""
    return gettext("%(assembly)s Resolution %(number)s") % {
        "assembly": resolution.get_assembly_display(),
        "number": resolution.number,
    }
