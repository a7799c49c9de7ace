"""Counting a resolution's verdicts and the sentence officials write about them."""

from decimal import Decimal as D

import pytest

from nghiquyet.evaluation import (
    Comparator,
    Kind,
    Observation,
    Status,
    Summary,
    TargetSpec,
    judge,
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
        "Có 7/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 3 chỉ tiêu vượt); "
        "các chỉ tiêu còn lại đạt từ 41% trở lên."
    )


def test_a_mixed_resolution_reads_in_english():
    assert sentence("en", **MIXED) == (
        "7 of 24 targets met or exceeded the Resolution (3 exceeded); "
        "the others reached at least 41%."
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
    assert [summary.count(status) for status in Status] == [3, 4, 17, 2]


@pytest.mark.parametrize(
    ("counts", "vi", "en"),
    [
        (
            {"exceeded": 5, "achieved": 19},
            "Có 24/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 5 chỉ tiêu vượt).",
            "24 of 24 targets met or exceeded the Resolution (5 exceeded).",
        ),
        (
            {"achieved": 24},
            "Có 24/24 chỉ tiêu đạt và vượt Nghị quyết.",
            "24 of 24 targets met or exceeded the Resolution.",
        ),
        (
            {"achieved": 7, "shortfalls": [D("41.7")] * 17},
            "Có 7/24 chỉ tiêu đạt và vượt Nghị quyết; các chỉ tiêu còn lại đạt từ 41% trở lên.",
            "7 of 24 targets met or exceeded the Resolution; the others reached at least 41%.",
        ),
        (
            {"exceeded": 3, "achieved": 19, "no_data": 2},
            "Có 22/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 3 chỉ tiêu vượt); "
            "2 chỉ tiêu chưa có số liệu.",
            "22 of 24 targets met or exceeded the Resolution (3 exceeded); 2 had no data.",
        ),
        (
            {"exceeded": 3, "achieved": 4, "shortfalls": [D("41.7")] * 15, "no_data": 2},
            "Có 7/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 3 chỉ tiêu vượt); "
            "2 chỉ tiêu chưa có số liệu; các chỉ tiêu còn lại đạt từ 41% trở lên.",
            "7 of 24 targets met or exceeded the Resolution (3 exceeded); 2 had no data; "
            "the others reached at least 41%.",
        ),
        (
            {"shortfalls": [50, 60]},
            "Có 0/2 chỉ tiêu đạt và vượt Nghị quyết; các chỉ tiêu còn lại đạt từ 50% trở lên.",
            "0 of 2 targets met or exceeded the Resolution; the others reached at least 50%.",
        ),
        (
            {"no_data": 3},
            "Có 0/3 chỉ tiêu đạt và vượt Nghị quyết; 3 chỉ tiêu chưa có số liệu.",
            "0 of 3 targets met or exceeded the Resolution; 3 had no data.",
        ),
        (
            {"achieved": 1},
            "Có 1/1 chỉ tiêu đạt và vượt Nghị quyết.",
            "1 of 1 target met or exceeded the Resolution.",
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
    assert sentence(achieved=1, shortfalls=[lowest, 95]).endswith(f"đạt từ {printed}% trở lên.")


def test_a_shortfall_without_a_completion_leaves_the_percentage_out():
    zero_growth = judge(TargetSpec(Comparator.GE, 0, kind=Kind.GROWTH), [Observation(value=-1)])
    summary = summarize([*judgements(achieved=1, shortfalls=[80]), zero_growth])
    assert summary.lowest_completion is None
    assert summary_sentence(summary) == (
        "Có 1/3 chỉ tiêu đạt và vượt Nghị quyết; các chỉ tiêu còn lại chưa đạt."
    )
    assert summary_sentence(summary, language="en").endswith("; the others fell short.")


def test_the_document_can_be_named():
    summary = summarize(judgements(achieved=2))
    assert summary_sentence(summary, "Chương trình hành động") == (
        "Có 2/2 chỉ tiêu đạt và vượt Chương trình hành động."
    )
    assert summary_sentence(summary, "Action Programme", "en") == (
        "2 of 2 targets met or exceeded the Action Programme."
    )


def test_summarize_accepts_any_iterable_once():
    assert summarize(iter(judgements(achieved=2, no_data=1))).total == 3


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        sentence("fr", achieved=1)
