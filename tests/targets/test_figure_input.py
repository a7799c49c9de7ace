"""Figures are typed the way officials write them, in either language."""

from decimal import Decimal

import pytest
from django.utils import translation

from nghiquyet.targets.forms import ActualForm


def typed(value: str, language: str):
    with translation.override(language):
        form = ActualForm({"period": "2024", "value": value})
        return form.cleaned_data["value"] if form.is_valid() else None


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("34.000", Decimal("34000")),  # "34.000 tỷ đồng" is thirty-four thousand
        ("94,95", Decimal("94.95")),
        ("4.650,5", Decimal("4650.5")),
        ("-1,5", Decimal("-1.5")),
        ("8.5", Decimal("8.5")),  # a lone dot not followed by three digits stays decimal
        ("1.234.567", Decimal("1234567")),
    ],
)
def test_vietnamese_figures(text, number):
    assert typed(text, "vi") == number


@pytest.mark.parametrize(
    ("text", "number"),
    [("34,000", Decimal("34000")), ("94.95", Decimal("94.95")), ("1,234.5", Decimal("1234.5"))],
)
def test_english_figures(text, number):
    assert typed(text, "en") == number


def test_a_figure_mixing_both_conventions_is_refused():
    assert typed("1,234.5", "vi") is None
