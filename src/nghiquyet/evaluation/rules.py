"""The judging rules: which status a figure earns, and its completion percentage.

Every rule is stated in "goodness": multiplying by the direction's sign (+1 when more
is better, -1 when less is better) makes "better" mean "larger", so one rule serves
both directions.

Status, for actual a and figure t:
- ">=", ">", "<=", "<" pointing the good way (">=" when more is better, "<=" when
  less is better) are floors: better than t is "vượt"; exactly t is "đạt" for ">=" and
  "<=", and "chưa đạt" for the strict ">" and "<", whose text ("trên", "dưới") the
  figure itself does not satisfy; worse than t is "chưa đạt".
- "=" (a bare figure, "đạt X") is the non-strict floor: reach t in the good direction.
- The same comparators pointing the bad way ("không quá 15%" on a more-is-better
  indicator) are guards: inside the bound is "đạt", outside "chưa đạt", and there is
  no "vượt", because going further than the bound is not what the target asked for.
- "~" is met within ±tolerance·|t| (2% by default, the owner may set another band);
  beyond the band on the good side is "vượt", on the bad side "chưa đạt".
- "range" [t, value_max]: inside is "đạt", beyond the good end "vượt", beyond the bad
  end "chưa đạt".

Completion (percent, two decimals, never negative, None when no ratio is meaningful):
- levels (level, share, count, ratio, cumulative): actual ÷ target when more is
  better, target ÷ actual when less is better (the inverse relation officials use);
- movements (growth, change): the move made ÷ the move asked, in the good direction
  (8,7% growth against 8,5% is 102,35%; a fall of 1,2 points against a fall of 1,5
  is 80%), because inverting a rate of change means nothing;
- the reference is t; a range met is 100% (inside it is the target reached, as
  reviews write "đạt"), one exceeded is measured against the end it went beyond
  ("giảm bình quân 3–4%/năm" with 5,02 is 125,5%, as Lào Cai's review wrote), one
  missed against the end it fell short of;
- "~" met inside its band is 100%, like a guard that holds: "about 27%" asks for
  27% give or take, so 27,3% is the target reached, not 101,1% or 98,9% of it;
- a guard that holds is 100%, as it cannot be beaten; one that is breached is
  measured like a level against the bound, in the comparator's own sense (20% credit
  growth against "không quá 15%" is 15 ÷ 20 = 75%);
- equal figures are 100% (so 0 deaths against a target of 0 is 100%); a
  non-positive divisor gives None (a growth target of 0%, a less-is-better actual of
  0 against a positive target, whose status already says "vượt"); a result below
  zero, such as negative growth against a positive growth target, is 0%;
- rounded to two decimals, or more when two would print 100% for a target missed or
  exceeded by a hair (99,996% stays 99,996%): the printed completion never contradicts
  the status.
"""

from decimal import Decimal

from nghiquyet.evaluation.numbers import round_apart
from nghiquyet.evaluation.spec import Comparator, Kind, TargetSpec
from nghiquyet.evaluation.status import Status

HUNDRED = Decimal(100)
FULL = Decimal("100.00")  # completion of a target met exactly, at the printed precision


def is_guard(spec: TargetSpec) -> bool:
    """True when a one-sided comparator points against the indicator's direction."""
    return spec.comparator.sense == -spec.direction.sign


def status_of(spec: TargetSpec, actual: Decimal) -> Status:
    """The status the figure earns under the rules in the module docstring."""
    sign = spec.direction.sign
    if spec.comparator is Comparator.RANGE:
        assert spec.value_max is not None
        if spec.value <= actual <= spec.value_max:
            return Status.ACHIEVED
        return Status.EXCEEDED if (actual > spec.value_max) == (sign > 0) else Status.NOT_ACHIEVED
    if is_guard(spec):
        holds = _holds(spec.comparator, actual, spec.value)
        return Status.ACHIEVED if holds else Status.NOT_ACHIEVED
    gain = sign * (actual - spec.value)
    if spec.comparator is Comparator.APPROX:
        band = abs(spec.value) * spec.tolerance
        if gain > band:
            return Status.EXCEEDED
        return Status.NOT_ACHIEVED if gain < -band else Status.ACHIEVED
    if gain > 0:
        return Status.EXCEEDED
    if gain == 0 and not spec.comparator.strict:
        return Status.ACHIEVED
    return Status.NOT_ACHIEVED


def completion_of(spec: TargetSpec, actual: Decimal) -> Decimal | None:
    """The completion percentage under the rules in the module docstring."""
    if is_guard(spec):
        if _holds(spec.comparator, actual, spec.value):
            return FULL
        return _percent_in_sense(Kind.LEVEL, spec.comparator.sense, actual, spec.value)
    inside_band = spec.comparator in (Comparator.APPROX, Comparator.RANGE)
    if inside_band and status_of(spec, actual) is Status.ACHIEVED:
        return FULL
    return _percent_in_sense(spec.kind, spec.direction.sign, actual, reference(spec, actual))


def reference(spec: TargetSpec, actual: Decimal) -> Decimal:
    """The figure completion is measured against: t, or the range end ``actual`` lies
    beyond."""
    if spec.comparator is Comparator.RANGE and spec.value_max is not None:
        return spec.value_max if actual > spec.value_max else spec.value
    return spec.value


def _holds(comparator: Comparator, actual: Decimal, target: Decimal) -> bool:
    return {
        Comparator.GE: actual >= target,
        Comparator.GT: actual > target,
        Comparator.LE: actual <= target,
        Comparator.LT: actual < target,
    }[comparator]


def _percent_in_sense(kind: Kind, sense: int, actual: Decimal, target: Decimal) -> Decimal | None:
    if kind.is_movement:
        return _percent(sense * actual, sense * target)
    return _percent(actual, target) if sense > 0 else _percent(target, actual)


def _percent(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    if numerator == denominator:
        return FULL
    if denominator <= 0:
        return None
    return round_apart(max(numerator, Decimal(0)) / denominator * HUNDRED, HUNDRED)
