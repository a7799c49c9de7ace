"""Ranges and thresholds, meetings and their dates, people, documents and task groups
as other provinces' sites write them: tables of composed sentences, several phrasings
for each rule."""

import pytest

from nghiquyet.extraction import extract


def only_figure(text):
    found = extract(text, fragment=True)
    [figure] = found.targets + found.results
    return figure.comparator, figure.value, figure.value_max, figure.unit


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Thu ngân sách năm 2024 từ 4.500 tỷ đến 4.800 tỷ đồng.", ("range", 4500, 4800, "tỷ đồng")),
        ("Kim ngạch xuất khẩu đạt 1,2 tỷ - 1,5 tỷ USD.", ("range", 1.2, 1.5, "tỷ USD")),
        ("Tốc độ tăng trưởng kinh tế năm 2024 từ 8% đến 8,5%.", ("range", 8, 8.5, "%")),
        ("Thu ngân sách vượt mốc 10.000 tỷ đồng.", (">", 10000, None, "tỷ đồng")),
        ("Kim ngạch xuất khẩu vượt ngưỡng 2 tỷ USD.", (">", 2, None, "tỷ USD")),
        (
            "Lượng khách du lịch vượt qua mốc 3 triệu lượt khách.",
            (">", 3, None, "triệu lượt khách"),
        ),
        ("Thu ngân sách vượt 12% kế hoạch.", ("=", 12, None, "%")),
    ],
)
def test_ranges_with_scale_words_and_crossed_thresholds(text, expected):
    assert only_figure(text) == expected


def meeting_of(text):
    found = extract(text)
    [meeting] = found.meetings
    return found, meeting


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Khai mạc Đại hội đại biểu Đảng bộ tỉnh lần thứ XVI\n\nSáng 14/10/2025, Đại hội "
            "đại biểu Đảng bộ tỉnh lần thứ XVI, nhiệm kỳ 2025 - 2030 khai mạc trọng thể.",
            ("dai_hoi", 16, "2025-10-14"),
        ),
        (
            "Đại hội Đảng bộ tỉnh thành công tốt đẹp\n\nNgày 20/9/2020, Đại hội Đảng bộ tỉnh "
            "lần thứ XV bế mạc sau 3 ngày làm việc.",
            ("dai_hoi", 15, "2020-09-20"),
        ),
        (
            "Họp báo công bố kết quả Kỳ họp thứ 9 HĐND tỉnh\n\nChiều 12/7/2024, UBND tỉnh tổ "
            "chức họp báo thông tin kết quả kỳ họp.",
            ("other", None, "2024-07-12"),
        ),
        (
            "Hội nghị Tỉnh ủy lần thứ 15\n\nSáng 5/12/2023, Tỉnh ủy tổ chức Hội nghị. Thực hiện "
            "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XX, tỉnh đạt nhiều kết quả.",
            ("bch", 15, "2023-12-05"),
        ),
    ],
)
def test_congresses_and_press_conferences_are_meetings(text, expected):
    _, meeting = meeting_of(text)
    assert (meeting.kind, meeting.session, meeting.date) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Quang cảnh hội nghị\n\nNgày 20/7/2024, Tỉnh ủy tổ chức Hội nghị Ban Chấp hành "
            "Đảng bộ tỉnh lần thứ 22 (mở rộng), khóa XX.",
            (22, "XX", True),
        ),
        ("Sáng 3/7/2024, Kỳ họp 9 HĐND tỉnh Khóa XI khai mạc.", (9, "XI", False)),
        ("Sáng 3/7/2024, khai mạc Kỳ họp thứ mười HĐND tỉnh khóa 6.", (10, "VI", False)),
        ("Ngày 3/7/2024, HĐND tỉnh Khóa XVII tổ chức kỳ họp thứ 21.", (21, "XVII", False)),
    ],
)
def test_sessions_and_terms_however_written(text, expected):
    _, meeting = meeting_of(text)
    assert (meeting.session, meeting.term, meeting.extended) == expected


