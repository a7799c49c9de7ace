"""Public records for the news and feedback tests: a closed conference of Đồng Tháp
(seed 000's BCH conference no. 17) with its news item, prepared by the office."""

from __future__ import annotations

import datetime as dt

from nghiquyet.documents.models import DocumentKind
from nghiquyet.meetings import services as meetings
from nghiquyet.news.services import news_item_create_from_meeting

CONCLUSION = (
    "Trong 6 tháng cuối năm, toàn tỉnh tiếp tục tập trung thực hiện đạt mục tiêu tăng "
    "trưởng đề ra trong năm 2024; chú trọng đẩy mạnh tiến độ các công trình trọng điểm."
)
PROGRAMME = (
    "Chương trình hành động của BCH Đảng bộ tỉnh thực hiện Nghị quyết số 45 "
    "của BCH Trung ương Đảng khóa XIII"
)


def closed_meeting(setup, *, session: int = 17, day: dt.date = dt.date(2024, 7, 11)):
    """A conference that adopted one action programme and closed with its conclusion."""
    office = setup.users["office"]
    meeting = meetings.meeting_create(
        user=office,
        body=setup.bodies["bch"],
        term=setup.term,
        session=session,
        session_override_reason="Các hội nghị trước chưa nhập vào hệ thống",
        starts_on=day,
        duration_days=1,
        venue="hội trường Sen Hồng",
        members_count=50,
    )
    chair = meetings.participant_invite(
        user=office,
        meeting=meeting,
        name="Lê Quốc Phong",
        position="Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy",
        is_chair=True,
    )
    item = meetings.agenda_item_add(
        user=office,
        meeting=meeting,
        title="Tờ trình về dự thảo Chương trình hành động thực hiện Nghị quyết số 45",
        presenter=setup.bodies["btv"],
    )
    draft = meetings.draft_create(
        user=office, agenda_item=item, kind=DocumentKind.CHUONG_TRINH, title=PROGRAMME
    )
    meetings.vote_record(
        user=office, agenda_item=item, present=47, in_favour=46, against=0, abstain=1
    )
    meetings.draft_adopt(user=office, draft=draft, symbol=f"{session}-CTr/TU")
    meetings.meeting_close(user=office, meeting=meeting, conclusion=CONCLUSION, chair=chair)
    return meeting


def news_item_of(setup, **kwargs):
    """The draft news item of a fresh closed meeting."""
    meeting = closed_meeting(setup, **kwargs)
    return news_item_create_from_meeting(user=setup.users["office"], meeting=meeting)


def comment_data(**changes) -> dict:
    data = {
        "name": "Nguyễn Văn Bình",
        "email": "binh.nguyen@example.vn",
        "text": "Đề nghị tỉnh công bố tiến độ các công trình trọng điểm theo từng quý.",
        "captcha_0": "any",
        "captcha_1": "passed",
        "next": "/",
    }
    return data | changes
