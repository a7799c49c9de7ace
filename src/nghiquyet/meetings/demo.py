"""Demo meetings: the three conferences of seed articles 001, 000 and 002 in the demo province.

- 001: the extended BCH conference no. 16 (3–4/1/2024, 1.5 days) that adopted the
  2024 resolution (the targets demo's 35-NQ/TU, linked back to this meeting);
- 000: the BCH conference no. 17 (11/7/2024, hội trường Sen Hồng, three chairs) with
  the action programmes for Resolutions 45 and 42 (the documents demo's drafts,
  adopted here) and the six-month report;
- 002: the Standing Board's review of the mid-term draft reports (27/6/2023, a
  morning), which comments and concludes but does not vote.

The venues, dates and conclusions are the articles'; the people's names are
invented, and the vote counts, the members count and the delegates' comments are
illustrative. The dates of 001 and 000 move to the day of loading
(:mod:`nghiquyet.core.demo_calendar`). Everything goes
through the services; a meeting already loaded is left as it is.
"""

from __future__ import annotations

import datetime as dt

from django.contrib.auth import get_user_model

from nghiquyet.core.demo import DEMO_PASSWORD
from nghiquyet.core.demo_calendar import demo_calendar
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create
from nghiquyet.orgs.models import Term
from nghiquyet.orgs.personas import ProvinceSetup

from . import services
from .from_text import Chair
from .models import Comment, Meeting, Participant

#: The BCH's size as the office records it for the demo (illustrative).
BCH_MEMBERS = 50
NQ_2024 = "35-NQ/TU"
#: The demo's guest login: a delegate of a central board invited to the coming conference.
GUEST_USERNAME = "khach_trunguong"
MIDTERM_SUMMARY = (
    "Có 7/24 chỉ tiêu kinh tế - xã hội đạt và vượt Nghị quyết; "
    "các chỉ tiêu còn lại đạt từ 41% trở lên."
)

CONCLUSION_000 = (
    "Trong 6 tháng cuối năm, toàn tỉnh tiếp tục tập trung thực hiện đạt mục tiêu tăng "
    "trưởng đề ra trong năm 2024; chú trọng đẩy mạnh tiến độ các công trình, dự án trọng "
    "điểm trên địa bàn tỉnh. Tích cực chuẩn bị đại hội đảng các cấp trong tỉnh; tập trung "
    "rà soát, đánh giá cán bộ. Cải thiện môi trường đầu tư, kinh doanh, góp phần nâng cao "
    "Chỉ số Hiệu quả Quản trị và Hành chính công (PAPI)."
)
CONCLUSION_001 = (
    "Tiếp tục phát huy tối đa nguồn lực để đưa tỉnh phát triển nhanh, bền vững; tập trung "
    "thực hiện 6 nhiệm vụ trọng tâm, 3 nhiệm vụ đột phá. Khắc phục tình trạng 4 không: "
    "(1) không nghĩ ra để làm, (2) cấp trên chỉ ra nhưng không làm, làm chậm tiến độ, "
    "(3) không hoặc chậm phối hợp cơ quan khác để làm, (4) triển khai mà không kiểm tra, "
    "giám sát, không nắm tiến độ. Phấn đấu cơ bản hoàn thành các chỉ tiêu Nghị quyết Đại "
    "hội Đảng bộ tỉnh trong năm 2024."
)
CONCLUSION_002 = (
    "Các dự thảo báo cáo giữa nhiệm kỳ cơ bản đạt yêu cầu về nội dung và sát với tình hình "
    "thực tiễn. Tổ biên tập cần tiếp thu đầy đủ các ý kiến để chỉnh sửa, nhất là đối với "
    "những chỉ tiêu cơ bản thực hiện đạt phải đưa vào thành tựu của tỉnh; báo cáo ngắn gọn, "
    "đầy đủ nội dung, đảm bảo tính trung thực, khách quan."
)


def load(setup: ProvinceSetup) -> list[Meeting]:
    term, _ = Term.objects.get_or_create(
        body=setup.bodies["tinh_uy"], number="XI", defaults={"start_year": 2020, "end_year": 2025}
    )
    return [
        _seed_001(setup, term),
        _seed_000(setup, term),
        _seed_002(setup, term),
        _year_end(setup, term),
    ]


