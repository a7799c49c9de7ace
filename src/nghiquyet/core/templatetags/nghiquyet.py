"""Template helpers shared by every app's pages."""

from functools import lru_cache
from typing import Any

from django import template
from django.db.models import Model
from django.template.loader import render_to_string
from django.urls import get_script_prefix, reverse
from django.utils import translation

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


@register.simple_tag(takes_context=True)
def site_menu(context: template.Context) -> str:
    """The main menu, drawn once per process for each thing that changes it.

    What it shows depends only on the language, the section the page is in, whether
    someone is signed in, two permissions and staff status: every page drew the same
    two dozen links and labels again. The key holds all of them, so nothing needs
    forgetting and no one gets another person's menu.
    """
    request = context.get("request")
    user = context.get("user")
    match = getattr(request, "resolver_match", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return _menu(
        translation.get_language(),
        get_script_prefix(),
        match.namespace if match else "",
        match.url_name if match else "",
        signed_in,
        signed_in and user.has_perm("news.add_newsitem"),
        signed_in and user.has_perm("feedback.change_publiccomment"),
        signed_in and user.is_staff,
    )


@lru_cache(maxsize=1024)
def _menu(language: str, prefix: Any, here: str, url_name: str, signed_in: bool,
          can_write_news: bool, can_moderate: bool, is_staff: bool) -> str:  # fmt: skip
    with translation.override(language):
        return render_to_string(
            "core/nav.html",
            {
                "here": here,
                "url_name": url_name,
                "signed_in": signed_in,
                "can_write_news": can_write_news,
                "can_moderate": can_moderate,
                "is_staff": is_staff,
            },
        )
