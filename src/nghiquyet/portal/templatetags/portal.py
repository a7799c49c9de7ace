"""Template helpers of the public pages: the colour of a verdict, the words of an event."""

from django import template

register = template.Library()

#: Bootstrap's contextual colours, chosen so text on them passes WCAG AA contrast.
BADGES = {
    "exceeded": "text-bg-success",
    "achieved": "text-bg-primary",
    "not_achieved": "text-bg-danger",
    "no_data": "text-bg-secondary",
    "in_progress": "text-bg-info",
    "on_track": "text-bg-success",
    "moderate": "text-bg-warning",
    "limited": "text-bg-danger",
    "deterioration": "text-bg-dark",
    "undetermined": "text-bg-light",
}


@register.filter
def badge(code) -> str:
    """The badge class of a status or pace code."""
    return BADGES.get(str(getattr(code, "value", code)), "text-bg-secondary")
