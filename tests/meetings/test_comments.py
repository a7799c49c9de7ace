"""Delegates comment on drafts of meetings they are invited to; the editorial team answers."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.meetings.models import Comment, Participant
from nghiquyet.meetings.selectors import delegate_for_draft, drafts_open_to
from nghiquyet.meetings.services import (
    comment_add,
    comment_answer,
    draft_revise,
    meeting_close,
    participant_invite,
)
from nghiquyet.orgs.access import Action, can
from nghiquyet.orgs.models import Body, Membership
from nghiquyet.orgs.services import member_create

pytestmark = pytest.mark.django_db

HEALTH = "Cần làm rõ lộ trình đạt 12 bác sĩ/vạn dân vào năm 2030."


def test_an_invited_delegate_comments_on_a_section(draft, reporter):
    comment = comment_add(user=reporter, draft=draft, text=HEALTH, section="II. Chỉ tiêu")
    assert comment.author.name == "Võ Hoàng Cương"
    assert comment.section == "II. Chỉ tiêu"
    assert comment.version == draft.sent_version
    assert comment.handling == Comment.Handling.PENDING


def test_an_invited_leader_comments_on_the_whole_draft(draft, leader):
    comment = comment_add(user=leader, draft=draft, text="Cơ bản thống nhất với dự thảo.")
    assert comment.section == ""


def test_the_office_is_not_a_delegate_unless_invited(draft, office):
    assert delegate_for_draft(user=office, draft=draft) is None
    with pytest.raises(PermissionDenied):
        comment_add(user=office, draft=draft, text=HEALTH)


def test_a_member_of_the_province_who_is_not_invited_cannot_comment(draft, dongthap):
    uninvited = member_create(
        username="dongthap_soyte",
        password="persona-password-1",
        body=dongthap.bodies["so_y_te"],
        role=Membership.Role.REPORTER,
    )
    with pytest.raises(PermissionDenied):
        comment_add(user=uninvited, draft=draft, text=HEALTH)
    assert not drafts_open_to(user=uninvited).exists()


def test_an_outsider_who_is_not_invited_cannot_see_the_meeting_or_comment(draft, outsider):
    assert not can(outsider, Action.VIEW, draft.agenda_item.meeting)
    with pytest.raises(PermissionDenied):
        comment_add(user=outsider, draft=draft, text=HEALTH)


def test_a_central_guest_invited_by_the_office_reads_the_meeting_and_comments(
    draft, office, password, client_for
):
    central = Body.objects.create(
        name="Vụ địa phương III - Ban Tổ chức Trung ương", kind=Body.Kind.CENTRAL
    )
    guest = member_create(
        username="vu_dia_phuong_3", password=password, body=central, role=Membership.Role.REPORTER
    )
    meeting = draft.agenda_item.meeting
    assert not can(guest, Action.VIEW, meeting)
    participant_invite(user=office, meeting=meeting, delegate=guest, kind=Participant.Kind.GUEST)
    guest = type(guest).objects.get(pk=guest.pk)
    assert can(guest, Action.VIEW, meeting)
    assert not can(guest, Action.CHANGE, meeting)
    assert comment_add(user=guest, draft=draft, text=HEALTH).author.user == guest
    assert client_for(guest).get(f"/meetings/{meeting.pk}/").status_code == 200


def test_invited_delegates_see_the_drafts_open_to_them(draft, reporter):
    assert list(drafts_open_to(user=reporter)) == [draft]


def test_comments_close_with_the_meeting(draft, reporter, office):
    meeting_close(user=office, meeting=draft.agenda_item.meeting, conclusion="Kết luận.")
    with pytest.raises(PermissionDenied):
        comment_add(user=reporter, draft=draft, text=HEALTH)


def test_an_empty_comment_is_refused(draft, reporter):
    with pytest.raises(ValidationError):
        comment_add(user=reporter, draft=draft, text="   ")


def test_the_editorial_team_accepts_a_comment(draft, reporter, office):
    comment = comment_add(user=reporter, draft=draft, text=HEALTH, section="II. Chỉ tiêu")
    comment_answer(user=office, comment=comment, handling=Comment.Handling.ACCEPTED)
    comment.refresh_from_db()
    assert comment.handling == Comment.Handling.ACCEPTED
    assert comment.answered_by == office


def test_explaining_a_comment_needs_a_reply(draft, reporter, office):
    comment = comment_add(user=reporter, draft=draft, text=HEALTH)
    with pytest.raises(ValidationError):
        comment_answer(user=office, comment=comment, handling=Comment.Handling.EXPLAINED)
    comment_answer(
        user=office,
        comment=comment,
        handling=Comment.Handling.EXPLAINED,
        reply="Chỉ tiêu đã có trong Nghị quyết Đại hội; lộ trình nêu tại kế hoạch của Sở Y tế.",
    )
    comment.refresh_from_db()
    assert comment.reply.startswith("Chỉ tiêu đã có")


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_delegates_do_not_answer_comments(draft, dongthap, persona):
    comment = comment_add(user=dongthap.users[persona], draft=draft, text=HEALTH)
    with pytest.raises(PermissionDenied):
        comment_answer(
            user=dongthap.users[persona], comment=comment, handling=Comment.Handling.ACCEPTED
        )


def test_the_revised_draft_is_a_new_version_after_the_one_sent(draft, office):
    revised = draft_revise(
        user=office, draft=draft, text=draft.document.text + "\nIII. Giải pháp", note="Tiếp thu"
    )
    assert revised.number == draft.sent_version.number + 1
    draft.document.refresh_from_db()
    assert draft.document.text.endswith("III. Giải pháp")
    assert draft.document.versions.count() == 2
