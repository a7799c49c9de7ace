"""Whole articles composed for these tests in the genre of the seeds (other provinces,
bodies, years and phrasings), read end to end."""

from pathlib import Path

from nghiquyet.extraction import extract

TEXTS = Path(__file__).parent / "texts"


def read(name):
    return extract((TEXTS / name).read_text(encoding="utf-8"), document=name)


def test_a_peoples_council_closing_session():
    found = read("hdnd_year_end.txt")
    [meeting] = found.meetings
    assert (meeting.kind, meeting.session, meeting.term) == ("hdnd", 17, "XVIII")
    assert (meeting.date, meeting.duration_days) == ("2024-12-13", 3)
    assert (found.province, found.published) == ("Bắc Giang", "2024-12-14")
    assert [(r.value, r.unit) for r in found.results][:3] == [
        (13.85, "%"),
        (15029, "tỷ đồng"),
        (2.1, "%"),
    ]
    assert [(t.comparator, t.value) for t in found.targets] == [
        (">=", 14),
        ("=", 95),
        ("<", 1.5),
        ("=", 95.5),
    ]
    assert [(s.total, s.achieved) for s in found.summaries] == [(25, 24)]


def test_a_central_plenum_cited_in_passing_is_not_the_meeting():
    assert read("hdnd_year_end.txt").meetings[0].kind == "hdnd"


def test_an_older_article_with_new_style_spelling_and_a_cut_off_end():
    found = read("older_style.txt")
    [meeting] = found.meetings
    assert (meeting.kind, meeting.session, meeting.term, meeting.date) == (
        "bch",
        12,
        "XV",
        "2013-12-26",
    )
    assert meeting.chairs == ["Phạm Đức Châu"]
    assert found.province == "Quảng Trị"
    assert [(s.total, s.achieved) for s in found.summaries] == [(19, 15)]
    assert ("range", 8, 8.5) in [(t.comparator, t.value, t.value_max) for t in found.targets]
    assert {(g.count, g.label) for g in found.task_groups} == {
        (4, "nhiệm vụ trọng tâm"),
        (3, "khâu đột phá"),
    }


def test_a_peoples_committee_meeting_with_results_and_a_goal():
    found = read("ubnd_meeting.txt")
    assert found.meetings[0].kind == "ubnd"
    assert found.targets == []
    assert len(found.results) == 5
    assert [(s.total, s.achieved) for s in found.summaries] == [(32, None)]


def test_a_standing_committee_conference_with_health_targets():
    found = read("btv_conference.txt")
    assert found.meetings[0].kind == "btv"
    assert [t.unit for t in found.targets] == ["%", "bác sĩ/vạn dân", "giường bệnh/vạn dân"]
    assert {d.symbol for d in found.documents} >= {"14-KL/TW", "22-CT/TU"}


def test_a_bare_uppercase_byline_is_not_a_person():
    names = {p.name for p in read("hdnd_session.txt").people}
    assert names == {"Bùi Minh Châu"}


def test_a_session_after_the_2025_merger_with_a_list_of_presiding_officials():
    found = read("hdnd_after_merger.txt")
    [meeting] = found.meetings
    assert (meeting.kind, meeting.session, meeting.term, meeting.date) == (
        "hdnd",
        3,
        "X",
        "2025-12-09",
    )
    assert meeting.chairs == ["Nguyễn Văn Út", "Nguyễn Thành Tâm", "Huỳnh Văn Sơn"]
    assert found.title == "HĐND TỈNH TÂY NINH KHAI MẠC KỲ HỌP THỨ 3"
    assert [(s.total, s.achieved) for s in found.summaries] == [(23, 21)]
    assert [r.indicator for r in found.results][3:6] == [
        "tổng thu ngân sách nhà nước",
        "kim ngạch xuất khẩu",
        "kim ngạch xuất khẩu",
    ]
    assert {t.year for t in found.targets} == {2026}


def test_the_headline_completes_what_the_lead_leaves_out():
    found = read("bch_midyear.txt")
    [meeting] = found.meetings
    assert (meeting.session, meeting.term, meeting.date) == (16, "XV", "2023-07-19")
    assert [p.name for p in found.people] == [
        "Nguyễn Xuân Ký",
        "Cao Tường Huy",
        "Trịnh Thị Minh Thanh",
    ]
    assert {d.symbol for d in found.documents} == {"10-ĐA/TU", "25-CTr/TU", "06-NQ/TW"}
    assert [(g.count, g.label) for g in found.task_groups] == [
        (5, "nhóm nhiệm vụ, giải pháp trọng tâm")
    ]


def test_growth_and_shares_of_the_plan_take_the_indicator_before_them():
    found = read("ubnd_monthly.txt")
    assert [(r.value, r.indicator) for r in found.results] == [
        (5126, "giá trị sản xuất công nghiệp"),
        (8.3, "giá trị sản xuất công nghiệp"),
        (12400, "tổng mức bán lẻ hàng hóa"),
        (2.1, "lượt khách du lịch"),
        (230, "lượt khách du lịch"),
        (2680, "Thu ngân sách nhà nước trên địa bàn"),
        (86, "Thu ngân sách nhà nước trên địa bàn"),
    ]
    assert [(t.value, t.year) for t in found.targets] == [(3100, 2022)]


def test_a_two_day_conference_of_2014_with_ranges_in_its_targets():
    found = read("bch_year_end_2014.txt")
    [meeting] = found.meetings
    assert (meeting.session, meeting.term, meeting.date, meeting.duration_days) == (
        24,
        "IX",
        "2014-12-11",
        2,
    )
    assert [(t.comparator, t.value, t.value_max, t.unit) for t in found.targets] == [
        ("range", 13, 14, "%"),
        ("range", 40, 41, "triệu đồng"),
        ("=", 500, None, "triệu USD"),
        ("<", 3, None, "%"),
    ]
    assert found.results[0].indicator == "tổng sản phẩm trên địa bàn (GRDP) tăng"
