"""Template helpers shared by every app's pages."""

from django import template
from django.db.models import Model
from django.urls import reverse

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period

register = template.Library()


@register.simple_tag
def history_url(obj: Model) -> str:
    """The URL of the change-history page of ``obj``."""
    return reverse(
        "history",
        kwargs={"app_label": obj._meta.app_label, "model_name": obj._meta.model_name, "pk": obj.pk},
    )


@register.simple_tag
def language_choices() -> list[tuple[str, str]]:
    """Each language under its own name ("Tiếng Việt | English"), whatever the current one."""
    from django.conf import settings

    return settings.LANGUAGES


@register.filter
def period_label(period: Period | str | None) -> str:
    """A period as the reader's language names it ("quý IV/2026", "Q4 2026")."""
    if not period:
        return ""
    if isinstance(period, str):
        try:
            period = Period.parse(period)
        except ValueError:
            return period
    return period.label(current_language())
