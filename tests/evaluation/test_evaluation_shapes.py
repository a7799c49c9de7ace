"""The target shapes of real resolutions: milestones, growth from a base year, reductions,
per-year and term targets, in-year progress, "khoảng", rounding and pace."""

from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.evaluation import (
    Comparator as C,
)
from nghiquyet.evaluation import (
    Horizon,
    Kind,
    Milestone,
    Observation,
    Pace,
    Status,
    TargetSpec,
    format_completion,
    judge,
    judge_in_year,
    judge_term,
    pace_of_growth,
    pace_of_total,
)
from nghiquyet.evaluation.numbers import places_apart, round_apart

EX, OK, NO = Status.EXCEEDED, Status.ACHIEVED, Status.NOT_ACHIEVED
LESS = "less_is_better"

MERGER = TargetSpec(C.EQ, 100, kind=Kind.MILESTONE)  # "Hoàn thành sắp xếp đơn vị hành chính"


@pytest.mark.parametrize(
    ("observation", "status", "completion", "rule"),
    [
        (Observation(milestone=Milestone.DONE), OK, D("100.00"), "đạt: hoàn thành"),
        (
            Observation(milestone="in_progress", value=60),
            NO,
            D("60.00"),
            "chưa đạt: đang thực hiện",
        ),
        (Observation(milestone="not_started"), NO, D("0.00"), "chưa đạt: chưa thực hiện"),
        (Observation(value=100), OK, D("100.00"), "đạt: hoàn thành"),
        (Observation(milestone="done", estimate=True), OK, D("100.00"), "đạt: hoàn thành (ước)"),
    ],
)
def test_a_milestone_is_judged_on_its_stage(observation, status, completion, rule):
    judgement = judge(MERGER, [observation])
    assert (judgement.status, judgement.completion, judgement.rule) == (status, completion, rule)


def test_a_milestone_without_a_report_has_no_data():
    assert judge(MERGER, []).status is Status.NO_DATA


# "Thu ngân sách năm 2025 tăng 10% so với năm 2020": base 10.000 in 2020
REVENUE_GROWTH = TargetSpec(C.GE, 10, kind=Kind.GROWTH, base_value=10000, base_year=2020, unit="%")


@pytest.mark.parametrize(
    ("level", "figure", "status", "completion"),
    [
        (11200, D(12), EX, D("120.00")),
        (11000, D(10), OK, D("100.00")),
        (10800, D(8), NO, D("80.00")),
        (9500, D(-5), NO, D("0.00")),
    ],
)
def test_growth_from_a_base_year_is_computed_from_the_reported_level(
    level, figure, status, completion
):
    judgement = judge(REVENUE_GROWTH, [Observation(level=level)])
    assert (judgement.figure, judgement.status, judgement.completion) == (
        figure,
        status,
        completion,
    )


# "GRDP tăng bình quân 9%/năm" from 100 in 2020: the compound annual rate
AVERAGE_GROWTH = TargetSpec(
    C.GE, 9, kind=Kind.GROWTH, base_value=100, base_year=2020, horizon=Horizon.PER_YEAR
)


@pytest.mark.parametrize(
    ("level", "year", "status", "shown"),
    [
        (D("129.5029"), 2023, OK, "9"),  # 1,09³ = 1,295029: exactly 9% a year
        (130, 2023, EX, "9,14"),  # (1,3)^(1/3) − 1 = 9,139…%
        (125, 2023, NO, "7,72"),
        (D("153.86239549"), 2025, OK, "9"),  # 1,09⁵
    ],
)
def test_tăng_bình_quân_is_the_compound_annual_rate_from_the_base_year(level, year, status, shown):
    judgement = judge(AVERAGE_GROWTH, [Observation(level=level, year=year)])
    assert judgement.status is status
    assert f"tăng trưởng {shown} " in judgement.rule


def test_an_average_growth_without_the_figures_year_has_no_data():
    judgement = judge(AVERAGE_GROWTH, [Observation(level=130)])
    assert judgement.rule_key == "no_data.no_year"


# "Giảm tỷ lệ hộ nghèo 1–1,5%/năm": the fall typed positive, as officials write it
POVERTY_FALL = TargetSpec(C.RANGE, 1, value_max="1.5", kind=Kind.REDUCTION, unit="%")


@pytest.mark.parametrize(
    ("observations", "status"),
    [
        ([Observation(value="1.2")], OK),
        ([Observation(value="1.8")], EX),
        ([Observation(value="0.8")], NO),
        ([Observation(value="-0.3")], NO),  # the rate rose
    ],
)
def test_a_reduction_is_typed_as_the_fall(observations, status):
    assert judge(POVERTY_FALL, observations).status is status


