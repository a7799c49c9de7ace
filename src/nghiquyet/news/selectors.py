"""Reads of news items: the staff's list and what the public may read."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet

from nghiquyet.orgs.access import scope

from .models import NewsItem


def news_items_for(*, user: Any) -> QuerySet[NewsItem]:
    """Every news item the user may see, drafts included for the office."""
    return scope(NewsItem.objects.select_related("meeting", "province"), user).order_by(
        "-created_at", "-pk"
    )


def news_published() -> QuerySet[NewsItem]:
    """What an anonymous visitor may read, newest first: the one list pages, feeds and
    the sitemap use, so none of them can show a draft the others hide."""
    return scope(NewsItem.objects.select_related("province"), None).order_by("-published_at", "-pk")
