"""Behaviour shared by the domain models of every app."""

from django.conf import settings
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


class Job(models.Model):
    """One piece of background work, as the pages show it: progress, outcome, failure.

    The Tasks framework keeps its own result of each run, but no progress and no
    retry, and a result lives only as long as its backend keeps it (Redis forgets).
    This row is what the page polls and what stays once the work is done: who asked
    for what, when, how it ended. ``key`` names the work (``report:12``); while a
    job of that key is waiting or running, asking again returns it instead of
    queueing the same work twice (a double click). ``status`` takes the Tasks
    framework's result statuses.
    """

    class Status(models.TextChoices):
        READY = "READY", _("waiting")
        RUNNING = "RUNNING", _("running")
        SUCCESSFUL = "SUCCESSFUL", _("done")
        FAILED = "FAILED", _("failed")

    UNFINISHED = (Status.READY, Status.RUNNING)

    kind = models.CharField(_("kind of work"), max_length=40)
    key = models.CharField(_("key"), max_length=200)
    title = models.CharField(_("work"), max_length=300, blank=True)
    object_id = models.PositiveBigIntegerField(_("record"), null=True, blank=True)
    province = models.ForeignKey(
        "orgs.Place", models.PROTECT, null=True, blank=True, related_name="+"
    )
    agency = models.ForeignKey("orgs.Body", models.PROTECT, null=True, blank=True, related_name="+")
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.READY
    )
    progress = models.PositiveSmallIntegerField(_("progress (%)"), default=0)
    step = models.CharField(_("step"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    outcome = models.JSONField(_("outcome"), default=dict, blank=True)
    file = models.FileField(_("file"), upload_to="jobs/%Y/%m/", blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    task_result_id = models.CharField(max_length=64, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), default=timezone.now)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)

    access_scope = {"province": "province", "agency": "agency"}

    class Meta:
        verbose_name = _("background job")
        verbose_name_plural = _("background jobs")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["key"],
                condition=models.Q(status__in=["READY", "RUNNING"]),
                name="job_once_while_unfinished",
            ),
        ]
        indexes = [models.Index(fields=["key", "-created_at"], name="job_key_newest")]

    def __str__(self) -> str:
        return f"{self.title or self.key} – {self.get_status_display()} {self.progress}%"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCESSFUL, self.Status.FAILED)
