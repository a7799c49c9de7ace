"""Template helpers shared by every app's pages."""

from django import template
from django.db.models import Model
from django.urls import reverse

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
