"""Citizens' feedback on public records: comments held for moderation, ratings, view counts.

A record is any model whose ``access_scope`` has a ``public`` path (a resolution,
a target, a news item); feedback points at it by content type and id, so the
portal's pages use the same panel as the news. Whether the record is public is
asked of :mod:`nghiquyet.orgs.access` every time, never stored here.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nghiquyet.orgs.models import Place


class PublicComment(models.Model):
    """A citizen's comment: held until the province office publishes or hides it.

    ``is_public`` mirrors ``status == published`` (a constraint keeps them in step)
    because the access layer reads a boolean to know what anonymous visitors see.
    The email is for the office to answer; pages never show it.
    """

    class Status(models.TextChoices):
        HELD = "held", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden")

    content_type = models.ForeignKey(ContentType, models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    record = GenericForeignKey("content_type", "object_id")
    province = models.ForeignKey(
        Place, models.PROTECT, related_name="public_comments", verbose_name=_("province")
    )
    name = models.CharField(_("name"), max_length=100)
    email = models.EmailField(_("email"), blank=True)
    text = models.TextField(_("comment"))
    language = models.CharField(_("language"), max_length=8, default="vi")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.HELD
    )
    is_public = models.BooleanField(_("public"), default=False, editable=False)
    hide_reason = models.TextField(_("reason for hiding"), blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("moderated by"),
    )
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    history = HistoricalRecords()

    access_scope = {"province": "province", "public": "is_public"}

    class Meta:
        verbose_name = _("public comment")
        verbose_name_plural = _("public comments")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "is_public"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="published", is_public=True)
                | (~Q(status="published") & Q(is_public=False)),
                name="public_comment_public_when_published",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.text[:60]}"


class Rating(models.Model):
    """“Bài viết có hữu ích không?”: one yes or no per visitor session and record.

    The session is kept as a hash: enough to refuse a second answer, useless to
    anyone reading the table. Ratings are never changed, so they need no history.
    """

    content_type = models.ForeignKey(ContentType, models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    session_hash = models.CharField(max_length=64)
    useful = models.BooleanField(_("useful"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "session_hash"], name="rating_once_per_session"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id}: {self.useful}"


class ViewCount(models.Model):
    """How many times a public page was read: one row per record, raised by one UPDATE.

    A counter, not a record anyone edits, so it keeps no history.
    """

    content_type = models.ForeignKey(ContentType, models.PROTECT, related_name="+")
    object_id = models.PositiveBigIntegerField()
    count = models.PositiveBigIntegerField(_("views"), default=0)

    class Meta:
        verbose_name = _("view count")
        verbose_name_plural = _("view counts")
        constraints = [
            models.UniqueConstraint(fields=["content_type", "object_id"], name="view_count_once"),
        ]

    def __str__(self) -> str:
        return f"{self.content_type_id}/{self.object_id}: {self.count}"
