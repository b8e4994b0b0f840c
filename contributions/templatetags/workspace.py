from django import template

from contributions import keywords

register = template.Library()


@register.filter
def as_list(value) -> list[str]:
    """A flag's evidence as a list of strings: the detector stores a list, older rows a string."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]


# The engine's stored keywords in the reader's language (see contributions.keywords).
register.filter("change_kind", keywords.change_kind)
register.filter("relation", keywords.relation)
register.filter("severity", keywords.severity)
register.filter("flag_category", keywords.flag_category)
register.filter("hit_kind", keywords.hit_kind)
register.filter("section_name", keywords.section_name)
