"""The office invites people from the meeting's page: a user of the province, or a guest
with a login created there, who may then read the meeting and comment on its drafts."""

import pytest
from django.contrib.auth import get_user_model

from nghiquyet.meetings.models import Participant
from nghiquyet.meetings.selectors import drafts_open_to
from nghiquyet.orgs.access import Action, can

pytestmark = pytest.mark.django_db


def test_the_office_invites_a_user_of_the_province_from_the_meeting_page(
    meeting, dongthap, office, client_for
):
    inspector = dongthap.users["inspector"]
    client = client_for(office)
    page = client.get(f"/meetings/{meeting.pk}/").content.decode()
    assert "Đặng Thu Trang – Ủy ban Kiểm tra Tỉnh ủy Đồng Tháp" in page
    response = client.post(
        f"/meetings/{meeting.pk}/participants/",
        {"delegate": inspector.pk, "name": "", "position": "Ủy viên UBKT", "kind": "member"},
        follow=True,
    )
    assert "Đã mời Đặng Thu Trang." in response.content.decode()
    assert meeting.participants.filter(user=inspector).exists()


def test_a_guest_created_on_the_meeting_page_signs_in_and_may_comment(
    meeting, draft, office, client, client_for
):
    response = client_for(office).post(
        f"/meetings/{meeting.pk}/guests/",
        {
            "full_name": "Mai Thanh Tùng",
            "position": "Chuyên viên Vụ địa phương III - Ban Tổ chức Trung ương",
            "username": "mttung",
            "password": "khach-moi-2026",
        },
        follow=True,
    )
    assert "đăng nhập bằng tài khoản mttung" in response.content.decode()
    guest = get_user_model().objects.get(username="mttung")
    assert meeting.participants.get(user=guest).kind == Participant.Kind.GUEST
    signed_in = client.post("/login/", {"username": "mttung", "password": "khach-moi-2026"})
    assert signed_in.status_code == 302
    assert can(guest, Action.VIEW, meeting)
    assert list(drafts_open_to(user=guest)) == [draft]


def test_a_taken_login_name_is_refused_and_nobody_is_invited(meeting, office, client_for):
    count = meeting.participants.count()
    response = client_for(office).post(
        f"/meetings/{meeting.pk}/guests/",
        {"full_name": "Mai Thanh Tùng", "username": office.username, "password": "khach-moi-2026"},
        follow=True,
    )
    assert f"Tên đăng nhập {office.username} đã có người dùng." in response.content.decode()
    assert meeting.participants.count() == count


def test_a_leader_cannot_create_a_guest_login(meeting, leader, client_for):
    response = client_for(leader).post(
        f"/meetings/{meeting.pk}/guests/",
        {"full_name": "Mai Thanh Tùng", "username": "mttung", "password": "khach-moi-2026"},
    )
    assert response.status_code in (403, 404)
    assert not get_user_model().objects.filter(username="mttung").exists()
