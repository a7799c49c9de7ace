"""A meeting is numbered within its body's term: the next number, unless a reason says why not."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.meetings.selectors import meeting_next_session
from nghiquyet.meetings.services import meeting_create

pytestmark = pytest.mark.django_db

DAY = dt.date(2024, 7, 11)


def test_the_first_meeting_of_a_term_is_number_one(dongthap, office):
    bch = dongthap.bodies["bch"]
    assert meeting_next_session(body=bch, term=dongthap.term) == 1
    meeting = meeting_create(user=office, body=bch, term=dongthap.term, session=1, starts_on=DAY)
    assert meeting.session == 1
    assert meeting_next_session(body=bch, term=dongthap.term) == 2


def test_skipping_a_number_without_a_reason_is_refused(dongthap, office):
    with pytest.raises(ValidationError, match="lần thứ 1"):
        meeting_create(
            user=office, body=dongthap.bodies["bch"], term=dongthap.term, session=17, starts_on=DAY
        )


def test_lan_thu_17_is_accepted_with_a_reason_and_the_next_is_18(meeting, dongthap):
    assert meeting.session == 17
    assert meeting.session_override_reason
    assert meeting_next_session(body=dongthap.bodies["bch"], term=dongthap.term) == 18


def test_a_number_already_used_is_refused_even_with_a_reason(meeting, dongthap, office):
    with pytest.raises(ValidationError, match="đã có hội nghị lần thứ 17"):
        meeting_create(
            user=office,
            body=dongthap.bodies["bch"],
            term=dongthap.term,
            session=17,
            session_override_reason="nhập lại",
            starts_on=DAY,
        )


def test_numbering_is_per_body(meeting, dongthap):
    assert meeting_next_session(body=dongthap.bodies["btv"], term=dongthap.term) == 1


def test_a_deleted_meeting_frees_its_number(meeting, dongthap, office):
    meeting.soft_delete()
    again = meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        term=dongthap.term,
        session=17,
        session_override_reason="nhập lại sau khi xóa nhầm",
        starts_on=DAY,
    )
    assert again.pk != meeting.pk


def test_an_unnumbered_meeting_needs_no_reason(dongthap, leader, office):
    meeting = meeting_create(
        user=office,
        body=dongthap.bodies["thuong_truc"],
        starts_on=dt.date(2023, 6, 27),
        duration_days=0.5,
    )
    assert meeting.session is None


def test_one_and_a_half_days_span_two_calendar_days(dongthap, office):
    meeting = meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        term=dongthap.term,
        session=1,
        extended=True,
        starts_on=dt.date(2024, 1, 3),
        duration_days=1.5,
    )
    assert meeting.ends_on == dt.date(2024, 1, 4)


@pytest.mark.parametrize(
    "ends_on,duration",
    [(dt.date(2024, 7, 11), 1.5), (dt.date(2024, 7, 13), 1), (dt.date(2024, 7, 11), 0.7)],
)
def test_a_duration_that_does_not_fit_the_days_is_refused(dongthap, office, ends_on, duration):
    with pytest.raises(ValidationError):
        meeting_create(
            user=office,
            body=dongthap.bodies["bch"],
            starts_on=DAY,
            ends_on=ends_on,
            duration_days=duration,
        )


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_only_the_office_calls_a_meeting(dongthap, persona):
    with pytest.raises(PermissionDenied):
        meeting_create(user=dongthap.users[persona], body=dongthap.bodies["bch"], starts_on=DAY)


def test_another_provinces_office_cannot_call_a_meeting_here(dongthap, outsider):
    with pytest.raises(PermissionDenied):
        meeting_create(user=outsider, body=dongthap.bodies["bch"], starts_on=DAY)
