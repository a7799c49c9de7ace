"""Targets of a resolution, the figures agencies report against them, and reporting deadlines.

The judgement (vượt / đạt / chưa đạt) is never stored: `nghiquyet.targets.judging`
computes it from a target and its approved actuals with `nghiquyet.evaluation`.
Choices reuse the evaluation core's codes so that the database, the API and the
pure core speak the same words.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from nghiquyet.core.models import SoftDeletable
from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.core.validation import FIGURE_DIGITS, FIGURE_PLACES, FigureField
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import Comparator as EvalComparator
from nghiquyet.evaluation import Direction as EvalDirection
from nghiquyet.evaluation import Horizon as EvalHorizon
from nghiquyet.evaluation import Kind as EvalKind
from nghiquyet.evaluation import Milestone as EvalMilestone
from nghiquyet.orgs.models import Body, Place

DECIMAL = {"max_digits": FIGURE_DIGITS, "decimal_places": FIGURE_PLACES}


def validate_period_code(code: str) -> None:
    """Accept only canonical period codes, so every stored code parses and sorts."""
    try:
        period = Period.parse(code)
    except ValueError as exc:
        raise ValidationError(
            _("%(code)s is not a period code: write 2024, 2024-H1, 2024-Q2, 2024-09 or 2020/2025."),
            params={"code": code},
            code="period",
        ) from exc
    if period.code != code:
        raise ValidationError(
            _("Write the period as %(code)s."), params={"code": period.code}, code="period"
        )


class Kind(models.TextChoices):
    """What sort of figure: the values of `nghiquyet.evaluation.Kind`."""

    LEVEL = EvalKind.LEVEL.value, _("level")
    SHARE = EvalKind.SHARE.value, _("share (%)")
    GROWTH = EvalKind.GROWTH.value, _("growth rate")
    CHANGE = EvalKind.CHANGE.value, _("change in points")
    COUNT = EvalKind.COUNT.value, _("count")
    RATIO = EvalKind.RATIO.value, _("ratio")
    CUMULATIVE = EvalKind.CUMULATIVE.value, _("cumulative total")
    REDUCTION = EvalKind.REDUCTION.value, _("reduction (the fall, positive)")
    MILESTONE = EvalKind.MILESTONE.value, _("milestone (done or not)")


class Horizon(models.TextChoices):
    """What the target's figure is set for: the values of `nghiquyet.evaluation.Horizon`."""

    PERIOD = EvalHorizon.PERIOD.value, _("the whole period")
    PER_YEAR = EvalHorizon.PER_YEAR.value, _("each year of the period")


class Milestone(models.TextChoices):
    """Where a milestone stands: the values of `nghiquyet.evaluation.Milestone`."""

    NOT_STARTED = EvalMilestone.NOT_STARTED.value, _("not started")
    IN_PROGRESS = EvalMilestone.IN_PROGRESS.value, _("in progress")
    DONE = EvalMilestone.DONE.value, _("done")


class Direction(models.TextChoices):
    """Which way the indicator improves: the values of `nghiquyet.evaluation.Direction`."""

    MORE_IS_BETTER = EvalDirection.MORE_IS_BETTER.value, _("higher is better")
    LESS_IS_BETTER = EvalDirection.LESS_IS_BETTER.value, _("lower is better")


class Comparator(models.TextChoices):
    """The relation the text states: the values of `nghiquyet.evaluation.Comparator`."""

    GE = EvalComparator.GE.value, _("at least (trở lên)")
    GT = EvalComparator.GT.value, _("above (trên)")
    LE = EvalComparator.LE.value, _("at most (không quá)")
    LT = EvalComparator.LT.value, _("below (dưới)")
    APPROX = EvalComparator.APPROX.value, _("about (khoảng)")
    EQ = EvalComparator.EQ.value, _("reach (đạt)")
    RANGE = EvalComparator.RANGE.value, _("from … to …")


class Sector(models.TextChoices):
    """The fields (lĩnh vực) resolutions group their targets by."""

    ECONOMY = "economy", _("Economy")
    SOCIETY = "society", _("Culture and society")
    ENVIRONMENT = "environment", _("Environment")
    DEFENCE = "defence", _("Defence and security")
    PARTY = "party", _("Party and political system building")


class Indicator(models.Model):
    """A measure that targets are set on, reused across resolutions and years (chỉ số).

    Kind and direction belong to the indicator: the poverty rate is better lower in
    every resolution. A province keeps its own indicators; those without a province
    form the national catalogue every province may use.
    """

    name = models.CharField(_("name"), max_length=300)
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("%, tỷ đồng, lao động")
    )
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices, default=Kind.LEVEL)
    direction = models.CharField(
        _("direction"),
        max_length=16,
        choices=Direction.choices,
        default=Direction.MORE_IS_BETTER,
    )
    sector = models.CharField(
        _("field"), max_length=12, choices=Sector.choices, default=Sector.ECONOMY
    )
    province = models.ForeignKey(
        Place,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="indicators",
        verbose_name=_("province"),
        help_text=_("Empty for the national catalogue."),
    )
    description = models.TextField(_("description"), blank=True)
    history = HistoricalRecords()

    access_scope = {"province": "province"}

    class Meta:
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        ordering = ["sector", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "name"], name="indicator_unique_name_per_province"
            ),
            models.UniqueConstraint(
                fields=["name"],
                condition=Q(province__isnull=True),
                name="indicator_unique_national_name",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.unit})" if self.unit else self.name


