"""Review reports: what a body reports on, and the Word templates offices upload.

A `Report` names the review (body, resolution or term, period, kind). Its content is
never stored here: it is assembled from the live targets and tasks each time, and
each generation becomes a new version of the report's draft `Document`, so an
author's edited version is never overwritten.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.models import Body, Term
from nghiquyet.reports.content import ReportKind
from nghiquyet.reports.naming import report_title


class Kind(models.TextChoices):
    """The values of `nghiquyet.reports.content.ReportKind`, with their names."""

    QUARTER = ReportKind.QUARTER.value, _("quarterly report")
    SIX_MONTHS = ReportKind.SIX_MONTHS.value, _("six-month report")
    NINE_MONTHS = ReportKind.NINE_MONTHS.value, _("nine-month report")
    YEAR = ReportKind.YEAR.value, _("year-end report")
    MID_TERM = ReportKind.MID_TERM.value, _("mid-term review")
    END_OF_TERM = ReportKind.END_OF_TERM.value, _("end-of-term review")


class Report(models.Model):
    """A review a body reports on: one resolution, or every resolution of a term."""

    body = models.ForeignKey(
        Body, models.PROTECT, related_name="reports", verbose_name=_("reporting body")
    )
    resolution = models.ForeignKey(
        Document,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="reviews",
        verbose_name=_("resolution"),
        help_text=_("Empty to review every resolution of the term."),
    )
    term = models.ForeignKey(
        Term, models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("term")
    )
    period = models.CharField(_("period"), max_length=12, help_text=_("2024-H1, 2024, 2020/2025"))
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    document = models.OneToOneField(
        Document,
        models.SET_NULL,
        null=True,
        blank=True,
        related_name="report",
        verbose_name=_("draft document"),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    history = HistoricalRecords()

    access_scope = {"province": "body__province", "agency": "body"}

    class Meta:
        verbose_name = _("review report")
        verbose_name_plural = _("review reports")
        ordering = ["-period", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["body", "resolution", "period", "kind"], name="report_once_per_review"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} – {self.body}"

    @property
    def title(self) -> str:
        """The review's name in the reader's language (see `naming`)."""
        return report_title(self)

    @property
    def period_obj(self) -> Period:
        return Period.parse(self.period)


class ReportTemplate(models.Model):
    """A body's own Word template, used instead of the shipped one for its reports."""

    body = models.ForeignKey(
        Body, models.CASCADE, related_name="report_templates", verbose_name=_("body")
    )
    file = models.FileField(_("Word template"), upload_to="reports/templates/")
    note = models.CharField(_("note"), max_length=200, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)
    history = HistoricalRecords()

    # No agency path: a template belongs to the province office, never to a reporting
    # agency, so the access layer lets only the office (and administrators) add one.
    access_scope = {"province": "body__province"}

    class Meta:
        verbose_name = _("report template")
        verbose_name_plural = _("report templates")
        ordering = ["body", "-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.body} – {self.file.name}"
