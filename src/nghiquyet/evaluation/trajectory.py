"""Is a multi-year target on its way? ("đến năm 2030 có 12 bác sĩ/vạn dân")

The method is the one statistics offices use for SDG progress, after UN ESCAP, with
Open SDG's grades: compare the compound annual growth rate achieved since the base year
with the rate required to reach the target by the target year, and grade their ratio:

- ratio ≥ 0,95: on track (đúng lộ trình): at this pace the target is reached, give or
  take a rounding of the pace;
- 0,6 ≤ ratio < 0,95: moderate progress (cần đẩy nhanh): the right way, too slowly;
- 0 ≤ ratio < 0,6: limited progress (chậm): barely moving;
- ratio < 0: deterioration (đi ngược): moving the wrong way.

A term total is paced on the yearly average to date against the average needed
(`pace_of_total`), a growth target on the average growth achieved against the rate
asked (`pace_of_growth`).

The ratio is rounded to two decimals before grading, so the rule printed with it is
always true of the printed number. Compound rates need positive values; when the
base, the latest figure or the target is zero or negative (a target of 0 deaths), the
average annual change replaces the compound rate in the same ratio ("linear"). A
target already reached is on track; a target year passed without reaching it is
limited progress, or deterioration when the figure moved away from it; a target that
asks no improvement on the base and is not met has deteriorated.
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
MODERATE_RATIO = Decimal("0.6")
LIMITED_RATIO = Decimal(0)


class Pace(StrEnum):
    """The trajectory verdict; values are stable codes like those of `Status`."""

    ON_TRACK = "on_track"
    MODERATE = "moderate"
    LIMITED = "limited"
    DETERIORATION = "deterioration"
    UNDETERMINED = "undetermined"

    def label(self, language: str = "vi") -> str:
        return pick(PACE_LABELS, language)[self]


PACE_LABELS: dict[str, dict[Pace, str]] = {
    "vi": {
        Pace.ON_TRACK: "đúng lộ trình",
        Pace.MODERATE: "cần đẩy nhanh",
        Pace.LIMITED: "chậm",
        Pace.DETERIORATION: "đi ngược",
        Pace.UNDETERMINED: "chưa đánh giá được",
    },
    "en": {
        Pace.ON_TRACK: "on track",
        Pace.MODERATE: "moderate progress",
        Pace.LIMITED: "limited progress",
        Pace.DETERIORATION: "deterioration",
        Pace.UNDETERMINED: "cannot be assessed",
    },
}


@dataclass(frozen=True)
class Trajectory:
    """The verdict with the figures behind it.

    `method` is "cagr" (rates in percent a year), "linear" (rates in the unit a year),
    "total" (a term total's yearly average, in the unit) or "growth" (average growth
    against the growth asked, in percent), or None when no rate was needed. `ratio` is
    actual ÷ required rate, rounded to two decimals. `rule_key` is "<method>.<pace>" or
    one of "reached", "deadline_passed", "slipped", "undetermined.no_elapsed_time",
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
        key = self.rule_key.removeprefix("undetermined.")
        if self.method:
            key = self.method if self.method in ("total", "growth") else "rate"
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
        if self.method in ("cagr", "growth"):
            return format_figure(rate, language) + "%"
        return quantity(rate, self.unit, language)

    def _grading(self, language: str) -> str:
        if self.ratio is None:
            return ""
        ratio = format_figure(self.ratio, language)
        high, middle, low = (
            format_figure(cut, language) for cut in (ON_TRACK_RATIO, MODERATE_RATIO, LIMITED_RATIO)
        )
        if self.pace is Pace.ON_TRACK:
            return f"{ratio} ≥ {high}"
        if self.pace is Pace.MODERATE:
            return f"{middle} ≤ {ratio} < {high}"
        if self.pace is Pace.LIMITED:
            return f"{low} ≤ {ratio} < {middle}"
        return f"{ratio} < {low}"


