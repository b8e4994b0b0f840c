from django import template

register = template.Library()


@register.filter
def as_list(value) -> list[str]:
    """A flag's evidence as a list of strings: the detector stores a list, older rows a string."""
    if not value:
        return []
    if isinstance(value, str):
        return [value]
    return [str(item) for item in value]
