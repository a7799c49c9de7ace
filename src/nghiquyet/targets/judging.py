"""The one bridge from targets and approved actuals to `nghiquyet.evaluation`.

Judgements are computed here every time, never stored: an approved correction
changes the verdict at once, and nobody can type "đạt" by hand.

Which figures count for a target in a period P: approved actuals only, the latest
approved one for each reported period, and of those the figure for P itself; a
cumulative target adds up the figures of the periods within P that do not overlap
(a year's figure wins over its first half's, so no month counts twice). A six-month
figure never stands in for the year's: a year judged on a half-year's revenue would
be wrong. Actual values are in the target's own terms (the growth rate for a growth
target), as agencies report them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from operator import attrgetter
from typing import Any, NamedTuple, Protocol, TypeVar

from nghiquyet.core.periods import Period
from nghiquyet.evaluation import (
    Judgement,
    Kind,
    Observation,
    TargetSpec,
    Trajectory,
    judge,
    trajectory,
)
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
    "unit": "unit",
}
_SPEC_GETTERS = {name: attrgetter(path.replace("__", ".")) for name, path in SPEC_PATHS.items()}


def target_spec(target: Target) -> TargetSpec:
    """What the target asks for, in the evaluation core's terms."""
    return TargetSpec(**{name: get(target) for name, get in _SPEC_GETTERS.items()})


def spec_of_values(row: Mapping[str, Any]) -> TargetSpec:
    """:func:`target_spec` of a ``values()`` row that names each part as `TargetSpec` does."""
    return TargetSpec(**{name: row[name] for name in SPEC_PATHS})


class Counted(Protocol):
    """What judging reads of a figure: an `Actual`, or an `ApprovedFigure` read as values."""

    period: str
    value: Decimal
    is_estimate: bool

    @property
    def period_obj(self) -> Period: ...


class ApprovedFigure(NamedTuple):
    """An approved figure read as plain values: what a summary of a thousand targets
    needs, without building a model instance (and parsing its timestamps) for each."""

    pk: int
    period: str
    value: Decimal
    is_estimate: bool

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


def observation_of(figure: Counted) -> Observation:
    return Observation(value=figure.value, estimate=figure.is_estimate, period=figure.period)


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
    return judge(spec, [observation_of(figure) for figure in counted])


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
    end_year = target.period_obj.end.year
    if (
        target.indicator.kind not in LEVEL_KINDS
        or target.base_year is None
        or target.base_value is None
        or end_year - target.base_year <= 1
    ):
        return None
    known = {p: a for p, a in in_force.items() if period is None or p.end <= period.end}
    counted = in_force_within(known, target.span)
    if not counted:
        return None
    latest = counted[-1]
    return trajectory(
        base_value=target.base_value,
        base_year=target.base_year,
        latest_value=latest.value,
        latest_year=latest.period_obj.end.year,
        target_value=target.value_max if target.value_max is not None else target.value,
        target_year=end_year,
        direction=target.indicator.direction,
        unit=target.unit,
        estimate=latest.is_estimate,
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
