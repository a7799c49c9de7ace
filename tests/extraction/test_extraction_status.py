"""Target or result, and what counts as a figure: composed sentences in the ways
provincial sites write them (several phrasings of each rule)."""

import pytest

from nghiquyet.extraction import extract


def figures(text, *, published="Cập nhật: 20/12/2023"):
    found = extract(f"Bế mạc kỳ họp cuối năm của HĐND tỉnh\n{published}\n\n{text}")
    return (
        [(f.value, f.unit) for f in found.targets],
        [(f.value, f.unit) for f in found.results],
    )


@pytest.mark.parametrize(
    "text",
    [
        # A paragraph ending "… năm 2024." must not carry its cue into the next one.
        "Tỉnh đề ra mục tiêu tăng trưởng kinh tế năm 2024.\nNăm 2023, GRDP tăng 7,5%.",
        "Hội nghị thống nhất các mục tiêu đề ra cho năm 2024.\nCả năm 2023 thu ngân sách "
        "được 3.900 tỷ đồng.",
        "Phấn đấu hoàn thành các chỉ tiêu năm 2024.\nTrong năm, toàn tỉnh giải quyết việc "
        "làm cho 21.000 lao động.",
    ],
)
def test_a_target_cue_stays_in_its_own_paragraph(text):
    targets, results = figures(text)
    assert targets == [] and len(results) == 1


@pytest.mark.parametrize(
    "heading",
    [
        "Chỉ tiêu kế hoạch năm 2024",
        "II. Các chỉ tiêu chủ yếu năm 2024",
        "Mục tiêu, chỉ tiêu năm 2024:",
        "3. Phương hướng, nhiệm vụ năm 2024",
    ],
)
def test_items_under_a_target_heading_are_targets(heading):
    text = (
        "Kết quả thực hiện năm 2023\nGRDP tăng 7,2%; thu ngân sách 3.800 tỷ đồng.\n"
        f"{heading}\n- GRDP tăng 8%;\n- Thu ngân sách 4.100 tỷ đồng;\n"
        "- Tỷ lệ che phủ rừng 45%."
    )
    targets, results = figures(text)
    assert targets == [(8, "%"), (4100, "tỷ đồng"), (45, "%")]
    assert results == [(7.2, "%"), (3800, "tỷ đồng")]


@pytest.mark.parametrize(
    "text",
    [
        "Tổng vốn đầu tư toàn xã hội giai đoạn 2024 - 2025 khoảng 60.000 tỷ đồng.",
        "Thời kỳ 2024-2025, tỷ lệ đô thị hóa đạt trên 35%.",
        "Trong giai đoạn 2024–2025 tạo việc làm cho 40.000 lao động.",
    ],
)
def test_a_period_after_the_articles_year_is_a_plan(text):
    targets, results = figures(text)
    assert len(targets) == 1 and results == []


@pytest.mark.parametrize(
    "text",
    [
        "HĐND tỉnh đặt ra các chỉ tiêu kế hoạch năm 2024: thu ngân sách ước đạt 4.100 tỷ đồng;"
        " GRDP tăng khoảng 8% so với cùng kỳ.",
        "Kỳ họp thông qua các chỉ tiêu chủ yếu năm 2024: thu ngân sách ước đạt 4.100 tỷ đồng; "
        "GRDP tăng khoảng 8% so với cùng kỳ.",
        "HĐND tỉnh quyết nghị các chỉ tiêu năm 2024 như sau:\nThu ngân sách ước đạt 4.100 tỷ "
        "đồng;\nGRDP tăng khoảng 8% so với cùng kỳ.",
    ],
)
def test_an_announced_target_list_keeps_its_items_targets(text):
    targets, results = figures(text)
    assert targets == [(4100, "tỷ đồng"), (8, "%")] and results == []


def test_a_count_of_met_targets_before_a_colon_opens_results():
    targets, results = figures(
        "Có 20/22 chỉ tiêu đạt và vượt: GRDP tăng 7,1%; thu ngân sách 3.900 tỷ đồng."
    )
    assert targets == [] and results == [(7.1, "%"), (3900, "tỷ đồng")]


@pytest.mark.parametrize(
    "text",
    [
        "Kỳ họp tiến hành lấy phiếu tín nhiệm 28 người giữ chức vụ do HĐND bầu.",
        "Đồng chí Nguyễn Văn A nhận được 61 phiếu, bằng 85,92% tổng số đại biểu.",
        "HĐND tỉnh bầu bổ sung 3 người vào Ủy ban nhân dân tỉnh.",
        "Kỳ họp miễn nhiệm 2 người theo quy định.",
        "Cơn bão số 3 gây thiệt hại khoảng 1.250 tỷ đồng.",
        "Mưa lũ làm 5 người thiệt mạng, tổng thiệt hại ước 300 tỷ đồng.",
    ],
)
def test_ballots_elections_and_losses_are_no_figures(text):
    assert figures(text) == ([], [])


@pytest.mark.parametrize(
    "text, value",
    [
        ("Thu nhập bình quân đầu người đạt 60 triệu đồng (kế hoạch là 58 triệu đồng).", 60),
        ("Thu ngân sách đạt 4.200 tỷ đồng (dự toán 4.000 tỷ đồng).", 4200),
        ("Tạo việc làm cho 22.000 lao động (chỉ tiêu 20.000 lao động).", 22000),
    ],
)
def test_a_plan_quoted_as_the_yardstick_is_no_result(text, value):
    assert [v for v, _ in figures(text)[1]] == [value]


