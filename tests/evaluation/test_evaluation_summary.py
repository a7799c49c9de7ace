"""Counting a resolution's verdicts and the sentence officials write about them."""

from decimal import Decimal as D

import pytest

from nghiquyet.evaluation import (
    Comparator,
    Kind,
    Observation,
    Review,
    Status,
    Summary,
    TargetSpec,
    judge,
    judge_in_year,
    judge_term,
    summarize,
    summary_sentence,
)

HUNDRED = TargetSpec(Comparator.GE, 100)


def judgements(exceeded=0, achieved=0, shortfalls=(), no_data=0, estimate=False):
    """Judgements of "100 trở lên" targets: shortfalls are the actuals of those missed."""
    actuals = [110] * exceeded + [100] * achieved + list(shortfalls)
    made = [judge(HUNDRED, [Observation(value=a, estimate=estimate)]) for a in actuals]
    return made + [judge(HUNDRED, [])] * no_data


def sentence(language="vi", **counts):
    return summary_sentence(summarize(judgements(**counts)), language=language)


MIXED = {"exceeded": 3, "achieved": 4, "shortfalls": [D("41.7"), *[90] * 16]}


def test_a_mixed_resolution_reads_as_officials_write_it():
    assert sentence(**MIXED) == (
        "Có 7/24 chỉ tiêu đạt và vượt (trong đó 3 chỉ tiêu vượt); "
        "17 chỉ tiêu chưa đạt (đạt từ 41% trở lên)."
    )


def test_a_mixed_resolution_reads_in_english():
    assert sentence("en", **MIXED) == (
        "7 of 24 targets met or exceeded (3 exceeded); 17 not met (each at least 41%)."
    )


def test_the_summary_counts_each_status_and_keeps_the_lowest_completion():
    summary = summarize(judgements(**MIXED, no_data=2, estimate=True))
    assert summary == Summary(
        total=26,
        exceeded=3,
        achieved=4,
        not_achieved=17,
        no_data=2,
        estimates=24,
        lowest_completion=D("41.70"),
    )
    assert summary.met == 7
    assert [summary.count(status) for status in Status] == [3, 4, 17, 2, 0]


@pytest.mark.parametrize(
    ("counts", "vi", "en"),
    [
        (
            {"exceeded": 5, "achieved": 19},
            "Có 24/24 chỉ tiêu đạt và vượt (trong đó 5 chỉ tiêu vượt).",
            "24 of 24 targets met or exceeded (5 exceeded).",
        ),
        (
            {"achieved": 24},
            "Có 24/24 chỉ tiêu đạt và vượt.",
            "24 of 24 targets met or exceeded.",
        ),
        (
            {"achieved": 7, "shortfalls": [D("41.7")] * 17},
            "Có 7/24 chỉ tiêu đạt và vượt; 17 chỉ tiêu chưa đạt (đạt từ 41% trở lên).",
            "7 of 24 targets met or exceeded; 17 not met (each at least 41%).",
        ),
        (
            {"exceeded": 3, "achieved": 19, "no_data": 2},
            "Có 22/24 chỉ tiêu đạt và vượt (trong đó 3 chỉ tiêu vượt); 2 chỉ tiêu chưa có số liệu.",
            "22 of 24 targets met or exceeded (3 exceeded); 2 without data.",
        ),
        (
            {"exceeded": 3, "achieved": 4, "shortfalls": [D("41.7")] * 15, "no_data": 2},
            "Có 7/24 chỉ tiêu đạt và vượt (trong đó 3 chỉ tiêu vượt); "
            "15 chỉ tiêu chưa đạt (đạt từ 41% trở lên); 2 chỉ tiêu chưa có số liệu.",
            "7 of 24 targets met or exceeded (3 exceeded); 15 not met (each at least 41%); "
            "2 without data.",
        ),
        (
            {"shortfalls": [50, 60]},
            "Có 0/2 chỉ tiêu đạt và vượt; 2 chỉ tiêu chưa đạt (đạt từ 50% trở lên).",
            "0 of 2 targets met or exceeded; 2 not met (each at least 50%).",
        ),
        (
            {"no_data": 3},
            "Có 0/3 chỉ tiêu đạt và vượt; 3 chỉ tiêu chưa có số liệu.",
            "0 of 3 targets met or exceeded; 3 without data.",
        ),
        (
            {"achieved": 1},
            "Có 1/1 chỉ tiêu đạt và vượt.",
            "1 of 1 target met or exceeded.",
        ),
        (
            {"exceeded": 15, "achieved": 10, "shortfalls": [90, 95, 98], "estimate": True},
            "Ước có 25/28 chỉ tiêu đạt và vượt (trong đó 15 chỉ tiêu vượt); "
            "3 chỉ tiêu chưa đạt (đạt từ 90% trở lên).",
            "An estimated 25 of 28 targets met or exceeded (15 exceeded); "
            "3 not met (each at least 90%).",
        ),
        ({}, "Chưa có chỉ tiêu nào để đánh giá.", "There are no targets to assess."),
    ],
)
def test_each_variant_of_the_sentence(counts, vi, en):
    assert sentence(**counts) == vi
    assert sentence("en", **counts) == en


