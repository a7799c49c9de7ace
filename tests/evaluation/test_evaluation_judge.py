"""Judging a target: every comparator × direction × kind, with worked examples.

The two tables hold the worked figures; the kind tests then state every row again in
the native form of every kind (a ratio as numerator and denominator, growth as a
level against the base year, a term total as yearly figures) and expect the same.
"""

from decimal import Decimal as D
from itertools import product

import pytest

from nghiquyet.evaluation import Comparator as C
from nghiquyet.evaluation import Direction, Kind, Observation, Status, TargetSpec, judge

MORE = Direction.MORE_IS_BETTER
LESS = Direction.LESS_IS_BETTER
EX, OK, NO = Status.EXCEEDED, Status.ACHIEVED, Status.NOT_ACHIEVED

# Levels, shares, counts, ratios, term totals: actual ÷ target when more is better,
# target ÷ actual when less is better; guards are 100% when they hold.
LEVEL_CASES = [
    # "thu ngân sách 100 trở lên"
    (C.GE, MORE, D(100), None, D(110), EX, D("110.00")),
    (C.GE, MORE, D(100), None, D(100), OK, D("100.00")),
    (C.GE, MORE, D(100), None, D(90), NO, D("90.00")),
    # "GRDP bình quân đầu người trên 88 triệu đồng": 88 itself is not "trên 88"
    (C.GT, MORE, D(88), None, D(90), EX, D("102.27")),  # 90 ÷ 88 = 1,022727…
    (C.GT, MORE, D(88), None, D(88), NO, D("100.00")),
    (C.GT, MORE, D(88), None, D(80), NO, D("90.91")),  # 80 ÷ 88 = 0,909090…
    # "lạm phát không quá 4%"
    (C.LE, LESS, D(4), None, D(3), EX, D("133.33")),  # 4 ÷ 3
    (C.LE, LESS, D(4), None, D(4), OK, D("100.00")),
    (C.LE, LESS, D(4), None, D(5), NO, D("80.00")),  # 4 ÷ 5
    # "tỷ lệ hộ nghèo dưới 2%"
    (C.LT, LESS, D(2), None, D("1.6"), EX, D("125.00")),
    (C.LT, LESS, D(2), None, D(2), NO, D("100.00")),
    (C.LT, LESS, D(2), None, D("2.5"), NO, D("80.00")),
    # "tỷ lệ hộ sử dụng điện đạt 99,7%": a bare figure is a floor when more is better
    (C.EQ, MORE, D("99.7"), None, D("99.8"), EX, D("100.10")),  # 1,001003…
    (C.EQ, MORE, D("99.7"), None, D("99.7"), OK, D("100.00")),
    (C.EQ, MORE, D("99.7"), None, D("97.2"), NO, D("97.49")),  # 0,974925…
    # "số người chết do tai nạn giao thông 10 người": a ceiling when less is better
    (C.EQ, LESS, D(10), None, D(8), EX, D("125.00")),
    (C.EQ, LESS, D(10), None, D(10), OK, D("100.00")),
    (C.EQ, LESS, D(10), None, D(12), NO, D("83.33")),
    # "công nghiệp chiếm khoảng 27%": ±2% is 26,46…27,54, and inside it is the target
    # reached, 100%
    (C.APPROX, MORE, D(27), None, D(28), EX, D("103.70")),
    (C.APPROX, MORE, D(27), None, D("27.54"), OK, D("100.00")),
    (C.APPROX, MORE, D(27), None, D("26.46"), OK, D("100.00")),
    (C.APPROX, MORE, D(27), None, D(26), NO, D("96.30")),
    # "nông nghiệp chiếm gần 27%" in a restructuring economy
    (C.APPROX, LESS, D(27), None, D(26), EX, D("103.85")),  # 27 ÷ 26
    (C.APPROX, LESS, D(27), None, D("27.3"), OK, D("100.00")),  # inside the band
    (C.APPROX, LESS, D(27), None, D(28), NO, D("96.43")),  # 27 ÷ 28
    # "từ 5 đến 6": measured against the end to be reached, the lower one here
    (C.RANGE, MORE, D(5), D(6), D(7), EX, D("116.67")),
    (C.RANGE, MORE, D(5), D(6), D(6), OK, D("100.00")),
    (C.RANGE, MORE, D(5), D(6), D(5), OK, D("100.00")),
    (C.RANGE, MORE, D(5), D(6), D(4), NO, D("80.00")),
    # … and the upper one when less is better
    (C.RANGE, LESS, D(5), D(6), D(4), EX, D("125.00")),
    (C.RANGE, LESS, D(5), D(6), D("5.5"), OK, D("100.00")),
    (C.RANGE, LESS, D(5), D(6), D(6), OK, D("100.00")),
    (C.RANGE, LESS, D(5), D(6), D("7.5"), NO, D("80.00")),
    # Guards: a floor on a less-is-better share ("nông nghiệp 25% trở lên") …
    (C.GE, LESS, D(25), None, D(30), OK, D("100.00")),
    (C.GE, LESS, D(25), None, D(25), OK, D("100.00")),
    (C.GE, LESS, D(25), None, D(20), NO, D("80.00")),
    (C.GT, LESS, D(25), None, D(26), OK, D("100.00")),
    (C.GT, LESS, D(25), None, D(25), NO, D("100.00")),
    (C.GT, LESS, D(25), None, D(20), NO, D("80.00")),
    # … and a ceiling on a more-is-better one ("không quá 15")
    (C.LE, MORE, D(15), None, D(12), OK, D("100.00")),
    (C.LE, MORE, D(15), None, D(15), OK, D("100.00")),
    (C.LE, MORE, D(15), None, D(20), NO, D("75.00")),
    (C.LT, MORE, D(15), None, D(12), OK, D("100.00")),
    (C.LT, MORE, D(15), None, D(15), NO, D("100.00")),
    (C.LT, MORE, D(15), None, D(20), NO, D("75.00")),
]

