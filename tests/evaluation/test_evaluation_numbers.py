"""Vietnamese number formatting and exact conversion, reused by reports."""

from decimal import Context, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.evaluation.numbers import format_figure, format_number, round_half_up, to_decimal


@pytest.mark.parametrize(
    ("value", "places", "vi", "en"),
    [
        (34000, None, "34.000", "34,000"),  # "34.000 tỷ đồng"
        (Decimal("94.95"), None, "94,95", "94.95"),  # "94,95%"
        (Decimal("99.7"), None, "99,7", "99.7"),
        (88, None, "88", "88"),
        (Decimal("-1.5"), None, "-1,5", "-1.5"),
        (Decimal("1234567.891"), 2, "1.234.567,89", "1,234,567.89"),
        (Decimal("102.345"), 2, "102,35", "102.35"),  # half up, as officials round
        (Decimal("0.005"), 2, "0,01", "0.01"),
        (Decimal("-0.001"), 2, "0,00", "0.00"),  # no "-0,00"
        (Decimal("41.7"), 0, "42", "42"),
        (Decimal("6E+3"), None, "6.000", "6,000"),
        (Decimal("94.50"), None, "94,50", "94.50"),  # a Decimal's own places are kept
        (8.7, None, "8,7", "8.7"),  # floats through their short form, not 8,69999…
        (1000000, 1, "1.000.000,0", "1,000,000.0"),
    ],
)
def test_format_number_writes_vietnamese_and_english_numbers(value, places, vi, en):
    assert format_number(value, places) == vi
    assert format_number(value, places, language="en") == en


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("8.333333"), "8,33"),
        (Decimal("8.70"), "8,7"),
        (Decimal("6000.00"), "6.000"),
        (Decimal("102.345"), "102,35"),
        (Decimal("0"), "0"),
        (Decimal("-3.2800"), "-3,28"),
        (Decimal("100.000000"), "100"),  # as a database returns a DECIMAL(…, 6) column
        (Decimal("0.105000"), "0,11"),
        (Decimal("999.995"), "1.000"),
        (Decimal("1E+3"), "1.000"),
        (Decimal("-0.001"), "0"),
    ],
)
def test_format_figure_quotes_a_figure_with_at_most_two_decimals(value, expected):
    assert format_figure(value) == expected


@given(
    value=st.decimals(allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12),
    places=st.integers(min_value=0, max_value=4),
    language=st.sampled_from(["vi", "en"]),
)
def test_format_figure_is_the_figure_rounded_half_up_without_trailing_zeros(
    value, places, language
):
    rounded = value if value.as_tuple().exponent >= -places else round_half_up(value, places)
    plain = rounded.normalize(Context(prec=len(rounded.as_tuple().digits) + 1))
    assert format_figure(value, language, places) == format_number(plain, language=language)


def test_format_number_refuses_an_unknown_language():
    with pytest.raises(ValueError, match="language"):
        format_number(1, language="fr")


@pytest.mark.parametrize(
    ("value", "expected"),
    [(8, Decimal(8)), (8.7, Decimal("8.7")), ("94.95", Decimal("94.95")), (Decimal("1.5"), 1.5)],
)
def test_to_decimal_accepts_ints_floats_strings_and_decimals(value, expected):
    assert to_decimal(value) == expected


@pytest.mark.parametrize(
    "value", [float("nan"), float("inf"), "abc", None, True, Decimal("1e31"), "1e-31"]
)
def test_to_decimal_refuses_what_is_not_a_finite_reportable_number(value):
    with pytest.raises(ValueError):
        to_decimal(value)


def test_round_half_up_handles_values_wider_than_the_default_precision():
    huge = Decimal("10000000000000000000000000000000000000000.125")
    assert round_half_up(huge, 2) == Decimal("10000000000000000000000000000000000000000.13")
