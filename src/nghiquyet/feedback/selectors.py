"""Reads of feedback: the public record a request is about, what the public sees of it,
and the office's moderation queue."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Model, Q, QuerySet
from django.http import Http404

from nghiquyet.orgs.access import Action, can, scope

from .models import PublicComment, Rating, ViewCount


def is_commentable(model: type[Model]) -> bool:
    """Records that can be public at all: their access scope names a public flag."""
    return "public" in getattr(model, "access_scope", {})


def public_record_get(*, content_type_id: int, object_id: int) -> Model:
    """The record a visitor's feedback is about, if an anonymous visitor may read it.

    Anything else, a draft news item, an unpublished resolution or an internal
    record, is reported as missing, exactly as its own page would be.
    """
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist as exc:
        raise Http404 from exc
    model = content_type.model_class()
    if model is None or not is_commentable(model):
        raise Http404
    record = model._default_manager.filter(pk=object_id).first()
    if record is None or not can(None, Action.VIEW, record):
        raise Http404
    return record


def province_id_of(record: Model) -> int:
    """The province a record belongs to, by its access scope's province path."""
    path = record.access_scope["province"]
    return type(record)._default_manager.filter(pk=record.pk).values_list(path, flat=True).get()


def _about(record: Model) -> Q:
    return Q(content_type=ContentType.objects.get_for_model(record), object_id=record.pk)


def comments_published(*, record: Model) -> QuerySet[PublicComment]:
    """The comments anyone may read on ``record``: published ones only, oldest first."""
    return scope(PublicComment.objects.filter(_about(record)), None).only(
        "name", "text", "created_at"
    )


@dataclass(frozen=True)
class RatingTotals:
    useful: int
    not_useful: int


def rating_totals(*, record: Model) -> RatingTotals:
    totals = Rating.objects.filter(_about(record)).aggregate(
        yes=Count("pk", filter=Q(useful=True)), no=Count("pk", filter=Q(useful=False))
    )
    return RatingTotals(useful=totals["yes"], not_useful=totals["no"])


def rating_given(*, record: Model, session_hash: str | None) -> bool:
    if not session_hash:
        return False
    return Rating.objects.filter(_about(record), session_hash=session_hash).exists()


def view_count(*, record: Model) -> int:
    return ViewCount.objects.filter(_about(record)).values_list("count", flat=True).first() or 0


def moderation_queue(*, user: Any, status: str) -> QuerySet[PublicComment]:
    """The comments the user may moderate, in one status; held ones oldest first."""
    comments = scope(PublicComment.objects.filter(status=status), user, Action.CHANGE)
    order = ["created_at", "pk"] if status == PublicComment.Status.HELD else ["-moderated_at"]
    return comments.select_related("content_type").order_by(*order)
