"""Ways of writing met on provincial pages the engine had not been built on: composed
sentences in several phrasings for each rule (the pages are listed in SOURCES.md)."""

import pytest

from nghiquyet.extraction import extract


def quantities(figures):
    return [(f.comparator, f.value, f.value_max, f.unit) for f in figures]


@pytest.mark.parametrize(
    "text",
    [
        "Sáng 23-9, tại Ðại hội đại biểu Ðảng bộ tỉnh Hòa Bình lần thứ XVIII, các đại biểu biểu "
        "quyết thông qua Chương trình hành động.",
        "Ðại hội đại biểu Ðảng bộ tỉnh Hòa Bình lần thứ XVIII khai mạc sáng 23/9.",
    ],
)
def test_an_eth_typed_for_the_letter_d_with_stroke_reads_as_that_letter(text):
    [meeting] = extract(text, fragment=True).meetings
    assert (meeting.kind, meeting.session) == ("dai_hoi", 18)


@pytest.mark.parametrize(
    "text",
    [
        "Ban Thường vụ Tỉnh ủy gồm 13 đồng chí, trong đó tái cử là 9 đồng chí, chiếm 69,23%.",
        "Đoàn Chủ tịch Đại hội gồm 17 đồng chí; Đoàn Thư ký có 3 đồng chí.",
        "Có 04 đồng chí lần đầu tham gia Ban Chấp hành, chiếm 7,8%.",
        "Số đại biểu tham dự Hội nghị lần này có hơn 300 người.",
        "Hơn 250 người tham dự lễ khai mạc tại hội trường tỉnh.",
    ],
)
def test_members_of_a_body_and_people_attending_are_no_figures(text):
    found = extract(text, fragment=True)
    assert found.targets == [] and found.results == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Năm 2024, tăng trưởng GRDP ước thực hiện 6,1%, thấp hơn chỉ tiêu đề ra; có 15 xã "
            "đạt chuẩn nông thôn mới, vượt kế hoạch đề ra.",
            [("=", 6.1, None, "%"), ("=", 15, None, "xã")],
        ),
        (
            "Năm 2024, thu ngân sách ước đạt 3.200 tỷ đồng, vượt mục tiêu đã đề ra; Y tế: có "
            "9 trạm y tế đạt chuẩn, đạt 112%.",
            [("=", 3200, None, "tỷ đồng"), ("=", 9, None, "trạm y tế"), ("=", 112, None, "%")],
        ),
    ],
)
def test_a_plan_named_as_the_yardstick_of_a_result_sets_nothing(text, expected):
    found = extract(text, fragment=True)
    assert quantities(found.results) == expected
    assert found.targets == []


def test_a_target_list_runs_on_into_the_next_paragraph():
    found = extract(
        "Đại hội xác định các chỉ tiêu đến năm 2030, trong đó tốc độ tăng trưởng GRDP bình "
        "quân 9-9,5%/năm; kim ngạch xuất khẩu đạt 3 tỷ USD.\n\n"
        "Thu ngân sách đạt 20.000 tỷ đồng; giải quyết việc làm cho 25.000 lao động; kết nạp "
        "mới 5.000 đảng viên.",
        fragment=True,
    )
    assert found.results == []
    assert quantities(found.targets)[2:] == [
        ("=", 20000, None, "tỷ đồng"),
        ("=", 25000, None, "lao động"),
        ("=", 5000, None, "đảng viên"),
    ]


