"""Tasks assigned by a document to agencies, and the records that show how they are carried out.

A task carries what Party rules ask trackers to hold for it: the assigning
document, the lead and coordinating agencies, the supervising body, the deadline,
the expected output, then the progress updates (results and products), the
coordination requests and the checks (evaluations). Its status is never typed:
:mod:`nghiquyet.tasks.status` derives it from these records.
"""

from django.conf import settings
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from nghiquyet.core.models import SoftDeletable
from nghiquyet.orgs.models import Body, Place


class TaskGroup(SoftDeletable):
    """A named set of tasks in a document: "6 nhiệm vụ trọng tâm", "3 công trình trọng điểm"."""

    class Kind(models.TextChoices):
        MAIN = "main", _("Main tasks")
        FOCUS = "focus", _("Key tasks")
        BREAKTHROUGH = "breakthrough", _("Breakthrough tasks")
        KEY_PROJECT = "key_project", _("Key projects")
        OTHER = "other", _("Other tasks")

    province = models.ForeignKey(
        Place, models.PROTECT, related_name="task_groups", verbose_name=_("province")
    )
    document = models.ForeignKey(
        "documents.Document",
        models.PROTECT,
        related_name="task_groups",
        verbose_name=_("assigning document"),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.MAIN)
    name = models.CharField(_("name"), max_length=300)
    position = models.PositiveSmallIntegerField(_("position"), default=0)
    history = HistoricalRecords()

    access_scope = {"province": "province"}

    class Meta:
        verbose_name = _("task group")
        verbose_name_plural = _("task groups")
        ordering = ["document", "position", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "name"],
                condition=Q(deleted_at__isnull=True),
                name="task_group_unique_name_per_document",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class Task(SoftDeletable):
    """One task (nhiệm vụ) with the agency that leads it and the date it is due."""

    class Origin(models.TextChoices):
        ASSIGNED = "assigned", _("Assigned")
        PROPOSED = "proposed", _("Proposed by the agency")

    class Recurrence(models.TextChoices):
        NONE = "", _("One-off")
        MONTHLY = "monthly", _("Monthly")
        QUARTERLY = "quarterly", _("Quarterly")

    province = models.ForeignKey(
        Place, models.PROTECT, related_name="tasks", verbose_name=_("province")
    )
    document = models.ForeignKey(
        "documents.Document",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("assigning document"),
        help_text=_("Empty for a task the agency proposed itself."),
    )
    group = models.ForeignKey(
        TaskGroup,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="tasks",
        verbose_name=_("task group"),
    )
    parent = models.ForeignKey(
        "self",
        models.PROTECT,
        null=True,
        blank=True,
        related_name="subtasks",
        verbose_name=_("parent task"),
    )
    code = models.CharField(_("number"), max_length=20, blank=True, help_text=_("1, 2.3"))
    title = models.CharField(pgettext_lazy("task", "title"), max_length=500)
    description = models.TextField(_("description"), blank=True)
    origin = models.CharField(
        _("origin"), max_length=10, choices=Origin.choices, default=Origin.ASSIGNED
    )
    lead = models.ForeignKey(
        Body, models.PROTECT, related_name="led_tasks", verbose_name=_("lead agency")
    )
    coordinators = models.ManyToManyField(
        Body, blank=True, related_name="coordinated_tasks", verbose_name=_("coordinating agencies")
    )
    supervisor = models.ForeignKey(
        Body,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="supervised_tasks",
        verbose_name=_("supervising body"),
    )
    start_on = models.DateField(_("start"))
    deadline = models.DateField(
        pgettext_lazy("task", "deadline"),
        null=True,
        blank=True,
        help_text=_("For a recurring task: the day the recurrence ends, if any."),
    )
    recurrence = models.CharField(
        _("recurrence"), max_length=10, choices=Recurrence.choices, blank=True, default=""
    )
    expected_output = models.TextField(_("expected output"), blank=True)
    targets = models.ManyToManyField(
        "targets.Target", blank=True, related_name="tasks", verbose_name=_("targets served")
    )
    history = HistoricalRecords()

    # Coordinating agencies and the supervising body read the task they work on; the
    # inspection committee reads every task of its province.
    access_scope = {
        "province": "province",
        "agency": "lead",
        "readers": ("coordinators", "supervisor"),
        "inspected": True,
    }

    class Meta:
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        ordering = ["group__position", "code", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__isnull=True) | Q(deadline__gte=F("start_on")),
                name="task_deadline_after_start",
            ),
            models.CheckConstraint(
                condition=~Q(recurrence="") | Q(deadline__isnull=False),
                name="task_one_off_has_deadline",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.title}" if self.code else self.title