def test_a_figure_repeated_in_sapo_crosshead_and_body_is_listed_once():
    text = (
        "Năm 2023, GRDP của tỉnh tăng 7,25%, thu ngân sách đạt 3.912 tỷ đồng.\n"
        "GRDP tăng 7,25%\n"
        "Theo báo cáo, tốc độ tăng trưởng GRDP ước tăng 7,25%; thu ngân sách nhà nước trên "
        "địa bàn được 3.912 tỷ đồng; 12 xã đạt chuẩn nông thôn mới."
    )
    assert figures(text)[1] == [(7.25, "%"), (3912, "tỷ đồng"), (12, "xã")]


def test_two_indicators_with_the_same_round_share_are_both_kept():
    text = "Tỷ lệ trường đạt chuẩn quốc gia đạt 80%; tỷ lệ xã có chợ đạt 80%."
    assert figures(text)[1] == [(80, "%"), (80, "%")]


@pytest.mark.parametrize(
    "text",
    [
        "Tăng trưởng chậm, nhưng nền kinh tế vẫn thu hút 35 dự án.",
        "Dù khó khăn nhưng ngành du lịch đón 1,2 triệu lượt khách.",
        "Các chỉ tiêu như tỷ lệ hộ nghèo giảm còn 2,1%.",
    ],
)
def test_an_indicator_never_starts_inside_the_word_nhung(text):
    [result] = extract(text, fragment=True).results
    assert f" {result.indicator.split()[0]}" in f" {text}"
    assert not result.indicator.startswith("ng ")


@pytest.mark.parametrize(
    "text, value",
    [
        ("Xuất khẩu ước đạt 4,5 tỷ USD, cao hơn nhiều so với chỉ tiêu 1,765 tỷ USD.", 4.5),
        (
            "Thu ngân sách 12.221 tỷ đồng, đạt 51,8% so với nghị quyết đề ra (23.600 tỷ đồng).",
            12221,
        ),
        ("Công nghiệp tăng 6,47% (kế hoạch 9,05%).", 6.47),
    ],
)
def test_the_plan_a_result_is_measured_against_is_not_listed(text, value):
    targets, results = figures(text)
    assert targets == [] and results[0][0] == value
    assert all(v not in (1.765, 23600, 9.05) for v, _ in results)


def test_the_members_a_congress_represents_are_no_result():
    assert figures("Dự đại hội có 415 đại biểu đại diện cho trên 136.000 đảng viên.") == ([], [])


@pytest.mark.parametrize(
    "opener",
    [
        "HĐND tỉnh thông qua 12 chỉ tiêu chủ yếu năm 2024, gồm:",
        "HĐND tỉnh quyết nghị các chỉ tiêu chủ yếu năm 2024 như sau:",
        "Mục tiêu, chỉ tiêu năm 2024:",
    ],
)
def test_an_announced_list_ends_with_its_last_item(opener):
    text = (
        f"{opener}\nThu ngân sách 4.100 tỷ đồng;\nTỷ lệ lao động qua đào tạo đạt 75%.\n"
        "Năm 2023, thu ngân sách ước đạt 3.900 tỷ đồng."
    )
    assert figures(text) == ([(4100, "tỷ đồng"), (75, "%")], [(3900, "tỷ đồng")])


@pytest.mark.parametrize(
    "text",
    [
        "Kỳ họp thông qua kế hoạch đầu tư công năm 2024, trong đó tổng vốn là 9.840 tỷ đồng.",
        "Hội nghị thông qua các chỉ tiêu năm 2024, gồm tổng vốn đầu tư 9.840 tỷ đồng.",
    ],
)
def test_an_adopted_plan_opened_by_trong_do_or_gom_is_a_target(text):
    assert figures(text) == ([(9840, "tỷ đồng")], [])


def test_a_report_after_a_plan_in_the_same_sentence_gives_results():
    text = (
        "Tổng thu 6 tháng là 12.221 tỷ đồng, đạt 51,8% so với nghị quyết đề ra và tăng 2,5% "
        "so với cùng kỳ; trong đó thu nội địa 10.152 tỷ đồng."
    )
    targets, results = figures(text)
    assert targets == [] and (10152, "tỷ đồng") in results


@pytest.mark.parametrize(
    "text",
    [
        "Chủ tịch yêu cầu phấn đấu giải ngân vốn đầu tư công 6 tháng đạt trên 45% kế hoạch.",
        "Mục tiêu cả năm giải ngân vốn đầu tư công đạt 95% kế hoạch trở lên.",
    ],
)
def test_a_share_of_the_plan_inside_a_plan_is_a_target(text):
    targets, results = figures(text)
    assert len(targets) == 1 and results == []


@pytest.mark.parametrize(
    "text",
    [
        "Kỳ họp thông qua gói hỗ trợ năm 2023, trong đó kinh phí là 1.500 tỷ đồng. Trước bão, "
        "8 tháng năm 2023 thu ngân sách đạt 36.500 tỷ đồng.",
        "Kỳ họp thông qua gói hỗ trợ năm 2023, trong đó kinh phí là 1.500 tỷ đồng. 6 tháng "
        "đầu năm thu ngân sách đạt 36.500 tỷ đồng.",
    ],
)
def test_months_of_the_year_already_past_are_reported(text):
    assert figures(text) == ([(1500, "tỷ đồng")], [(36500, "tỷ đồng")])


def test_the_prose_after_a_headings_list_is_no_item_of_it():
    text = (
        "Chỉ tiêu chủ yếu giai đoạn 2024 - 2028\na) Tăng trưởng bình quân 7%/năm;\n"
        "b) Tỷ lệ lao động qua đào tạo đạt 70%.\n"
        "Trong 5 năm 2019 - 2023, tốc độ tăng trưởng kinh tế bình quân đạt 6,2%/năm."
    )
    assert figures(text) == ([(7, "%/năm"), (70, "%")], [(6.2, "%/năm")])
