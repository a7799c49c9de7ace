"""Reads over meetings: what a user may see, session numbering, attendance, the vote
rule's inputs, the comment synthesis table.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Max, Prefetch, QuerySet

from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, scope
from nghiquyet.orgs.models import Body, Office, Term

from .models import AgendaItem, Comment, Draft, Meeting, Participant, Vote, VoteRule


def meeting_list(
    *, user: Any, body: Body | None = None, year: int | None = None
) -> QuerySet[Meeting]:
    """The meetings ``user`` may see, newest first, optionally of one body or year."""
    meetings = scope(Meeting.objects.select_related("body", "term", "province"), user)
    if body is not None:
        meetings = meetings.filter(body=body)
    if year is not None:
        meetings = meetings.filter(starts_on__year=year)
    return meetings


def meeting_detail_queryset() -> QuerySet[Meeting]:
    """A meeting with everything its detail page shows, in a fixed number of queries."""
    return Meeting.objects.select_related("body", "term", "province").prefetch_related(
        Prefetch("participants", Participant.objects.select_related("body", "person", "user")),
        Prefetch(
            "agenda_items",
            AgendaItem.objects.select_related("presenter", "submission").prefetch_related(
                Prefetch("drafts", Draft.objects.select_related("document")),
                Prefetch("votes", Vote.objects.order_by("recorded_at", "pk")),
            ),
        ),
    )


def meeting_next_session(*, body: Body, term: Term | None) -> int:
    """The number the next meeting of ``body`` in ``term`` should carry."""
    last = Meeting.objects.filter(body=body, term=term).aggregate(last=Max("session"))["last"]
    return (last or 0) + 1


def meeting_members_count(*, meeting: Meeting) -> int | None:
    """How many members the body has for the vote rule.

    The number the office recorded on the meeting wins; otherwise the people who
    hold an office in the body for the meeting's term on its first day. None when
    neither is known: a vote by majority of members cannot be judged then.
    """
    if meeting.members_count:
        return meeting.members_count
    if meeting.term_id is None:
        return None
    day = meeting.starts_on
    holders = (
        Office.objects.filter(body=meeting.body, term=meeting.term)
        .exclude(start_date__gt=day)
        .exclude(end_date__lt=day)
        .values("person")
        .distinct()
        .count()
    )
    return holders or None


#: Bodies whose decisions need more than half of all their members, not of those present:
#: the Party committees by the Party Statute, the People's Council and Committee by the
#: Law on the organisation of local government.
STATUTORY_BODIES = {
    Body.Kind.PARTY_COMMITTEE,
    Body.Kind.EXECUTIVE_COMMITTEE,
    Body.Kind.STANDING_COMMITTEE,
    Body.Kind.STANDING_BOARD,
    Body.Kind.INSPECTION_COMMITTEE,
    Body.Kind.PEOPLES_COUNCIL,
    Body.Kind.PEOPLES_COMMITTEE,
}


def vote_rule_for(*, body: Body) -> VoteRule:
    """The majority a body's decisions need; other bodies decide by those present."""
    if body.kind in STATUTORY_BODIES:
        return VoteRule.MAJORITY_OF_MEMBERS
    return VoteRule.MAJORITY_OF_PRESENT


def vote_current(*, agenda_item: AgendaItem) -> Vote | None:
    """The vote that stands for an item: the last one that no correction replaced."""
    return (
        Vote.objects.filter(agenda_item=agenda_item, superseded_by__isnull=True)
        .order_by("-recorded_at", "-pk")
        .first()
    )


def vote_standing(votes: list[Vote]) -> Vote | None:
    """The standing vote among an item's (prefetched) votes: the last one not corrected."""
    corrected = {vote.supersedes_id for vote in votes}
    standing = [vote for vote in votes if vote.pk not in corrected]
    return standing[-1] if standing else None


@dataclass(frozen=True)
class Attendance:
    invited: int
    present: int
    excused: int
    absent: int
    members_invited: int
    members_present: int
    guests_present: int


