import pytest

from nghiquyet.extraction.numbers import (
    parse_count,
    parse_number,
    parse_number_words,
    parse_roman,
    to_roman,
)
from nghiquyet.extraction.quantities import parse_quantity, parse_ratio


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("34.000", 34000),
        ("1.234.567", 1234567),
        ("8,5", 8.5),
        ("94,95", 94.95),
        ("1.234,5", 1234.5),
        ("8.5", 8.5),
        ("520", 520),
        ("07", 7),
    ],
)
def test_it_reads_vietnamese_separators(written, value):
    assert parse_number(written) == value


def test_it_reads_thousands_dot_as_grouping():
    assert parse_number("6.000") == 6000
    assert isinstance(parse_number("6.000"), int)


@pytest.mark.parametrize("written", ["", "abc", "1,2,3", "12a", "."])
def test_it_rejects_what_is_not_a_number(written):
    assert parse_number(written) is None


@pytest.mark.parametrize(
    ("numeral", "value"), [("I", 1), ("II", 2), ("IV", 4), ("IX", 9), ("XIII", 13), ("XIV", 14)]
)
def test_it_reads_roman_numerals_of_quarters_and_terms(numeral, value):
    assert parse_roman(numeral) == value
    assert to_roman(value) == numeral


def test_it_rejects_malformed_roman_numerals():
    assert parse_roman("IIII") is None
    assert parse_roman("") is None


@pytest.mark.parametrize(
    ("words", "value"),
    [("ba", 3), ("mười", 10), ("mười hai", 12), ("hai mươi", 20), ("hai mươi mốt", 21)],
)
def test_it_reads_small_numbers_written_as_words(words, value):
    assert parse_number_words(words) == value


def test_a_count_can_be_digits_roman_or_words():
    assert [parse_count(x) for x in ("17", "XVII", "mười bảy")] == [17, 17, 17]


@pytest.mark.parametrize(
    ("text", "value", "unit", "magnitude"),
    [
        ("8,5%", 8.5, "%", 8.5),
        ("34.000 tỷ đồng", 34000, "tỷ đồng", 3.4e13),
        ("409,6 nghìn tỷ đồng", 409.6, "nghìn tỷ đồng", 4.096e14),
        ("4.750 triệu USD", 4750, "triệu USD", 4.75e9),
        ("1,5 ngày", 1.5, "ngày", 1.5),
        ("12 bác sĩ/vạn dân", 12, "bác sĩ/vạn dân", 12),
        ("75 triệu đồng/người/năm", 75, "triệu đồng/người/năm", 7.5e7),
        ("gần 5%/năm", 5, "%/năm", 5),
        ("hơn 8,5 triệu lượt khách", 8.5, "triệu lượt khách", 8.5e6),
        ("23.000 lao động", 23000, "lao động", 23000),
    ],
)
def test_it_parses_quantities_with_units_as_written(text, value, unit, magnitude):
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)
    assert quantity.magnitude == pytest.approx(magnitude)


def test_money_has_a_base_unit_for_comparison():
    assert parse_quantity("6.000 tỷ đồng").base_unit == "đồng"
    assert parse_quantity("4.750 triệu USD").base_unit == "USD"


def test_it_reads_a_range_with_its_upper_bound():
    quantity = parse_quantity("khoảng 9-9,5%")
    assert (quantity.value, quantity.value_max, quantity.unit) == (9, 9.5, "%")


def test_it_reads_a_ratio_of_targets():
    assert parse_ratio("có 7/24 chỉ tiêu") == (7, 24)
    assert parse_ratio("26/27") == (26, 27)
    assert parse_ratio("30/12") is None


def test_a_bare_number_is_not_a_quantity():
    assert parse_quantity("Nghị quyết số 45") is None


def test_the_first_session_is_numbered_in_words_too():
    assert parse_count("nhất") == 1
    assert parse_count("Mười bốn") == 14