def _existing(setup: ProvinceSetup, key: str, starts_on: dt.date) -> Meeting | None:
    return Meeting.objects.filter(body=setup.bodies[key], starts_on=starts_on).first()


def _invite_delegates(setup: ProvinceSetup, meeting: Meeting) -> None:
    """The demo's reporter and leader attend as delegates, so they can comment on drafts."""
    office = setup.office
    for role, position in (
        ("leader", "Ủy viên Ban Thường vụ Tỉnh ủy"),
        ("reporter", "Tỉnh ủy viên, Giám đốc Sở Tài chính"),
    ):
        services.participant_invite(
            user=office, meeting=meeting, delegate=setup.users[role], position=position
        )


def _all_present(setup: ProvinceSetup, meeting: Meeting) -> None:
    for participant in meeting.participants.all():
        services.participant_attendance_set(
            user=setup.office, participant=participant, attendance=Participant.Attendance.PRESENT
        )


def _seed_001(setup: ProvinceSetup, term: Term) -> Meeting:
    t = demo_calendar().text
    starts_on = demo_calendar().on(dt.date(2024, 1, 3))
    if meeting := _existing(setup, "bch", starts_on):
        return meeting
    office = setup.office
    meeting = services.meeting_create_with_chairs(
        user=office,
        chairs=[Chair("Kiều Đức Thịnh", "Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy")],
        body=setup.bodies["bch"],
        term=term,
        session=16,
        session_override_reason="Các hội nghị lần thứ 1 đến 15 chưa nhập vào hệ thống",
        extended=True,
        starts_on=starts_on,
        duration_days=1.5,
        members_count=BCH_MEMBERS,
    )
    _invite_delegates(setup, meeting)
    _all_present(setup, meeting)
    item = services.agenda_item_add(
        user=office,
        meeting=meeting,
        title=t(
            "Tờ trình về dự thảo Nghị quyết nhiệm vụ phát triển kinh tế - xã hội và xây "
            "dựng hệ thống chính trị năm 2024"
        ),
        presenter=setup.bodies["btv"],
    )
    services.vote_record(
        user=office, agenda_item=item, present=48, in_favour=48, against=0, abstain=0
    )
    resolution = Document.objects.filter(province=setup.province, symbol=NQ_2024).first()
    if resolution is not None:
        services.agenda_item_record_adopted(user=office, agenda_item=item, document=resolution)
    else:
        draft = services.draft_create(
            user=office,
            agenda_item=item,
            kind=DocumentKind.NGHI_QUYET,
            title=t(
                "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh "
                "và xây dựng hệ thống chính trị năm 2024"
            ),
            text=t("Phấn đấu GRDP tăng trưởng 8,5% trở lên so với năm 2023."),
            issuer=setup.bodies["tinh_uy"],
        )
        services.draft_adopt(user=office, draft=draft, symbol=NQ_2024)
    services.meeting_close(
        user=office,
        meeting=meeting,
        conclusion=t(CONCLUSION_001),
        chair=meeting.participants.get(is_chair=True),
    )
    return meeting


