"""Turning the observations of a period into the one figure a target is compared with."""

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.evaluation.observation import Observation
from nghiquyet.evaluation.spec import Kind, TargetSpec


@dataclass(frozen=True)
class Figure:
    """The compared figure, whether any part of it is an estimate, or why there is none.

    `missing` is a machine key: "no_observation", "no_figure", "denominator_not_positive",
    "no_base" or "base_not_positive".
    """

    value: Decimal | None
    estimate: bool = False
    missing: str | None = None


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
    if spec.kind is Kind.CHANGE:
        return Figure(level - spec.base_value, observation.estimate)
    if spec.base_value <= 0:
        return Figure(None, missing="base_not_positive")
    return Figure((level / spec.base_value - 1) * 100, observation.estimate)
