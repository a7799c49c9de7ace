"""The one bridge from targets and approved actuals to `nghiquyet.evaluation`.

Judgements are computed here every time, never stored: an approved correction
changes the verdict at once, and nobody can type "đạt" by hand.

Which figures count for a target in a period P: approved actuals only, the latest
approved one for each reported period, and of those the figure for P itself; a
cumulative target adds up the figures of the periods within P that do not overlap
(a year's figure wins over its first half's, so no month counts twice). A six-month
figure never stands in for the year's: a year judged on a half-year's revenue would
be wrong. Actual values are in the target's own terms (the growth rate for a growth
target, the fall for a reduction), except that a growth, change or reduction target
with a base value takes levels, from which the move is computed.

Each target is judged for its own horizon (:func:`judge_for`): an annual target seen
at an in-year period shows progress and the year's estimate; a term total seen at a
year of its term, or at the term to date, is judged on the sum to date (lũy kế)
against the pace needed; a per-year target is judged each year, and over the term
(a term period) on the sum or the mean of its yearly figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any, NamedTuple, Protocol, TypeVar

from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.evaluation import (
    Horizon,
    Judgement,
    Kind,
    Observation,
    TargetSpec,
    Trajectory,
    judge,
    judge_in_year,
    judge_term,
    pace_of_growth,
    pace_of_total,
    trajectory,
)
from nghiquyet.evaluation.spec import APPROX_TOLERANCE
from nghiquyet.targets.models import Actual, Target

#: Kinds whose actuals are levels, so a multi-year pace can be graded from them.
LEVEL_KINDS = (Kind.LEVEL, Kind.SHARE, Kind.COUNT, Kind.RATIO)


#: Where each part of a `TargetSpec` lives, as an ORM path from a target: a model
#: instance and a ``values()`` row of the same target give the same spec.
SPEC_PATHS = {
    "comparator": "comparator",
    "value": "value",
    "value_max": "value_max",
    "direction": "indicator__direction",
    "kind": "indicator__kind",
    "base_value": "base_value",
    "base_year": "base_year",
    "horizon": "horizon",
    "tolerance": "tolerance",
    "unit": "unit",
}
_SPEC_GETTERS = {name: attrgetter(path.replace("__", ".")) for name, path in SPEC_PATHS.items()}
HUNDRED = Decimal(100)


def _spec(parts: dict[str, Any]) -> TargetSpec:
    """The spec from its stored parts: the tolerance is stored in percent, empty for the
    default band."""
    tolerance = parts.pop("tolerance")
    parts["tolerance"] = APPROX_TOLERANCE if tolerance is None else tolerance / HUNDRED
    return TargetSpec(**parts)


def target_spec(target: Target) -> TargetSpec:
    """What the target asks for, in the evaluation core's terms."""
    return _spec({name: get(target) for name, get in _SPEC_GETTERS.items()})


def spec_of_values(row: Mapping[str, Any]) -> TargetSpec:
    """:func:`target_spec` of a ``values()`` row that names each part as `TargetSpec` does."""
    return _spec({name: row[name] for name in SPEC_PATHS})


class Counted(Protocol):
    """What judging reads of a figure: an `Actual`, or an `ApprovedFigure` read as values."""

    period: str
    value: Decimal
    is_estimate: bool
    milestone: str

    @property
    def period_obj(self) -> Period: ...


class ApprovedFigure(NamedTuple):
    """An approved figure read as plain values: what a summary of a thousand targets
    needs, without building a model instance (and parsing its timestamps) for each."""

    pk: int
    period: str
    value: Decimal
    is_estimate: bool
    milestone: str = ""

    @property
    def period_obj(self) -> Period:
        return Period.parse(self.period)


FigureT = TypeVar("FigureT", bound=Counted)


def latest_approved(actuals: Iterable[Actual]) -> dict[Period, Actual]:
    """The figure in force for each reported period: the last one approved."""
    approved = sorted(
        (a for a in actuals if a.status == Actual.Status.APPROVED),
        key=lambda a: (a.approved_at, a.pk),
    )
    return {actual.period_obj: actual for actual in approved}


def in_force_of(approved_in_order: Iterable[FigureT]) -> dict[Period, FigureT]:
    """:func:`latest_approved` over approved figures already in order of approval
    (``ORDER BY approved_at, id`` in SQL): the last one of each period wins."""
    return {figure.period_obj: figure for figure in approved_in_order}


def actuals_within(actuals: Iterable[Actual], within: Period) -> list[Actual]:
    """The approved figures of periods within ``within`` that do not overlap, oldest first.

    Of overlapping periods the one ending last (and, on the same day, the longer one)
    is kept, so the cover never counts a month twice.
    """
    return in_force_within(latest_approved(actuals), within)


