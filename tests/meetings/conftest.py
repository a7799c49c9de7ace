"""The BCH conference of seed 000 (lần thứ 17, hội trường Sen Hồng, three chairs) as the
Đồng Tháp office records it, with the reporter and the leader invited as delegates.
"""

import datetime as dt

import pytest

from nghiquyet.documents.models import DocumentKind
from nghiquyet.meetings import services
from nghiquyet.meetings.models import Participant

NQ45_TITLE = (
    "Chương trình hành động của BCH Đảng bộ tỉnh thực hiện Nghị quyết số 45 "
    "của BCH Trung ương Đảng khóa XIII"
)
NQ45_TEXT = (
    "I. Mục tiêu\nPhát triển đội ngũ trí thức về số lượng và chất lượng.\n"
    "II. Chỉ tiêu\nĐến năm 2030 có 12 bác sĩ/vạn dân."
)


@pytest.fixture
def meeting(dongthap, office, reporter, leader):
    meeting = services.meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        term=dongthap.term,
        session=17,
        session_override_reason="Các hội nghị lần thứ 1 đến 16 chưa nhập vào hệ thống",
        starts_on=dt.date(2024, 7, 11),
        duration_days=1,
        venue="hội trường Sen Hồng",
        members_count=50,
    )
    for name, position in (
        ("Lê Quốc Phong", "Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy"),
        ("Phan Văn Thắng", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"),
        ("Phạm Thiện Nghĩa", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"),
    ):
        services.participant_invite(
            user=office, meeting=meeting, name=name, position=position, is_chair=True
        )
    services.participant_invite(
        user=office,
        meeting=meeting,
        name="Võ Hoàng Cương",
        position="Tỉnh ủy viên, Bí thư Huyện ủy Lai Vung",
        delegate=reporter,
    )
    services.participant_invite(
        user=office, meeting=meeting, position="Thường trực Tỉnh ủy", delegate=leader
    )
    services.participant_invite(
        user=office,
        meeting=meeting,
        name="Vụ địa phương III - Ban Tổ chức Trung ương",
        kind=Participant.Kind.GUEST,
    )
    return meeting


@pytest.fixture
def item(meeting, dongthap, office):
    return services.agenda_item_add(
        user=office,
        meeting=meeting,
        title="Tờ trình về dự thảo Chương trình hành động thực hiện Nghị quyết số 45",
        presenter=dongthap.bodies["btv"],
    )


@pytest.fixture
def draft(item, office):
    return services.draft_create(
        user=office,
        agenda_item=item,
        kind=DocumentKind.CHUONG_TRINH,
        title=NQ45_TITLE,
        text=NQ45_TEXT,
    )
