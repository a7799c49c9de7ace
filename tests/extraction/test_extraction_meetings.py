from nghiquyet.extraction import extract


def meeting(text):
    [found] = extract(text).meetings
    return found


def test_it_reads_an_executive_committee_conference():
    found = meeting(
        "Bế mạc Hội nghị Tỉnh ủy\n"
        "Sáng ngày 20/12/2023, tại Hội trường Tỉnh ủy, Ban Chấp hành Đảng bộ tỉnh Hà Giang khóa "
        "XVII tổ chức Hội nghị lần thứ 21 (mở rộng). Đồng chí Đặng Quốc Khánh - Bí thư Tỉnh ủy "
        "chủ trì hội nghị. Hội nghị diễn ra trong 2 ngày."
    )
    assert (found.kind, found.session, found.term, found.extended) == ("bch", 21, "XVII", True)
    assert (found.date, found.venue, found.duration_days) == (
        "2023-12-20",
        "Hội trường Tỉnh ủy",
        2,
    )
    assert found.chairs == ["Đặng Quốc Khánh"]


def test_it_reads_a_peoples_council_session_with_a_dotted_date():
    found = meeting(
        "Khai mạc kỳ họp HĐND tỉnh\nThứ Ba, 05/12/2023\n"
        "Sáng 5.12, HĐND tỉnh Phú Thọ khóa XIX, nhiệm kỳ 2021 - 2026 khai mạc Kỳ họp thứ 20. "
        "Chủ tịch HĐND tỉnh Bùi Minh Châu chủ trì kỳ họp."
    )
    assert (found.kind, found.session, found.term, found.date) == ("hdnd", 20, "XIX", "2023-12-05")


def test_it_reads_a_peoples_committee_meeting_spanning_days():
    found = meeting(
        "Phiên họp UBND tỉnh tháng 11\n"
        "Từ ngày 8-11/12, UBND tỉnh tổ chức phiên họp thường kỳ tháng 11 năm 2022."
    )
    assert (found.kind, found.date, found.duration_days) == ("ubnd", "2022-12-08", 4)


def test_a_standing_committee_meeting_is_not_an_executive_committee_one():
    found = meeting(
        "Ban Thường vụ Tỉnh ủy họp cho ý kiến\n"
        "Chiều 28/3/2024, Ban Thường vụ Tỉnh ủy Nghệ An tổ chức hội nghị cho ý kiến."
    )
    assert found.kind == "btv"


def test_participants_are_not_the_body_that_meets():
    found = meeting(
        "Thường trực Tỉnh ủy cho ý kiến về dự thảo báo cáo\n"
        "Sáng ngày 27/6, Phó Bí thư Tỉnh ủy Lâm Minh Đằng chủ trì cuộc họp với các thành viên "
        "Ban Thường vụ Tỉnh ủy."
    )
    assert (found.kind, found.date, found.chairs) == ("thuong_truc", "--06-27", ["Lâm Minh Đằng"])


def test_half_days_and_words_give_durations():
    assert (
        meeting("Sau 1 buổi làm việc, Hội nghị Tỉnh ủy lần thứ 14 đã bế mạc.").duration_days == 0.5
    )
    assert meeting("Sau một ngày rưỡi làm việc, Hội nghị Tỉnh ủy đã bế mạc.").duration_days == 1.5


def test_an_article_without_a_meeting_has_none():
    text = "Tỉnh Bắc Ninh: năm 2023 thu ngân sách đạt 33.000 tỷ đồng, tăng 5% so với cùng kỳ."
    assert extract(text).meetings == []
