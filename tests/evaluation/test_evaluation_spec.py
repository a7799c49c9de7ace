"""Targets and observations as plain values, and the labels the interface shows."""

from decimal import Decimal

import pytest

from nghiquyet.evaluation import Comparator, Direction, Kind, Observation, Status, TargetSpec
from nghiquyet.evaluation.spec import COMPARATOR_LABELS, DIRECTION_LABELS, KIND_LABELS
from nghiquyet.evaluation.status import STATUS_LABELS


@pytest.mark.parametrize(
    ("status", "code", "vi", "en"),
    [
        (Status.EXCEEDED, "exceeded", "vượt", "exceeded"),
        (Status.ACHIEVED, "achieved", "đạt", "achieved"),
        (Status.NOT_ACHIEVED, "not_achieved", "chưa đạt", "not achieved"),
        (Status.NO_DATA, "no_data", "chưa có số liệu", "no data"),
    ],
)
def test_each_status_has_a_stable_code_and_labels_in_both_languages(status, code, vi, en):
    assert status.value == code
    assert Status(code) is status
    assert status.label("vi") == vi
    assert status.label() == vi
    assert status.label("en") == en


def test_a_label_in_an_unknown_language_is_refused():
    with pytest.raises(ValueError, match="language"):
        Status.ACHIEVED.label("fr")


@pytest.mark.parametrize(
    "labels", [STATUS_LABELS, COMPARATOR_LABELS, DIRECTION_LABELS, KIND_LABELS]
)
def test_every_label_table_covers_both_languages_alike(labels):
    assert set(labels) == {"vi", "en"}
    assert set(labels["vi"]) == set(labels["en"])


def test_every_comparator_kind_and_direction_has_labels():
    assert set(COMPARATOR_LABELS["vi"]) == set(Comparator)
    assert set(KIND_LABELS["vi"]) == set(Kind)
    assert set(DIRECTION_LABELS["vi"]) == set(Direction)


@pytest.mark.parametrize(
    ("comparator", "vi", "en"),
    [(Comparator.GE, "trở lên", "at least"), (Comparator.APPROX, "khoảng", "about")],
)
def test_a_comparator_reads_as_the_resolution_words_it(comparator, vi, en):
    assert (comparator.label(), comparator.label("en")) == (vi, en)


def test_met_statuses_are_exceeded_and_achieved():
    assert [status for status in Status if status.is_met] == [Status.EXCEEDED, Status.ACHIEVED]


def test_a_spec_stores_every_number_as_decimal():
    spec = TargetSpec(comparator=">=", value=8.5, kind="growth", base_value=100, unit="%")
    assert spec.value == Decimal("8.5") and isinstance(spec.value, Decimal)
    assert spec.base_value == Decimal(100)
    assert spec.comparator is Comparator.GE
    assert spec.kind is Kind.GROWTH


@pytest.mark.parametrize(
    ("kind", "per", "expected"),
    [(Kind.SHARE, None, 100), (Kind.RATIO, None, 1), (Kind.RATIO, 10000, 10000)],
)
def test_per_defaults_to_100_for_shares_and_1_otherwise(kind, per, expected):
    assert TargetSpec(Comparator.GE, 1, kind=kind, per=per).per == expected


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        ({"comparator": Comparator.RANGE, "value": 5}, "value_max"),
        ({"comparator": Comparator.RANGE, "value": 5, "value_max": 4}, "below"),
        ({"comparator": Comparator.GE, "value": 5, "value_max": 6}, "range"),
        ({"comparator": Comparator.APPROX, "value": 5, "tolerance": -1}, "tolerance"),
        ({"comparator": Comparator.GE, "value": 5, "per": 0}, "per"),
        ({"comparator": "≥", "value": 5}, "Comparator"),
        ({"comparator": Comparator.GE, "value": float("nan")}, "finite"),
    ],
)
def test_a_spec_no_report_could_mean_is_refused(arguments, message):
    with pytest.raises(ValueError, match=message):
        TargetSpec(**arguments)


@pytest.mark.parametrize(
    "arguments",
    [
        {"numerator": 1},
        {"denominator": 1},
        {"value": 1, "level": 2},
        {"value": 1, "numerator": 1, "denominator": 2},
    ],
)
def test_an_observation_takes_exactly_one_form_of_figure(arguments):
    with pytest.raises(ValueError):
        Observation(**arguments)


def test_an_observation_without_any_figure_is_allowed_and_means_no_data():
    assert Observation(period="2024").value is None