# Growth and change: signed moves; completion is the move made ÷ the move asked, in
# the good direction, and never below 0%.
MOVEMENT_CASES = [
    # "GRDP tăng trưởng 8,5% trở lên"
    (C.GE, MORE, D("8.5"), None, D("8.7"), EX, D("102.35")),  # 8,7 ÷ 8,5 = 1,023529…
    (C.GE, MORE, D("8.5"), None, D("8.5"), OK, D("100.00")),
    (C.GE, MORE, D("8.5"), None, D(7), NO, D("82.35")),
    (C.GE, MORE, D("8.5"), None, D(-2), NO, D("0.00")),  # shrinking: nothing of the growth
    (C.GT, MORE, D(6), None, D("6.5"), EX, D("108.33")),
    (C.GT, MORE, D(6), None, D(6), NO, D("100.00")),
    (C.GT, MORE, D(6), None, D(3), NO, D("50.00")),
    # "tỷ lệ hộ nghèo giảm 1,5 điểm % trở lên": change ≤ -1,5
    (C.LE, LESS, D("-1.5"), None, D(-2), EX, D("133.33")),
    (C.LE, LESS, D("-1.5"), None, D("-1.5"), OK, D("100.00")),
    (C.LE, LESS, D("-1.5"), None, D("-1.2"), NO, D("80.00")),
    (C.LE, LESS, D("-1.5"), None, D("0.3"), NO, D("0.00")),  # it rose
    (C.LT, LESS, D(-1), None, D("-1.2"), EX, D("120.00")),
    (C.LT, LESS, D(-1), None, D(-1), NO, D("100.00")),
    (C.LT, LESS, D(-1), None, D("-0.5"), NO, D("50.00")),
    (C.EQ, MORE, D(7), None, D("7.7"), EX, D("110.00")),
    (C.EQ, MORE, D(7), None, D(7), OK, D("100.00")),
    (C.EQ, MORE, D(7), None, D("3.5"), NO, D("50.00")),
    (C.EQ, LESS, D(-2), None, D("-2.5"), EX, D("125.00")),
    (C.EQ, LESS, D(-2), None, D(-2), OK, D("100.00")),
    (C.EQ, LESS, D(-2), None, D(-1), NO, D("50.00")),
    # "~10": the band is ±0,2
    (C.APPROX, MORE, D(10), None, D(11), EX, D("110.00")),
    (C.APPROX, MORE, D(10), None, D("10.1"), OK, D("100.00")),
    (C.APPROX, MORE, D(10), None, D(9), NO, D("90.00")),
    # "giảm khoảng 5 điểm": the band is -5,1…-4,9
    (C.APPROX, LESS, D(-5), None, D(-6), EX, D("120.00")),
    (C.APPROX, LESS, D(-5), None, D("-4.95"), OK, D("100.00")),
    (C.APPROX, LESS, D(-5), None, D(-4), NO, D("80.00")),
    (C.RANGE, MORE, D("6.5"), D(7), D("7.5"), EX, D("107.14")),  # 7,5 ÷ 7
    (C.RANGE, MORE, D("6.5"), D(7), D("6.8"), OK, D("100.00")),
    (C.RANGE, MORE, D("6.5"), D(7), D(6), NO, D("92.31")),
    # "giảm từ 1 đến 2 điểm": [-2, -1], the end to reach is -1
    (C.RANGE, LESS, D(-2), D(-1), D(-3), EX, D("150.00")),
    (C.RANGE, LESS, D(-2), D(-1), D("-1.5"), OK, D("100.00")),
    (C.RANGE, LESS, D(-2), D(-1), D("-0.5"), NO, D("50.00")),
    # Guards: "tăng dân số 2% trở lên" on a less-is-better rate …
    (C.GE, LESS, D(2), None, D(3), OK, D("100.00")),
    (C.GE, LESS, D(2), None, D(2), OK, D("100.00")),
    (C.GE, LESS, D(2), None, D(1), NO, D("50.00")),
    (C.GT, LESS, D(2), None, D(3), OK, D("100.00")),
    (C.GT, LESS, D(2), None, D(2), NO, D("100.00")),
    (C.GT, LESS, D(2), None, D(1), NO, D("50.00")),
    # … and "tăng trưởng tín dụng không quá 15%" on a more-is-better one
    (C.LE, MORE, D(15), None, D(12), OK, D("100.00")),
    (C.LE, MORE, D(15), None, D(15), OK, D("100.00")),
    (C.LE, MORE, D(15), None, D(20), NO, D("75.00")),
    (C.LT, MORE, D(15), None, D(12), OK, D("100.00")),
    (C.LT, MORE, D(15), None, D(15), NO, D("100.00")),
    (C.LT, MORE, D(15), None, D(20), NO, D("75.00")),
]

