"""Invitations and attendance: members and guests, who came, who chaired."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.meetings.models import Participant
from nghiquyet.meetings.selectors import meeting_attendance
from nghiquyet.meetings.services import participant_attendance_set, participant_invite

pytestmark = pytest.mark.django_db

Attendance = Participant.Attendance


def test_everyone_invited_starts_as_invited(meeting):
    counts = meeting_attendance(meeting=meeting)
    assert (counts.invited, counts.present, counts.members_invited) == (6, 0, 5)


def test_attendance_counts_members_and_guests_apart(meeting, office):
    people = list(meeting.participants.all())
    for participant in people[:4]:
        participant_attendance_set(
            user=office, participant=participant, attendance=Attendance.PRESENT
        )
    guest = meeting.participants.get(kind=Participant.Kind.GUEST)
    participant_attendance_set(user=office, participant=guest, attendance=Attendance.PRESENT)
    participant_attendance_set(user=office, participant=people[4], attendance=Attendance.EXCUSED)
    counts = meeting_attendance(meeting=meeting)
    assert counts.members_present == 4
    assert counts.guests_present == 1
    assert counts.excused == 1
    assert counts.present == 5


def test_the_three_chairs_come_first(meeting):
    chairs = [p.name for p in meeting.participants.all()[:3]]
    assert chairs == ["Lê Quốc Phong", "Phan Văn Thắng", "Phạm Thiện Nghĩa"]
    assert all(p.is_chair for p in meeting.participants.all()[:3])


def test_a_guest_body_is_invited_by_its_name(meeting, office):
    guest = participant_invite(
        user=office,
        meeting=meeting,
        name="Vụ địa phương II - Văn phòng Trung ương Đảng",
        kind=Participant.Kind.GUEST,
    )
    assert str(guest) == "Vụ địa phương II - Văn phòng Trung ương Đảng"


def test_a_user_is_invited_once(meeting, office, reporter):
    with pytest.raises(ValidationError, match="đã được triệu tập"):
        participant_invite(user=office, meeting=meeting, delegate=reporter)


def test_an_unnamed_participant_is_refused(meeting, office):
    with pytest.raises(ValidationError):
        participant_invite(user=office, meeting=meeting)


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_only_the_office_records_attendance(meeting, dongthap, persona):
    participant = meeting.participants.first()
    with pytest.raises(PermissionDenied):
        participant_attendance_set(
            user=dongthap.users[persona], participant=participant, attendance=Attendance.PRESENT
        )


def test_another_provinces_office_cannot_invite(meeting, outsider):
    with pytest.raises(PermissionDenied):
        participant_invite(user=outsider, meeting=meeting, name="Nguyễn Văn A")
