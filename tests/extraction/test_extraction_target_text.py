"""Targets read from pasted resolution text: kind, direction, period, base and name
as officials write them, in several phrasings each."""

import pytest

from nghiquyet.extraction import read_targets


def one(text, year=2024):
    [spec] = read_targets(text, year=year)
    return spec


@pytest.mark.parametrize(
    "text, kind, direction",
    [
        ("Thu ngân sách nhà nước đạt 6.000 tỷ đồng.", "level", "more_is_better"),
        ("Tỷ lệ che phủ rừng đạt 45%.", "share", "more_is_better"),
        ("Tỷ lệ hộ nghèo giảm còn dưới 2%.", "share", "less_is_better"),
        ("Tốc độ tăng trưởng kinh tế đạt 8,5% trở lên.", "growth", "more_is_better"),
        ("Thu ngân sách tăng 10% so với năm 2020.", "growth", "more_is_better"),
        ("Tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm.", "change", "less_is_better"),
        ("Tỷ lệ đô thị hóa tăng 2% mỗi năm.", "change", "more_is_better"),
        ("Phát triển mới 2.000 doanh nghiệp.", "count", "more_is_better"),
        ("Giải quyết việc làm cho 25.000 lao động/năm.", "count", "more_is_better"),
        ("Đạt 12 bác sĩ/vạn dân.", "ratio", "more_is_better"),
        ("Có 35 giường bệnh/vạn dân.", "ratio", "more_is_better"),
        ("Thu nhập bình quân đạt 3.500 USD/người/năm.", "level", "more_is_better"),
        ("Tổng vốn đầu tư toàn xã hội 5 năm đạt 250.000 tỷ đồng.", "cumulative", "more_is_better"),
        ("Lũy kế vốn đầu tư đạt 120.000 tỷ đồng.", "cumulative", "more_is_better"),
        ("Tỷ lệ thất nghiệp ở mức dưới 3%.", "share", "less_is_better"),
    ],
)
def test_the_kind_and_direction_of_each_shape_of_target(text, kind, direction):
    spec = one(text)
    assert (spec.kind, spec.direction) == (kind, direction)


@pytest.mark.parametrize(
    "text, period",
    [
        ("Đến năm 2025, thu ngân sách đạt 6.000 tỷ đồng.", "2025"),
        ("Phấn đấu đến năm 2030: GRDP bình quân đầu người đạt 136 triệu đồng.", "2030"),
        ("Tăng trưởng bình quân 9-9,5%/năm giai đoạn 2021-2025.", "2021/2025"),
        ("Nhiệm kỳ 2020 - 2025: tổng vốn đầu tư 5 năm đạt 250.000 tỷ đồng.", "2020/2025"),
        ("Năm 2022, thu ngân sách đạt 5.000 tỷ đồng.", "2022"),
        ("Thu ngân sách đạt 6.000 tỷ đồng.", "2024"),
        ("Thu ngân sách năm 2025 tăng 10% so với năm 2020.", "2025"),
    ],
)
def test_the_period_is_read_from_the_text_before_the_forms_year(text, period):
    assert one(text).period == period


@pytest.mark.parametrize(
    "text, base",
    [
        (
            "Thu ngân sách năm 2025 tăng 10% so với năm 2020 (năm 2020 đạt 10.000 tỷ đồng).",
            (2020, 10000),
        ),
        ("Thu ngân sách năm 2025 tăng 10% so với năm 2020 (10.000 tỷ đồng).", (2020, 10000)),
        ("Giá trị xuất khẩu năm 2025 tăng 50% so với năm 2020.", (2020, None)),
    ],
)
def test_a_growth_keeps_its_base_year_and_value(text, base):
    spec = one(text)
    assert (spec.kind, spec.base_year, spec.base_value) == ("growth", *base)


@pytest.mark.parametrize(
    "text, name",
    [
        ("Đến năm 2025, thu ngân sách đạt 6.000 tỷ đồng.", "Thu ngân sách"),
        ("Phấn đấu tỷ lệ che phủ rừng đạt 45% đến năm 2025.", "Tỷ lệ che phủ rừng"),
        ("Tốc độ tăng trưởng GRDP: phấn đấu đạt 8,5% trở lên.", "Tốc độ tăng trưởng GRDP"),
        (
            "Phấn đấu đến năm 2025 thu nhập bình quân đầu người đạt 80 triệu đồng.",
            "Thu nhập bình quân đầu người",
        ),
        ("Tỷ lệ hộ nghèo giảm còn dưới 2%.", "Tỷ lệ hộ nghèo"),
    ],
)
def test_an_indicator_is_named_without_its_horizon_or_phan_dau(text, name):
    assert one(text).indicator == name


def test_the_texts_order_is_kept_and_milestones_are_read():
    text = (
        "Phấn đấu đến năm 2025:\n- Hoàn thành sắp xếp đơn vị hành chính cấp xã;\n"
        "- Tỷ lệ hộ nghèo giảm còn dưới 2%;\n- Thu ngân sách đạt 6.000 tỷ đồng;\n"
        "- Đưa cảng cạn vào hoạt động."
    )
    specs = read_targets(text, year=2024)
    assert [(s.kind, s.indicator) for s in specs] == [
        ("milestone", "Hoàn thành sắp xếp đơn vị hành chính cấp xã"),
        ("share", "Tỷ lệ hộ nghèo"),
        ("level", "Thu ngân sách"),
        ("milestone", "Đưa cảng cạn vào hoạt động"),
    ]
    assert {s.period for s in specs} == {"2025"}
    assert specs[0].value is None


def test_a_base_value_in_brackets_is_not_a_target_of_its_own():
    specs = read_targets(
        "Thu ngân sách năm 2025 tăng 10% so với năm 2020 (năm 2020 đạt 10.000 tỷ đồng)."
    )
    assert [(s.value, s.unit) for s in specs] == [(10, "%")]