_TEXTS = {
    "vi": {
        "rate": (
            "{pace}: bình quân {actual_rate}/năm giai đoạn {base_year}–{latest_year}, "
            "cần {required_rate}/năm để đạt {target} vào năm {target_year} (tỷ lệ {grading})"
        ),
        "total": (
            "{pace}: lũy kế {latest} đến năm {latest_year}, bình quân {actual_rate}/năm, "
            "cần {required_rate}/năm để đạt {target} vào năm {target_year} (tỷ lệ {grading})"
        ),
        "growth": (
            "{pace}: tăng bình quân {actual_rate}/năm giai đoạn {base_year}–{latest_year}, "
            "chỉ tiêu {required_rate}/năm (tỷ lệ {grading})"
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
        "total": (
            "{pace}: {latest} to date in {latest_year}, {actual_rate} a year on average "
            "against {required_rate} a year needed to reach {target} by {target_year} "
            "(ratio {grading})"
        ),
        "growth": (
            "{pace}: average growth {actual_rate} a year over {base_year}–{latest_year} "
            "against {required_rate} a year asked (ratio {grading})"
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
        moved_away = sign * (latest - base) < 0
        return verdict(Pace.DETERIORATION if moved_away else Pace.LIMITED, "deadline_passed")
    if sign * (target - base) <= 0:
        return verdict(Pace.DETERIORATION, "slipped")
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
    return _graded(verdict, method, actual, required)


def pace_of_total(
    *,
    total: Number,
    first_year: int,
    latest_year: int,
    target_value: Number,
    target_year: int,
    unit: str = "",
    estimate: bool = False,
) -> Trajectory:
    """Grade the pace towards a term total ("250.000 tỷ trong 5 năm") from the sum to
    date: the yearly average achieved over the years ``first_year``–``latest_year``
    against the yearly average the total needs over ``first_year``–``target_year``."""
    done, target = to_decimal(total), to_decimal(target_value)
    verdict = partial(
        Trajectory,
        base_value=Decimal(0),
        base_year=first_year - 1,
        latest_value=done,
        latest_year=latest_year,
        target_value=target,
        target_year=target_year,
        unit=unit,
        estimate=estimate,
    )
    if target_year < first_year or latest_year < first_year:
        return verdict(Pace.UNDETERMINED, "undetermined.years")
    if done >= target:
        return verdict(Pace.ON_TRACK, "reached")
    if target <= 0:
        return verdict(Pace.DETERIORATION, "slipped")
    actual = done / (latest_year - first_year + 1)
    required = target / (target_year - first_year + 1)
    return _graded(verdict, "total", actual, required)


def pace_of_growth(
    *,
    achieved_rate: Number,
    required_rate: Number,
    base_year: int,
    latest_year: int,
    estimate: bool = False,
) -> Trajectory:
    """Grade the pace of a growth target ("tăng bình quân 9%/năm"): the average growth
    achieved (in percent a year) against the growth asked. A target asking no growth
    is graded on whether growth stayed at or above it."""
    achieved, required = to_decimal(achieved_rate), to_decimal(required_rate)
    verdict = partial(
        Trajectory,
        base_value=Decimal(0),
        base_year=base_year,
        latest_value=achieved,
        latest_year=latest_year,
        target_value=required,
        target_year=latest_year,
        unit="%",
        estimate=estimate,
    )
    if required <= 0:
        pace = Pace.ON_TRACK if achieved >= required else Pace.DETERIORATION
        return verdict(pace, "reached" if pace is Pace.ON_TRACK else "slipped")
    return _graded(verdict, "growth", achieved, required)


def _graded(verdict: partial, method: str, actual: Decimal, required: Decimal) -> Trajectory:
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
    if ratio >= MODERATE_RATIO:
        return Pace.MODERATE
    if ratio >= LIMITED_RATIO:
        return Pace.LIMITED
    return Pace.DETERIORATION