@pytest.mark.parametrize(
    "second",
    [
        "Năm 2023, thu ngân sách đạt 14.500 tỷ đồng.",
        "Nhiệm kỳ 2020 - 2025, thu ngân sách đạt 14.500 tỷ đồng.",
        "Thu ngân sách năm 2023 ước đạt 14.500 tỷ đồng.",
    ],
)
def test_a_paragraph_with_its_own_time_after_a_target_list_reports(second):
    found = extract(
        "Đại hội xác định các chỉ tiêu đến năm 2030, trong đó kim ngạch xuất khẩu đạt 3 tỷ "
        f"USD.\n\n{second}",
        fragment=True,
    )
    assert quantities(found.results) == [("=", 14500, None, "tỷ đồng")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Trong 15 nhóm chỉ tiêu cơ bản, có 8 nhóm chỉ tiêu vượt, 6 nhóm chỉ tiêu đạt, 1 "
            "chỉ tiêu chưa đạt.",
            (15, 14, 8),
        ),
        (
            "Trong 25 chỉ tiêu chủ yếu năm 2024, dự kiến có 23 chỉ tiêu đạt so với Nghị quyết "
            "HĐND tỉnh (trong đó, có 11 chỉ tiêu vượt) và 02 chỉ tiêu không đạt.",
            (25, 23, 11),
        ),
        (
            "Trong 20 chỉ tiêu kinh tế - xã hội, ước có 12 chỉ tiêu đạt, 5 chỉ tiêu vượt, 3 chỉ "
            "tiêu không đạt.",
            (20, 17, 5),
        ),
        ("Trong 27 chỉ tiêu, có 26 chỉ tiêu đạt và vượt.", (27, 26, None)),
    ],
)
def test_a_total_followed_by_counts_by_status_is_one_summary(text, expected):
    found = extract(text, fragment=True)
    assert [(s.total, s.achieved, s.exceeded) for s in found.summaries] == [expected]


def test_counts_of_a_review_are_no_task_groups_but_a_group_of_targets_is():
    found = extract(
        "Trong 15 nhóm chỉ tiêu cơ bản, có 8 nhóm chỉ tiêu vượt, 6 nhóm chỉ tiêu đạt, 1 chỉ "
        "tiêu chưa đạt.",
        fragment=True,
    )
    assert [(g.count, g.label) for g in found.task_groups] == [(15, "nhóm chỉ tiêu cơ bản")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Đại hội đề ra 5 nhiệm vụ trọng tâm, 3 nhiệm vụ đột phá và 11 công trình, dự án "
            "trọng điểm.",
            [
                (5, "nhiệm vụ trọng tâm"),
                (3, "nhiệm vụ đột phá"),
                (11, "công trình, dự án trọng điểm"),
            ],
        ),
        ("Tỉnh tập trung 6 công trình, dự án động lực.", [(6, "công trình, dự án động lực")]),
        ("Năm nay tỉnh khởi công 5 công trình, dự án mới.", []),
    ],
)
def test_works_and_projects_named_together_form_one_group_when_qualified(text, expected):
    found = extract(text, fragment=True)
    assert [(g.count, g.label) for g in found.task_groups] == expected


def people(text):
    return [(p.name, p.positions) for p in extract(text, fragment=True).people]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Chủ tịch UBND tỉnh Hà Văn Tâm, cùng các Phó Chủ tịch UBND tỉnh: Lê Minh Đức, Võ "
            "Hòa, Phạm Thanh Bình chủ trì phiên họp.",
            [
                ("Hà Văn Tâm", ["Chủ tịch UBND tỉnh"]),
                ("Lê Minh Đức", ["Phó Chủ tịch UBND tỉnh"]),
                ("Võ Hòa", ["Phó Chủ tịch UBND tỉnh"]),
                ("Phạm Thanh Bình", ["Phó Chủ tịch UBND tỉnh"]),
            ],
        ),
        (
            "Bà Trần Thị Mai, Bí thư Tỉnh ủy cùng các Phó Chủ tịch HĐND tỉnh là ông Đỗ Văn Hải "
            "và ông Lý Quốc Toàn đồng chủ trì kỳ họp.",
            [
                ("Trần Thị Mai", ["Bí thư Tỉnh ủy"]),
                ("Đỗ Văn Hải", ["Phó Chủ tịch HĐND tỉnh"]),
                ("Lý Quốc Toàn", ["Phó Chủ tịch HĐND tỉnh"]),
            ],
        ),
        (
            "Các Phó Chủ tịch UBND tỉnh gồm đồng chí Ngô Văn Sáu và đồng chí Hà Thị Lan dự họp.",
            [
                ("Ngô Văn Sáu", ["Phó Chủ tịch UBND tỉnh"]),
                ("Hà Thị Lan", ["Phó Chủ tịch UBND tỉnh"]),
            ],
        ),
    ],
)
def test_an_office_heading_a_list_of_names_is_each_ones(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Tham dự có nguyên Bí thư Tỉnh ủy, nguyên Chủ tịch HĐND tỉnh Hà Giang (cũ) "
            "Phan Văn Lộc.",
            [
                (
                    "Phan Văn Lộc",
                    ["nguyên Bí thư Tỉnh ủy", "nguyên Chủ tịch HĐND tỉnh Hà Giang (cũ)"],
                )
            ],
        ),
        (
            "Ông Lê Văn Thành, ủy viên Trung ương Đảng tái đắc cử Bí thư Tỉnh ủy.",
            [("Lê Văn Thành", ["ủy viên Trung ương Đảng"])],
        ),
        (
            "Phó Chủ tịch HĐND tỉnh Nghe Văn Sơn và Phó Chủ tịch UBND tỉnh Đậu Thị Hoa dự.",
            [
                ("Nghe Văn Sơn", ["Phó Chủ tịch HĐND tỉnh"]),
                ("Đậu Thị Hoa", ["Phó Chủ tịch UBND tỉnh"]),
            ],
        ),
        (
            "Các ông: Chá A Dình, Phó chủ tịch HĐND tỉnh; Hảng A Sử, Phó Chủ tịch UBND tỉnh.",
            [("Chá A Dình", ["Phó chủ tịch HĐND tỉnh"]), ("Hảng A Sử", ["Phó Chủ tịch UBND tỉnh"])],
        ),
    ],
)
def test_former_places_lower_case_offices_and_rarer_family_names(text, expected):
    assert people(text) == expected


