"""``{% feedback_panel record %}``: comments, the comment form, the rating, share links
and the view count of any public record, for every public page to include."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlencode

from django import template
from django.contrib.contenttypes.models import ContentType
from django.db.models import Model
from django.urls import reverse

from nghiquyet.orgs.access import Action, can

from ..forms import CommentForm
from ..selectors import comments_published, rating_given, rating_totals, view_count
from ..services import session_hash_of

register = template.Library()


def share_links(url: str, title: str) -> list[tuple[str, str]]:
    """Plain links to the networks' share pages: nothing of theirs loads on ours."""
    return [
        ("Facebook", "https://www.facebook.com/sharer/sharer.php?" + urlencode({"u": url})),
        ("Zalo", "https://zalo.me/share?" + urlencode({"url": url, "text": title})),
        ("Email", f"mailto:?subject={quote(title)}&body={quote(url)}"),
    ]


@register.inclusion_tag("feedback/panel.html", takes_context=True)
def feedback_panel(context: template.Context, record: Model, form: CommentForm | None = None):
    """The panel for ``record``, or nothing when the record is not public.

    ``form`` is the visitor's form with its errors, when a comment was refused.
    """
    if not can(None, Action.VIEW, record):
        return {"shown": False}
    request = context["request"]
    session_key = request.session.session_key
    page = context.get("page") or request.path
    url = request.build_absolute_uri(page)
    panel: dict[str, Any] = {
        "shown": True,
        "record": record,
        "content_type_id": ContentType.objects.get_for_model(record).pk,
        "comments": comments_published(record=record),
        "form": form or CommentForm(),
        "rating": rating_totals(record=record),
        "rated": rating_given(
            record=record, session_hash=session_hash_of(session_key) if session_key else None
        ),
        "views": view_count(record=record),
        "share": share_links(url, str(record)),
        "next": context.get("next") or context.get("page") or request.get_full_path(),
        "csrf_token": context.get("csrf_token"),
    }
    return panel


@register.simple_tag
def feedback_panel_url(record: Model) -> str:
    """Where a cached page loads ``record``'s panel from once it has opened."""
    content_type = ContentType.objects.get_for_model(record)
    return reverse("feedback:panel", args=[content_type.pk, record.pk])