@pytest.mark.parametrize(
    "text, chairs",
    [
        (
            "Sáng 4/7/2024, HĐND tỉnh khai mạc kỳ họp thứ 18. Chủ tịch HĐND tỉnh Lê Văn Hà "
            "điều hành kỳ họp.",
            ["Lê Văn Hà"],
        ),
        (
            "Sáng 4/7/2024, UBND tỉnh tổ chức phiên họp thường kỳ tháng 6. Đồng chí Trần Văn "
            "Tâm, Chủ tịch UBND tỉnh chủ tọa phiên họp.",
            ["Trần Văn Tâm"],
        ),
        (
            "Sáng 4/7/2024, HĐND tỉnh khai mạc kỳ họp thứ 18. Bà Rmah H'Yim, Chủ tịch HĐND "
            "tỉnh điều hành phiên thảo luận.",
            ["Rmah H'Yim"],
        ),
    ],
)
def test_who_directs_the_session_presides(text, chairs):
    _, meeting = meeting_of(text)
    assert meeting.chairs == chairs


@pytest.mark.parametrize(
    "page, published, meeting_date",
    [
        (
            "Thứ Hai, 03/03/2025 08:15 GMT+7\nHĐND tỉnh bế mạc kỳ họp cuối năm\n"
            "14/12/2024 16:20\nNgày 13/12, kỳ họp thứ 20 HĐND tỉnh bế mạc.",
            "2024-12-14",
            "2024-12-13",
        ),
        (
            "Thứ Sáu, 10/01/2025 | 09:30 GMT+7\nHĐND tỉnh bế mạc kỳ họp cuối năm (21/09/2023)\n"
            "Ngày 20/9, kỳ họp thứ 12 HĐND tỉnh bế mạc.",
            "2023-09-21",
            "2023-09-20",
        ),
        (
            "Cập nhật ngày: 11/07/2024 13:13:42\nHĐND tỉnh bế mạc kỳ họp giữa năm\n"
            "Ngày 10/7, kỳ họp thứ 19 HĐND tỉnh bế mạc.",
            "2024-07-11",
            "2024-07-10",
        ),
    ],
)
def test_the_articles_date_line_not_the_page_clock_dates_it(page, published, meeting_date):
    found, meeting = meeting_of(page)
    assert (found.published, meeting.date) == (published, meeting_date)
    assert "(" not in found.title


@pytest.mark.parametrize(
    "text",
    [
        "Kỳ họp thứ 19 HĐND tỉnh diễn ra ngày 10/7. Thu ngân sách tăng 12% so với cùng kỳ "
        "năm 2023; kế hoạch năm 2024 được bàn kỹ.",
        "Ngày 10/7, khai mạc kỳ họp thứ 19 HĐND tỉnh. So với cùng kỳ năm 2023, thu ngân sách "
        "tăng 12%. Năm 2024 là năm tăng tốc.",
    ],
)
def test_a_comparison_with_last_year_does_not_move_the_meeting(text):
    meeting = extract(text, fragment=True).meetings[0]
    assert meeting.date == "2024-07-10"


