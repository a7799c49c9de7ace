"""Reads over indicators, targets and actuals, with the judgements computed on the way.

Every selector takes the acting ``user`` and narrows through the access layer, so
a page, the API, the Excel export and a report see the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, reduce
from operator import or_
from typing import Any

from django.db.models import Count, F, FilteredRelation, Prefetch, Q, QuerySet
from django.utils import timezone

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import (
    Horizon,
    Judgement,
    Kind,
    Status,
    Summary,
    Trajectory,
    summarize,
    summary_sentence,
)
from nghiquyet.orgs.access import Action, Role, get_for, principal_for, scope
from nghiquyet.orgs.models import Body, Place
from nghiquyet.targets.judging import (
    SPEC_PATHS,
    ApprovedFigure,
    Counted,
    TrendPoint,
    in_force_of,
    judge_for,
    latest_approved,
    spec_of_values,
    target_spec,
    trajectory_in_force,
    trend_in_force,
)
from nghiquyet.targets.models import Actual, Indicator, PeriodLock, Target
from nghiquyet.targets.models_verdict import PARTS, judgement_of_parts


def as_period(period: str | Period) -> Period:
    return period if isinstance(period, Period) else Period.parse(period)


# Indicators ---------------------------------------------------------------------------


def indicator_list(*, user: Any, province: Place | None = None) -> QuerySet[Indicator]:
    """The national catalogue and the province indicators ``user`` may see.

    ``province`` narrows the province part to one province (a form's choices).
    """
    own = scope(Indicator.objects.all(), user, Action.VIEW)
    if province is not None:
        own = own.filter(province=province)
    return Indicator.objects.filter(Q(province__isnull=True) | Q(pk__in=own.values("pk")))


# Targets ------------------------------------------------------------------------------


def target_list(
    *,
    user: Any,
    document: Document | None = None,
    owner: Body | int | None = None,
    sector: str | None = None,
    action: Action = Action.VIEW,
) -> QuerySet[Target]:
    """The live targets of live documents ``user`` may see (or change), in document order."""
    targets = Target.objects.filter(document__deleted_at__isnull=True).select_related(
        "indicator", "owner", "document", "place"
    )
    if document is not None:
        targets = targets.filter(document=document)
    if owner:
        targets = targets.filter(owner=owner)
    if sector:
        targets = targets.filter(indicator__sector=sector)
    return scope(targets, user, action).order_by("document", "position", "pk")


def target_get(*, user: Any, pk: int, action: Action = Action.VIEW) -> Target:
    """One target for ``user`` (404 when invisible, 403 when it may not be changed)."""
    return get_for(
        Target.objects.filter(document__deleted_at__isnull=True).select_related(
            "indicator", "owner", "document__province", "place"
        ),
        user,
        action,
        pk=pk,
    )


def document_list_with_targets(*, user: Any) -> QuerySet[Document]:
    """The live documents that hold targets ``user`` may see, with how many."""
    visible = Q(targets__pk__in=target_list(user=user).values("pk"))
    return (
        Document.objects.filter(visible)
        .annotate(target_count=Count("targets", filter=visible, distinct=True))
        .select_related("issuer")
        .order_by("-issued_on", "-pk")
    )


def document_periods(*, document: Document) -> list[Period]:
    """The periods a dashboard can show for ``document``: its targets' and the reported ones."""
    return dashboard_periods(document=document)[0]


def default_period(*, document: Document) -> Period | None:
    """The period a dashboard opens on: the latest with approved figures, else the targets'."""
    return dashboard_periods(document=document)[1]


def dashboard_periods(
    *, document: Document, with_reviews: bool = False
) -> tuple[list[Period], Period | None]:
    """:func:`document_periods` and :func:`default_period` from one read of the figures.

    ``with_reviews`` adds, for each term target, the term to date at every year with
    figures ("2021/2023", the mid-term review): a period to look at, not to report for.
    """
    targets = Target.objects.filter(document=document).order_by().values_list("period")
    set_for = {Period.parse(code) for (code,) in targets.distinct()}
    # A reporter's unsent draft is the agency's own business: only figures sent to the
    # office give the office's dashboard (and its Excel columns) a period.
    reported = (
        Actual.objects.filter(target__document=document, target__deleted_at__isnull=True)
        .exclude(status=Actual.Status.DRAFT)
        .order_by()
        .values_list("period", "status")
        .distinct()
    )
    shown, approved = set(set_for), set()
    for code, status in reported:
        shown.add(Period.parse(code))
        if status == Actual.Status.APPROVED:
            approved.add(Period.parse(code))
    default = max(approved or set_for, default=None)
    if with_reviews:
        terms = [period for period in set_for if period.kind is PeriodKind.TERM]
        years = {period.end.year for period in shown}
        shown |= {
            Period(PeriodKind.TERM, term.start.year, end_year=year)
            for term in terms
            for year in years
            if term.start.year < year < term.end.year
        }
    return sorted(shown), default


@dataclass(frozen=True)
class TargetRow:
    """One line of a dashboard: the target, its verdict for the period, and its figures."""

    target: Target
    period: Period
    judgement: Judgement
    actual: Counted | None
    pending: Actual | None
    #: The figure in force for each reported period, from which the trend and the
    #: trajectory are drawn when a page shows them (approved figures read as values).
    in_force: dict[Period, Counted]

    @cached_property
    def trend(self) -> list[TrendPoint]:
        return trend_in_force(self.in_force, until=self.period)

    @cached_property
    def trajectory(self) -> Trajectory | None:
        return trajectory_in_force(self.target, self.in_force, self.period)

    @property
    def status(self) -> Status:
        return self.judgement.status

    @property
    def completion(self) -> Decimal | None:
        return self.judgement.completion


def _with_actuals(targets: QuerySet[Target]) -> QuerySet[Target]:
    """``targets`` with each one's figures, in every state, in ``all_actuals``."""
    actuals = Actual.objects.order_by("approved_at", "pk")
    return targets.prefetch_related(Prefetch("actuals", queryset=actuals, to_attr="all_actuals"))


def target_row(target: Target, period: Period | str | None = None) -> TargetRow:
    """The dashboard line of one target for ``period`` (its own period by default).

    ``target`` may come from :func:`targets_to_report`' prefetch or straight from the
    database.
    """
    period = as_period(period) if period else target.period_obj
    actuals = getattr(target, "all_actuals", None)
    if actuals is None:
        actuals = list(target.actuals.order_by("approved_at", "pk"))
    pending = [a for a in actuals if a.is_open and a.period == period.code]
    return _row(target, period, latest_approved(actuals), pending[-1] if pending else None)


def _row(
    target: Target, period: Period, in_force: dict[Period, Counted], pending: Actual | None
) -> TargetRow:
    judgement, counted = judge_for(target_spec(target), target.period_obj, in_force, period)
    return TargetRow(
        target=target,
        period=period,
        judgement=judgement,
        actual=counted[-1] if counted else None,
        pending=pending,
        in_force=in_force,
    )


def target_rows(
    *,
    user: Any,
    document: Document,
    period: Period | str,
    pks: Iterable[int] | None = None,
) -> list[TargetRow]:
    """Every visible target of ``document`` judged for ``period``, with its figures.

    ``pks`` keeps only those targets (the page of a table whose verdicts are known).
    """
    period = as_period(period)
    targets = target_list(user=user, document=document)
    if pks is not None:
        targets = targets.filter(pk__in=list(pks))
    # The approved figures as plain values (a row draws its trend from every period's),
    # and model instances only for the few figures still open for ``period``.
    figures = Actual.objects.filter(target__in=targets.values("pk"))
    in_force = approved_in_force(figures)
    pending = {
        actual.target_id: actual
        for actual in figures.filter(period=period.code).exclude(status=Actual.Status.APPROVED)
    }
    return [
        _row(target, period, in_force.get(target.pk, {}), pending.get(target.pk))
        for target in targets
    ]


@dataclass(frozen=True)
class Verdict:
    """A target's judgement for a period and what a table filters it by, nothing more.

    Read from a stored verdict, the status and what a summary counts are at hand, and
    the full `Judgement` (with the target's spec, for the rule text) is built only when
    asked: a dashboard counts a thousand targets and draws a hundred.
    """

    target_id: int
    indicator: str
    owner_id: int | None
    sector: str
    status: Status
    completion: Decimal | None
    estimate: bool
    to_date: bool
    #: The target's spec parts and the stored parts, or the judgement itself.
    source: tuple[dict[str, Any], tuple[Any, ...]] | Judgement = field(repr=False)

    @classmethod
    def judged(cls, row: dict[str, Any], judgement: Judgement) -> Verdict:
        return cls(
            target_id=row["pk"],
            indicator=row["indicator_name"],
            owner_id=row["owner_id"],
            sector=row["sector"],
            status=judgement.status,
            completion=judgement.completion,
            estimate=judgement.estimate,
            to_date=judgement.to_date,
            source=judgement,
        )

    @classmethod
    def stored(cls, row: dict[str, Any], parts: tuple[Any, ...]) -> Verdict:
        stored = dict(zip(PARTS, parts, strict=True))
        return cls(
            target_id=row["pk"],
            indicator=row["indicator_name"],
            owner_id=row["owner_id"],
            sector=row["sector"],
            status=Status(stored["status"]),
            completion=stored["completion"],
            estimate=stored["estimate"],
            to_date=stored["to_date"],
            source=(row, parts),
        )

    @cached_property
    def judgement(self) -> Judgement:
        if isinstance(self.source, Judgement):
            return self.source
        row, parts = self.source
        return judgement_of_parts(spec_of_values(row), parts)


def spec_values(targets: QuerySet[Target], *fields: str, **expressions: Any) -> list[dict]:
    """``targets`` as ``values()`` rows that name each part of the spec as `TargetSpec`
    does (for :func:`spec_of_values`), with the target's own period as ``own_period``."""
    # Parts read through the indicator are aliased to the spec's names; a column may
    # not be aliased to its own name, so the target's own parts are named as they are.
    spec = {name: F(path) for name, path in SPEC_PATHS.items() if name != path}
    return list(
        targets.values(
            "pk",
            *fields,
            *(path for name, path in SPEC_PATHS.items() if name == path),
            own_period=F("period"),
            **spec,
            **expressions,
        )
    )


def target_verdicts(*, user: Any, document: Document, period: Period | str) -> list[Verdict]:
    """Every visible target of ``document`` judged for ``period``, in document order.

    The same judgements as :func:`target_rows`, read from the stored verdicts
    (:mod:`nghiquyet.targets.verdicts` keeps them in step with every change) in one
    query with the targets. A period the dashboard never shows has no stored rows: its
    targets are judged on the spot, from only the figures that count for it.
    """
    period = as_period(period)
    targets = target_list(user=user, document=document).alias(
        stored=FilteredRelation("verdicts", condition=Q(verdicts__period=period.code))
    )
    values = spec_values(
        targets,
        "owner_id",
        indicator_name=F("indicator__name"),
        sector=F("indicator__sector"),
        **{f"stored_{part}": F(f"stored__{part}") for part in PARTS},
    )
    unstored = [row for row in values if row["stored_status"] is None]
    judged = judge_values(unstored, document=document, period=period) if unstored else {}
    return [
        Verdict.judged(row, judged[row["pk"]])
        if row["pk"] in judged
        else Verdict.stored(row, tuple(row[f"stored_{part}"] for part in PARTS))
        for row in values
    ]


def judge_values(
    values: list[dict[str, Any]], *, document: Document, period: Period
) -> dict[int, Judgement]:
    """Judge at ``period`` the targets of ``document`` read by :func:`spec_values`, loading
    only the approved figures that count for it."""
    in_force = approved_in_force(
        Actual.objects.filter(
            target__document=document, target__deleted_at__isnull=True, period=period.code
        )
    )
    wider = [row["pk"] for row in values if _needs_other_periods(row, period)]
    if wider:
        # Term totals and per-year targets add up the years of their term to date, and
        # annual targets seen in-year need the year's estimate. Every period code starts
        # with its first year ("2024-Q4", "2020/2025"), so these hold all of them;
        # judging keeps only those that count. A query of its own, so that the one
        # above stays a lookup in the (target, period, status) index.
        first = min(Period.parse(row["own_period"]).start.year for row in values)
        years = range(min(first, period.start.year), period.end.year + 1)
        within = reduce(or_, (Q(period__startswith=str(year)) for year in years))
        in_force |= approved_in_force(Actual.objects.filter(within, target__in=wider))
    return {
        row["pk"]: judge_for(
            spec_of_values(row),
            Period.parse(row["own_period"]),
            in_force.get(row["pk"], {}),
            period,
        )[0]
        for row in values
    }


def _needs_other_periods(row: dict[str, Any], period: Period) -> bool:
    """Whether judging ``row``'s target at ``period`` reads figures of other periods."""
    own = Period.parse(row["own_period"])
    return (
        row["kind"] == Kind.CUMULATIVE
        or row["horizon"] == Horizon.PER_YEAR
        # "đến năm 2025": a term target seen at its term takes the latest figure within it.
        or (own == period and own.kind is PeriodKind.TERM)
        or (own != period and (own.contains(period) or period.contains(own)))
    )


def approved_in_force(figures: QuerySet[Actual]) -> dict[int, dict[Period, ApprovedFigure]]:
    """Per target, the approved figure in force for each period among ``figures``.

    Read as plain values in order of approval, so the last one of a period wins
    without a timestamp being converted, as :func:`latest_approved` decides it.
    """
    approved = (
        figures.filter(status=Actual.Status.APPROVED)
        .order_by("target_id", "approved_at", "pk")
        .values_list("target_id", "pk", "period", "value", "is_estimate", "milestone")
    )
    by_target: dict[int, list[ApprovedFigure]] = {}
    for target_id, *figure in approved:
        by_target.setdefault(target_id, []).append(ApprovedFigure(*figure))
    return {target_id: in_force_of(in_order) for target_id, in_order in by_target.items()}


def document_summary(*, user: Any, document: Document, period: Period | str) -> Summary:
    """Counts per status of ``document``'s visible targets for ``period``."""
    return rows_summary(target_verdicts(user=user, document=document, period=period))


def document_summary_sentence(
    *, user: Any, document: Document, period: Period | str, language: str | None = None
) -> str:
    """ "Có 7/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 3 chỉ tiêu vượt); …" for a period."""
    return summary_sentence_of(
        document_summary(user=user, document=document, period=period), language
    )


def rows_summary(rows: Iterable[TargetRow | Verdict]) -> Summary:
    """The summary of rows or verdicts already computed (a dashboard computes them once)."""
    return summarize(row if isinstance(row, Verdict) else row.judgement for row in rows)


def summary_sentence_of(summary: Summary, language: str | None = None) -> str:
    """The report sentence of a summary, in the page's language by default."""
    return summary_sentence(summary, language=language or current_language())


# Actuals ------------------------------------------------------------------------------


def actual_list(*, user: Any, target: Target | None = None) -> QuerySet[Actual]:
    """The figures ``user`` may see, newest first: all states, for the history and review."""
    actuals = Actual.objects.filter(
        target__deleted_at__isnull=True, target__document__deleted_at__isnull=True
    ).select_related("target__indicator", "target__owner", "target__document", "submitted_by")
    if target is not None:
        actuals = actuals.filter(target=target)
    return scope(actuals, user, Action.VIEW).order_by("-created_at", "-pk")


def actual_get(*, user: Any, pk: int, action: Action = Action.VIEW) -> Actual:
    return get_for(
        Actual.objects.select_related(
            "target__indicator", "target__document__province", "target__owner"
        ),
        user,
        action,
        pk=pk,
    )


def actuals_to_review(*, user: Any) -> QuerySet[Actual]:
    """Submitted figures waiting for the office's decision, oldest first."""
    return (
        actual_list(user=user).filter(status=Actual.Status.SUBMITTED).order_by("submitted_at", "pk")
    )


def targets_to_report(*, user: Any) -> QuerySet[Target]:
    """The targets ``user`` may report on: a reporter's agency's, or all the office's."""
    return _with_actuals(target_list(user=user, action=Action.CHANGE).exclude(owner__isnull=True))


# Timeliness ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeliness:
    """How an agency reported for a period, as DHIS2 measures timeliness.

    ``expected`` targets needed a figure; ``submitted`` got one; ``on_time`` got it by
    the agency's deadline. The rate is on time ÷ expected, in percent (None when no
    deadline is set or nothing was expected).
    """

    body: Body
    period: Period
    deadline: dt.date | None
    expected: int
    submitted: int
    on_time: int

    @property
    def rate(self) -> Decimal | None:
        if self.deadline is None or not self.expected:
            return None
        return Decimal(self.on_time * 100) / Decimal(self.expected)


def period_deadline(*, province: Place, period: str, body: Body | None) -> dt.date | None:
    """The last day ``body`` may submit figures for ``period`` (None: no deadline set).

    An agency's exception extends the province's deadline, never shortens it.
    """
    lock = PeriodLock.objects.filter(province=province, period=period).first()
    if lock is None:
        return None
    exception = lock.exceptions.filter(body=body).first() if body is not None else None
    return max(exception.until, lock.deadline) if exception else lock.deadline


def timeliness(*, user: Any, province: Place, period: Period | str) -> list[Timeliness]:
    """The on-time reporting rate of each agency owning targets in ``province`` for ``period``.

    A target expects a figure for every period within its own period; a figure is on
    time when it was first submitted on or before the agency's deadline (the lock's,
    or the agency's exception).
    """
    period = as_period(period)
    targets = target_list(user=user).filter(document__province=province, owner__isnull=False)
    due: dict[int, list[Target]] = {}
    owners: dict[int, Body] = {}
    for target in targets:
        if target.period_obj.contains(period):
            due.setdefault(target.owner_id, []).append(target)
            owners[target.owner_id] = target.owner
    first_submissions: dict[int, Any] = {}
    for target_id, first in Actual.objects.filter(
        target__in=[t for group in due.values() for t in group],
        period=period.code,
        first_submitted_at__isnull=False,
    ).values_list("target_id", "first_submitted_at"):
        previous = first_submissions.get(target_id)
        first_submissions[target_id] = first if previous is None else min(previous, first)
    result = []
    for owner_id, group in due.items():
        deadline = period_deadline(province=province, period=period.code, body=owners[owner_id])
        submitted = [first_submissions[t.pk] for t in group if t.pk in first_submissions]
        on_time = [
            when
            for when in submitted
            if deadline is not None and timezone.localdate(when) <= deadline
        ]
        result.append(
            Timeliness(
                body=owners[owner_id],
                period=period,
                deadline=deadline,
                expected=len(group),
                submitted=len(submitted),
                on_time=len(on_time),
            )
        )
    return sorted(result, key=lambda row: row.body.name)


def is_office(*, user: Any) -> bool:
    """Whether ``user`` works in a province office (or administers the site): it approves."""
    principal = principal_for(user)
    return principal.is_admin or principal.role == Role.OFFICE
