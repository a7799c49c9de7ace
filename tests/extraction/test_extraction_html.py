"""Saved pages composed around seed-like text, with the furniture real sites put around it."""

from pathlib import Path

from nghiquyet.extraction import extract
from nghiquyet.extraction.html import read_page

PAGES = Path(__file__).parent / "pages"


def page(name):
    return (PAGES / name).read_text(encoding="utf-8")


def test_the_lead_outside_the_article_block_is_kept():
    text = read_page(page("dongthap_bch_conference.html")).text
    assert "Sáng ngày 11/7, tại hội trường Sen Hồng" in text


def test_page_metadata_gives_headline_date_and_site():
    found = read_page(page("dongthap_bch_conference.html"))
    assert found.title == "Tập trung thực hiện đạt mục tiêu tăng trưởng đề ra trong năm 2024"
    assert found.published.iso() == "2024-07-11"
    assert found.hosts == ("baodongthap.vn",)


def test_counters_share_bars_ratings_comments_and_related_stories_are_not_read():
    found = extract(page("dongthap_bch_conference.html"), document="page.html")
    assert found.results == []
    assert found.summaries == []
    assert [g.label for g in found.task_groups] == []
    assert [t.unit for t in found.targets] == ["bác sĩ/vạn dân"]


def test_a_page_reads_like_the_plain_text_of_its_article():
    found = extract(page("dongthap_bch_conference.html"))
    [meeting] = found.meetings
    assert (meeting.kind, meeting.session, meeting.date, meeting.venue) == (
        "bch",
        17,
        "2024-07-11",
        "hội trường Sen Hồng",
    )
    assert meeting.chairs == ["Lê Quốc Phong", "Phan Văn Thắng", "Phạm Thiện Nghĩa"]
    assert found.province == "Đồng Tháp"
    assert found.published == "2024-07-11"


def test_the_kicker_above_the_headline_still_gives_the_term():
    found = extract(page("laichau_bch_conference.html"))
    [meeting] = found.meetings
    assert (meeting.session, meeting.term) == (4, "XIV")
    assert found.province == "Lai Châu"
    assert found.title.startswith("Thống nhất với 7 nhóm nhiệm vụ chủ yếu trong quý II")
    assert {(g.count, g.label) for g in found.task_groups} >= {(7, "nhóm nhiệm vụ chủ yếu")}


def test_visitor_statistics_in_a_side_column_are_not_results():
    found = extract(page("laichau_bch_conference.html"))
    assert [r.unit for r in found.results] == ["%/năm"]


def test_broken_markup_gives_empty_records_not_an_error():
    assert extract("<html><body><p>", html=True).meetings == []