def in_force_within(in_force: dict[Period, FigureT], within: Period) -> list[FigureT]:
    """:func:`actuals_within` over figures already reduced by :func:`latest_approved`."""
    candidates = [
        (period, actual) for period, actual in in_force.items() if within.contains(period)
    ]
    candidates.sort(key=lambda pair: (pair[0].end, -pair[0].start.toordinal()), reverse=True)
    chosen: list[FigureT] = []
    earliest_start = None
    for period, actual in candidates:
        if earliest_start is None or period.end < earliest_start:
            chosen.append(actual)
            earliest_start = period.start
    return chosen[::-1]


def counted_actuals(target: Target, actuals: Iterable[Actual], period: Period) -> list[Actual]:
    """The approved figures a judgement of ``target`` for ``period`` rests on."""
    return counted_in_force(target.indicator.kind, latest_approved(actuals), period)


def counted_in_force(kind: str, in_force: dict[Period, FigureT], period: Period) -> list[FigureT]:
    """:func:`counted_actuals` over figures already reduced by :func:`latest_approved`,
    for a target of indicator ``kind``."""
    if kind == Kind.CUMULATIVE:
        return in_force_within(in_force, period)
    current = in_force.get(period)
    return [current] if current is not None else []


def observation_of(figure: Counted, spec: TargetSpec | None = None) -> Observation:
    """The figure as the core reads it: a level when ``spec`` computes a move from its
    base value, else a value in the target's terms; with the year it is for."""
    as_level = spec is not None and spec.kind.is_movement and spec.base_value is not None
    return Observation(
        value=None if as_level else figure.value,
        level=figure.value if as_level else None,
        estimate=figure.is_estimate,
        period=figure.period,
        year=figure.period_obj.end.year,
        milestone=figure.milestone or None,
    )


def target_judgement(
    target: Target, actuals: Iterable[Actual], period: Period | None = None
) -> Judgement:
    """Judge ``target`` for ``period`` (its own period by default) from ``actuals``.

    ``actuals`` may hold figures in any state; only approved ones are used.
    """
    counted = counted_actuals(target, actuals, period or target.period_obj)
    return judgement_of(target_spec(target), counted)


def judgement_of(spec: TargetSpec, counted: Iterable[Counted]) -> Judgement:
    """The verdict on a target from the figures :func:`counted_actuals` chose."""
    return judge(spec, [observation_of(figure, spec) for figure in counted])


def judge_for(
    spec: TargetSpec, own: Period, in_force: dict[Period, FigureT], period: Period
) -> tuple[Judgement, list[FigureT]]:
    """Judge a target set for ``own`` at ``period``, for its horizon (module docstring),
    with the figures the judgement rests on."""
    if period != own and period.contains(own):
        # A wider review (the term's, of a target for its last year) judges the target
        # for its own period.
        return judge_for(spec, own, in_force, own)
    if period != own and own.contains(period):
        if own.kind is not PeriodKind.TERM and period.kind is not PeriodKind.YEAR:
            # The year's figure gives the verdict only as "ước cả năm": an official one
            # is the year's own review, and an in-year view stays progress.
            part, year = in_force.get(period), in_force.get(own)
            if year is not None and not year.is_estimate:
                year = None
            judgement = judge_in_year(
                spec,
                observation_of(part, spec) if part is not None else None,
                year=observation_of(year, spec) if year is not None else None,
            )
            return judgement, [figure for figure in (part, year) if figure is not None]
        if own.kind is PeriodKind.TERM and spec.horizon is Horizon.PER_YEAR:
            if period.kind is PeriodKind.YEAR:
                counted = counted_in_force(spec.kind, in_force, period)
                return judgement_of(spec, counted), counted
            return _over_term(spec, own, in_force, period)
        if own.kind is PeriodKind.TERM and spec.kind is Kind.CUMULATIVE:
            return _over_term(spec, own, in_force, period)
    if own.kind is PeriodKind.TERM and period == own:
        if _spans_years(spec):
            return _over_term(spec, own, in_force, period)
        # "đến năm 2025", a milestone of the term: the latest figure within the term
        latest = in_force_within(in_force, own)[-1:]
        return judgement_of(spec, latest), latest
    counted = counted_in_force(spec.kind, in_force, period)
    return judgement_of(spec, counted), counted


def _spans_years(spec: TargetSpec) -> bool:
    return spec.kind is Kind.CUMULATIVE or spec.horizon is Horizon.PER_YEAR


