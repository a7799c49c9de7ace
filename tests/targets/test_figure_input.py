"""Figures are typed the way officials write them, in either language."""

from decimal import Decimal

import pytest
from django.utils import translation

from nghiquyet.targets.forms import ActualForm
from nghiquyet.targets.models import Indicator, Kind, Target


def level_target(period: str) -> Target:
    """An unsaved target of a plain level: the form reads only its period and kind."""
    return Target(period=period, indicator=Indicator(kind=Kind.LEVEL))


def typed(value: str, language: str):
    with translation.override(language):
        form = ActualForm({"period": "2024", "value": value}, target=level_target("2024"))
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


def test_the_period_is_picked_from_the_targets_year_named_in_the_readers_language():
    with translation.override("vi"):
        choices = dict(ActualForm(target=level_target("2024")).fields["period"].choices)
    assert choices["2024-9M"] == "9 tháng đầu năm 2024"
    assert choices["2024-Q4"] == "quý IV/2024"
    assert list(choices)[-1] == "2024"
    with translation.override("en"):
        english = dict(ActualForm(target=level_target("2024")).fields["period"].choices)
    assert english["2024-Q4"] != "quý IV/2024"
    term = dict(ActualForm(target=level_target("2020/2025")).fields["period"].choices)
    assert {"2021", "2025", "2020/2025"} <= set(term)


def test_a_period_outside_the_targets_year_is_refused():
    form = ActualForm({"period": "2023", "value": "1"}, target=level_target("2024"))
    assert not form.is_valid() and "period" in form.errors