@pytest.mark.parametrize(
    "date_line, published",
    [
        ("Minh Anh - Quốc Bảo 17:05, 14/10/2024", "2024-10-14"),
        ("14/10/2024 17:05    5120", "2024-10-14"),
        ("Thứ hai - 14/10/2024 17:05 96 0", "2024-10-14"),
        ("Cập nhật: 14/10/2024 17:05", "2024-10-14"),
    ],
)
def test_a_date_line_sharing_its_line_with_a_byline_or_counters_dates_the_article(
    date_line, published
):
    found = extract(
        "UBND tỉnh họp phiên thường kỳ tháng 10\n\n"
        f"{date_line}\n\n"
        "Sáng 14-10, UBND tỉnh họp phiên thường kỳ tháng 10. Đồng chí Lê Văn Nam, Chủ tịch "
        "UBND tỉnh chủ trì phiên họp."
    )
    assert found.title == "UBND tỉnh họp phiên thường kỳ tháng 10"
    assert found.published == published


def test_a_sentence_with_a_date_under_the_headline_is_no_date_line():
    found = extract(
        "UBND tỉnh họp phiên thường kỳ tháng 10\n\n"
        "Lúc 8:00 ngày 14/10/2024, UBND tỉnh họp phiên thường kỳ tháng 10 tại hội trường lớn "
        "của tỉnh để nghe báo cáo của các sở."
    )
    assert found.published is None


def meeting_of(text, **kwargs):
    [meeting] = extract(text, **kwargs).meetings
    return meeting


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Đại hội đại biểu Đảng bộ tỉnh Hậu Giang lần thứ XIV sẽ diễn ra trong 3 ngày, từ "
            "14-16/10/2020 tại Hội trường lớn UBND tỉnh.",
            ("dai_hoi", 14, "2020-10-14", 3),
        ),
        (
            "Đại hội đại biểu Đảng bộ tỉnh Hậu Giang lần thứ XIV diễn ra từ 14 - 16/10/2020.",
            ("dai_hoi", 14, "2020-10-14", 3),
        ),
        (
            "Kỳ họp thứ 12 HĐND tỉnh khóa X diễn ra từ 5 đến 7/12/2023.",
            ("hdnd", 12, "2023-12-05", 3),
        ),
    ],
)
def test_a_span_of_days_needs_no_word_for_day(text, expected):
    meeting = meeting_of(text, fragment=True)
    assert (meeting.kind, meeting.session, meeting.date, meeting.duration_days) == expected


