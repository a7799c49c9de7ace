"""Is a multi-year target on its way? ("đến năm 2030 có 12 bác sĩ/vạn dân")

The method is the one statistics offices use for SDG progress, after UN ESCAP: compare
the compound annual growth rate achieved since the base year with the rate required to
reach the target by the target year, and grade their ratio:

- ratio ≥ 0,95: on track (đúng lộ trình): at this pace the target is reached, give or
  take a rounding of the pace;
- 0,5 ≤ ratio < 0,95: needs acceleration (cần tăng tốc): moving the right way, too
  slowly;
- ratio < 0,5: off track (chệch lộ trình): barely moving, or moving the wrong way.

The ratio is rounded to two decimals before grading, so the rule printed with it is
always true of the printed number. Compound rates need positive values; when the
base, the latest figure or the target is zero or negative (a target of 0 deaths), the
average annual change replaces the compound rate in the same ratio ("linear"). A
target already reached is on track; a target year passed without reaching it is off
track; a target that asks no improvement on the base and is not met is off track.
"""

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum
from functools import partial

from nghiquyet.evaluation.language import pick
from nghiquyet.evaluation.numbers import Number, format_figure, round_half_up, to_decimal
from nghiquyet.evaluation.spec import Direction
from nghiquyet.evaluation.wording import quantity

ON_TRACK_RATIO = Decimal("0.95")
ACCELERATE_RATIO = Decimal("0.5")


class Pace(StrEnum):
    """The trajectory verdict; values are stable codes like those of `Status`."""

    ON_TRACK = "on_track"
    NEEDS_ACCELERATION = "needs_acceleration"
    OFF_TRACK = "off_track"
    UNDETERMINED = "undetermined"

    def label(self, language: str = "vi") -> str:
        return pick(PACE_LABELS, language)[self]


PACE_LABELS: dict[str, dict[Pace, str]] = {
    "vi": {
        Pace.ON_TRACK: "đúng lộ trình",
        Pace.NEEDS_ACCELERATION: "cần tăng tốc",
        Pace.OFF_TRACK: "chệch lộ trình",
        Pace.UNDETERMINED: "chưa đánh giá được",
    },
    "en": {
        Pace.ON_TRACK: "on track",
        Pace.NEEDS_ACCELERATION: "needs acceleration",
        Pace.OFF_TRACK: "off track",
        Pace.UNDETERMINED: "cannot be assessed",
    },
}


@dataclass(frozen=True)
class Trajectory:
    """The verdict with the figures behind it.

    `method` is "cagr" (rates in percent a year) or "linear" (rates in the unit a
    year), or None when no rate was needed. `ratio` is actual ÷ required rate, rounded
    to two decimals. `rule_key` is "<method>.<pace>" or one of "reached",
    "deadline_passed", "slipped", "undetermined.no_elapsed_time",
    "undetermined.years".
    """

    pace: Pace
    rule_key: str
    base_value: Decimal
    base_year: int
    latest_value: Decimal
    latest_year: int
    target_value: Decimal
    target_year: int
    unit: str = ""
    estimate: bool = False
    method: str | None = None
    actual_rate: Decimal | None = None
    required_rate: Decimal | None = None
    ratio: Decimal | None = None

    @property
    def rule(self) -> str:
        return self.explain("vi")

    def explain(self, language: str = "vi") -> str:
        """The rule that produced this verdict, with its figures."""
        key = "rate" if self.method else self.rule_key.removeprefix("undetermined.")
        text = pick(_TEXTS, language)[key].format(
            pace=self.pace.label(language),
            base=self._quantity(self.base_value, language),
            base_year=self.base_year,
            latest=self._quantity(self.latest_value, language),
            latest_year=self.latest_year,
            target=self._quantity(self.target_value, language),
            target_year=self.target_year,
            actual_rate=self._rate(self.actual_rate, language),
            required_rate=self._rate(self.required_rate, language),
            grading=self._grading(language),
        )
        return text + (pick(_ESTIMATE, language) if self.estimate else "")

    def _quantity(self, number: Decimal, language: str) -> str:
        return quantity(number, self.unit, language)

    def _rate(self, rate: Decimal | None, language: str) -> str:
        if rate is None:
            return ""
        if self.method == "cagr":
            return format_figure(rate, language) + "%"
        return quantity(rate, self.unit, language)

    def _grading(self, language: str) -> str:
        if self.ratio is None:
            return ""
        ratio = format_figure(self.ratio, language)
        high = format_figure(ON_TRACK_RATIO, language)
        low = format_figure(ACCELERATE_RATIO, language)
        if self.pace is Pace.ON_TRACK:
            return f"{ratio} ≥ {high}"
        if self.pace is Pace.NEEDS_ACCELERATION:
            return f"{low} ≤ {ratio} < {high}"
        return f"{ratio} < {low}"