LEVEL_KINDS = [Kind.LEVEL, Kind.SHARE, Kind.COUNT, Kind.RATIO, Kind.CUMULATIVE]
MOVEMENT_KINDS = [Kind.GROWTH, Kind.CHANGE, Kind.REDUCTION]
GROWTH_BASE = D(200)
CHANGE_BASE = D(10)
DOCTORS_PER = D(10000)


def spec_for(kind, comparator, direction, value, value_max):
    return TargetSpec(
        comparator=comparator,
        value=value,
        value_max=value_max,
        direction=direction,
        kind=kind,
        base_value={
            Kind.GROWTH: GROWTH_BASE,
            Kind.CHANGE: CHANGE_BASE,
            Kind.REDUCTION: CHANGE_BASE,
        }.get(kind),
        per=DOCTORS_PER if kind is Kind.RATIO else None,
    )


def native_observations(kind, actual):
    """The actual as an agency of that kind of indicator would report it."""
    if kind is Kind.SHARE:  # 10·a insured out of 1.000 people, per 100
        return [Observation(numerator=actual * 10, denominator=1000)]
    if kind is Kind.RATIO:  # 100·a doctors for 1.000.000 people, per 10.000
        return [Observation(numerator=actual * 100, denominator=1_000_000)]
    if kind is Kind.CUMULATIVE:  # three yearly figures adding up to a
        return [Observation(value=part) for part in (actual / 2, actual / 4, actual / 4)]
    if kind is Kind.GROWTH:  # the level reached from a base of 200
        return [Observation(level=GROWTH_BASE * (1 + actual / 100))]
    if kind is Kind.CHANGE:  # the level reached from a base of 10 points
        return [Observation(level=CHANGE_BASE + actual)]
    if kind is Kind.REDUCTION:  # the level fallen to from a base of 10 points
        return [Observation(level=CHANGE_BASE - actual)]
    return [Observation(value=actual)]


EVERY_KIND_AND_CASE = [
    *product(LEVEL_KINDS, LEVEL_CASES),
    *product(MOVEMENT_KINDS, MOVEMENT_CASES),
]


def assert_judged_as_worked(kind, case, observations):
    comparator, direction, value, value_max, actual, status, completion = case
    judgement = judge(spec_for(kind, comparator, direction, value, value_max), observations)
    assert judgement.figure == actual
    assert (judgement.status, judgement.completion) == (status, completion)
    assert judgement.rule_key == f"{comparator.code}.{direction.value}.{status.value}"


@pytest.mark.parametrize(("kind", "case"), EVERY_KIND_AND_CASE)
def test_a_figure_given_in_the_targets_own_terms_is_judged_like_the_worked_example(kind, case):
    actual = case[4]
    assert_judged_as_worked(kind, case, [Observation(value=actual)])


@pytest.mark.parametrize(("kind", "case"), EVERY_KIND_AND_CASE)
def test_every_kind_reported_in_its_own_form_is_judged_like_the_worked_example(kind, case):
    actual = case[4]
    assert_judged_as_worked(kind, case, native_observations(kind, actual))


def test_the_tables_cover_every_comparator_direction_and_kind_but_the_milestone():
    # a milestone is judged on its stage, not on a comparator (test_evaluation_shapes)
    covered = {(kind, case[0], case[1]) for kind, case in EVERY_KIND_AND_CASE}
    assert covered == set(product(set(Kind) - {Kind.MILESTONE}, C, Direction))


@pytest.mark.parametrize("cases", [LEVEL_CASES, MOVEMENT_CASES])
def test_each_comparator_and_direction_shows_every_status_it_can_give(cases):
    for comparator, direction in product(C, Direction):
        statuses = {row[5] for row in cases if row[:2] == (comparator, direction)}
        if comparator.sense == -direction.sign:  # a guard cannot be beaten
            expected = {OK, NO}
        elif comparator.strict:  # the figure itself does not satisfy "trên" or "dưới"
            expected = {EX, NO}
        else:
            expected = {EX, OK, NO}
        assert statuses == expected, (comparator, direction)