def test_a_briefing_about_a_congress_is_not_the_committees_conference():
    meeting = meeting_of(
        "Chuẩn bị Đại hội đại biểu Đảng bộ tỉnh Hậu Giang lần thứ XIV\n\n"
        "Toàn cảnh Hội nghị\n"
        "Thông tin tại Hội nghị, ông Lê Văn Bình – Trưởng Ban Tuyên giáo Tỉnh ủy cho biết, Đại "
        "hội đại biểu Đảng bộ tỉnh lần thứ XIV sẽ diễn ra từ 14-16/10/2020 tại Hội trường "
        "lớn UBND tỉnh."
    )
    assert (meeting.kind, meeting.session, meeting.date) == ("dai_hoi", 14, "2020-10-14")


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024, HĐND tỉnh tổ chức thành công 7 kỳ họp, trong đó có 5 kỳ họp chuyên đề.",
        "Trong năm, UBND tỉnh tổ chức 12 phiên họp thường kỳ và hai hội nghị chuyên đề.",
        "Các huyện ủy rút kinh nghiệm việc tổ chức đại hội đảng bộ cơ sở từ sáng 7-4.",
        "Các cấp ủy chuẩn bị chu đáo cho đại hội Đảng bộ các cấp nhiệm kỳ 2025 - 2030.",
    ],
)
def test_counted_meetings_and_congresses_below_the_province_are_no_meeting(text):
    assert extract(text, fragment=True).meetings == []


@pytest.mark.parametrize(
    "text, level",
    [
        ("Đồng chí trình bày nghị quyết Đại hội Đảng bộ lần thứ XI, nhiệm kỳ 2020-2025.", "tinh"),
        ("Quán triệt Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI.", "tinh"),
        ("Quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng.", "tw"),
    ],
)
def test_a_congress_of_the_party_organisation_without_a_place_is_the_provinces(text, level):
    [ref] = extract(text, fragment=True).documents
    assert (ref.type, ref.level) == ("nghi_quyet_dai_hoi", level)


@pytest.mark.parametrize(
    "text, date",
    [
        (
            "Sáng 11/7, HĐND tỉnh khai mạc kỳ họp thường lệ giữa năm. Tỉnh ước tăng trưởng "
            "7,5% trong 6 tháng đầu năm 2024; quyết toán ngân sách năm 2023 được thông qua.",
            "2024-07-11",
        ),
        (
            "Sáng 8/12, HĐND tỉnh khai mạc kỳ họp thường lệ cuối năm, đánh giá năm 2024 và "
            "quyết định nhiệm vụ năm 2025.",
            "2024-12-08",
        ),
    ],
)
def test_a_mid_year_session_belongs_to_the_latest_year_it_discusses(text, date):
    assert meeting_of(text, fragment=True).date == date


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Năm 2022, tăng trưởng GRDP ước đạt 19,3%, gấp gần 2,5 lần bình quân chung cả nước.",
            [("=", 19.3, None, "%")],
        ),
        (
            "Năm 2023, tăng trưởng GRDP đạt 13,45%, gấp 2,5 lần mức bình quân của cả nước.",
            [("=", 13.45, None, "%")],
        ),
        (
            "Năm 2025, quy mô nền kinh tế tăng gấp 1,7 lần so với năm 2020.",
            [("=", 1.7, None, "lần")],
        ),
    ],
)
def test_a_multiple_of_the_national_average_is_no_figure_of_the_province(text, expected):
    found = extract(text, fragment=True)
    assert quantities(found.results) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Sáng nay, 10-11, đồng chí Lê Văn An, Chủ tịch HĐND tỉnh chủ trì kỳ họp HĐND tỉnh "
            "khóa XVI.",
            ("hdnd", None, "XVI", "--11-10"),
        ),
        (
            "Sáng nay (9/12), tại Trung tâm hội nghị tỉnh, HĐND tỉnh khóa XVII, nhiệm kỳ 2021 - "
            "2026 khai mạc trọng thể Kỳ họp thứ ba.",
            ("hdnd", 3, "XVII", "--12-09"),
        ),
        (
            "Chiều nay, 5/7, UBND tỉnh họp phiên thường kỳ tháng 6.",
            ("ubnd", None, None, "--07-05"),
        ),
    ],
)
def test_the_day_after_a_comma_and_the_body_that_opens_a_session(text, expected):
    meeting = meeting_of(text, fragment=True)
    assert (meeting.kind, meeting.session, meeting.term, meeting.date[-7:]) == expected