@pytest.mark.parametrize(
    "text, name, position",
    [
        (
            "Ông Phạm Quốc Bảo, Phó Chủ tịch UBND tỉnh cho biết.",
            "Phạm Quốc Bảo",
            "Phó Chủ tịch UBND tỉnh",
        ),
        (
            "Bà Nguyễn Thị Hoa, Giám đốc Sở Tài chính báo cáo.",
            "Nguyễn Thị Hoa",
            "Giám đốc Sở Tài chính",
        ),
        ("Phó chủ tịch UBND tỉnh Kpă Thuyên phát biểu.", "Kpă Thuyên", "Phó chủ tịch UBND tỉnh"),
        ("Đồng chí Rmah Hlim, Chủ tịch HĐND huyện phát biểu.", "Rmah Hlim", "Chủ tịch HĐND huyện"),
        (
            "Đồng chí Y Thanh Hà Niê Kđăm, Bí thư Tỉnh ủy dự.",
            "Y Thanh Hà Niê Kđăm",
            "Bí thư Tỉnh ủy",
        ),
        ("Đồng chí Êban Y Phu, Phó Chủ tịch HĐND tỉnh dự.", "Êban Y Phu", "Phó Chủ tịch HĐND tỉnh"),
        ("Đồng chí Hồ Văn Niên, UVBCHTW, Bí thư Tỉnh ủy dự.", "Hồ Văn Niên", "UVBCHTW"),
        (
            "Đồng chí Lê Văn A, UV BTV Tỉnh ủy, Trưởng Ban Tuyên giáo phát biểu.",
            "Lê Văn A",
            "UV BTV Tỉnh ủy",
        ),
    ],
)
def test_people_as_the_highlands_and_abbreviations_write_them(text, name, position):
    people = extract(text, fragment=True).people
    assert [p.name for p in people] == [name]
    assert people[0].positions[0] == position


@pytest.mark.parametrize(
    "text",
    [
        "Đồng chí Trần Văn Bình, Trưởng Đoàn ĐBQH tỉnh phát biểu.",
        "Đại diện Đoàn ĐBQH tỉnh và Đảng ủy Khối dự hội nghị.",
    ],
)
def test_an_acronym_after_a_surname_like_word_is_no_person(text):
    names = [p.name for p in extract(text, fragment=True).people]
    assert not any(len(word) == 1 for name in names for word in name.split())


@pytest.mark.parametrize(
    "page, symbol",
    [
        (
            "Quán triệt Nghị quyết số 57-NQ/TW của Bộ Chính trị\n12/02/2025\n"
            "Sáng 11/2, hội nghị diễn ra.",
            "57-NQ/TW",
        ),
        (
            "Triển khai Chỉ thị 45-CT/TU về công tác cán bộ\n12/02/2025\n"
            "Sáng 11/2, hội nghị diễn ra.",
            "45-CT/TU",
        ),
    ],
)
def test_a_document_named_only_in_the_headline_is_found(page, symbol):
    assert [d.symbol for d in extract(page).documents] == [symbol]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Nghị quyết tập trung vào 4 nhóm lĩnh vực.", (4, "nhóm lĩnh vực")),
        ("Tỉnh ưu tiên phát triển 5 nhóm ngành trọng điểm.", (5, "nhóm ngành trọng điểm")),
        ("Kỳ họp xem xét 3 nhóm nội dung lớn.", (3, "nhóm nội dung lớn")),
        ("Đề ra 6 nhóm nhiệm vụ, giải pháp chủ yếu.", (6, "nhóm nhiệm vụ, giải pháp chủ yếu")),
    ],
)
def test_n_groups_of_a_noun_are_task_groups(text, expected):
    [group] = extract(text, fragment=True).task_groups
    assert (group.count, group.label) == expected


@pytest.mark.parametrize(
    "page, title",
    [
        (
            "Thứ 3, Ngày 16/07/2024 - 09:12\nCổng thông tin điện tử tỉnh\nKhai mạc Kỳ họp thứ 7 "
            "HĐND tỉnh\nNgày đăng: 08/07/2024 11:38\nSáng 8/7, kỳ họp khai mạc.",
            "Khai mạc Kỳ họp thứ 7 HĐND tỉnh",
        ),
        (
            "Trang thông tin điện tử Tỉnh ủy\nHội nghị Tỉnh ủy lần thứ 12 bàn nhiều nội dung\n"
            "12/05/2024\nSáng 11/5, hội nghị khai mạc.",
            "Hội nghị Tỉnh ủy lần thứ 12 bàn nhiều nội dung",
        ),
    ],
)
def test_a_sites_banner_is_not_the_headline(page, title):
    found = extract(page)
    assert found.title == title


