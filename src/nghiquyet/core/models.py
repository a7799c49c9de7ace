"""Behaviour shared by the domain models of every app."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class LiveManager(models.Manager):
    """Hides soft-deleted rows: what users deleted disappears but can be restored."""

    def get_queryset(self) -> models.QuerySet:
        return super().get_queryset().filter(deleted_at__isnull=True)


class SoftDeletable(models.Model):
    """A record that is never really deleted, so a mistaken deletion can be undone.

    ``objects`` shows live rows only; ``all_objects`` includes the deleted ones
    (for the restore page and the history).
    """

    deleted_at = models.DateTimeField(_("deleted at"), null=True, blank=True, editable=False)

    objects = LiveManager()
    all_objects = models.Manager()  # noqa: DJ012 - kept beside the manager it complements

    class Meta:
        abstract = True
        base_manager_name = "all_objects"

    def soft_delete(self) -> None:
        self.deleted_at = timezone.now()
        self.save(update_fields=["deleted_at"])

    def restore(self) -> None:
        self.deleted_at = None
        self.save(update_fields=["deleted_at"])
