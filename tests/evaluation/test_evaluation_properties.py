"""Properties of judging that must hold for any figures, checked with hypothesis."""

import math
from decimal import Decimal

from hypothesis import assume, given
from hypothesis import strategies as st

from nghiquyet.evaluation import (
    Comparator,
    Direction,
    Kind,
    Observation,
    Status,
    TargetSpec,
    format_number,
    judge,
    summarize,
    summary_sentence,
)
from nghiquyet.evaluation.rules import is_guard

figures = st.decimals(min_value=-(10**6), max_value=10**6, places=2)
# as large and as fine as `to_decimal` lets a figure be
extremes = st.one_of(
    st.decimals(min_value=-(10**29), max_value=10**29, places=2),
    st.decimals(min_value=Decimal("-1e-5"), max_value=Decimal("1e-5"), places=29),
)
MORE, LESS = Direction.MORE_IS_BETTER, Direction.LESS_IS_BETTER


@st.composite
def specs(draw, comparators=tuple(Comparator), directions=tuple(Direction)):
    comparator = draw(st.sampled_from(comparators))
    value, other = draw(figures), draw(figures)
    value_max = None
    if comparator is Comparator.RANGE:
        value, value_max = sorted((value, other))
    return TargetSpec(
        comparator=comparator,
        value=value,
        value_max=value_max,
        direction=draw(st.sampled_from(directions)),
        kind=draw(st.sampled_from([kind for kind in Kind if kind is not Kind.MILESTONE])),
    )


def status_of(spec, actual):
    return judge(spec, [Observation(value=actual)]).status


@given(spec=specs(), actual=extremes, denominator=extremes)
def test_judging_any_figure_never_raises_and_gives_a_sane_completion(spec, actual, denominator):
    assume(denominator != 0)
    judgement = judge(spec, [Observation(value=actual)])
    assert judgement.status is not Status.NO_DATA
    assert judgement.completion is None or judgement.completion >= 0
    assert judgement.rule and judgement.explain("en")
    as_ratio = judge(spec, [Observation(numerator=actual, denominator=denominator)])
    assert as_ratio.rule and as_ratio.explain("en")


@given(
    spec=specs(comparators=[c for c in Comparator if c.sense >= 0], directions=[MORE]),
    actual=figures,
    rise=st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_raising_the_actual_of_a_more_is_better_target_never_lowers_its_status(spec, actual, rise):
    assert status_of(spec, actual + rise).rank >= status_of(spec, actual).rank


@given(
    spec=specs(comparators=[c for c in Comparator if c.sense <= 0], directions=[LESS]),
    actual=figures,
    fall=st.decimals(min_value=0, max_value=10**6, places=2),
)
def test_lowering_the_actual_of_a_less_is_better_target_never_lowers_its_status(spec, actual, fall):
    assert status_of(spec, actual - fall).rank >= status_of(spec, actual).rank


@given(spec=specs(), actual=figures)
def test_completion_agrees_with_the_status_except_inside_the_band_of_about(spec, actual):
    assume(spec.comparator is not Comparator.APPROX)
    judgement = judge(spec, [Observation(value=actual)])
    assume(judgement.completion is not None)
    if judgement.status.is_met:
        assert judgement.completion >= 100
    else:
        assert judgement.completion <= 100


#: Guards drawn directly (a ceiling on what should grow, a floor on what should fall):
#: filtering all specs down to guards discards most draws, and hypothesis gives up.
guards = st.one_of(
    specs(comparators=[c for c in Comparator if c.sense == -MORE.sign], directions=[MORE]),
    specs(comparators=[c for c in Comparator if c.sense == -LESS.sign], directions=[LESS]),
)


@given(spec=guards, actual=figures)
def test_a_guard_is_never_exceeded_and_never_beyond_100_percent(spec, actual):
    assert is_guard(spec)
    judgement = judge(spec, [Observation(value=actual)])
    assert judgement.status is not Status.EXCEEDED
    assert judgement.completion is None or judgement.completion <= 100


@given(cases=st.lists(st.tuples(specs(), st.one_of(st.none(), figures)), min_size=1, max_size=30))
def test_the_summary_counts_everything_once_and_its_percentage_is_true(cases):
    made = [
        judge(spec, [] if actual is None else [Observation(value=actual)]) for spec, actual in cases
    ]
    summary = summarize(made)
    assert summary.met + summary.not_achieved + summary.no_data == summary.total == len(made)
    text = summary_sentence(summary)
    assert text.startswith(f"Có {summary.met}/{summary.total} chỉ tiêu")
    if summary.not_achieved:
        assert f"; {summary.not_achieved} chỉ tiêu chưa đạt" in text
    assert "100% trở lên" not in text
    if summary.lowest_completion is not None and summary.lowest_completion < 100:
        printed = math.floor(summary.lowest_completion)
        assert f"đạt từ {format_number(printed)}% trở lên" in text
        shortfalls = [j.completion for j in made if j.status is Status.NOT_ACHIEVED]
        assert all(completion >= printed for completion in shortfalls)


@given(value=st.decimals(min_value=-(10**12), max_value=10**12, places=2))
def test_vietnamese_formatting_reads_back_to_the_same_number(value):
    text = format_number(value, 2)
    assert Decimal(text.replace(".", "").replace(",", ".")) == value