@pytest.mark.parametrize(
    ("lowest", "printed"),
    [(D("41.99"), "41"), (D("41"), "41"), (D("41.01"), "41"), (D("0.5"), "0"), (D(-2), "0")],
)
def test_the_lowest_completion_is_floored_so_that_từ_x_trở_lên_holds(lowest, printed):
    # -2 against 100 is 0%: completion is never negative
    assert sentence(achieved=1, shortfalls=[lowest, 95]).endswith(
        f"2 chỉ tiêu chưa đạt (đạt từ {printed}% trở lên)."
    )


def test_a_shortfall_without_a_completion_leaves_the_percentage_out():
    zero_growth = judge(TargetSpec(Comparator.GE, 0, kind=Kind.GROWTH), [Observation(value=-1)])
    summary = summarize([*judgements(achieved=1, shortfalls=[80]), zero_growth])
    assert summary.lowest_completion is None
    assert summary_sentence(summary) == "Có 1/3 chỉ tiêu đạt và vượt; 2 chỉ tiêu chưa đạt."
    assert summary_sentence(summary, language="en").endswith("; 2 not met.")


def test_a_strict_ceiling_met_exactly_is_not_met_and_never_reads_đạt_từ_100_phần_trăm():
    # "dưới 1,5%" with 1,5%: chưa đạt at 100%; "đạt từ 100% trở lên" would contradict it
    below = TargetSpec(Comparator.LT, "1.5", direction="less_is_better", unit="%")
    summary = summarize([judge(below, [Observation(value="1.5")])])
    assert summary_sentence(summary) == "Có 0/1 chỉ tiêu đạt và vượt; 1 chỉ tiêu chưa đạt."


def test_ước_opens_the_sentence_only_when_an_estimate_was_used():
    official = summarize(judgements(achieved=2))
    estimated = summarize(judgements(achieved=2, estimate=True))
    assert summary_sentence(official).startswith("Có 2/2")
    assert summary_sentence(estimated).startswith("Ước có 2/2")


def test_a_mid_term_review_speaks_of_the_end_of_the_term():
    summary = summarize(judgements(exceeded=2, achieved=18, shortfalls=[70, 80]))
    assert summary_sentence(summary, review=Review.MID_TERM) == (
        "Ước đến hết nhiệm kỳ có 20/22 chỉ tiêu đạt và vượt (trong đó 2 chỉ tiêu vượt); "
        "2 chỉ tiêu chưa đạt (đạt từ 70% trở lên)."
    )


def test_a_term_target_judged_to_date_makes_the_review_a_mid_term_one():
    total = TargetSpec(Comparator.GE, 250000, kind=Kind.CUMULATIVE)
    to_date = judge_term(total, [Observation(value=60000)] * 3, elapsed=3, span=5)
    summary = summarize([to_date])
    assert summary.to_date == 1
    assert summary_sentence(summary).startswith("Ước đến hết nhiệm kỳ có 1/1")


def test_in_year_figures_of_annual_targets_are_counted_apart():
    revenue = TargetSpec(Comparator.GE, 6000)
    summary = summarize([judge_in_year(revenue, Observation(value=4518)), *judgements(achieved=1)])
    assert (summary.in_progress, summary.not_achieved) == (1, 0)
    assert summary_sentence(summary) == (
        "Có 1/2 chỉ tiêu đạt và vượt; 1 chỉ tiêu chưa hết kỳ đánh giá."
    )


def test_the_document_can_be_named():
    summary = summarize(judgements(achieved=2))
    assert summary_sentence(summary, "Nghị quyết") == "Có 2/2 chỉ tiêu đạt và vượt Nghị quyết."
    assert summary_sentence(summary, "the Action Programme", "en") == (
        "2 of 2 targets met or exceeded the Action Programme."
    )


def test_summarize_accepts_any_iterable_once():
    assert summarize(iter(judgements(achieved=2, no_data=1))).total == 3


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        sentence("fr", achieved=1)