def test_a_reduction_reported_as_a_level_is_the_fall_from_the_base():
    spec = TargetSpec(C.RANGE, 1, value_max="1.5", kind=Kind.REDUCTION, base_value="4.5")
    judgement = judge(spec, [Observation(level="3.3")])
    assert (judgement.figure, judgement.status) == (D("1.2"), OK)


# "Giải quyết việc làm cho 25.000 lao động/năm", term 2021–2025
JOBS = TargetSpec(C.GE, 25000, kind=Kind.COUNT, horizon=Horizon.PER_YEAR, unit="lao động")
# "GRDP tăng bình quân 9–9,5%/năm giai đoạn 2016–2020", yearly rates reported
GRDP = TargetSpec(C.RANGE, 9, value_max="9.5", kind=Kind.GROWTH, horizon=Horizon.PER_YEAR)
# "Tổng vốn đầu tư toàn xã hội 5 năm đạt 250.000 tỷ đồng"
INVESTMENT = TargetSpec(C.GE, 250000, kind=Kind.CUMULATIVE, unit="tỷ đồng")


def yearly(*values, estimate=False):
    return [Observation(value=value, estimate=estimate) for value in values]


@pytest.mark.parametrize(
    ("spec", "figures", "elapsed", "status", "figure", "completion", "progress"),
    [
        # a per-year count over the term: the sum against 25.000 × 5
        (JOBS, (26000, 24000, 25500, 25000, 26000), 5, EX, 126500, D("101.20"), None),
        (JOBS, (26000, 24000, 25500, 20000, 24000), 5, NO, 119500, D("95.60"), None),
        # at mid-term, against 25.000 × 3 years so far; 60,4% of the term's 125.000
        (JOBS, (26000, 24000, 25500), 3, EX, 75500, D("100.67"), D("60.40")),
        # yearly rates averaged: 9,24% is inside 9–9,5%
        (GRDP, ("9.2", "8.5", "9.8", "9.1", "9.6"), 5, OK, D("9.24"), D("100.00"), None),
        (GRDP, ("7.2", "2.9", "8.0", "8.5", "8.1"), 5, NO, D("6.94"), D("77.11"), None),
        # a term total at mid-term: 152.000 of the 150.000 the pace asks (3/5 of 250.000)
        (INVESTMENT, (45000, 55000, 52000), 3, EX, 152000, D("101.33"), D("60.80")),
        (INVESTMENT, (45000, 50000, 52000), 3, NO, 147000, D("98.00"), D("58.80")),
        # and at the end on the total
        (INVESTMENT, (45000, 50000, 52000, 50000, 55000), 5, EX, 252000, D("100.80"), None),
    ],
)
def test_a_term_is_judged_on_the_sum_the_mean_or_the_sum_to_date(
    spec, figures, elapsed, status, figure, completion, progress
):
    judgement = judge_term(spec, yearly(*figures), elapsed=elapsed, span=5)
    assert (judgement.status, judgement.figure, judgement.completion) == (
        status,
        figure,
        completion,
    )
    assert (judgement.progress, judgement.to_date) == (progress, elapsed < 5)


def test_a_per_year_target_is_judged_each_year_on_its_own():
    assert judge(JOBS, yearly(24000)).status is NO


def test_a_term_judged_before_its_first_year_is_a_programming_error():
    with pytest.raises(ValueError, match="elapsed"):
        judge_term(JOBS, [], elapsed=0, span=5)


REVENUE = TargetSpec(C.GE, 6000, unit="tỷ đồng")  # "thu ngân sách năm 2024 đạt 6.000 tỷ"


def test_nine_months_against_the_annual_target_is_progress_not_a_verdict():
    judgement = judge_in_year(REVENUE, Observation(value=4518))
    assert (judgement.status, judgement.progress, judgement.completion) == (
        Status.IN_PROGRESS,
        D("75.30"),
        None,
    )
    assert judgement.rule == (
        "chưa hết kỳ: mức 4.518 tỷ đồng, đạt 75,3% kế hoạch năm "
        "(chỉ tiêu năm: 6.000 tỷ đồng trở lên)"
    )


def test_the_years_estimate_gives_the_verdict_of_an_in_year_review():
    estimate = Observation(value=6200, estimate=True)
    judgement = judge_in_year(REVENUE, Observation(value=4518), year=estimate)
    assert (judgement.status, judgement.estimate, judgement.progress) == (EX, True, D("75.30"))
    assert judgement.rule.startswith("đạt 75,3% kế hoạch; vượt: mức 6.200 tỷ đồng (ước)")


