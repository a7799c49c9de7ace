"""Turning the observations of a period into the one figure a target is compared with."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.evaluation.numbers import round_half_up
from nghiquyet.evaluation.observation import Observation
from nghiquyet.evaluation.spec import Horizon, Kind, Milestone, TargetSpec

DONE = Decimal(100)


@dataclass(frozen=True)
class Figure:
    """The compared figure, whether any part of it is an estimate, or why there is none.

    `missing` is a machine key: "no_observation", "no_figure", "denominator_not_positive",
    "no_base", "base_not_positive" or "no_year". `milestone` is where a milestone stands.
    """

    value: Decimal | None
    estimate: bool = False
    missing: str | None = None
    milestone: Milestone | None = None


def derive(spec: TargetSpec, observations: Sequence[Observation]) -> Figure:
    """The figure to judge: the sum over the term for cumulative targets, else the latest.

    Observations are taken in the order given (callers sort them by period). For a
    non-cumulative target the latest observation that yields a figure counts, so an
    unusable late report does not hide an earlier good one. A cumulative target sums
    every observation that yields a figure.
    """
    if not observations:
        return Figure(None, missing="no_observation")
    figures = [_one(spec, observation) for observation in observations]
    usable = [figure for figure in figures if figure.value is not None]
    if not usable:
        return figures[-1]
    if spec.kind is Kind.CUMULATIVE:
        total = sum((figure.value for figure in usable), Decimal(0))
        return Figure(total, estimate=any(figure.estimate for figure in usable))
    return usable[-1]


def _one(spec: TargetSpec, observation: Observation) -> Figure:
    """The figure of one observation in the target's terms."""
    if spec.kind is Kind.MILESTONE:
        return _milestone(observation)
    if observation.value is not None:
        return Figure(observation.value, observation.estimate)
    level = observation.level
    if observation.numerator is not None and observation.denominator is not None:
        if observation.denominator <= 0:
            return Figure(None, missing="denominator_not_positive")
        level = observation.numerator / observation.denominator * spec.per
    if level is None:
        return Figure(None, missing="no_figure")
    if not spec.kind.is_movement:
        return Figure(level, observation.estimate)
    if spec.base_value is None:
        return Figure(None, missing="no_base")
    if spec.kind in (Kind.CHANGE, Kind.REDUCTION):
        move = level - spec.base_value if spec.kind is Kind.CHANGE else spec.base_value - level
        if spec.horizon is not Horizon.PER_YEAR:
            return Figure(move, observation.estimate)
        # "giảm bình quân 1%/năm" from a base level: the fall spread over the years
        if spec.base_year is None or observation.year is None or observation.year <= spec.base_year:
            return Figure(None, missing="no_year")
        return Figure(move / (observation.year - spec.base_year), observation.estimate)
    if spec.base_value <= 0:
        return Figure(None, missing="base_not_positive")
    if spec.horizon is Horizon.PER_YEAR:
        return _compound(spec.base_value, spec.base_year, level, observation)
    return Figure((level / spec.base_value - 1) * 100, observation.estimate)


def _compound(base: Decimal, base_year: int | None, level: Decimal, obs: Observation) -> Figure:
    """ "tăng bình quân X%/năm" from a base level: the compound annual rate over the years
    from the base year to the observation's, which is what a yearly average of growth means
    when only levels are reported."""
    if base_year is None or obs.year is None or obs.year <= base_year:
        return Figure(None, missing="no_year")
    if level <= 0:
        return Figure(Decimal(-100), obs.estimate)
    rate = ((level / base) ** (Decimal(1) / (obs.year - base_year)) - 1) * 100
    # A root is inexact at 28 digits; ten decimals keep a rate of exactly 9% from
    # reading as 9,000…01% and "vượt".
    return Figure(round_half_up(rate, 10).normalize(), obs.estimate)


def _milestone(observation: Observation) -> Figure:
    """A milestone's figure is the share done: 100 when done, else what was reported (0
    when nothing was). The stage, not the share, decides the verdict."""
    stage = observation.milestone
    value = observation.value
    if stage is None:
        if value is None:
            return Figure(None, missing="no_figure")
        stage = Milestone.DONE if value >= DONE else Milestone.IN_PROGRESS
    if stage is Milestone.DONE:
        return Figure(DONE, observation.estimate, milestone=stage)
    share = Decimal(0) if value is None or stage is Milestone.NOT_STARTED else value
    return Figure(share, observation.estimate, milestone=stage)
