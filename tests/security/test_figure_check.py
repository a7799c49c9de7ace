"""The quick test of a figure and the full one agree on every decimal, hostile ones too.

An import checks a hundred thousand figures by reading their digits
(`_stored_exactly`); anything it doubts goes to the full decimal checks, which word
the refusal. Were the quick test ever to accept what the full checks refuse, a
figure would be stored rounded: so they are compared on any sign, digits and exponent.
"""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.core.validation import (
    FIGURE_DIGITS,
    FIGURE_PLACES,
    _refuse_figure,
    _stored_exactly,
    check_figure,
)

DECIMALS = st.builds(
    lambda sign, digits, exponent: Decimal((sign, tuple(digits), exponent)),
    st.integers(0, 1),
    st.lists(st.integers(0, 9), min_size=1, max_size=22),
    st.integers(-12, 12),
) | st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])


def refused_in_full(number: Decimal, digits: int, places: int) -> bool:
    try:
        _refuse_figure(number, digits, places)
    except ValidationError:
        return True
    return False


@given(DECIMALS, st.sampled_from([(FIGURE_DIGITS, FIGURE_PLACES), (12, 2), (5, 0)]))
def test_the_quick_test_accepts_exactly_what_the_full_checks_accept(number, column):
    digits, places = column
    assert _stored_exactly(number, digits, places) == (not refused_in_full(number, digits, places))


@pytest.mark.parametrize(
    "text", ["8.49999", "0.00005", "1E+20", "1000000000000000", "1234567890123456", "NaN"]
)
def test_figures_that_would_be_changed_by_storing_are_refused(text):
    with pytest.raises(ValidationError):
        check_figure(Decimal(text))


@pytest.mark.parametrize("text", ["8.5", "8.50000", "999999999999999", "12345678901.2345", "0E-9"])
def test_figures_stored_exactly_are_returned_as_given(text):
    assert check_figure(Decimal(text)) == Decimal(text)