def _seed_000(setup: ProvinceSetup, term: Term) -> Meeting:
    t = demo_calendar().text
    starts_on = demo_calendar().on(dt.date(2024, 7, 11))
    if meeting := _existing(setup, "bch", starts_on):
        return meeting
    office = setup.office
    meeting = services.meeting_create_with_chairs(
        user=office,
        chairs=[
            Chair("Huỳnh Minh Khôi", "Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy"),
            Chair("Tạ Văn Lộc", "Phó Bí thư Thường trực Tỉnh ủy, Chủ tịch HĐND tỉnh"),
            Chair("Châu Thị Ngọc Hà", "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh"),
        ],
        body=setup.bodies["bch"],
        term=term,
        session=17,
        starts_on=starts_on,
        duration_days=1,
        venue="hội trường Sen Hồng",
        members_count=BCH_MEMBERS,
    )
    services.participant_invite(
        user=office,
        meeting=meeting,
        name="Lương Hoài Nam",
        position="Tỉnh ủy viên, Bí thư Huyện ủy Lai Vung",
    )
    _invite_delegates(setup, meeting)
    for guest in (
        "Vụ địa phương III - Ban Tổ chức Trung ương",
        "Vụ địa phương II - Văn phòng Trung ương Đảng",
        "Vụ địa bàn VIII - Ủy ban Kiểm tra Trung ương",
        "Vụ địa phương III - Ban Nội chính Trung ương",
    ):
        services.participant_invite(
            user=office, meeting=meeting, name=guest, kind=Participant.Kind.GUEST
        )
    _all_present(setup, meeting)
    leader, reporter = setup.users["leader"], setup.users["reporter"]
    for subject, comments in (
        (
            "Nghị quyết số 45-NQ/TW",
            [
                (leader, "Chỉ tiêu", "Làm rõ lộ trình đạt 12 bác sĩ/vạn dân vào năm 2030."),
                (reporter, "", "Tăng cường đào tạo nguồn nhân lực chất lượng cao."),
            ],
        ),
        (
            "Nghị quyết số 42-NQ/TW",
            [
                (
                    reporter,
                    "Nhiệm vụ, giải pháp",
                    "Quan tâm hỗ trợ xây dựng nhà ở xã hội cho người thu nhập thấp, công "
                    "nhân khu công nghiệp.",
                ),
            ],
        ),
    ):
        programme = Document.objects.filter(
            issuer=setup.bodies["bch"],
            kind=DocumentKind.CHUONG_TRINH,
            title__contains=subject,
            status=Document.Status.DRAFT,
        ).first() or document_create(
            user=office,
            kind=DocumentKind.CHUONG_TRINH,
            title=f"Chương trình hành động của Ban Chấp hành Đảng bộ tỉnh thực hiện {subject}",
            issuer=setup.bodies["bch"],
            term=term,
        )
        draft = services.agenda_item_add_draft(
            user=office,
            meeting=meeting,
            document=programme,
            presenter=setup.bodies["btv"],
            title=f"Tờ trình về dự thảo Chương trình hành động thực hiện {subject}",
        )
        for author, section, text in comments:
            comment = services.comment_add(user=author, draft=draft, text=text, section=section)
            services.comment_answer(
                user=office, comment=comment, handling=Comment.Handling.ACCEPTED
            )
        services.vote_record(
            user=office,
            agenda_item=draft.agenda_item,
            present=47,
            in_favour=46,
            against=0,
            abstain=1,
        )
        services.draft_adopt(user=office, draft=draft)
    report = services.draft_create(
        user=office,
        agenda_item=services.agenda_item_add(
            user=office,
            meeting=meeting,
            title=t(
                "Tờ trình về dự thảo Báo cáo kết quả thực hiện Chương trình hành động năm "
                "2024 trong 6 tháng đầu năm"
            ),
            presenter=setup.bodies["btv"],
        ),
        kind=DocumentKind.BAO_CAO,
        title=t(
            "Báo cáo kết quả thực hiện Chương trình hành động năm 2024 của BCH Đảng bộ "
            "tỉnh khóa XI trong 6 tháng đầu năm và một số nhiệm vụ, giải pháp chủ yếu 6 tháng "
            "cuối năm 2024"
        ),
        text=t("I. Kết quả 6 tháng đầu năm 2024\nII. Nhiệm vụ, giải pháp 6 tháng cuối năm 2024"),
    )
    papi = services.comment_add(
        user=leader,
        draft=report,
        section=t("II. Nhiệm vụ, giải pháp 6 tháng cuối năm 2024"),
        text="Bổ sung giải pháp cải thiện Chỉ số Hiệu quả Quản trị và Hành chính công (PAPI).",
    )
    services.comment_answer(
        user=office,
        comment=papi,
        handling=Comment.Handling.PARTLY_ACCEPTED,
        reply="Bổ sung nhóm giải pháp về PAPI; chỉ tiêu cụ thể giao UBND tỉnh xây dựng.",
    )
    services.comment_add(
        user=reporter,
        draft=report,
        section=t("I. Kết quả 6 tháng đầu năm 2024"),
        text="Đánh giá rõ hơn kết quả cải thiện môi trường đầu tư, kinh doanh.",
    )
    services.meeting_close(
        user=office,
        meeting=meeting,
        conclusion=t(CONCLUSION_000),
        chair=meeting.participants.filter(is_chair=True).first(),
    )
    return meeting


