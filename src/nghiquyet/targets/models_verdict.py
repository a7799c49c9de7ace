"""A target's stored verdict for a period: what the dashboard and the summaries read.

Judging a resolution's thousand targets at every read cost 30–70× the query that
fetches their figures, so each target's judgement is stored per period and kept in
step by :mod:`nghiquyet.targets.verdicts`, in the same transaction as every change
that can alter it. The rules stay in `nghiquyet.evaluation`: a row is a judgement the
core computed, written down, never a verdict typed by hand.

A row holds every part of the core's `Judgement` but the target's spec (which the
target itself gives), and the value the spec was measured against (a term total seen
mid-term is judged against the share due by then), so a read rebuilds the very
judgement a fresh computation would give, and `verify_verdicts` can compare the two
field by field.
"""

from dataclasses import replace
from decimal import Decimal, InvalidOperation
from typing import Any

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.documents.models import Document
from nghiquyet.evaluation import Judgement, TargetSpec
from nghiquyet.evaluation import Milestone as EvalMilestone
from nghiquyet.evaluation import Status as EvalStatus
from nghiquyet.targets.models import Milestone, Target, validate_period_code


class ExactDecimalField(models.CharField):
    """A Decimal kept as its exact text, exponent and trailing zeros included.

    A computed figure (a mean of yearly rates, a compound growth) may carry 28
    significant digits, and a completion carries the decimals it needs so that it
    never reads 100% for a target missed by a hair: SQLite's decimal columns keep 15
    digits and PostgreSQL's fixed scale would add trailing zeros, either of which would
    change what a page prints. Text keeps the judgement exactly as the core gave it.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("max_length", 64)
        super().__init__(*args, **kwargs)

    def from_db_value(self, value: str | None, expression: Any, connection: Any) -> Any:
        return None if value is None else Decimal(value)

    def to_python(self, value: Any) -> Decimal | None:
        if value is None or isinstance(value, Decimal):
            return value
        try:
            return Decimal(str(value))
        except InvalidOperation as exc:
            raise ValidationError(_("Not a number."), code="invalid") from exc

    def get_prep_value(self, value: Any) -> str | None:
        value = self.to_python(value)
        return None if value is None else str(value)


class VerdictStatus(models.TextChoices):
    """A stored verdict: the values of `nghiquyet.evaluation.Status`."""

    EXCEEDED = EvalStatus.EXCEEDED.value, _("exceeded")
    ACHIEVED = EvalStatus.ACHIEVED.value, _("achieved")
    NOT_ACHIEVED = EvalStatus.NOT_ACHIEVED.value, _("not achieved")
    NO_DATA = EvalStatus.NO_DATA.value, _("no data")
    IN_PROGRESS = EvalStatus.IN_PROGRESS.value, _("period not over")


class Verdict(models.Model):
    """A target's judgement for one period (đánh giá), computed by `nghiquyet.evaluation`.

    One row per live target and per period its document's dashboard can show. The
    document is copied from the target so that a dashboard reads one index range
    (document, period) without joining the targets. No history: a row is derived,
    and the figures and targets it derives from keep theirs.
    """

    target = models.ForeignKey(
        Target, models.CASCADE, related_name="verdicts", verbose_name=_("target")
    )
    document = models.ForeignKey(
        Document, models.CASCADE, related_name="+", verbose_name=_("document")
    )
    period = models.CharField(_("period"), max_length=12, validators=[validate_period_code])
    status = models.CharField(_("verdict"), max_length=12, choices=VerdictStatus.choices)
    completion = ExactDecimalField(_("completion (%)"), null=True, blank=True)
    figure = ExactDecimalField(
        _("figure judged"),
        null=True,
        blank=True,
        help_text=_("What was compared with the target: the level, the growth, the total…"),
    )
    estimate = models.BooleanField(_("estimate"), default=False)
    progress = ExactDecimalField(_("progress (%)"), null=True, blank=True)
    to_date = models.BooleanField(_("judged to date"), default=False)
    milestone = models.CharField(
        _("stage"), max_length=12, choices=Milestone.choices, blank=True, default=""
    )
    rule_key = models.CharField(_("rule"), max_length=64)
    against = ExactDecimalField(
        _("judged against"),
        null=True,
        blank=True,
        help_text=_("The target's value as judged: a term total seen mid-term, the pace to date."),
    )
    against_max = ExactDecimalField(_("upper value judged against"), null=True, blank=True)
    pace = models.CharField(
        _("pace"),
        max_length=16,
        blank=True,
        default="",
        help_text=_("The pace towards a multi-year target at this period, when it applies."),
    )
    trend = models.JSONField(
        _("trend"),
        default=list,
        blank=True,
        help_text=_("The approved figure in force of each period up to this one, oldest first."),
    )
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("verdict")
        verbose_name_plural = _("verdicts")
        ordering = ["document", "period", "target"]
        constraints = [
            models.UniqueConstraint(fields=["target", "period"], name="verdict_once_per_period"),
        ]
        indexes = [
            models.Index(fields=["document", "period", "status"], name="verdict_document_period"),
        ]

    def __str__(self) -> str:
        return f"{self.target_id} – {self.period}: {self.status}"


class VerdictPeriod(models.Model):
    """A period a document's dashboard offers, stored with the verdicts of that period.

    Kept by the same refresh as the verdicts, so a dashboard lists its periods and
    picks the one it opens on from a few rows, instead of reading every figure of the
    document (a commune breakdown holds hundreds of thousands).
    """

    document = models.ForeignKey(
        Document, models.CASCADE, related_name="verdict_periods", verbose_name=_("document")
    )
    period = models.CharField(_("period"), max_length=12, validators=[validate_period_code])
    own = models.BooleanField(_("a target's own period"), default=False)
    approved = models.BooleanField(_("has approved figures"), default=False)
    review = models.BooleanField(
        _("term to date"),
        default=False,
        help_text=_("The term to date at a year with figures: to look at, not to report for."),
    )

    class Meta:
        verbose_name = _("dashboard period")
        verbose_name_plural = _("dashboard periods")
        ordering = ["document", "period"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "period"], name="verdict_period_once_per_document"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document_id} – {self.period}"


#: The columns that hold a judgement, in the order :func:`verdict_parts` gives them.
PARTS = (
    "status",
    "completion",
    "figure",
    "estimate",
    "progress",
    "to_date",
    "milestone",
    "rule_key",
    "against",
    "against_max",
)


#: The columns that hold what a dashboard's row draws besides the judgement: the pace
#: (a `nghiquyet.evaluation.Pace` value, or empty) and the trend (``[period, value,
#: estimate]`` of each figure in force up to the period, the value as exact text).
SHOWN_PARTS = ("pace", "trend")


def verdict_parts(judgement: Judgement) -> tuple[Any, ...]:
    """The columns of ``judgement`` (all but its spec), in the order of :data:`PARTS`."""
    return (
        judgement.status.value,
        judgement.completion,
        judgement.figure,
        judgement.estimate,
        judgement.progress,
        judgement.to_date,
        judgement.milestone.value if judgement.milestone else "",
        judgement.rule_key,
        judgement.spec.value,
        judgement.spec.value_max,
    )


def same_parts(first: tuple[Any, ...], second: tuple[Any, ...]) -> bool:
    """Whether two rows of parts print alike: 101.250 and 101.25 are equal Decimals, but a
    page would print them differently, so numbers compare by their exact text."""

    def exact(parts: tuple[Any, ...]) -> tuple[Any, ...]:
        return tuple(str(part) if isinstance(part, Decimal) else part for part in parts)

    return exact(first) == exact(second)


def judgement_of_parts(spec: TargetSpec, parts: tuple[Any, ...]) -> Judgement:
    """The judgement a stored row holds, for the target whose spec is ``spec``."""
    status, completion, figure, estimate, progress, to_date, milestone, rule_key, *against = parts
    if (spec.value, spec.value_max) != tuple(against):
        # Judged to date, a term total is measured against the share of it due by then.
        spec = replace(spec, value=against[0], value_max=against[1])
    return Judgement(
        spec=spec,
        status=EvalStatus(status),
        figure=figure,
        completion=completion,
        estimate=estimate,
        rule_key=rule_key,
        progress=progress,
        to_date=to_date,
        milestone=EvalMilestone(milestone) if milestone else None,
    )