_TEXTS = {
    "vi": {
        "rate": (
            "{pace}: bình quân {actual_rate}/năm giai đoạn {base_year}–{latest_year}, "
            "cần {required_rate}/năm để đạt {target} vào năm {target_year} (tỷ lệ {grading})"
        ),
        "reached": "{pace}: năm {latest_year} đạt {latest}, đã đạt chỉ tiêu {target}",
        "deadline_passed": (
            "{pace}: năm {latest_year} đạt {latest}, chưa đạt {target} hạn năm {target_year}"
        ),
        "slipped": (
            "{pace}: năm {latest_year} đạt {latest}, chưa đạt {target} "
            "(chỉ tiêu không đòi hỏi cao hơn mức năm gốc {base})"
        ),
        "no_elapsed_time": "{pace}: số liệu mới nhất cùng năm gốc {base_year}",
        "years": (
            "{pace}: năm gốc {base_year}, năm số liệu {latest_year} "
            "và năm đích {target_year} không hợp lệ"
        ),
    },
    "en": {
        "rate": (
            "{pace}: average {actual_rate} a year over {base_year}–{latest_year} against "
            "{required_rate} a year needed to reach {target} by {target_year} "
            "(ratio {grading})"
        ),
        "reached": "{pace}: {latest} in {latest_year} already reaches the target {target}",
        "deadline_passed": (
            "{pace}: {latest} in {latest_year}, short of {target} due in {target_year}"
        ),
        "slipped": (
            "{pace}: {latest} in {latest_year}, short of {target} "
            "(the target asks no more than the base-year {base})"
        ),
        "no_elapsed_time": "{pace}: the latest figure is from the base year {base_year}",
        "years": (
            "{pace}: base year {base_year}, latest year {latest_year} and target year "
            "{target_year} are inconsistent"
        ),
    },
}
_ESTIMATE = {"vi": " (số liệu ước)", "en": " (estimated figure)"}


def trajectory(
    *,
    base_value: Number,
    base_year: int,
    latest_value: Number,
    latest_year: int,
    target_value: Number,
    target_year: int,
    direction: Direction = Direction.MORE_IS_BETTER,
    unit: str = "",
    estimate: bool = False,
) -> Trajectory:
    """Grade the pace towards a multi-year target under the rules in the module docstring.

    Raises ValueError only for values that are not numbers; inconsistent years give an
    undetermined verdict, since they come from data, not from code.
    """
    base, latest, target = map(to_decimal, (base_value, latest_value, target_value))
    verdict = partial(
        Trajectory,
        base_value=base,
        base_year=base_year,
        latest_value=latest,
        latest_year=latest_year,
        target_value=target,
        target_year=target_year,
        unit=unit,
        estimate=estimate,
    )
    sign = Direction(direction).sign
    if target_year <= base_year or latest_year < base_year:
        return verdict(Pace.UNDETERMINED, "undetermined.years")
    if sign * (latest - target) >= 0:
        return verdict(Pace.ON_TRACK, "reached")
    if latest_year >= target_year:
        return verdict(Pace.OFF_TRACK, "deadline_passed")
    if sign * (target - base) <= 0:
        return verdict(Pace.OFF_TRACK, "slipped")
    if latest_year == base_year:
        return verdict(Pace.UNDETERMINED, "undetermined.no_elapsed_time")
    elapsed, span = latest_year - base_year, target_year - base_year
    method, actual, required = "linear", (latest - base) / elapsed, (target - base) / span
    if min(base, latest, target) > 0:
        compound = _cagr(base, latest, elapsed), _cagr(base, target, span)
        # A required compound rate rounds to 0 when the target differs from the base
        # only past the 28th digit; the exact linear pace then stands.
        if compound[1] != 0:
            method, (actual, required) = "cagr", compound
    ratio = round_half_up(actual / required, 2)
    pace = _grade(ratio)
    return verdict(
        pace,
        f"{method}.{pace.value}",
        method=method,
        actual_rate=round_half_up(actual, 2),
        required_rate=round_half_up(required, 2),
        ratio=ratio,
    )


def _cagr(start: Decimal, end: Decimal, years: int) -> Decimal:
    """Compound annual growth rate in percent; both values positive."""
    return ((end / start) ** (Decimal(1) / years) - 1) * 100


def _grade(ratio: Decimal) -> Pace:
    if ratio >= ON_TRACK_RATIO:
        return Pace.ON_TRACK
    if ratio >= ACCELERATE_RATIO:
        return Pace.NEEDS_ACCELERATION
    return Pace.OFF_TRACK
