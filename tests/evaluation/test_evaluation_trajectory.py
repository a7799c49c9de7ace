"""Pace towards multi-year targets, by the compound-annual-growth ratio graded as Open SDG does."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.evaluation import Direction, Pace, trajectory

LESS = Direction.LESS_IS_BETTER

# "đến năm 2030 có 12 bác sĩ/vạn dân", from 8 in 2020; the latest figure is for 2024.
# Required: (12 ÷ 8)^(1/10) - 1 = 4,14% a year.
DOCTORS = {"base_value": 8, "base_year": 2020, "target_value": 12, "target_year": 2030}


@pytest.mark.parametrize(
    ("latest", "pace", "actual_rate", "ratio"),
    [
        (D("9.5"), Pace.ON_TRACK, D("4.39"), D("1.06")),  # (9,5 ÷ 8)^(1/4) - 1
        (D(9), Pace.MODERATE, D("2.99"), D("0.72")),  # (9 ÷ 8)^(1/4) - 1
        (D("8.1"), Pace.LIMITED, D("0.31"), D("0.08")),  # barely moving
        (D(7), Pace.DETERIORATION, D("-3.28"), D("-0.79")),  # moving the wrong way
    ],
)
def test_doctors_per_ten_thousand_are_graded_by_the_ratio_of_growth_rates(
    latest, pace, actual_rate, ratio
):
    verdict = trajectory(**DOCTORS, latest_value=latest, latest_year=2024)
    assert verdict.pace is pace
    assert verdict.method == "cagr"
    assert (verdict.actual_rate, verdict.required_rate, verdict.ratio) == (
        actual_rate,
        D("4.14"),
        ratio,
    )
    assert verdict.rule_key == f"cagr.{pace.value}"


@pytest.mark.parametrize(
    ("latest", "pace", "actual_rate", "ratio"),
    [
        (D(3), Pace.MODERATE, D("-15.66"), D("0.94")),  # (3 ÷ 5)^(1/3) - 1
        (D("2.5"), Pace.ON_TRACK, D("-20.63"), D("1.23")),
        (D(4), Pace.LIMITED, D("-7.17"), D("0.43")),
    ],
)
def test_a_falling_poverty_rate_compares_negative_rates(latest, pace, actual_rate, ratio):
    # 5% in 2020 to 2% by 2025: (2 ÷ 5)^(1/5) - 1 = -16,74% a year
    verdict = trajectory(
        base_value=5,
        base_year=2020,
        latest_value=latest,
        latest_year=2023,
        target_value=2,
        target_year=2025,
        direction=LESS,
    )
    assert (verdict.pace, verdict.actual_rate, verdict.required_rate, verdict.ratio) == (
        pace,
        actual_rate,
        D("-16.74"),
        ratio,
    )


def test_a_target_of_zero_uses_the_average_annual_change():
    # traffic deaths 20 (2020) → 0 by 2030 needs -2 a year; 12 in 2024 is -2 a year
    verdict = trajectory(
        base_value=20,
        base_year=2020,
        latest_value=12,
        latest_year=2024,
        target_value=0,
        target_year=2030,
        direction=LESS,
        unit="người",
    )
    assert (verdict.pace, verdict.method, verdict.rule_key) == (
        Pace.ON_TRACK,
        "linear",
        "linear.on_track",
    )
    assert (verdict.actual_rate, verdict.required_rate, verdict.ratio) == (D(-2), D(-2), D(1))


@pytest.mark.parametrize(
    ("latest", "pace"),
    [
        (D(19), Pace.ON_TRACK),  # 9,5 a year of the 10 needed: ratio 0,95
        (D("18.9"), Pace.ON_TRACK),  # 0,945 is printed, and graded, as 0,95
        (D("18.8"), Pace.MODERATE),  # ratio 0,94
        (D(12), Pace.MODERATE),  # ratio 0,6
        (D("11.8"), Pace.LIMITED),  # ratio 0,59
        (D(0), Pace.LIMITED),  # ratio 0: not moving
    ],
)
def test_thresholds_are_inclusive_at_0_95_0_6_and_0(latest, pace):
    # from 0 to 100 in ten years is 10 a year (linear, as the base is 0); two years in
    verdict = trajectory(
        base_value=0,
        base_year=2020,
        latest_value=latest,
        latest_year=2022,
        target_value=100,
        target_year=2030,
    )
    assert verdict.pace is pace


@pytest.mark.parametrize(
    ("arguments", "pace", "rule_key"),
    [
        ({"latest_value": D("12.5"), "latest_year": 2024}, Pace.ON_TRACK, "reached"),
        ({"latest_value": 12, "latest_year": 2020}, Pace.ON_TRACK, "reached"),
        ({"latest_value": 11, "latest_year": 2030}, Pace.LIMITED, "deadline_passed"),
        ({"latest_value": 11, "latest_year": 2031}, Pace.LIMITED, "deadline_passed"),
        ({"latest_value": 7, "latest_year": 2030}, Pace.DETERIORATION, "deadline_passed"),
        (
            {"latest_value": 9, "latest_year": 2020},
            Pace.UNDETERMINED,
            "undetermined.no_elapsed_time",
        ),
        ({"latest_value": 9, "latest_year": 2019}, Pace.UNDETERMINED, "undetermined.years"),
        (
            {"latest_value": 9, "latest_year": 2024, "target_year": 2020},
            Pace.UNDETERMINED,
            "undetermined.years",
        ),
    ],
)
def test_reached_late_and_unassessable_targets_get_their_own_rule(arguments, pace, rule_key):
    verdict = trajectory(**{**DOCTORS, **arguments})
    assert (verdict.pace, verdict.rule_key, verdict.ratio) == (pace, rule_key, None)


def test_holding_a_level_that_has_slipped_is_deterioration():
    # "giữ tỷ lệ hộ dùng điện 99,7%" from 99,7% in 2020; 99,5% in 2023
    verdict = trajectory(
        base_value=D("99.7"),
        base_year=2020,
        latest_value=D("99.5"),
        latest_year=2023,
        target_value=D("99.7"),
        target_year=2025,
    )
    assert (verdict.pace, verdict.rule_key) == (Pace.DETERIORATION, "slipped")


def test_the_rule_reads_in_vietnamese_and_english_and_marks_estimates():
    verdict = trajectory(
        **DOCTORS, latest_value=D("9.5"), latest_year=2024, unit="bác sĩ/vạn dân", estimate=True
    )
    assert verdict.rule == (
        "đúng lộ trình: bình quân 4,39%/năm giai đoạn 2020–2024, cần 4,14%/năm để đạt "
        "12 bác sĩ/vạn dân vào năm 2030 (tỷ lệ 1,06 ≥ 0,95) (số liệu ước)"
    )
    assert verdict.explain("en") == (
        "on track: average 4.39% a year over 2020–2024 against 4.14% a year needed to "
        "reach 12 bác sĩ/vạn dân by 2030 (ratio 1.06 ≥ 0.95) (estimated figure)"
    )


@pytest.mark.parametrize(
    ("latest", "latest_year", "vi"),
    [
        (
            9,
            2024,
            "cần đẩy nhanh: bình quân 2,99%/năm giai đoạn 2020–2024, cần 4,14%/năm "
            "để đạt 12 vào năm 2030 (tỷ lệ 0,6 ≤ 0,72 < 0,95)",
        ),
        (
            7,
            2024,
            "đi ngược: bình quân -3,28%/năm giai đoạn 2020–2024, cần 4,14%/năm "
            "để đạt 12 vào năm 2030 (tỷ lệ -0,79 < 0)",
        ),
        (13, 2024, "đúng lộ trình: năm 2024 đạt 13, đã đạt chỉ tiêu 12"),
        (11, 2030, "chậm: năm 2030 đạt 11, chưa đạt 12 hạn năm 2030"),
        (9, 2020, "chưa đánh giá được: số liệu mới nhất cùng năm gốc 2020"),
    ],
)
def test_each_trajectory_rule_has_its_sentence(latest, latest_year, vi):
    verdict = trajectory(**DOCTORS, latest_value=latest, latest_year=latest_year)
    assert verdict.rule == vi
    assert verdict.explain("en")


PACE_ORDER = [Pace.DETERIORATION, Pace.LIMITED, Pace.MODERATE, Pace.ON_TRACK]
levels = st.decimals(min_value=0, max_value=1000, places=2)


@given(base=levels, target=levels, low=levels, high=levels, year=st.integers(2021, 2029))
def test_a_higher_latest_figure_never_worsens_the_pace_of_a_more_is_better_target(
    base, target, low, high, year
):
    low, high = sorted((low, high))
    common = {"base_value": base, "base_year": 2020, "target_value": target, "target_year": 2030}
    worse = trajectory(**common, latest_value=low, latest_year=year)
    better = trajectory(**common, latest_value=high, latest_year=year)
    assert PACE_ORDER.index(better.pace) >= PACE_ORDER.index(worse.pace)


@given(base=levels, target=levels, low=levels, high=levels, year=st.integers(2021, 2029))
def test_a_lower_latest_figure_never_worsens_the_pace_of_a_less_is_better_target(
    base, target, low, high, year
):
    low, high = sorted((low, high))
    common = {"base_value": base, "base_year": 2020, "target_value": target, "target_year": 2030}
    worse = trajectory(**common, latest_value=high, latest_year=year, direction=LESS)
    better = trajectory(**common, latest_value=low, latest_year=year, direction=LESS)
    assert PACE_ORDER.index(better.pace) >= PACE_ORDER.index(worse.pace)


def test_a_target_a_hair_above_the_base_falls_back_to_the_exact_linear_pace():
    # (10^29 + 0,01) ÷ 10^29 is 1 at 28 digits: no compound rate to divide by
    verdict = trajectory(
        base_value=D("1e29"),
        base_year=2020,
        latest_value=D("1e29"),
        latest_year=2024,
        target_value=D("100000000000000000000000000000.01"),
        target_year=2030,
    )
    assert (verdict.method, verdict.pace) == ("linear", Pace.LIMITED)


def test_direction_may_be_given_by_its_code():
    verdict = trajectory(**DOCTORS, latest_value=13, latest_year=2024, direction="less_is_better")
    assert verdict.rule_key == "slipped"


wide = st.decimals(min_value=-(10**29), max_value=10**29, places=2)


@given(
    base=wide,
    latest=wide,
    target=wide,
    years=st.tuples(*[st.integers(2000, 2040)] * 3),
    direction=st.sampled_from(Direction),
)
def test_grading_any_figures_and_years_never_raises(base, latest, target, years, direction):
    base_year, latest_year, target_year = years
    verdict = trajectory(
        base_value=base,
        base_year=base_year,
        latest_value=latest,
        latest_year=latest_year,
        target_value=target,
        target_year=target_year,
        direction=direction,
    )
    assert verdict.pace in Pace
    assert verdict.explain("vi") and verdict.explain("en")