def test_an_amount_already_over_the_annual_plan_in_year_has_reached_it():
    # "10 tháng đạt 105% kế hoạch năm": revenue only grows, the plan is exceeded
    judgement = judge_in_year(REVENUE, Observation(value=6300))
    assert (judgement.status, judgement.progress) == (EX, D("105.00"))


def test_an_average_fall_from_a_base_level_is_spread_over_the_years():
    # "giảm tỷ lệ hộ nghèo bình quân 1%/năm" from 7,19% in 2015; 1,36% in 2020
    spec = TargetSpec(
        C.GE, 1, kind=Kind.REDUCTION, base_value="7.19", base_year=2015, horizon=Horizon.PER_YEAR
    )
    judgement = judge(spec, [Observation(level="1.36", year=2020)])
    assert (judgement.figure, judgement.status) == (D("1.166"), EX)


def test_a_six_month_growth_rate_is_no_share_of_the_years_growth():
    growth = TargetSpec(C.GE, "8.5", kind=Kind.GROWTH, unit="%")
    judgement = judge_in_year(growth, Observation(value="6.21"))
    assert (judgement.status, judgement.figure, judgement.progress) == (
        Status.IN_PROGRESS,
        D("6.21"),
        None,
    )


def test_a_milestone_done_within_the_year_is_met_at_once():
    assert judge_in_year(MERGER, Observation(milestone="done")).status is OK


@pytest.mark.parametrize(
    ("actual", "tolerance", "status", "completion"),
    [
        ("27.3", D("0.02"), OK, D("100.00")),  # inside ±2% of 27: the target reached
        ("27.6", D("0.02"), EX, D("102.22")),
        ("26.4", D("0.02"), NO, D("97.78")),
        ("27.6", D("0.05"), OK, D("100.00")),  # the owner's wider band
    ],
)
def test_khoảng_is_met_within_its_tolerance(actual, tolerance, status, completion):
    spec = TargetSpec(C.APPROX, 27, unit="%", tolerance=tolerance)
    judgement = judge(spec, [Observation(value=actual)])
    assert (judgement.status, judgement.completion) == (status, completion)


@pytest.mark.parametrize(
    ("actual", "rule", "completion"),
    [
        ("8.4999", "chưa đạt: mức 8,4999% < 8,5%", "99,999%"),
        ("8.49", "chưa đạt: mức 8,49% < 8,5%", "99,88%"),
        ("8.5001", "vượt: mức 8,5001% > 8,5%", "100,001%"),
        ("8.5", "đạt: mức 8,5% = 8,5%", "100%"),
    ],
)
def test_a_shown_comparison_never_contradicts_the_verdict(actual, rule, completion):
    judgement = judge(TargetSpec(C.GE, "8.5", unit="%"), [Observation(value=actual)])
    assert judgement.rule.startswith(rule)
    assert format_completion(judgement.completion) == completion


near = st.decimals(min_value=D(-1000), max_value=D(1000), places=6)


@given(first=near, second=near)
def test_figures_rounded_apart_compare_as_the_exact_ones(first, second):
    places = places_apart(first, second)
    shown = round_apart(first, second)
    assert (shown > second) - (shown < second) == (first > second) - (first < second)
    assert places >= 2


@pytest.mark.parametrize(
    ("total", "latest_year", "pace"),
    [
        (150000, 2023, Pace.ON_TRACK),  # 50.000 a year, as 250.000 over 5 years needs
        (120000, 2023, Pace.MODERATE),  # 40.000 a year: ratio 0,8
        (60000, 2023, Pace.LIMITED),  # ratio 0,4
        (260000, 2024, Pace.ON_TRACK),  # reached early
    ],
)
def test_a_term_total_is_paced_on_its_yearly_average(total, latest_year, pace):
    verdict = pace_of_total(
        total=total, first_year=2021, latest_year=latest_year, target_value=250000, target_year=2025
    )
    assert verdict.pace is pace


@pytest.mark.parametrize(
    ("achieved", "pace"),
    [
        ("9.1", Pace.ON_TRACK),
        ("7.2", Pace.MODERATE),
        ("3", Pace.LIMITED),
        ("-1", Pace.DETERIORATION),
    ],
)
def test_a_growth_target_is_paced_on_the_growth_achieved(achieved, pace):
    verdict = pace_of_growth(
        achieved_rate=achieved, required_rate=9, base_year=2020, latest_year=2023
    )
    assert verdict.pace is pace
    assert verdict.rule.startswith(f"{pace.label()}: tăng bình quân")