class Target(SoftDeletable):
    """A figure a document sets for a place and a period (chỉ tiêu).

    `value` is in the target's own terms: the level, the share in percent, the growth
    rate in percent (against `base_year`), the signed change in points, the fall for a
    reduction ("giảm 1,5 điểm %" is 1,5), or 100 for a milestone. With a base value,
    growth, change and reduction targets take reported levels and compute the move.
    `horizon` says whether the figure is for each year ("25.000 lao động/năm") or for
    the period; `tolerance` is the band of "khoảng", in percent of the value.
    """

    document = models.ForeignKey(
        Document, models.CASCADE, related_name="targets", verbose_name=_("document")
    )
    place = models.ForeignKey(
        Place,
        models.PROTECT,
        related_name="targets",
        verbose_name=_("place"),
        help_text=_("The province, or a commune when the target is broken down."),
    )
    indicator = models.ForeignKey(
        Indicator, models.PROTECT, related_name="targets", verbose_name=_("indicator")
    )
    comparator = models.CharField(
        _("comparator"), max_length=5, choices=Comparator.choices, default=Comparator.GE
    )
    value = FigureField(_("value"), **DECIMAL)
    value_max = FigureField(
        _("upper value"), null=True, blank=True, help_text=_("For a range only."), **DECIMAL
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    period = models.CharField(
        _("period"),
        max_length=12,
        validators=[validate_period_code],
        help_text=_("2024, 2024-H1, 2024-Q2, 2024-09, 2024-9M or a term 2020/2025."),
    )
    base_year = models.PositiveSmallIntegerField(_("base year"), null=True, blank=True)
    base_value = FigureField(
        _("base value"),
        null=True,
        blank=True,
        help_text=_(
            "The level of the base year. Given for a growth, change or reduction target, "
            "agencies report levels and the system computes the growth."
        ),
        **DECIMAL,
    )
    horizon = models.CharField(
        _("horizon"),
        max_length=8,
        choices=Horizon.choices,
        default=Horizon.PERIOD,
        help_text=_(
            "Each year: “25.000 lao động/năm”, “tăng bình quân 9%/năm”, judged every year "
            "and over the term."
        ),
    )
    tolerance = FigureField(
        _("tolerance of “khoảng” (%)"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("“khoảng X” is met within this percentage of X; 2% when empty."),
    )
    owner = models.ForeignKey(
        Body,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="targets",
        verbose_name=_("owning agency"),
        help_text=_("The agency that reports actuals for this target."),
    )
    position = models.PositiveSmallIntegerField(_("order"), default=0)
    source_text = models.TextField(
        _("source text"), blank=True, help_text=_("The sentence of the document that sets it.")
    )
    history = HistoricalRecords()

    access_scope = {
        "province": "document__province",
        "agency": "owner",
        "public": "document__is_public",
    }

    class Meta:
        verbose_name = _("target")
        verbose_name_plural = _("targets")
        ordering = ["document", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(comparator=Comparator.RANGE, value_max__isnull=False)
                | (~Q(comparator=Comparator.RANGE) & Q(value_max__isnull=True)),
                name="target_value_max_only_for_range",
            ),
            models.CheckConstraint(
                condition=Q(value_max__isnull=True) | Q(value_max__gte=models.F("value")),
                name="target_value_max_not_below_value",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.name} {self.get_comparator_display()} {self.value} {self.unit}"

    @property
    def period_obj(self) -> Period:
        return Period.parse(self.period)

    @property
    def span(self) -> Period:
        """The periods figures may be reported for: the target's own period, or for a
        multi-year target ("đến năm 2030", base year 2020) every year after the base year.
        """
        period = self.period_obj
        if self.base_year and self.base_year + 1 < period.start.year:
            return Period(PeriodKind.TERM, self.base_year + 1, end_year=period.end.year)
        return period


class Actual(models.Model):
    """A figure an agency reports for a target and a period (số liệu thực hiện).

    Only approved actuals count. A correction is a new actual for the same period:
    the previous approved figure keeps counting until the correction is approved,
    and every figure ever approved stays in the table; edits of a draft are kept by
    the history. At most one actual per target and period is open (not yet approved).
    """

    class Status(models.TextChoices):
        DRAFT = "draft", _("draft")
        SUBMITTED = "submitted", _("submitted")
        RETURNED = "returned", _("returned")
        APPROVED = "approved", _("approved")

    OPEN_STATUSES = (Status.DRAFT, Status.SUBMITTED, Status.RETURNED)

    target = models.ForeignKey(
        Target, models.CASCADE, related_name="actuals", verbose_name=_("target")
    )
    period = models.CharField(_("period"), max_length=12, validators=[validate_period_code])
    value = FigureField(
        _("value"),
        help_text=_(
            "For a reduction, the fall as a positive number (1,2 for a fall of 1,2 points); "
            "for a milestone, the share done (100 when done)."
        ),
        **DECIMAL,
    )
    milestone = models.CharField(
        _("stage"), max_length=12, choices=Milestone.choices, blank=True, default=""
    )
    done_on = models.DateField(_("done on"), null=True, blank=True)
    is_estimate = models.BooleanField(
        _("estimate"),
        default=False,
        help_text=_("Ước thực hiện: replaced by the official figure later."),
    )
    source = models.CharField(_("source"), max_length=300, blank=True)
    note = models.TextField(_("note"), blank=True)
    evidence = models.FileField(_("evidence file"), upload_to="targets/evidence/%Y/%m/", blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.DRAFT
    )
    return_reason = models.TextField(_("reason for return"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    first_submitted_at = models.DateTimeField(
        _("first submitted at"), null=True, blank=True, editable=False
    )
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("submitted by"),
    )
    returned_at = models.DateTimeField(_("returned at"), null=True, blank=True, editable=False)
    returned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("returned by"),
    )
    approved_at = models.DateTimeField(_("approved at"), null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("approved by"),
    )
    history = HistoricalRecords()

    # Not public even when the document is: drafts and returned figures are internal;
    # the public sees the judgements of approved figures through the targets.
    access_scope = {"province": "target__document__province", "agency": "target__owner"}

    class Meta:
        verbose_name = _("actual")
        verbose_name_plural = _("actuals")
        ordering = ["target", "period", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "period"],
                condition=~Q(status="approved"),
                name="actual_one_open_per_target_period",
            ),
        ]
        indexes = [
            models.Index(fields=["target", "period", "status"]),
            # The figure in force for a period is the last approved one: read per target
            # from the index alone, in approval order, without visiting the table.
            models.Index(
                fields=["target", "period", "approved_at", "id"],
                include=["value", "is_estimate", "milestone"],
                condition=Q(status="approved"),
                name="actual_approved_in_force",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.target.indicator.name} – {self.period}: {self.value}"

    @property
    def period_obj(self) -> Period:
        return Period.parse(self.period)

    @property
    def is_open(self) -> bool:
        return self.status != self.Status.APPROVED


class PeriodLock(models.Model):
    """The deadline after which agencies of a province can no longer submit for a period.

    The office may still enter and approve figures; agencies listed in the lock's
    exceptions may submit until their own later date.
    """

    province = models.ForeignKey(
        Place, models.PROTECT, related_name="period_locks", verbose_name=_("province")
    )
    period = models.CharField(_("period"), max_length=12, validators=[validate_period_code])
    deadline = models.DateField(
        _("deadline"), help_text=_("The last day on which agencies may submit.")
    )
    history = HistoricalRecords()

    access_scope = {"province": "province"}

    class Meta:
        verbose_name = _("period lock")
        verbose_name_plural = _("period locks")
        ordering = ["province", "-deadline"]
        constraints = [
            models.UniqueConstraint(fields=["province", "period"], name="period_lock_once"),
        ]

    def __str__(self) -> str:
        return f"{self.province} – {self.period} ({self.deadline:%d/%m/%Y})"


class PeriodLockException(models.Model):
    """An agency allowed to submit after the deadline, until a later day."""

    lock = models.ForeignKey(
        PeriodLock, models.CASCADE, related_name="exceptions", verbose_name=_("period lock")
    )
    body = models.ForeignKey(
        Body, models.CASCADE, related_name="period_lock_exceptions", verbose_name=_("agency")
    )
    until = models.DateField(_("until"))
    reason = models.CharField(_("reason"), max_length=300, blank=True)
    history = HistoricalRecords()

    # No agency path: an agency must not be able to extend its own deadline.
    access_scope = {"province": "lock__province"}

    class Meta:
        verbose_name = _("deadline exception")
        verbose_name_plural = _("deadline exceptions")
        constraints = [
            models.UniqueConstraint(fields=["lock", "body"], name="period_lock_exception_once"),
        ]

    def __str__(self) -> str:
        return f"{self.body} – {self.lock.period} ({self.until:%d/%m/%Y})"


# The stored verdicts and the national summary derived from them live in modules of
# their own (this one holds what people enter); imported here, after the targets they
# point to, so Django registers them with the app.
from nghiquyet.targets.models_national import ProvinceSummary  # noqa: E402, F401
from nghiquyet.targets.models_verdict import Verdict, VerdictPeriod, VerdictStatus  # noqa: E402, F401
