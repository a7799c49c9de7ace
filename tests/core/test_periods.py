"""Reporting periods: codes, dates, labels in both languages, containment and order."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.core.periods import Period, PeriodKind

WORKED = [
    # code, kind, start, end, Vietnamese label, English label
    ("2024", PeriodKind.YEAR, date(2024, 1, 1), date(2024, 12, 31), "năm 2024", "2024"),
    (
        "2024-H1",
        PeriodKind.HALF,
        date(2024, 1, 1),
        date(2024, 6, 30),
        "6 tháng đầu năm 2024",
        "first half of 2024",
    ),
    (
        "2024-H2",
        PeriodKind.HALF,
        date(2024, 7, 1),
        date(2024, 12, 31),
        "6 tháng cuối năm 2024",
        "second half of 2024",
    ),
    ("2024-Q2", PeriodKind.QUARTER, date(2024, 4, 1), date(2024, 6, 30), "quý II/2024", "Q2 2024"),
    (
        "2024-Q4",
        PeriodKind.QUARTER,
        date(2024, 10, 1),
        date(2024, 12, 31),
        "quý IV/2024",
        "Q4 2024",
    ),
    (
        "2024-09",
        PeriodKind.MONTH,
        date(2024, 9, 1),
        date(2024, 9, 30),
        "tháng 9/2024",
        "September 2024",
    ),
    (
        "2024-02",
        PeriodKind.MONTH,
        date(2024, 2, 1),
        date(2024, 2, 29),
        "tháng 2/2024",
        "February 2024",
    ),
    (
        "2024-9M",
        PeriodKind.NINE_MONTHS,
        date(2024, 1, 1),
        date(2024, 9, 30),
        "9 tháng đầu năm 2024",
        "first nine months of 2024",
    ),
    (
        "2020/2025",
        PeriodKind.TERM,
        date(2020, 1, 1),
        date(2025, 12, 31),
        "nhiệm kỳ 2020–2025",
        "term 2020–2025",
    ),
]


@pytest.mark.parametrize(("code", "kind", "start", "end", "vi", "en"), WORKED)
def test_worked_examples_parse_to_their_dates_and_labels(code, kind, start, end, vi, en):
    period = Period.parse(code)
    assert period.code == code
    assert period.kind is kind
    assert (period.start, period.end) == (start, end)
    assert period.label("vi") == vi
    assert period.label("en") == en
    assert str(period) == code


def test_the_year_of_a_term_is_its_first_year_and_other_periods_their_own():
    assert Period.parse("2020/2025").year == 2020
    assert Period.parse("2024-Q3").year == 2024


def test_sloppy_but_unambiguous_codes_are_normalised():
    assert Period.parse(" 2024-h1 ").code == "2024-H1"
    assert Period.parse("2024-q2").code == "2024-Q2"
    assert Period.parse("2024-9m").code == "2024-9M"
    assert Period.parse("2020–2025").code == "2020/2025"


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("", "expected one of"),
        ("24", "expected one of"),
        ("2024-H3", "expected one of"),
        ("2024-Q5", "expected one of"),
        ("2024-13", "month must be 01 to 12"),
        ("2024-00", "month must be 01 to 12"),
        ("2024-9", "expected one of"),
        ("2025/2020", "must end after it starts"),
        ("2024/2024", "must end after it starts"),
        ("1900", "year must be"),
        ("quý II/2024", "expected one of"),
    ],
)
def test_bad_codes_are_refused_with_a_message_that_says_why(code, reason):
    with pytest.raises(ValueError, match=reason):
        Period.parse(code)


def test_a_non_string_code_is_refused():
    with pytest.raises(ValueError, match="must be a string"):
        Period.parse(2024)


def test_an_unknown_language_is_a_programming_error():
    with pytest.raises(ValueError, match="unsupported language"):
        Period.parse("2024").label("fr")


def test_a_year_contains_its_halves_quarters_months_and_nine_months():
    year = Period.parse("2024")
    for code in ("2024-H1", "2024-H2", "2024-Q3", "2024-09", "2024-9M", "2024"):
        assert year.contains(Period.parse(code)), code
    assert not year.contains(Period.parse("2025-01"))
    assert not year.contains(Period.parse("2020/2025"))


def test_a_term_contains_its_years_and_a_half_contains_only_its_own_quarters():
    assert Period.parse("2020/2025").contains(Period.parse("2023"))
    assert not Period.parse("2020/2025").contains(Period.parse("2026-Q1"))
    h1 = Period.parse("2024-H1")
    assert h1.contains(Period.parse("2024-Q2"))
    assert not h1.contains(Period.parse("2024-Q3"))
    assert not h1.contains(Period.parse("2024-9M"))


def test_periods_sort_by_end_date_with_the_shorter_first_on_the_same_day():
    codes = ["2024", "2024-H1", "2023", "2024-Q2", "2024-9M", "2024-06", "2020/2025", "2024-Q3"]
    ordered = [p.code for p in sorted(Period.parse(c) for c in codes)]
    assert ordered == [
        "2023",
        "2024-06",
        "2024-Q2",
        "2024-H1",
        "2024-Q3",
        "2024-9M",
        "2024",
        "2020/2025",
    ]


def test_equal_codes_make_equal_hashable_periods():
    assert Period.parse("2024-h1") == Period.parse("2024-H1")
    assert len({Period.parse("2024-H1"), Period.parse("2024-h1"), Period.parse("2024")}) == 2


def test_months_count_the_length_of_a_period():
    assert Period.parse("2024-H2").months == 6
    assert Period.parse("2020/2025").months == 72
    assert Period.of_year(2024) == Period.parse("2024")


def test_kinds_have_labels_for_filters():
    assert PeriodKind.QUARTER.label("vi") == "quý"
    assert PeriodKind.HALF.label("en") == "half-year"


codes = st.one_of(
    st.integers(2000, 2050).map(str),
    st.tuples(
        st.integers(2000, 2050), st.sampled_from(["H1", "H2", "Q1", "Q2", "Q3", "Q4", "9M"])
    ).map(lambda t: f"{t[0]}-{t[1]}"),
    st.tuples(st.integers(2000, 2050), st.integers(1, 12)).map(lambda t: f"{t[0]}-{t[1]:02d}"),
    st.tuples(st.integers(2000, 2045), st.integers(1, 5)).map(lambda t: f"{t[0]}/{t[0] + t[1]}"),
)


@given(codes)
def test_every_code_round_trips_and_contains_itself(code):
    period = Period.parse(code)
    assert Period.parse(period.code) == period
    assert period.start <= period.end
    assert period.contains(period)


@given(codes, codes)
def test_order_agrees_with_equality(a, b):
    first, second = Period.parse(a), Period.parse(b)
    assert (first == second) == (not first < second and not second < first)


@given(codes)
def test_a_code_starts_with_the_year_its_period_starts_in(code):
    # Selectors find the figures within a period with "code starts with one of its years".
    period = Period.parse(code)
    assert period.code.startswith(str(period.start.year))


@given(codes)
def test_the_code_of_a_period_within_another_starts_with_one_of_its_years(code):
    outer = Period.parse(code)
    years = tuple(str(year) for year in range(outer.start.year, outer.end.year + 1))
    candidates = [outer.code] + [
        f"{year}{suffix}"
        for year in range(outer.start.year - 1, outer.end.year + 2)
        for suffix in ("", "-H1", "-H2", "-Q1", "-Q4", "-9M", "-01", "-06", "-12", f"/{year + 2}")
    ]
    for inner in map(Period.parse, candidates):
        if outer.contains(inner):
            assert inner.code.startswith(years)
