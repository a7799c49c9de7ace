"""The cache of public pages, and the one place that empties it.

Public pages are the same for every visitor in a language, so their rendered
content is kept in Django's cache under a key made of a generation number, the
language, the page kind and its arguments. Anything that can change a public
page (a document published or taken off, a target edited, a figure approved)
bumps the generation: every older key is then simply never read again, and
expires on its own. The page around the content (header, language form with
its CSRF token, messages) is rendered per request and never cached.

With several server processes the cache must be a shared one (``CACHES`` with
Redis or the database); the per-process default works for one process.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import post_delete, post_save

from nghiquyet.core.language import current_language

T = TypeVar("T")
GENERATION_KEY = "portal:generation"
#: Long enough for a quiet day; a publication or an approval ends it at once.
TIMEOUT = 24 * 60 * 60


def _generation() -> int:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, 1, timeout=None)
        generation = cache.get(GENERATION_KEY, 1)
    return generation


def cached(kind: str, *parts: Any, build: Callable[[], T], per_language: bool = True) -> T:
    """``build()``'s result for this page kind and arguments, built once per generation."""
    language = current_language() if per_language else "-"
    key = ":".join(["portal", str(_generation()), language, kind, *map(str, parts)])
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=TIMEOUT)
    return value


def invalidate() -> None:
    """Forget every cached public page (the next visit builds it again)."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, timeout=None)


def _invalidate_now_and_on_commit() -> None:
    """Forget the pages at once, and again when the change commits: a visitor served
    between the two read the rows as they were before it, and the page built for them
    must not outlive the commit."""
    invalidate()
    transaction.on_commit(invalidate)


def _on_change(sender: type, instance: Any, **kwargs: Any) -> None:
    _invalidate_now_and_on_commit()


def _on_figure_change(sender: type, instance: Any, **kwargs: Any) -> None:
    """Only an approved figure is public: drafts, submissions and returns change no page."""
    if instance.status == instance.Status.APPROVED:
        _invalidate_now_and_on_commit()


def connect_invalidation() -> None:
    """Listen to the records public pages are made of (called once, when the app is ready)."""
    from nghiquyet.documents.models import Attachment, Document, DocumentLink, DocumentVersion
    from nghiquyet.news.models import NewsItem
    from nghiquyet.reports.models import Report
    from nghiquyet.targets.models import Actual, Indicator, Target

    models = (Document, DocumentLink, DocumentVersion, Attachment, Target, Indicator, Report)
    for model in (*models, NewsItem):
        for signal in (post_save, post_delete):
            signal.connect(_on_change, sender=model, dispatch_uid=f"portal:{model.__name__}")
    for signal in (post_save, post_delete):
        signal.connect(_on_figure_change, sender=Actual, dispatch_uid="portal:Actual")