def _over_term(
    spec: TargetSpec, own: Period, in_force: dict[Period, FigureT], period: Period
) -> tuple[Judgement, list[FigureT]]:
    """A term target from the start of its term to the end of ``period``."""
    first, last = own.start.year, min(period.end.year, own.end.year)
    to_date = (
        Period(PeriodKind.TERM, first, end_year=last)
        if last > first
        else Period(PeriodKind.YEAR, first)
    )
    if spec.kind is Kind.CUMULATIVE:
        # Seen at a half or a quarter, the sum to date stops at its end.
        known = {p: figure for p, figure in in_force.items() if p.end <= period.end}
        counted = in_force_within(known, to_date)
        elapsed = last - first + 1
    else:
        # Yearly figures of the years over by the end of ``period``: seen at nine months,
        # the year under way is not yet one of them.
        if period.end < Period(PeriodKind.YEAR, last).end:
            last -= 1
        years = (in_force.get(Period(PeriodKind.YEAR, year)) for year in range(first, last + 1))
        counted = [figure for figure in years if figure is not None]
        elapsed = last - first + 1
    if not counted and to_date in in_force:
        counted = [in_force[to_date]]
    if elapsed < 1:
        return judgement_of(spec, []), []
    judgement = judge_term(
        spec,
        [observation_of(figure, spec) for figure in counted],
        elapsed=elapsed,
        span=own.end.year - first + 1,
    )
    return judgement, counted


def target_trajectory(
    target: Target, actuals: Iterable[Actual], period: Period | None = None
) -> Trajectory | None:
    """The pace towards a multi-year target, or None when it does not apply.

    It applies to level-like targets with a base year and value whose period ends
    more than a year after the base year ("đến năm 2030", a term target), once an
    approved figure exists; the latest figure known at the end of ``period`` counts.
    """
    return trajectory_in_force(target, latest_approved(actuals), period)


def trajectory_in_force(
    target: Target, in_force: dict[Period, Actual], period: Period | None = None
) -> Trajectory | None:
    """:func:`target_trajectory` over figures already reduced by :func:`latest_approved`."""
    return trajectory_of_spec(target_spec(target), target.period_obj, in_force, period)


def trajectory_of_spec(
    spec: TargetSpec, own: Period, in_force: dict[Period, Counted], period: Period | None = None
) -> Trajectory | None:
    """:func:`trajectory_in_force` of a target known by its spec and own period: what the
    stored verdicts keep, read from ``values()`` rows without a model instance."""
    end_year = own.end.year
    if spec.kind in (Kind.CUMULATIVE, Kind.GROWTH) and period is not None:
        return _pace_of_move(spec, own, in_force, period)
    if (
        spec.kind not in LEVEL_KINDS
        or spec.base_year is None
        or spec.base_value is None
        or end_year - spec.base_year <= 1
    ):
        return None
    known = {p: a for p, a in in_force.items() if period is None or p.end <= period.end}
    counted = in_force_within(known, _span(spec, own))
    if not counted:
        return None
    latest = counted[-1]
    return trajectory(
        base_value=spec.base_value,
        base_year=spec.base_year,
        latest_value=latest.value,
        latest_year=latest.period_obj.end.year,
        target_value=spec.value_max if spec.value_max is not None else spec.value,
        target_year=end_year,
        direction=spec.direction,
        unit=spec.unit,
        estimate=latest.is_estimate,
    )


def _span(spec: TargetSpec, own: Period) -> Period:
    """`Target.span` from the spec: every year after the base year of a multi-year target."""
    if spec.base_year and spec.base_year + 1 < own.start.year:
        return Period(PeriodKind.TERM, spec.base_year + 1, end_year=own.end.year)
    return own


def _pace_of_move(
    spec: TargetSpec, own: Period, in_force: dict[Period, Counted], period: Period
) -> Trajectory | None:
    """The pace of a term total (its yearly average to date against the one needed) or
    of a per-year or base-year growth target (the growth achieved against the growth
    asked), once a figure counts."""
    judgement, counted = judge_for(spec, own, in_force, period)
    if judgement.figure is None or not counted:
        return None
    latest_year = counted[-1].period_obj.end.year
    if spec.kind is Kind.CUMULATIVE:
        if own.kind is not PeriodKind.TERM:
            return None
        total = judgement.figure
        return pace_of_total(
            total=total,
            first_year=own.start.year,
            latest_year=latest_year,
            target_value=spec.value,
            target_year=own.end.year,
            unit=spec.unit,
            estimate=judgement.estimate,
        )
    if spec.horizon is not Horizon.PER_YEAR and spec.base_value is None:
        return None
    return pace_of_growth(
        achieved_rate=judgement.figure,
        required_rate=spec.value,
        base_year=spec.base_year or own.start.year - 1,
        latest_year=latest_year,
        estimate=judgement.estimate,
    )


@dataclass(frozen=True)
class TrendPoint:
    """One approved figure on the way: the sparkline's points."""

    period: Period
    value: Decimal
    estimate: bool


def target_trend(
    target: Target, actuals: Iterable[Actual], until: Period | None = None
) -> list[TrendPoint]:
    """Approved figures of every reported period up to ``until``, in period order."""
    return trend_in_force(latest_approved(actuals), until)


def trend_in_force(in_force: dict[Period, Actual], until: Period | None = None) -> list[TrendPoint]:
    """:func:`target_trend` over figures already reduced by :func:`latest_approved`."""
    points = [
        TrendPoint(period, actual.value, actual.is_estimate)
        for period, actual in in_force.items()
        if until is None or period.end <= until.end
    ]
    return sorted(points, key=lambda point: point.period)
