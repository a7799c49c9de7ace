"""Indexes have no unit: HDI, the Gini coefficient and ICOR are written as bare numbers,
and a resolution's targets include them ("chỉ số HDI đạt khoảng 0,75")."""

import pytest

from nghiquyet.extraction import extract
from nghiquyet.extraction.target_text import read_targets


def quantities(figures):
    return [(f.comparator, f.value, f.value_max, f.unit) for f in figures]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Phấn đấu đến năm 2030: chỉ số phát triển con người (HDI) đạt khoảng 0,75; GRDP "
            "bình quân đầu người đạt 150 triệu đồng.",
            [("~", 0.75, None, ""), ("=", 150, None, "triệu đồng")],
        ),
        (
            "Mục tiêu đến năm 2030, hệ số Gini dưới 0,35, tỷ lệ hộ nghèo giảm còn dưới 1%.",
            [("<", 0.35, None, ""), ("<", 1, None, "%")],
        ),
        (
            "Các chỉ tiêu chủ yếu giai đoạn 2026 - 2030: hệ số ICOR bình quân 5 - 5,5; "
            "tỷ lệ đô thị hóa đạt 45%.",
            [("range", 5, 5.5, ""), ("=", 45, None, "%")],
        ),
        (
            "Phấn đấu đến năm 2030, chỉ số HDI của tỉnh đạt 0,78 trở lên.",
            [(">=", 0.78, None, "")],
        ),
    ],
)
def test_an_index_without_a_unit_is_a_target(text, expected):
    found = extract(text, fragment=True)
    assert quantities(found.targets) == expected
    assert found.results == []


def test_an_index_target_names_its_index_and_its_horizon():
    found = extract(
        "Phấn đấu đến năm 2030: chỉ số phát triển con người (HDI) đạt khoảng 0,75.",
        fragment=True,
    )
    [target] = found.targets
    assert target.indicator == "chỉ số phát triển con người (HDI)"
    assert target.year == 2030


def test_an_index_reported_as_reached_is_a_result():
    found = extract(
        "Năm 2024, chỉ số phát triển con người (HDI) của tỉnh ước đạt 0,72, tăng so với năm 2020.",
        fragment=True,
    )
    assert quantities(found.results) == [("=", 0.72, None, "")]
    assert found.targets == []


@pytest.mark.parametrize(
    "text",
    [
        "Chỉ số năng lực cạnh tranh cấp tỉnh (PCI) năm 2024 xếp thứ 12.",
        "Chỉ số PCI của tỉnh xếp hạng 5, tăng so với năm trước.",
        "Phấn đấu chỉ số PAPI nằm trong nhóm 10 tỉnh dẫn đầu cả nước.",
        "Chỉ số cải cách hành chính được đánh giá cho giai đoạn 2021 - 2025.",
        "Theo Nghị quyết số 12, chỉ số hài lòng được đo hằng năm.",
        "Chỉ số hài lòng của người dân đạt 4,2/5 điểm tối đa.",
        "Tỉnh có 12 xã đạt chuẩn, 3 huyện hoàn thành nhiệm vụ.",
    ],
)
def test_ranks_years_document_numbers_and_bare_counts_are_no_index_figures(text):
    found = extract(text, fragment=True)
    assert all(f.unit for f in [*found.targets, *found.results])


def test_a_pasted_resolution_yields_its_index_target_as_a_level():
    specs = read_targets(
        "Chỉ tiêu chủ yếu đến năm 2030: tốc độ tăng trưởng kinh tế bình quân đạt 10%/năm; "
        "chỉ số phát triển con người (HDI) đạt khoảng 0,75; hệ số Gini dưới 0,35."
    )
    by_name = {spec.indicator: spec for spec in specs}
    hdi = by_name["Chỉ số phát triển con người (HDI)"]
    gini = by_name["Hệ số Gini"]
    assert (hdi.kind, hdi.unit, hdi.value) == ("level", "", 0.75)
    assert (gini.kind, gini.unit, gini.value) == ("level", "", 0.35)
    assert len(specs) == 3
