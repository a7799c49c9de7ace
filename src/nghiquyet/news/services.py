"""Writes on news items: prepare from a meeting, edit, publish, unpublish.

Each takes the acting ``user``, asks the access layer (the province office may),
refuses bad input with a message in the user's language before saving anything,
and leaves a history row naming the user.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from nghiquyet.core.history import history_attribute
from nghiquyet.core.validation import check_fields
from nghiquyet.meetings.models import Meeting
from nghiquyet.meetings.news import news_paragraphs, news_title
from nghiquyet.meetings.record import meeting_record
from nghiquyet.orgs.access import Action, can

from .models import NewsItem


def _require_change(user: Any, obj: Meeting | NewsItem) -> None:
    if not can(user, Action.CHANGE, obj):
        raise PermissionDenied


def _written_in(language: str, meeting: Meeting) -> tuple[str, str]:
    """The generated title and text of the meeting's news in ``language``."""
    with override(language):
        record = meeting_record(meeting=meeting)
        return news_title(record), "\n".join(news_paragraphs(record))


@transaction.atomic
def news_item_create_from_meeting(*, user: Any, meeting: Meeting) -> NewsItem:
    """Prepare the draft news item of a closed meeting, in Vietnamese and English.

    Only a closed meeting has its conclusion and adopted documents, which are what
    the public wants to know; one article per meeting, which the office may edit.
    """
    _require_change(user, meeting)
    if meeting.status != Meeting.Status.CLOSED:
        raise ValidationError(_("The meeting is not closed yet: its news follows its conclusion."))
    if NewsItem.objects.filter(meeting=meeting).exists():
        raise ValidationError(_("This meeting already has a news item."))
    title_vi, body_vi = _written_in("vi", meeting)
    title_en, body_en = _written_in("en", meeting)
    item = NewsItem(
        meeting=meeting,
        province=meeting.province,
        title_vi=title_vi,
        body_vi=body_vi,
        title_en=title_en,
        body_en=body_en,
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    check_fields(item)
    history_attribute(item, user)
    item.save()
    adopted = meeting_record(meeting=meeting).adopted
    item.documents.set(adopted)
    return item


@transaction.atomic
def news_item_update(
    *, user: Any, news_item: NewsItem, title_vi: str, body_vi: str, title_en: str, body_en: str
) -> NewsItem:
    """The office's corrections to the generated text; Vietnamese is required."""
    _require_change(user, news_item)
    errors: dict[str, list[str]] = {}
    if not title_vi.strip():
        errors["title_vi"] = [_("Enter the title in Vietnamese.")]
    if not body_vi.strip():
        errors["body_vi"] = [_("Enter the text in Vietnamese.")]
    if errors:
        raise ValidationError(errors)
    news_item.title_vi, news_item.body_vi = title_vi.strip(), body_vi.strip()
    news_item.title_en, news_item.body_en = title_en.strip(), body_en.strip()
    check_fields(news_item)
    history_attribute(news_item, user)
    news_item.save()
    return news_item


@transaction.atomic
def news_item_publish(*, user: Any, news_item: NewsItem) -> NewsItem:
    """Put the article on the public portal, its feeds and the sitemap."""
    _require_change(user, news_item)
    if news_item.is_published:
        raise ValidationError(_("This news item is already published."))
    news_item.is_published = True
    news_item.published_at = timezone.now()
    history_attribute(news_item, user)
    news_item.save(update_fields=["is_published", "published_at"])
    return news_item


@transaction.atomic
def news_item_unpublish(*, user: Any, news_item: NewsItem) -> NewsItem:
    """Take the article down; it stays as a draft, with its history, to publish again."""
    _require_change(user, news_item)
    if not news_item.is_published:
        raise ValidationError(_("This news item is not published."))
    news_item.is_published = False
    history_attribute(news_item, user)
    news_item.save(update_fields=["is_published"])
    return news_item