def test_a_bare_congress_under_a_headline_that_names_it_is_that_congress():
    meeting = meeting_of(
        "Đại hội Đảng bộ tỉnh Hòa Bình lần thứ 18: Đoàn kết, phát triển\n\n"
        "14/10/2025\n\n"
        "Tham dự Đại hội có 350 đại biểu chính thức.\n\n"
        "Đại hội diễn ra từ ngày 14-16/10 nhằm đánh giá việc thực hiện Nghị quyết nhiệm kỳ "
        "2020-2025."
    )
    assert (meeting.kind, meeting.session, meeting.date, meeting.duration_days) == (
        "dai_hoi",
        18,
        "2025-10-14",
        3,
    )


@pytest.mark.parametrize(
    "text, targets, results",
    [
        (
            "Nam Hà phấn đấu tăng trưởng năm 2025 đạt trên 10%\n\n"
            "Sáng 10/7, HĐND tỉnh khai mạc kỳ họp giữa năm.",
            [(">", 10, None, "%")],
            [],
        ),
        (
            "Tỉnh thu ngân sách 9 tháng ước gần 11.000 tỷ đồng\n\n"
            "Năm 2022, tổng thu ngân sách nhà nước 9 tháng ước đạt 10.967 tỷ đồng, tăng 30,2% "
            "so với cùng kỳ.",
            [],
            [("=", 10967, None, "tỷ đồng"), ("=", 30.2, None, "%")],
        ),
        (
            "Tăng trưởng kinh tế 6 tháng ước tăng 5,66%\n\n"
            "Năm 2024, tổng sản phẩm trên địa bàn ước tăng 5,66% so với cùng kỳ.",
            [],
            [("=", 5.66, None, "%")],
        ),
    ],
)
def test_a_figure_only_the_headline_states_is_listed_and_a_restated_one_once(
    text, targets, results
):
    found = extract(text)
    assert quantities(found.targets) == targets
    assert quantities(found.results) == results


def test_a_bare_date_above_the_headline_long_after_the_articles_years_is_a_page_clock():
    found = extract(
        "14/03/2026\n\n"
        "Tăng trưởng kinh tế 6 tháng đầu năm ước tăng 5,66%\n\n"
        "Trong 6 tháng đầu năm 2024, tổng sản phẩm ước tăng 5,66%. Thông tin được đưa ra tại "
        "phiên họp tháng 6 của UBND tỉnh diễn ra ngày 28/6."
    )
    assert found.published is None
    assert found.meetings[0].date == "2024-06-28"


def test_a_target_list_divided_by_field_keeps_its_status_under_each_part():
    found = extract(
        "Các chỉ tiêu chủ yếu:\n"
        "1. Về kinh tế:\n"
        "- Tốc độ tăng trưởng kinh tế phấn đấu từ 7% trở lên.\n"
        "- Tổng thu ngân sách nhà nước trên địa bàn đạt từ 5.200 tỷ đồng trở lên.\n"
        "2. Về xã hội:\n"
        "- Tỷ lệ hộ nghèo giảm từ 0,8% trở lên.\n"
        "- Tỷ lệ bác sỹ, giường bệnh/1 vạn dân: 12,5 bác sỹ/1 vạn dân và 40 giường bệnh/1 vạn "
        "dân.\n"
        "3. Về môi trường:\n"
        "- Tỷ lệ che phủ rừng đạt 41,5%.",
        fragment=True,
    )
    assert found.results == []
    assert quantities(found.targets) == [
        (">=", 7, None, "%"),
        (">=", 5200, None, "tỷ đồng"),
        (">=", 0.8, None, "%"),
        ("=", 12.5, None, "bác sỹ/1 vạn dân"),
        ("=", 40, None, "giường bệnh/1 vạn dân"),
        ("=", 41.5, None, "%"),
    ]


