"""Judging targets from the seed articles, and the edges: zero, negative, missing."""

from decimal import Decimal as D

import pytest

from nghiquyet.evaluation import Comparator as C
from nghiquyet.evaluation import Direction, Kind, Observation, Status, TargetSpec, judge

MORE = Direction.MORE_IS_BETTER
LESS = Direction.LESS_IS_BETTER


def test_grdp_growth_given_as_an_estimate_exceeds_8_5_percent():
    spec = TargetSpec(C.GE, D("8.5"), kind=Kind.GROWTH, unit="%")
    judgement = judge(spec, [Observation(value=D("8.7"), estimate=True)])
    assert judgement.status is Status.EXCEEDED
    assert judgement.completion == D("102.35")
    assert judgement.estimate is True
    assert judgement.rule_key == "ge.more_is_better.exceeded"


def test_grdp_growth_is_computed_from_the_base_year_level():
    # 2023: 100.000 tỷ đồng; 2024: 108.700 → +8,7%
    spec = TargetSpec(C.GE, D("8.5"), kind=Kind.GROWTH, base_value=100_000, unit="%")
    judgement = judge(spec, [Observation(level=108_700)])
    assert judgement.figure == D("8.7")
    assert judgement.completion == D("102.35")


def test_doctors_per_ten_thousand_people_come_from_numerator_and_denominator():
    # 1.380 doctors for 1.150.000 people = 12 per vạn dân
    spec = TargetSpec(C.GE, 12, kind=Kind.RATIO, per=10_000, unit="bác sĩ/vạn dân")
    judgement = judge(spec, [Observation(numerator=1_380, denominator=1_150_000)])
    assert judgement.figure == 12
    assert judgement.status is Status.ACHIEVED


def test_health_insurance_coverage_share_beats_94_95_percent():
    # 1.620.000 insured of 1.700.000 people = 95,294…%; 95,294 ÷ 94,95 = 1,003624…
    spec = TargetSpec(C.EQ, D("94.95"), kind=Kind.SHARE, unit="%")
    judgement = judge(spec, [Observation(numerator=1_620_000, denominator=1_700_000)])
    assert judgement.status is Status.EXCEEDED
    assert judgement.completion == D("100.36")


def test_poverty_rate_falling_1_3_points_misses_a_fall_of_1_5():
    # 3,2% → 1,9% is -1,3 points; 1,3 ÷ 1,5 = 0,8666…
    spec = TargetSpec(C.LE, D("-1.5"), direction=LESS, kind=Kind.CHANGE, base_value=D("3.2"))
    judgement = judge(spec, [Observation(level=D("1.9"))])
    assert judgement.figure == D("-1.3")
    assert judgement.status is Status.NOT_ACHIEVED
    assert judgement.completion == D("86.67")


def test_new_enterprises_over_the_term_add_up_the_years_including_an_estimate():
    spec = TargetSpec(C.GE, 2_500, kind=Kind.CUMULATIVE, unit="doanh nghiệp")
    years = [
        Observation(value=480, period="2021"),
        Observation(value=510, period="2022"),
        Observation(value=530, period="2023"),
        Observation(value=520, period="2024", estimate=True),
    ]
    judgement = judge(spec, years)
    assert judgement.figure == 2_040
    assert judgement.completion == D("81.60")
    assert judgement.estimate is True


def test_new_jobs_count_exceeds_23_000():
    judgement = judge(TargetSpec(C.EQ, 23_000, kind=Kind.COUNT), [Observation(value=23_450)])
    assert (judgement.status, judgement.completion) == (Status.EXCEEDED, D("101.96"))


def test_budget_revenue_completion_rounds_half_up():
    # 6.250,5 ÷ 6.000 = 1,04175 → 104,18%
    spec = TargetSpec(C.GT, 6_000, unit="tỷ đồng")
    judgement = judge(spec, [Observation(value=D("6250.5"))])
    assert judgement.completion == D("104.18")


def test_a_non_cumulative_target_takes_the_latest_observation():
    spec = TargetSpec(C.GE, 100)
    judgement = judge(spec, [Observation(value=120, estimate=True), Observation(value=90)])
    assert (judgement.figure, judgement.estimate) == (90, False)


def test_an_unusable_latest_report_does_not_hide_an_earlier_figure():
    spec = TargetSpec(C.GE, 12, kind=Kind.RATIO, per=10_000)
    reports = [Observation(value=11), Observation(numerator=5, denominator=0)]
    assert judge(spec, reports).figure == 11


