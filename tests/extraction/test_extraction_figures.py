from nghiquyet.extraction import extract, extract_targets


def figures(found):
    return [(f.comparator, f.value, f.value_max, f.unit) for f in found]


def test_it_splits_a_target_list_on_semicolons_and_commas():
    found = extract(
        "Năm 2025, tỉnh phấn đấu tốc độ tăng trưởng GRDP từ 8% trở lên; thu ngân sách nội địa "
        "trên 4.200 tỷ đồng; tỷ trọng nông nghiệp chiếm gần 30%, công nghiệp - xây dựng chiếm "
        "trên 28%, dịch vụ chiếm khoảng 35%; tạo việc làm cho 18.000 lao động."
    )
    assert figures(found.targets) == [
        (">=", 8, None, "%"),
        (">", 4200, None, "tỷ đồng"),
        ("~", 30, None, "%"),
        (">", 28, None, "%"),
        ("~", 35, None, "%"),
        ("=", 18000, None, "lao động"),
    ]
    assert found.results == []
    assert found.targets[2].indicator == "tỷ trọng nông nghiệp"
    assert {f.year for f in found.targets} == {2025}


def test_it_reads_reported_results_with_their_estimates_and_growth():
    found = extract(
        "Năm 2023, tốc độ tăng trưởng kinh tế ước đạt 7,2%; GRDP bình quân đầu người ước đạt "
        "82,3 triệu đồng/người/năm; kim ngạch xuất khẩu đạt 1.250 triệu USD, tăng 12,5% so với "
        "cùng kỳ. Toàn tỉnh đón hơn 3,2 triệu lượt khách du lịch."
    )
    assert figures(found.results) == [
        ("=", 7.2, None, "%"),
        ("=", 82.3, None, "triệu đồng/người/năm"),
        ("=", 1250, None, "triệu USD"),
        ("=", 12.5, None, "%"),
        (">", 3.2, None, "triệu lượt khách"),
    ]
    assert found.targets == []


def test_a_range_target_keeps_both_bounds():
    found = extract("Năm 2024, phấn đấu tăng trưởng GRDP khoảng 9-9,5% so với năm 2023.")
    assert figures(found.targets) == [("range", 9, 9.5, "%")]


def test_a_horizon_year_marks_a_target():
    [target] = extract(
        "Chú trọng việc thực hiện mục tiêu đến năm 2030 có 15 bác sĩ/vạn dân."
    ).targets
    assert (target.value, target.unit, target.year) == (15, "bác sĩ/vạn dân", 2030)


def test_a_share_of_the_plan_is_a_result():
    [result] = extract(
        "Tổng thu ngân sách nhà nước tuy dự báo đạt 98% dự toán nhưng giảm so cùng kỳ."
    ).results
    assert (result.value, result.unit) == (98, "%")


def test_dates_ordinals_counts_of_plans_and_document_numbers_are_not_figures():
    found = extract(
        "Sáng ngày 11/7, Hội nghị lần thứ 17 thảo luận 6 nhiệm vụ trọng tâm, Nghị quyết số 45 "
        "và 3 vùng kinh tế trong 6 tháng đầu năm; có 7/24 chỉ tiêu đạt và vượt."
    )
    assert found.targets == []
    assert found.results == []


def test_pasted_targets_take_the_resolution_year():
    found = extract_targets("GRDP tăng 8,5%; thu ngân sách 6.000 tỷ đồng", year=2024)
    assert [(f.value, f.year) for f in found] == [(8.5, 2024), (6000, 2024)]


def test_words_that_merely_start_with_a_unit_are_not_units():
    found = extract(
        "Giai đoạn 2021-2025 xã hội phát triển. Hội nghị kết nối trực tuyến đến 11 điểm cầu.",
        fragment=True,
    )
    assert found.results == [] and found.targets == []


def test_percentage_points_and_multiples_are_figures():
    found = extract(
        "Năm 2023, tỷ lệ hộ nghèo giảm 1,5 điểm phần trăm; thu ngân sách tăng 1,2 lần.",
        fragment=True,
    )
    assert [(f.value, f.unit) for f in found.results] == [(1.5, "điểm phần trăm"), (1.2, "lần")]


def test_figures_listed_after_a_count_of_met_targets_are_results():
    found = extract(
        "Cập nhật: 20/12/2024\nNăm 2024, trong 27 chỉ tiêu, có 26 chỉ tiêu đạt và vượt: GRDP "
        "tăng 8,2%; thu ngân sách đạt 6.500 tỷ đồng. Năm 2025, các chỉ tiêu chủ yếu: GRDP tăng "
        "9%; thu ngân sách 7.000 tỷ đồng."
    )
    assert [f.value for f in found.results] == [8.2, 6500]
    assert [f.value for f in found.targets] == [9, 7000]


def test_a_vote_share_is_not_a_result():
    found = extract(
        "Kỳ họp thông qua 25 nghị quyết với 100% đại biểu có mặt tán thành.", fragment=True
    )
    assert found.results == []
