"""Writes of citizens' feedback: a visitor's comment, rating and page view, and the
office's moderation.

A visitor's writes are checked against the record being public (the selector
``public_record_get`` answers); moderation is the province office's, asked of
the access layer like any change. Each runs in one transaction, with history on
comments.
"""

from __future__ import annotations

from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import F, Model
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _

from nghiquyet.core.history import history_attribute
from nghiquyet.core.validation import check_fields
from nghiquyet.orgs.access import Action, can

from .models import PublicComment, Rating, ViewCount
from .selectors import province_id_of

#: The longest comment taken, in characters: a page of text.
COMMENT_MAX_CHARS = 3000


def session_hash_of(session_key: str) -> str:
    """The stored stand-in for a visitor's session: the same for the same session,
    and no use for reaching the session itself."""
    return salted_hmac("nghiquyet.feedback.rating", session_key, algorithm="sha256").hexdigest()


@transaction.atomic
def comment_submit(
    *, record: Model, name: str, email: str = "", text: str, language: str = "vi"
) -> PublicComment:
    """Take a visitor's comment on a public record and hold it for the office."""
    name, email, text = name.strip(), email.strip(), text.strip()
    errors: dict[str, list[str]] = {}
    if not name:
        errors["name"] = [_("Enter your name.")]
    if not text:
        errors["text"] = [_("Write your comment.")]
    elif len(text) > COMMENT_MAX_CHARS:
        errors["text"] = [
            _("The comment is %(length)s characters long; at most %(max)s are taken.")
            % {"length": len(text), "max": COMMENT_MAX_CHARS}
        ]
    if email:
        try:
            validate_email(email)
        except ValidationError:
            errors["email"] = [_("This email address is not valid.")]
    if errors:
        raise ValidationError(errors)
    comment = PublicComment(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        province_id=province_id_of(record),
        name=name,
        email=email,
        text=text,
        language="en" if language.startswith("en") else "vi",
    )
    check_fields(comment)
    history_attribute(comment, None)
    comment.save()
    return comment


def _moderate(*, user: Any, comment: PublicComment, status: str, reason: str = "") -> None:
    if not can(user, Action.CHANGE, comment):
        raise PermissionDenied
    if comment.status == status:
        raise ValidationError(_("The comment is already in this state."))
    comment.status = status
    comment.is_public = status == PublicComment.Status.PUBLISHED
    comment.hide_reason = reason
    comment.moderated_by = user
    comment.moderated_at = timezone.now()
    check_fields(comment)
    history_attribute(comment, user)
    comment.save()


@transaction.atomic
def comment_publish(*, user: Any, comment: PublicComment) -> PublicComment:
    """Show the comment under its record, to everyone."""
    _moderate(user=user, comment=comment, status=PublicComment.Status.PUBLISHED)
    return comment


@transaction.atomic
def comment_hide(*, user: Any, comment: PublicComment, reason: str) -> PublicComment:
    """Keep the comment off the public pages, saying why (the history keeps the text)."""
    if not reason.strip():
        raise ValidationError({"reason": [_("Say why the comment is hidden.")]})
    _moderate(user=user, comment=comment, status=PublicComment.Status.HIDDEN, reason=reason.strip())
    return comment


@transaction.atomic
def rating_record(*, record: Model, session_key: str, useful: bool) -> Rating:
    """A visitor's answer to “Bài viết có hữu ích không?”; a second one is refused."""
    try:
        with transaction.atomic():
            return Rating.objects.create(
                content_type=ContentType.objects.get_for_model(record),
                object_id=record.pk,
                session_hash=session_hash_of(session_key),
                useful=useful,
            )
    except IntegrityError as exc:
        raise ValidationError(_("You have already answered for this page.")) from exc


@transaction.atomic
def view_count_add(*, record: Model) -> None:
    """One more reading of a public page: a single UPDATE once the counter exists."""
    about = {"content_type": ContentType.objects.get_for_model(record), "object_id": record.pk}
    if ViewCount.objects.filter(**about).update(count=F("count") + 1):
        return
    try:
        with transaction.atomic():
            ViewCount.objects.create(**about, count=1)
    except IntegrityError:
        # Another reader created the counter first: add to theirs.
        ViewCount.objects.filter(**about).update(count=F("count") + 1)
