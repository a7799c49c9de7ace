"""Pages of a meeting, through the access layer: the office changes, others read or are refused."""

import pytest

from nghiquyet.meetings.models import Meeting, Participant, Vote

pytestmark = pytest.mark.django_db


def test_the_list_shows_the_provinces_meetings(meeting, leader, client_for):
    response = client_for(leader).get("/meetings/")
    assert response.status_code == 200
    assert "Hội nghị Ban Chấp hành Đảng bộ tỉnh Đồng Tháp lần thứ 17" in response.text


def test_another_provinces_office_sees_none_of_them(meeting, outsider, client_for):
    client = client_for(outsider)
    assert "lần thứ 17" not in client.get("/meetings/").text
    assert client.get(f"/meetings/{meeting.pk}/").status_code == 404
    assert client.get(f"/meetings/{meeting.pk}/minutes/").status_code == 404


def test_the_list_needs_a_login(client, meeting):
    assert client.get("/meetings/").status_code == 302


def test_the_detail_shows_agenda_participants_and_vote(meeting, draft, item, office, client_for):
    client = client_for(office)
    client.post(
        f"/meetings/items/{item.pk}/vote/",
        {"present": 45, "in_favour": 44, "against": 0, "abstain": 1, "reason": ""},
    )
    response = client.get(f"/meetings/{meeting.pk}/")
    assert response.status_code == 200
    for text in ("hội trường Sen Hồng", "Lê Quốc Phong", "Vụ địa phương III", draft.document.title):
        assert text in response.text
    assert "tán thành 44" in response.text
    assert "Ghi nhận là đã thông qua" in response.text


def test_the_leader_reads_the_detail_without_office_forms(meeting, item, leader, client_for):
    response = client_for(leader).get(f"/meetings/{meeting.pk}/")
    assert response.status_code == 200
    assert f"/meetings/items/{item.pk}/vote/" not in response.text
    assert "/close/" not in response.text


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_only_the_office_records_a_vote_through_the_page(item, dongthap, client_for, persona):
    response = client_for(dongthap.users[persona]).post(
        f"/meetings/items/{item.pk}/vote/",
        {"present": 45, "in_favour": 44, "against": 0, "abstain": 1},
    )
    assert response.status_code == 403
    assert not Vote.objects.exists()


def test_another_provinces_office_cannot_change_the_meeting(meeting, item, outsider, client_for):
    client = client_for(outsider)
    assert client.post(f"/meetings/{meeting.pk}/close/", {"conclusion": "x"}).status_code == 404
    assert client.post(f"/meetings/items/{item.pk}/vote/", {}).status_code == 404
    participant = meeting.participants.first()
    assert (
        client.post(
            f"/meetings/participants/{participant.pk}/attendance/", {"attendance": "present"}
        ).status_code
        == 404
    )


def test_attendance_changes_through_htmx_and_returns_the_row(meeting, office, client_for):
    participant = meeting.participants.get(name="Lê Quốc Phong")
    response = client_for(office).post(
        f"/meetings/participants/{participant.pk}/attendance/",
        {"attendance": "present"},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith(f'<tr id="participant-{participant.pk}"')
    participant.refresh_from_db()
    assert participant.attendance == Participant.Attendance.PRESENT


def test_the_office_adds_an_agenda_item_with_its_draft(meeting, dongthap, office, client_for):
    client_for(office).post(
        f"/meetings/{meeting.pk}/agenda/",
        {
            "title": "Tờ trình về dự thảo Chương trình hành động thực hiện Nghị quyết số 42",
            "presenter": dongthap.bodies["btv"].pk,
            "draft_kind": "chuong_trinh",
            "draft_title": "Chương trình hành động thực hiện Nghị quyết số 42",
            "draft_text": "Hỗ trợ xây dựng nhà ở xã hội.",
        },
    )
    item = meeting.agenda_items.get()
    assert item.drafts.get().document.text == "Hỗ trợ xây dựng nhà ở xã hội."


def test_the_office_closes_the_meeting_with_the_conclusion(meeting, office, client_for):
    client_for(office).post(
        f"/meetings/{meeting.pk}/close/",
        {"conclusion": "Tiếp tục tập trung thực hiện đạt mục tiêu tăng trưởng đề ra."},
    )
    meeting.refresh_from_db()
    assert meeting.status == Meeting.Status.CLOSED
    assert meeting.conclusion.chair.name == "Lê Quốc Phong"


def test_the_office_calls_a_meeting_with_its_chairs(dongthap, office, client_for):
    response = client_for(office).post(
        "/meetings/new/",
        {
            "body": dongthap.bodies["btv"].pk,
            "term": dongthap.term.pk,
            "session": 1,
            "starts_on": "2024-06-27",
            "duration_days": "0.5",
            "venue": "Phòng họp Tỉnh ủy",
            "chairs": "Lâm Minh Đằng - Phó Bí thư Tỉnh ủy",
        },
    )
    meeting = Meeting.objects.get()
    assert response.url == f"/meetings/{meeting.pk}/"
    chair = meeting.participants.get()
    assert (chair.name, chair.position, chair.is_chair) == (
        "Lâm Minh Đằng",
        "Phó Bí thư Tỉnh ủy",
        True,
    )


def test_a_refused_session_number_is_shown_on_the_form(meeting, dongthap, office, client_for):
    response = client_for(office).post(
        "/meetings/new/",
        {
            "body": dongthap.bodies["bch"].pk,
            "term": dongthap.term.pk,
            "session": 20,
            "starts_on": "2024-10-10",
            "duration_days": "1",
        },
    )
    assert response.status_code == 200
    assert "18" in response.text and Meeting.objects.count() == 1


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_only_the_office_opens_the_creation_pages(dongthap, client_for, persona):
    client = client_for(dongthap.users[persona])
    assert client.get("/meetings/new/").status_code == 403
    assert client.get("/meetings/from-text/").status_code == 403


def test_the_office_records_the_members_count_used_by_the_vote_rule(meeting, office, client_for):
    client_for(office).post(f"/meetings/{meeting.pk}/details/", {"venue": "", "members_count": 53})
    meeting.refresh_from_db()
    assert meeting.members_count == 53


def test_a_leader_cannot_change_the_members_count(meeting, leader, client_for):
    response = client_for(leader).post(f"/meetings/{meeting.pk}/details/", {"members_count": 1})
    assert response.status_code == 403


def test_recording_a_vote_confirms_it_and_counts_those_who_did_not_vote(
    meeting, item, office, client_for
):
    response = client_for(office).post(
        f"/meetings/items/{item.pk}/vote/",
        {"present": 45, "in_favour": 40, "against": 0, "abstain": 1, "reason": ""},
        follow=True,
    )
    page = response.content.decode()
    assert "Đã ghi kết quả biểu quyết" in page
    assert "4 đại biểu có mặt không biểu quyết" in page


def test_a_vote_with_more_ballots_than_voters_present_is_refused(meeting, item, office, client_for):
    response = client_for(office).post(
        f"/meetings/items/{item.pk}/vote/",
        {"present": 45, "in_favour": 44, "against": 2, "abstain": 0, "reason": ""},
        follow=True,
    )
    assert "46 phiếu biểu quyết trong khi chỉ có 45 đại biểu có mặt" in response.content.decode()
    assert not Vote.objects.filter(agenda_item=item).exists()
