"""A meeting from a news article: the engine proposes, the user confirms, nothing saved before."""

import pytest

from nghiquyet.meetings.from_text import meeting_proposal
from nghiquyet.meetings.models import Meeting, Participant
from nghiquyet.orgs.models import Term
from shared_data import seed_text

pytestmark = pytest.mark.django_db


@pytest.fixture
def term_xi(dongthap):
    return Term.objects.create(
        body=dongthap.bodies["tinh_uy"], number="XI", start_year=2020, end_year=2025
    )


def test_seed_000_proposes_the_17th_bch_conference(dongthap, term_xi):
    proposal = meeting_proposal(text=seed_text("000"), province=dongthap.province)
    assert proposal.body == dongthap.bodies["bch"]
    assert proposal.term == term_xi
    assert proposal.session == 17
    assert str(proposal.starts_on) == "2024-07-11"
    assert proposal.venue == "hội trường Sen Hồng"
    assert proposal.duration_days == 1
    assert [chair.name for chair in proposal.chairs] == [
        "Lê Quốc Phong",
        "Phan Văn Thắng",
        "Phạm Thiện Nghĩa",
    ]
    assert proposal.chairs[0].position == "Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy"


def test_seed_002_proposes_the_standing_board_without_a_year(dongthap):
    proposal = meeting_proposal(text=seed_text("002"), province=dongthap.province)
    assert proposal.body == dongthap.bodies["thuong_truc"]
    assert proposal.starts_on is None
    assert [chair.name for chair in proposal.chairs] == ["Lâm Minh Đằng"]


def test_a_text_without_a_meeting_proposes_nothing(dongthap):
    proposal = meeting_proposal(text="Giá lúa tăng nhẹ trong tuần qua.", province=dongthap.province)
    assert not proposal.found and proposal.body is None


def test_proposing_shows_the_fields_beside_the_text_and_saves_nothing(
    dongthap, term_xi, office, client_for
):
    response = client_for(office).post(
        "/meetings/from-text/", {"step": "propose", "text": seed_text("000")}
    )
    assert response.status_code == 200
    assert 'value="hội trường Sen Hồng"' in response.text
    assert 'value="17"' in response.text
    assert "Lê Quốc Phong - Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy" in response.text
    assert "Vụ địa phương III - Ban Tổ chức Trung ương" in response.text
    assert not Meeting.objects.exists()


def test_confirming_the_corrected_fields_creates_the_meeting_and_its_chairs(
    dongthap, term_xi, office, client_for
):
    response = client_for(office).post(
        "/meetings/from-text/",
        {
            "step": "confirm",
            "text": seed_text("000"),
            "body": dongthap.bodies["bch"].pk,
            "term": term_xi.pk,
            "session": 17,
            "session_override_reason": "Các hội nghị trước chưa nhập vào hệ thống",
            "starts_on": "2024-07-11",
            "duration_days": "1",
            "venue": "hội trường Sen Hồng",
            "chairs": "Lê Quốc Phong - Bí thư Tỉnh ủy\nPhan Văn Thắng - Phó Bí thư Thường trực",
        },
    )
    meeting = Meeting.objects.get()
    assert response.url == f"/meetings/{meeting.pk}/"
    assert (meeting.session, meeting.venue, meeting.term) == (17, "hội trường Sen Hồng", term_xi)
    assert list(meeting.participants.filter(is_chair=True).values_list("name", flat=True)) == [
        "Lê Quốc Phong",
        "Phan Văn Thắng",
    ]
    assert Participant.objects.count() == 2


def test_the_proposal_explains_a_session_number_that_is_not_the_next(
    dongthap, term_xi, office, client_for
):
    response = client_for(office).post(
        "/meetings/from-text/", {"step": "propose", "text": seed_text("000")}
    )
    assert "chưa được nhập" in response.text


def test_another_provinces_office_proposes_for_its_own_province(laichau, outsider, client_for):
    response = client_for(outsider).post(
        "/meetings/from-text/", {"step": "propose", "text": seed_text("000")}
    )
    assert f'value="{laichau.bodies["bch"].pk}" selected' in response.text


@pytest.mark.parametrize(
    "text",
    [
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ XII thành công\n30/09/2025 17:05\nSáng 28/9, "
        "Đại hội đại biểu Đảng bộ tỉnh lần thứ XII, nhiệm kỳ 2025 - 2030 khai mạc.",
        "Khai mạc Đại hội Đảng bộ tỉnh\n30/09/2025 17:05\nSáng 28/9, Đảng bộ tỉnh tổ chức "
        "khai mạc Đại hội đại biểu lần thứ XII.",
    ],
)
def test_a_congress_is_proposed_as_a_meeting_of_the_party_committee(dongthap, text):
    proposal = meeting_proposal(text=text, province=dongthap.province)
    assert proposal.body == dongthap.bodies["tinh_uy"]
    assert (proposal.session, str(proposal.starts_on)) == (12, "2025-09-28")


EXTENDED_18TH = (
    "Ngày 15/12/2024, Ban Chấp hành Đảng bộ tỉnh Đồng Tháp tổ chức Hội nghị lần thứ 18 "
    "(mở rộng) để đánh giá tình hình thực hiện Nghị quyết năm 2024."
)


def test_an_article_without_a_duration_proposes_one_day_and_names_it_after_the_session(
    dongthap, term_xi, office, client_for
):
    response = client_for(office).post(
        "/meetings/from-text/", {"step": "propose", "text": EXTENDED_18TH}
    )
    assert response.status_code == 200
    assert 'name="duration_days" value="1"' in response.text
    meeting = Meeting(body=dongthap.bodies["bch"], session=18, extended=True)
    assert meeting.default_title().endswith("lần thứ 18 (mở rộng)")
