import pytest

from nghiquyet.extraction.comparators import comparator_for, parse_bound


@pytest.mark.parametrize(
    ("text", "comparator", "value"),
    [
        ("8,5% trở lên", ">=", 8.5),
        ("từ 41% trở lên", ">=", 41),
        ("ít nhất 12 bác sĩ/vạn dân", ">=", 12),
        ("tối thiểu 70%", ">=", 70),
        ("không dưới 8.000 tỷ đồng", ">=", 8000),
        ("trên 88 triệu đồng", ">", 88),
        ("hơn 8,5 triệu lượt khách", ">", 8.5),
        ("gần 27%", "~", 27),
        ("khoảng 3%", "~", 3),
        ("xấp xỉ 95%", "~", 95),
        ("không quá 3%", "<=", 3),
        ("tối đa 1.500 hộ", "<=", 1500),
        ("3% trở xuống", "<=", 3),
        ("dưới 2%", "<", 2),
        ("đạt 99,7%", "=", 99.7),
        ("34.000 tỷ đồng", "=", 34000),
    ],
)
def test_it_reads_the_comparator_around_a_figure(text, comparator, value):
    found = parse_bound(text)
    assert found[0] == comparator
    assert found[1].value == value


@pytest.mark.parametrize("text", ["từ 7% đến 7,5%", "khoảng 9-9,5%", "từ 8 - 8,5%"])
def test_it_reads_ranges(text):
    comparator, quantity = parse_bound(text)
    assert comparator == "range"
    assert quantity.value_max is not None


def test_not_below_is_not_below():
    assert comparator_for("không dưới ", "", False)[0] == ">="
