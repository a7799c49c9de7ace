"""What people type in the cells of a targets spreadsheet, read the Vietnamese way."""

from decimal import Decimal

import pytest

from nghiquyet.core.periods import Period
from nghiquyet.targets.excel import parse_number, parse_period, parse_target_value, period_header
from nghiquyet.targets.models import Comparator as C

NUMBERS = [
    ("6.000", "6000"),
    ("34.000", "34000"),
    ("94,95", "94.95"),
    ("1.234.567,5", "1234567.5"),
    ("8,5%", "8.5"),
    ("-1,5", "-1.5"),
    ("−2", "-2"),
    (" 23.000 ", "23000"),
    (88, "88"),
    (94.95, "94.95"),
    (Decimal("6000.0000"), "6000"),
]


@pytest.mark.parametrize("cell,expected", NUMBERS)
def test_a_number_is_read_with_dots_for_thousands_and_a_comma_for_decimals(cell, expected):
    assert parse_number(cell) == Decimal(expected)


@pytest.mark.parametrize("cell", ["6.5", "6,000.5", "sáu nghìn", "", "1.23.4", True])
def test_what_is_not_a_vietnamese_number_is_refused_rather_than_guessed(cell):
    with pytest.raises(ValueError):
        parse_number(cell)


TARGETS = [
    ("≥ 8,5", C.GE, "8.5", None),
    (">= 8,5", C.GE, "8.5", None),
    ("8,5 trở lên", C.GE, "8.5", None),
    ("từ 8,5 trở lên", C.GE, "8.5", None),
    ("trên 88", C.GT, "88", None),
    ("> 6.000", C.GT, "6000", None),
    ("dưới 1,5", C.LT, "1.5", None),
    ("không quá 2", C.LE, "2", None),
    ("tối đa 2", C.LE, "2", None),
    ("≤ 2", C.LE, "2", None),
    ("khoảng 27", C.APPROX, "27", None),
    ("≈ 27", C.APPROX, "27", None),
    ("đạt 99,7", C.EQ, "99.7", None),
    ("94,95", C.EQ, "94.95", None),
    (94.95, C.EQ, "94.95", None),
    ("từ 5 đến 6", C.RANGE, "5", "6"),
    ("5 – 6", C.RANGE, "5", "6"),
]


@pytest.mark.parametrize("cell,comparator,value,value_max", TARGETS)
def test_a_target_is_read_as_resolutions_write_it(cell, comparator, value, value_max):
    assert parse_target_value(cell) == (
        comparator,
        Decimal(value),
        Decimal(value_max) if value_max else None,
    )


PERIODS = [
    ("Năm 2024", "2024"),
    ("năm 2024", "2024"),
    ("6 tháng 2024", "2024-H1"),
    ("6 tháng đầu năm 2024", "2024-H1"),
    ("6 tháng cuối năm 2024", "2024-H2"),
    ("9 tháng đầu năm 2024", "2024-9M"),
    ("Quý II/2024", "2024-Q2"),
    ("Quý 3/2024", "2024-Q3"),
    ("Tháng 9/2024", "2024-09"),
    ("Nhiệm kỳ 2020–2025", "2020/2025"),
    ("Nhiệm kỳ 2020 - 2025", "2020/2025"),
    ("2024-Q2", "2024-Q2"),
]


@pytest.mark.parametrize("header,code", PERIODS)
def test_a_period_header_is_read_from_its_vietnamese_label(header, code):
    assert parse_period(header).code == code


@pytest.mark.parametrize("code", ["2024", "2024-H1", "2024-H2", "2024-Q2", "2024-09", "2020/2025"])
def test_every_header_the_export_writes_reads_back_as_the_same_period(code):
    period = Period.parse(code)
    assert parse_period(period_header(period)) == period