def _year_end(setup: ProvinceSetup, term: Term) -> Meeting:
    """The coming year-end conference, ten days after loading, open for comments.

    Its draft resolution for next year waits for the delegates' comments, among them
    a guest of the central Organisation Board with a login of their own.
    """
    cal = demo_calendar()
    starts_on = cal.today + dt.timedelta(days=10)
    if meeting := _existing(setup, "bch", starts_on):
        return meeting
    office = setup.office
    # Loaded after the 2025 congress, the conference belongs to the new term.
    later = starts_on.year > term.end_year
    meeting = services.meeting_create_with_chairs(
        user=office,
        chairs=[Chair("Kiều Đức Thịnh", "Bí thư Tỉnh ủy")],
        body=setup.bodies["bch"],
        term=setup.term if later else term,
        session=18,
        session_override_reason="Các hội nghị trước của khóa chưa nhập vào hệ thống"
        if later
        else "",
        extended=True,
        starts_on=starts_on,
        duration_days=1,
        venue="hội trường Tỉnh ủy",
        members_count=BCH_MEMBERS,
    )
    _invite_delegates(setup, meeting)
    if not get_user_model().objects.filter(username=GUEST_USERNAME).exists():
        services.guest_account_create(
            user=office,
            meeting=meeting,
            username=GUEST_USERNAME,
            password=DEMO_PASSWORD,
            full_name="Mai Thanh Tùng",
            position="Chuyên viên Vụ địa phương III - Ban Tổ chức Trung ương",
        )
    year = cal.year(2025)
    services.draft_create(
        user=office,
        agenda_item=services.agenda_item_add(
            user=office,
            meeting=meeting,
            title=f"Tờ trình về dự thảo Nghị quyết về nhiệm vụ năm {year}",
            presenter=setup.bodies["btv"],
        ),
        kind=DocumentKind.NGHI_QUYET,
        title=f"Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh "
        f"và xây dựng hệ thống chính trị năm {year}",
        text=f"I. Mục tiêu\nPhấn đấu GRDP tăng trưởng 8,5% trở lên so với năm {year - 1}.\n"
        "II. Nhiệm vụ, giải pháp\nTập trung tháo gỡ khó khăn, đẩy nhanh giải ngân vốn "
        "đầu tư công.",
        issuer=setup.bodies["tinh_uy"],
    )
    return meeting


def _seed_002(setup: ProvinceSetup, term: Term) -> Meeting:
    starts_on = dt.date(2023, 6, 27)
    if meeting := _existing(setup, "thuong_truc", starts_on):
        return meeting
    office = setup.office
    meeting = services.meeting_create_with_chairs(
        user=office,
        chairs=[Chair("Quách Thanh Sơn", "Phó Bí thư Tỉnh ủy")],
        body=setup.bodies["thuong_truc"],
        term=term,
        starts_on=starts_on,
        duration_days=0.5,
    )
    _invite_delegates(setup, meeting)
    _all_present(setup, meeting)
    for presenter, title in (
        (
            "ban_tuyen_giao",
            "Báo cáo sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ tỉnh lần thứ "
            "XI, nhiệm kỳ 2020 - 2025",
        ),
        ("ban_to_chuc", "Báo cáo kiểm điểm giữa nhiệm kỳ của Ban Chấp hành Đảng bộ tỉnh khóa XI"),
        (
            "ubkt",
            "Báo cáo sơ kết công tác kiểm tra, giám sát và thi hành kỷ luật Đảng giữa nhiệm "
            "kỳ 2020 - 2025",
        ),
        (
            "ban_noi_chinh",
            "Báo cáo sơ kết công tác phòng, chống tham nhũng, tiêu cực, lãng phí giữa nhiệm "
            "kỳ 2020 - 2025",
        ),
    ):
        draft = services.draft_create(
            user=office,
            agenda_item=services.agenda_item_add(
                user=office,
                meeting=meeting,
                title=f"Dự thảo {title[0].lower()}{title[1:]}",
                presenter=setup.bodies[presenter],
            ),
            kind=DocumentKind.BAO_CAO,
            title=title,
            text=MIDTERM_SUMMARY if presenter == "ban_tuyen_giao" else "",
            issuer=setup.bodies["tinh_uy"],
        )
        if presenter == "ban_tuyen_giao":
            services.comment_add(
                user=setup.users["leader"],
                draft=draft,
                text="Những chỉ tiêu cơ bản thực hiện đạt phải đưa vào thành tựu của tỉnh.",
            )
    services.meeting_close(
        user=office,
        meeting=meeting,
        conclusion=CONCLUSION_002,
        chair=meeting.participants.get(is_chair=True),
    )
    return meeting
