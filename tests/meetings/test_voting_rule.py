"""The BCH adopts by a majority of its members, not of those present; a vote is final."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from nghiquyet.meetings.models import Vote, VoteRule
from nghiquyet.meetings.selectors import meeting_members_count, vote_current, vote_rule_for
from nghiquyet.meetings.services import meeting_update, vote_record
from nghiquyet.orgs.models import Office, Person

pytestmark = pytest.mark.django_db


def test_a_majority_of_the_50_members_adopts(item, office):
    vote = vote_record(
        user=office, agenda_item=item, present=45, in_favour=44, against=0, abstain=1
    )
    assert vote.adopted
    assert vote.rule == VoteRule.MAJORITY_OF_MEMBERS
    assert vote.members == 50


def test_a_majority_of_those_present_but_not_of_members_fails(item, office):
    vote = vote_record(
        user=office, agenda_item=item, present=30, in_favour=25, against=3, abstain=2
    )
    assert not vote.adopted


def test_exactly_half_of_the_members_is_not_a_majority(item, office):
    vote = vote_record(
        user=office, agenda_item=item, present=50, in_favour=25, against=25, abstain=0
    )
    assert not vote.adopted


def test_a_board_meeting_decides_by_those_present(dongthap):
    assert vote_rule_for(body=dongthap.bodies["bch"]) == VoteRule.MAJORITY_OF_MEMBERS
    assert vote_rule_for(body=dongthap.bodies["hdnd"]) == VoteRule.MAJORITY_OF_MEMBERS
    assert vote_rule_for(body=dongthap.bodies["ban_tuyen_giao"]) == VoteRule.MAJORITY_OF_PRESENT


def test_members_are_counted_from_the_offices_of_the_term_when_not_recorded(
    meeting, item, dongthap, office
):
    meeting_update(user=office, meeting=meeting, members_count=0)
    for name in ("Lê Quốc Phong", "Phan Văn Thắng", "Phạm Thiện Nghĩa"):
        Office.objects.create(
            person=Person.objects.create(full_name=name),
            body=dongthap.bodies["bch"],
            term=dongthap.term,
            title="Tỉnh ủy viên",
        )
    meeting.refresh_from_db()
    assert meeting_members_count(meeting=meeting) == 3
    vote = vote_record(user=office, agenda_item=item, present=3, in_favour=2, against=1, abstain=0)
    assert vote.members == 3 and vote.adopted


def test_without_a_members_count_no_vote_can_be_judged(meeting, item, office):
    meeting_update(user=office, meeting=meeting, members_count=0)
    meeting.refresh_from_db()
    with pytest.raises(ValidationError, match="tổng số ủy viên"):
        vote_record(user=office, agenda_item=item, present=3, in_favour=3, against=0, abstain=0)


@pytest.mark.parametrize(
    "present,in_favour,against,abstain",
    [(51, 40, 0, 0), (40, 30, 9, 2), (40, -1, 0, 0)],
)
def test_impossible_counts_are_refused(item, office, present, in_favour, against, abstain):
    with pytest.raises(ValidationError):
        vote_record(
            user=office,
            agenda_item=item,
            present=present,
            in_favour=in_favour,
            against=against,
            abstain=abstain,
        )
    assert not Vote.objects.exists()


def test_a_second_vote_without_a_correction_reason_is_refused(item, office):
    vote_record(user=office, agenda_item=item, present=45, in_favour=44, against=0, abstain=1)
    with pytest.raises(ValidationError, match="đã có kết quả biểu quyết"):
        vote_record(user=office, agenda_item=item, present=45, in_favour=45, against=0, abstain=0)


def test_a_correction_is_a_new_record_that_keeps_the_first(item, office):
    wrong = vote_record(
        user=office, agenda_item=item, present=45, in_favour=24, against=0, abstain=1
    )
    with pytest.raises(ValidationError, match="lý do"):
        vote_record(
            user=office,
            agenda_item=item,
            present=45,
            in_favour=44,
            against=0,
            abstain=1,
            corrects=wrong,
        )
    fixed = vote_record(
        user=office,
        agenda_item=item,
        present=45,
        in_favour=44,
        against=0,
        abstain=1,
        corrects=wrong,
        reason="Nhập nhầm số phiếu tán thành",
    )
    wrong.refresh_from_db()
    assert (wrong.in_favour, wrong.adopted) == (24, False)
    assert vote_current(agenda_item=item) == fixed
    assert fixed.adopted and fixed.supersedes == wrong
    with pytest.raises(ValidationError, match="đang có hiệu lực"):
        vote_record(
            user=office,
            agenda_item=item,
            present=45,
            in_favour=40,
            against=0,
            abstain=1,
            corrects=wrong,
            reason="again",
        )


@pytest.mark.parametrize("persona", ["reporter", "leader"])
def test_only_the_office_records_votes(item, dongthap, persona):
    with pytest.raises(PermissionDenied):
        vote_record(
            user=dongthap.users[persona],
            agenda_item=item,
            present=45,
            in_favour=44,
            against=0,
            abstain=1,
        )


def test_another_provinces_office_cannot_record_votes(item, outsider):
    with pytest.raises(PermissionDenied):
        vote_record(user=outsider, agenda_item=item, present=45, in_favour=44, against=0, abstain=1)
