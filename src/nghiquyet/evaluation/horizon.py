"""Judging a target for a period other than the one its figure is set for.

Reviews judge each target for its own horizon (DOMAIN.md, "Review practice"):

- a per-year target ("25.000 lao động/năm") is judged each year with `judge`, and over
  the term by the sum of the yearly figures (counts and amounts) against the yearly
  figure times the years, or by the mean of the yearly rates ("tăng bình quân 9–9,5%/
  năm") against the figure itself; a per-year growth from a base level is the compound
  annual rate from the base year to the latest year;
- a term total ("tổng vốn đầu tư 5 năm đạt 250.000 tỷ") is judged before the term ends
  on the sum to date (lũy kế) against the pace needed, the total times the share of
  the term elapsed, and at the end on the total;
- an in-year figure (a quarter, six or nine months) against an annual target is
  progress, the share of the year's plan reached ("đạt 75,3% kế hoạch năm"), not a
  verdict; the verdict is the year's estimate ("ước cả năm") when one is given, or
  the plan already reached by an amount that only grows.
"""

from collections.abc import Sequence
from dataclasses import replace
from decimal import Decimal

from nghiquyet.evaluation.figure import Figure, derive
from nghiquyet.evaluation.judge import Judgement, judge, judge_figure
from nghiquyet.evaluation.numbers import round_apart
from nghiquyet.evaluation.observation import Observation
from nghiquyet.evaluation.rules import status_of
from nghiquyet.evaluation.spec import Comparator, Horizon, Kind, Milestone, TargetSpec
from nghiquyet.evaluation.status import Status

HUNDRED = Decimal(100)


def judge_term(
    spec: TargetSpec, yearly: Sequence[Observation], *, elapsed: int, span: int
) -> Judgement:
    """Judge a term target from the figures of its first ``elapsed`` years of ``span``.

    ``yearly`` holds one observation per year reported, oldest first. Before the term's
    end (``elapsed < span``) the judgement is marked `to_date`, and `progress` is the
    share of the term's plan reached so far.
    """
    if not 0 < elapsed <= span:
        raise ValueError("elapsed must be between 1 and span")
    to_date = elapsed < span
    if spec.kind is Kind.CUMULATIVE or (spec.horizon is Horizon.PER_YEAR and spec.kind.is_amount):
        years = Decimal(elapsed) / span if spec.kind is Kind.CUMULATIVE else Decimal(elapsed)
        whole = Decimal(1) if spec.kind is Kind.CUMULATIVE else Decimal(span)
        return _on_sum(spec, yearly, years, whole, to_date)
    if spec.horizon is Horizon.PER_YEAR and not _compounds(spec):
        return replace(judge_figure(spec, _mean(spec, yearly)), to_date=to_date)
    return replace(judge(spec, yearly[-1:]), to_date=to_date)


def judge_in_year(
    spec: TargetSpec, part: Observation | None, *, year: Observation | None = None
) -> Judgement:
    """Judge an annual target at an in-year period from that period's figure ``part``.

    `progress` is the share of the year's plan ``part`` reaches, for counts and amounts
    (a six-month growth rate is no share of the year's). With ``year``, the figure of
    the whole year (usually "ước cả năm"), the verdict is the year's; without it the
    status is "chưa hết kỳ", or the verdict already earned: a milestone done, or an
    amount that only grows through the year (revenue, jobs) already at its annual
    floor ("10 tháng đạt 105% dự toán năm" is the year's plan exceeded).
    """
    figure = derive(spec, [part] if part is not None else [])
    progress = _share(figure.value, spec) if spec.kind.is_amount else None
    if year is not None:
        return replace(judge(spec, [year]), progress=progress)
    if figure.value is None:
        return judge_figure(spec, figure)
    if spec.kind is Kind.MILESTONE and figure.milestone is Milestone.DONE:
        return judge_figure(spec, figure)
    if _already_reached(spec, figure.value):
        return replace(judge_figure(spec, figure), progress=progress)
    return Judgement(
        spec=spec,
        status=Status.IN_PROGRESS,
        figure=figure.value,
        completion=None,
        estimate=figure.estimate,
        rule_key="in_year.progress",
        progress=progress,
        milestone=figure.milestone,
    )


def _already_reached(spec: TargetSpec, value: Decimal) -> bool:
    """An amount to reach at least, whose in-year figure already meets the year's."""
    floor = spec.comparator in (Comparator.GE, Comparator.GT, Comparator.EQ)
    return (
        spec.kind.is_amount and floor and spec.direction.sign > 0 and status_of(spec, value).is_met
    )


def _on_sum(
    spec: TargetSpec,
    yearly: Sequence[Observation],
    years: Decimal,
    whole: Decimal,
    to_date: bool,
) -> Judgement:
    """The sum of the yearly figures against the target scaled by ``years`` (the pace
    needed to date, which the judgement's spec then states); `progress` against the
    target scaled by ``whole`` (the term's)."""
    figures = [derive(spec, [observation]) for observation in yearly]
    usable = [figure for figure in figures if figure.value is not None]
    if not usable:
        return judge_figure(
            spec, figures[-1] if figures else Figure(None, missing="no_observation")
        )
    total = sum((figure.value for figure in usable if figure.value is not None), Decimal(0))
    estimate = any(figure.estimate for figure in usable)
    needed = _scaled(spec, years)
    judgement = judge_figure(needed, Figure(total, estimate))
    progress = _share(total, _scaled(spec, whole)) if to_date else None
    return replace(judgement, progress=progress, to_date=to_date)


def _mean(spec: TargetSpec, yearly: Sequence[Observation]) -> Figure:
    """The mean of the yearly figures, the way reviews average yearly rates."""
    figures = [derive(spec, [observation]) for observation in yearly]
    usable = [figure.value for figure in figures if figure.value is not None]
    if not usable:
        return figures[-1] if figures else Figure(None, missing="no_observation")
    mean = sum(usable, Decimal(0)) / len(usable)
    return Figure(mean, any(figure.estimate for figure in figures if figure.value is not None))


def _compounds(spec: TargetSpec) -> bool:
    """A per-year growth with a base level is a compound rate from the base year."""
    return spec.kind is Kind.GROWTH and spec.base_value is not None


def _scaled(spec: TargetSpec, factor: Decimal) -> TargetSpec:
    value_max = spec.value_max * factor if spec.value_max is not None else None
    return replace(spec, value=spec.value * factor, value_max=value_max)


def _share(value: Decimal | None, spec: TargetSpec) -> Decimal | None:
    """``value`` as a percentage of the plan (the end to reach for a range)."""
    reference = spec.value if spec.value_max is None or spec.direction.sign > 0 else spec.value_max
    if value is None or reference <= 0:
        return None
    return round_apart(value / reference * HUNDRED, HUNDRED)