def test_beds_are_counted_as_written():
    found = extract(
        "Năm 2025, tỉnh phấn đấu số giường bệnh trên 1 vạn dân: 32,5 giường.", fragment=True
    )
    assert quantities(found.targets) == [("=", 32.5, None, "giường")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Tỉnh thông qua 25 chỉ tiêu phấn đấu năm 2024.", [(25, None)]),
        (
            "Nghị quyết có 20 chỉ tiêu chủ yếu. Trong đó, có 9 chỉ tiêu kinh tế, 8 chỉ tiêu xã "
            "hội, 3 chỉ tiêu môi trường.",
            [(20, None)],
        ),
        ("Năm 2023, tỉnh hoàn thành 15 chỉ tiêu năm 2023 đề ra.", []),
    ],
)
def test_a_count_of_targets_for_a_year_is_a_summary_but_its_breakdown_is_not(text, expected):
    found = extract(text, fragment=True)
    assert [(s.total, s.achieved) for s in found.summaries] == expected


@pytest.mark.parametrize(
    "second, expected",
    [
        (
            "Hội nghị lần thứ nhất Ban Chấp hành Đảng bộ tỉnh khóa XVIII được tổ chức vào chiều "
            "cùng ngày đã bầu Ban Thường vụ Tỉnh ủy.",
            ("bch", 1, "XVIII", "2025-09-27"),
        ),
        (
            "Chiều 28/9, Ban Chấp hành Đảng bộ tỉnh khóa XVIII đã họp Hội nghị lần thứ nhất, bầu "
            "Bí thư Tỉnh ủy.",
            ("bch", 1, "XVIII", "2025-09-28"),
        ),
    ],
)
def test_the_new_committees_first_conference_is_a_second_meeting_of_a_congress(second, expected):
    found = extract(
        "Bế mạc Đại hội Đảng bộ tỉnh Hòa Bình lần thứ XVIII\n\n27/09/2025\n\n"
        "Sáng 27/9, Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XVIII, nhiệm kỳ 2025 - 2030 "
        f"bế mạc. {second}"
    )
    congress, first = found.meetings
    assert (congress.kind, congress.session, congress.date) == ("dai_hoi", 18, "2025-09-27")
    assert (first.kind, first.session, first.term, first.date) == expected


def test_a_congress_without_its_committees_first_conference_is_one_meeting():
    found = extract(
        "Sáng 27/9, Đại hội đại biểu Đảng bộ tỉnh Hòa Bình lần thứ XVIII bế mạc. Đại hội bầu "
        "Ban Chấp hành Đảng bộ tỉnh khóa XVIII gồm 53 đồng chí.",
        fragment=True,
    )
    assert [m.kind for m in found.meetings] == ["dai_hoi"]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Phát biểu kết luận của đồng chí Trần Văn Minh, Phó Bí thư Thường trực Tỉnh ủy tại "
            "Hội nghị rút kinh nghiệm đại hội điểm cấp cơ sở, ngày 7-4-2015. Sau một buổi làm "
            "việc, Hội nghị đã hoàn thành chương trình đề ra.",
            ("other", "2015-04-07", 0.5),
        ),
        (
            "Sáng 12/3, Hội nghị sơ kết 5 năm thực hiện Chỉ thị số 05-CT/TW được tổ chức tại "
            "hội trường tỉnh.",
            ("other", "--03-12", None),
        ),
    ],
)
def test_a_dated_conference_in_the_lead_whose_body_is_unnamed_is_a_meeting(text, expected):
    meeting = meeting_of(text, fragment=True)
    assert (meeting.kind, meeting.date, meeting.duration_days) == expected


def test_an_undated_conference_named_late_in_the_article_is_no_meeting():
    found = extract(
        "Tỉnh đẩy mạnh chuyển đổi số. Nhiều mô hình mới được nhân rộng. Các xã đã hoàn thành "
        "kế hoạch. Hội nghị cũng đã nghe báo cáo tham luận của các địa phương.",
        fragment=True,
    )
    assert found.meetings == []


@pytest.mark.parametrize(
    "text, province",
    [
        ("Laocaitv.vn - 25 nhóm chỉ tiêu của năm 2024 vừa được thông qua.", "Lào Cai"),
        ("(Tuyenquangtv.vn) - Sáng 5/7, UBND tỉnh họp phiên thường kỳ tháng 7.", "Tuyên Quang"),
    ],
)
def test_a_provincial_television_site_named_in_the_text_gives_the_province(text, province):
    assert extract(text, fragment=True).province == province