class ProgressUpdate(models.Model):
    """What the lead agency reports: how far along, what was produced, what blocks it.

    Updates are only added, never edited, so the timeline shows what was known when.
    An update at 100% marks the task done on its ``reported_on`` date.
    """

    task = models.ForeignKey(Task, models.CASCADE, related_name="updates", verbose_name=_("task"))
    reported_on = models.DateField(_("reported on"))
    percent = models.PositiveSmallIntegerField(
        _("percent complete"), validators=[MaxValueValidator(100)]
    )
    narrative = models.TextField(_("progress"))
    results = models.TextField(_("results and products"), blank=True)
    blocked = models.BooleanField(
        _("blocked"), default=False, help_text=_("The task cannot go on without outside help.")
    )
    evidence = models.FileField(_("evidence"), upload_to="tasks/evidence/%Y/%m/", blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    access_scope = {
        "province": "task__province",
        "agency": "task__lead",
        "readers": ("task__supervisor",),
        "inspected": True,
    }

    class Meta:
        verbose_name = _("progress update")
        verbose_name_plural = _("progress updates")
        ordering = ["task", "reported_on", "pk"]
        constraints = [
            models.CheckConstraint(condition=Q(percent__lte=100), name="progress_percent_max_100"),
        ]

    def __str__(self) -> str:
        return f"{self.task} – {self.reported_on:%d/%m/%Y} – {self.percent}%"


class CoordinationRequest(models.Model):
    """The lead agency asks another agency for its part, to be answered by an agreed day."""

    task = models.ForeignKey(
        Task, models.CASCADE, related_name="coordination_requests", verbose_name=_("task")
    )
    requested_by = models.ForeignKey(
        Body, models.PROTECT, related_name="+", verbose_name=_("requesting agency")
    )
    requested_body = models.ForeignKey(
        Body,
        models.PROTECT,
        related_name="coordination_requests",
        verbose_name=_("requested agency"),
    )
    subject = models.TextField(_("request"))
    requested_on = models.DateField(_("requested on"))
    due_on = models.DateField(_("answer due"))
    answered_on = models.DateField(_("answered on"), null=True, blank=True)
    answered_by = models.ForeignKey(
        Body,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answering agency"),
    )
    answer = models.TextField(_("answer"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    #: The addressed agency sees and answers the requests sent to it.
    access_scope = {"province": "task__province", "agency": "requested_body", "inspected": True}

    class Meta:
        verbose_name = _("coordination request")
        verbose_name_plural = _("coordination requests")
        ordering = ["task", "requested_on", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(due_on__gte=F("requested_on")), name="coordination_due_after_request"
            ),
            models.CheckConstraint(
                condition=Q(answered_on__isnull=True)
                | Q(answered_on__gte=F("requested_on"), answered_by__isnull=False),
                name="coordination_answer_complete",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requested_body} – {self.task}"


class Check(models.Model):
    """An inspection (kiểm tra) or supervision (giám sát) of a task, with its findings."""

    class Kind(models.TextChoices):
        INSPECTION = "inspection", _("Inspection (kiểm tra)")
        SUPERVISION = "supervision", _("Supervision (giám sát)")

    task = models.ForeignKey(Task, models.CASCADE, related_name="checks", verbose_name=_("task"))
    body = models.ForeignKey(
        Body, models.PROTECT, related_name="task_checks", verbose_name=_("checking body")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    checked_on = models.DateField(_("checked on"))
    findings = models.TextField(_("findings"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)
    history = HistoricalRecords()

    access_scope = {
        "province": "task__province",
        "agency": "body",
        "readers": ("task__lead",),
        "inspected": True,
    }

    class Meta:
        verbose_name = _("check")
        verbose_name_plural = _("checks")
        ordering = ["task", "checked_on", "pk"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} – {self.task} – {self.checked_on:%d/%m/%Y}"


class ReminderSent(models.Model):
    """One reminder e-mail per agency and day: what makes ``nghiquyet remind`` idempotent."""

    body = models.ForeignKey(Body, models.CASCADE, related_name="+", verbose_name=_("agency"))
    sent_on = models.DateField(_("sent on"))
    recipients = models.TextField(_("recipients"))
    subject = models.CharField(_("subject"), max_length=200)
    created_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    access_scope = {"province": "body__province", "agency": "body"}

    class Meta:
        verbose_name = _("reminder sent")
        verbose_name_plural = _("reminders sent")
        constraints = [
            models.UniqueConstraint(fields=["body", "sent_on"], name="reminder_once_per_day"),
        ]

    def __str__(self) -> str:
        return f"{self.body} – {self.sent_on:%d/%m/%Y}"
