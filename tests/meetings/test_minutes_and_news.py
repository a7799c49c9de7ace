"""Minutes and the news summary come from the records, as HTML and DOCX."""

import datetime as dt
import re
from io import BytesIO

import pytest
from django.conf import settings
from docx import Document as Docx

from nghiquyet.meetings.news import news_paragraphs
from nghiquyet.meetings.record import meeting_record
from nghiquyet.meetings.services import (
    comment_add,
    draft_adopt,
    meeting_close,
    meeting_create,
    participant_attendance_set,
    vote_record,
)
from nghiquyet.targets.models import Indicator, Target

pytestmark = pytest.mark.django_db

CONCLUSION = "Toàn tỉnh tiếp tục tập trung thực hiện đạt mục tiêu tăng trưởng đề ra trong năm 2024."


@pytest.fixture
def held(meeting, item, draft, office, reporter, dongthap):
    for participant in meeting.participants.all():
        participant_attendance_set(user=office, participant=participant, attendance="present")
    comment_add(user=reporter, draft=draft, text="Bổ sung giải pháp cải thiện chỉ số PAPI.")
    wrong = vote_record(
        user=office, agenda_item=item, present=45, in_favour=4, against=0, abstain=1
    )
    vote_record(
        user=office,
        agenda_item=item,
        present=45,
        in_favour=44,
        against=0,
        abstain=1,
        corrects=wrong,
        reason="Nhập thiếu một chữ số",
    )
    document = draft_adopt(user=office, draft=draft, symbol="18-CTr/TU")
    indicator = Indicator.objects.create(name="Số bác sĩ trên vạn dân", unit="bác sĩ/vạn dân")
    Target.objects.create(
        document=document,
        place=dongthap.province,
        indicator=indicator,
        value=12,
        unit="bác sĩ/vạn dân",
        period="2030",
        source_text="đến năm 2030 có 12 bác sĩ/vạn dân",
    )
    meeting_close(
        user=office, meeting=meeting, conclusion=CONCLUSION, chair=meeting.participants.first()
    )
    return meeting


def test_the_news_reads_like_the_seed_article(held):
    text = "\n".join(news_paragraphs(meeting_record(meeting=held)))
    assert text.startswith("Ngày 11/7/2024, tại hội trường Sen Hồng,")
    assert "Hội nghị Ban Chấp hành Đảng bộ tỉnh Đồng Tháp lần thứ 17" in text
    assert "Lê Quốc Phong - Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy" in text
    assert "chủ trì hội nghị" in text
    assert "Vụ địa phương III - Ban Tổ chức Trung ương" in text
    assert "18-CTr/TU" in text
    assert "đến năm 2030 có 12 bác sĩ/vạn dân" in text
    assert CONCLUSION in text
    assert text.endswith("diễn ra trong 1 ngày.")


def test_the_minutes_count_only_the_corrected_vote(held):
    record = meeting_record(meeting=held)
    assert record.items[0].vote.in_favour == 44
    assert record.items[0].comments == 1
    assert record.attendance.present == 6


def test_the_minutes_page_and_docx(held, leader, client_for):
    client = client_for(leader)
    page = client.get(f"/meetings/{held.pk}/minutes/")
    assert page.status_code == 200
    assert "tán thành 44 (88% tổng số thành viên)" in page.text
    docx = client.get(f"/meetings/{held.pk}/minutes/?format=docx")
    text = "\n".join(p.text for p in Docx(BytesIO(docx.content)).paragraphs)
    assert "BIÊN BẢN" in text
    assert "Địa điểm: hội trường Sen Hồng." in text
    assert "tán thành 44" in text and CONCLUSION in text


def test_the_news_page_and_docx(held, reporter, client_for):
    client = client_for(reporter)
    assert "hội trường Sen Hồng" in client.get(f"/meetings/{held.pk}/news/").text
    docx = client.get(f"/meetings/{held.pk}/news/?format=docx")
    paragraphs = [p.text for p in Docx(BytesIO(docx.content)).paragraphs]
    assert paragraphs[0] == str(held)
    assert any("chủ trì hội nghị" in p for p in paragraphs)


def test_one_and_a_half_days_are_written_the_vietnamese_way(dongthap, office):
    meeting = meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        term=dongthap.term,
        session=1,
        extended=True,
        starts_on=dt.date(2024, 1, 3),
        duration_days=1.5,
    )
    last = news_paragraphs(meeting_record(meeting=meeting))[-1]
    assert "(mở rộng)" in last
    assert last.endswith("diễn ra trong 1,5 ngày.")


@pytest.mark.parametrize(
    ("days", "english", "vietnamese"),
    [
        (0.5, "half a day", "một buổi"),
        (1, "1 day", "1 ngày"),
        (1.5, "1.5 days", "1,5 ngày"),
        (2, "2 days", "2 ngày"),
    ],
)
def test_the_meeting_page_states_its_length_in_the_readers_language(
    dongthap, office, client_for, days, english, vietnamese
):
    meeting = meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        term=dongthap.term,
        session=1,
        starts_on=dt.date(2024, 1, 3),
        duration_days=days,
    )
    client = client_for(office)
    lead = {}
    for language in ("vi", "en"):
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
        page = client.get(f"/meetings/{meeting.pk}/").text
        lead[language] = re.sub(r"\s+", " ", page.split('class="lead"', 1)[1].split("</p>", 1)[0])
    assert f"· {vietnamese} " in lead["vi"] and "days" not in lead["vi"]
    assert f"· {english} " in lead["en"]
    assert "1 days" not in lead["en"]