@pytest.mark.parametrize(
    "page, expected",
    [
        (
            "Nghị quyết về kế hoạch năm 2012\nTiền Giang, ngày 15/12/2011\nHỘI ĐỒNG NHÂN DÂN "
            "TỈNH KHÓA VIII - KỲ HỌP THỨ 3\nHội đồng nhân dân tỉnh quyết nghị.",
            ("2011-12-15", "Tiền Giang", 3, "VIII"),
        ),
        (
            "Bế mạc kỳ họp cuối năm\n10/12/2025 08:10\nChiều 9/12, kỳ họp thường lệ cuối năm 2025 "
            "HĐND tỉnh Ninh Bình khoá XV bế mạc.",
            ("2025-12-10", "Ninh Bình", None, "XV"),
        ),
    ],
)
def test_a_resolutions_place_and_a_term_before_or_after_the_year(page, expected):
    found = extract(page)
    [meeting] = found.meetings
    assert (found.published, found.province, meeting.session, meeting.term) == expected


def test_a_congress_sitting_inside_its_stated_span_dates_the_congress():
    found = extract(
        "Phiên trù bị Đại hội Đảng bộ tỉnh\n23/09/2025 16:32 GMT +7\nChiều nay 23/9, tại Trung "
        "tâm Hội nghị tỉnh diễn ra phiên trù bị Đại hội đại biểu Đảng bộ tỉnh lần thứ I. Đại "
        "hội diễn ra từ ngày 22-24/9."
    )
    [meeting] = found.meetings
    assert (meeting.kind, meeting.session, meeting.date, meeting.duration_days) == (
        "dai_hoi",
        1,
        "2025-09-22",
        3,
    )


@pytest.mark.parametrize(
    "text, name",
    [
        ("Đồng chí H'Yim Kđoh, Phó chủ tịch UBND tỉnh dự.", "H'Yim Kđoh"),
        ("Chủ tịch UBND tỉnh Lữ Quang Ngời chủ trì phiên họp.", "Lữ Quang Ngời"),
        ("Đồng chí Phương Thị Thanh, Chủ tịch HĐND tỉnh chủ trì.", "Phương Thị Thanh"),
        ("Đồng chí Chẩu Văn Lâm, Bí thư Tỉnh ủy phát biểu.", "Chẩu Văn Lâm"),
    ],
)
def test_families_beyond_the_common_ones(text, name):
    assert [p.name for p in extract(text, fragment=True).people] == [name]


@pytest.mark.parametrize(
    "text, kind",
    [
        (
            "Sáng 20/11/2024, Ban Thường vụ Tỉnh ủy họp cho ý kiến các nội dung trình Hội nghị "
            "Ban Chấp hành Đảng bộ tỉnh cuối năm.",
            "btv",
        ),
        ("Sáng 20/11/2024, UBND tỉnh họp phiên thường kỳ tháng 11.", "ubnd"),
        (
            "Sáng 20/11/2024, Thường trực Tỉnh ủy họp bàn chuẩn bị cho Hội nghị Tỉnh ủy "
            "lần thứ 20.",
            "thuong_truc",
        ),
    ],
)
def test_a_body_that_meets_without_a_meeting_noun_is_the_meeting(text, kind):
    assert extract(text, fragment=True).meetings[0].kind == kind


@pytest.mark.parametrize(
    "text, comparator",
    [
        ("Phấn đấu năm 2024 giải ngân vốn đầu tư công đạt 95% kế hoạch trở lên.", ">="),
        ("Phấn đấu năm 2024 giải ngân vốn đầu tư công đạt 95% dự toán trở lên.", ">="),
        ("Phấn đấu năm 2024 giải ngân vốn đầu tư công đạt 95% trở lên.", ">="),
    ],
)
def test_a_bound_after_the_plan_word_is_read(text, comparator):
    assert only_figure(text)[0] == comparator