def meeting_attendance(*, meeting: Meeting) -> Attendance:
    """Who came: counts of participants by attendance, members and guests apart."""
    rows = list(meeting.participants.values_list("kind", "attendance"))
    member = Participant.Kind.MEMBER
    present = Participant.Attendance.PRESENT
    return Attendance(
        invited=len(rows),
        present=sum(1 for _kind, status in rows if status == present),
        excused=sum(1 for _kind, status in rows if status == Participant.Attendance.EXCUSED),
        absent=sum(1 for _kind, status in rows if status == Participant.Attendance.ABSENT),
        members_invited=sum(1 for kind, _status in rows if kind == member),
        members_present=sum(1 for kind, status in rows if kind == member and status == present),
        guests_present=sum(1 for kind, status in rows if kind != member and status == present),
    )


def participant_for(*, user: Any, meeting: Meeting) -> Participant | None:
    """The invitation of ``user`` to ``meeting``, if they are invited."""
    if user is None or not user.is_authenticated:
        return None
    return meeting.participants.filter(user=user).first()


def delegate_for_draft(*, user: Any, draft: Draft) -> Participant | None:
    """The participant through whom ``user`` may comment on ``draft``, or None.

    Two conditions, the first from the one access layer: the meeting must be
    visible to the user, and the user must be invited to it. Comments close with
    the meeting and once the draft is no longer a draft.
    """
    meeting = draft.agenda_item.meeting
    if not scope(Meeting.objects.filter(pk=meeting.pk), user, Action.VIEW).exists():
        return None
    if meeting.status != Meeting.Status.PLANNED:
        return None
    if not Document.objects.filter(pk=draft.document_id, status=Document.Status.DRAFT).exists():
        return None
    return participant_for(user=user, meeting=meeting)


def drafts_open_to(*, user: Any) -> QuerySet[Draft]:
    """Drafts the user is invited to comment on, for a delegate's own list."""
    visible = scope(Meeting.objects.all(), user).filter(status=Meeting.Status.PLANNED)
    return (
        Draft.objects.filter(
            agenda_item__meeting__in=visible,
            agenda_item__meeting__participants__user=user,
            document__status=Document.Status.DRAFT,
        )
        .select_related("document", "agenda_item__meeting__body")
        .distinct()
    )


@dataclass(frozen=True)
class SynthesisRow:
    """One line of the comment synthesis table (bảng tổng hợp ý kiến)."""

    number: int
    comment_id: int
    section: str
    delegate: str
    comment: str
    handling: str
    handling_label: str
    reply: str


def comment_synthesis(*, draft: Draft) -> list[SynthesisRow]:
    """The comments on a draft grouped by section, whole-draft comments first.

    Offices number the rows and list each delegate's comment beside the editorial
    team's handling and reply; that is what the table and its exports show.
    """
    comments = sorted(
        draft.comments.select_related("author"),
        key=lambda c: (c.section != "", c.section.casefold(), c.created_at, c.pk),
    )
    return [
        SynthesisRow(
            number=index,
            comment_id=comment.pk,
            section=comment.section,
            delegate=str(comment.author),
            comment=comment.text,
            handling=comment.handling,
            handling_label=str(comment.get_handling_display()),
            reply=comment.reply,
        )
        for index, comment in enumerate(comments, start=1)
    ]


def comment_handling_counts(*, draft: Draft) -> dict[str, int]:
    """How many comments of a draft are in each handling state."""
    counts = {choice: 0 for choice in Comment.Handling.values}
    for handling in draft.comments.values_list("handling", flat=True):
        counts[handling] += 1
    return counts


def meeting_for_document(*, document: Document) -> Meeting | None:
    """The meeting that adopted (or last discussed) ``document``, for a link back."""
    draft = (
        Draft.objects.filter(document=document, agenda_item__meeting__deleted_at__isnull=True)
        .select_related("agenda_item__meeting")
        .order_by("-agenda_item__meeting__starts_on")
        .first()
    )
    return draft.agenda_item.meeting if draft else None