def test_a_term_total_skips_years_reported_without_a_figure():
    spec = TargetSpec(C.GE, 100, kind=Kind.CUMULATIVE)
    assert judge(spec, [Observation(value=40), Observation(), Observation(value=30)]).figure == 70


@pytest.mark.parametrize(
    ("spec", "actual", "status", "completion"),
    [
        # 0 traffic deaths against a target of 0: met, 100%
        (TargetSpec(C.EQ, 0, direction=LESS, kind=Kind.COUNT), 0, Status.ACHIEVED, D("100.00")),
        # 3 deaths against 0: 0 ÷ 3 = 0%
        (TargetSpec(C.EQ, 0, direction=LESS, kind=Kind.COUNT), 3, Status.NOT_ACHIEVED, D("0.00")),
        # 0 against "không quá 5": better than asked, no finite ratio
        (TargetSpec(C.LE, 5, direction=LESS), 0, Status.EXCEEDED, None),
        # more-is-better target of 0: no ratio to speak of
        (TargetSpec(C.GE, 0), 5, Status.EXCEEDED, None),
        (TargetSpec(C.GE, 0), 0, Status.ACHIEVED, D("100.00")),
        # negative growth against positive growth target: 0%
        (TargetSpec(C.GE, D("8.5"), kind=Kind.GROWTH), -2, Status.NOT_ACHIEVED, D("0.00")),
        # growth target of 0% ("không tăng trưởng âm"): status only
        (TargetSpec(C.GE, 0, kind=Kind.GROWTH), 1, Status.EXCEEDED, None),
        (TargetSpec(C.GE, 0, kind=Kind.GROWTH), -1, Status.NOT_ACHIEVED, None),
        # a growth target below zero ("giảm không quá 2%") asks no positive move
        (TargetSpec(C.GE, -2, kind=Kind.GROWTH), -1, Status.EXCEEDED, None),
        (TargetSpec(C.GE, -2, kind=Kind.GROWTH), -2, Status.ACHIEVED, D("100.00")),
        # a less-is-better level with a negative actual has no inverse ratio
        (TargetSpec(C.LE, 5, direction=LESS), -1, Status.EXCEEDED, None),
        # "~0": the band is empty, only 0 is "about 0"
        (TargetSpec(C.APPROX, 0), 0, Status.ACHIEVED, D("100.00")),
        (TargetSpec(C.APPROX, 0), D("0.01"), Status.EXCEEDED, None),
    ],
)
def test_zero_and_negative_figures_never_divide_by_zero(spec, actual, status, completion):
    judgement = judge(spec, [Observation(value=actual)])
    assert (judgement.status, judgement.completion) == (status, completion)


@pytest.mark.parametrize(
    ("spec", "observations", "rule_key"),
    [
        (TargetSpec(C.GE, 100), [], "no_data.no_observation"),
        (TargetSpec(C.GE, 100), [Observation(period="2024")], "no_data.no_figure"),
        (
            TargetSpec(C.GE, 12, kind=Kind.RATIO),
            [Observation(numerator=3, denominator=0)],
            "no_data.denominator_not_positive",
        ),
        (
            TargetSpec(C.GE, 12, kind=Kind.RATIO),
            [Observation(numerator=3, denominator=-5)],
            "no_data.denominator_not_positive",
        ),
        (TargetSpec(C.GE, 8, kind=Kind.GROWTH), [Observation(level=108)], "no_data.no_base"),
        (
            TargetSpec(C.GE, 8, kind=Kind.GROWTH, base_value=0),
            [Observation(level=108)],
            "no_data.base_not_positive",
        ),
        (TargetSpec(C.LE, -1, kind=Kind.CHANGE), [Observation(level=3)], "no_data.no_base"),
        (
            TargetSpec(C.GE, 10, kind=Kind.CUMULATIVE),
            [Observation(), Observation()],
            "no_data.no_figure",
        ),
    ],
)
def test_a_target_without_a_usable_figure_has_no_data_and_says_why(spec, observations, rule_key):
    judgement = judge(spec, observations)
    assert judgement.status is Status.NO_DATA
    assert (judgement.figure, judgement.completion, judgement.estimate) == (None, None, False)
    assert judgement.rule_key == rule_key


def test_a_change_target_may_start_from_a_base_of_zero():
    spec = TargetSpec(C.GE, 2, kind=Kind.CHANGE, base_value=0)
    assert judge(spec, [Observation(level=3)]).figure == 3
