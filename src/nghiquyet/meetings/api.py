"""API over meetings: read them, call one, comment on a draft, record a vote, read the
comment synthesis. Same access layer and same services as the pages.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from nghiquyet.api.inputs import FigureIn
from nghiquyet.api.pagination import Page
from nghiquyet.orgs.access import Action, get_for
from nghiquyet.orgs.models import Body, Term

from . import services
from .models import AgendaItem, Draft, Meeting
from .selectors import comment_synthesis, meeting_detail_queryset, meeting_list

router = Router(tags=["meetings"])


class Error(Schema):
    detail: str


class ParticipantOut(Schema):
    id: int
    name: str
    position: str
    kind: str
    is_chair: bool
    attendance: str


class VoteOut(Schema):
    id: int
    rule: str
    members: int
    present: int
    in_favour: int
    against: int
    abstain: int
    adopted: bool
    supersedes_id: int | None
    correction_reason: str


class DraftOut(Schema):
    id: int
    document_id: int
    title: str
    status: str


class AgendaItemOut(Schema):
    id: int
    order: int
    title: str
    presenter_id: int
    drafts: list[DraftOut]
    votes: list[VoteOut]


class MeetingOut(Schema):
    id: int
    title: str
    body_id: int
    term_id: int | None
    session: int | None
    extended: bool
    starts_on: dt.date
    ends_on: dt.date
    duration_days: Decimal
    venue: str
    status: str


class MeetingDetailOut(MeetingOut):
    participants: list[ParticipantOut]
    agenda: list[AgendaItemOut]
    conclusion: str


class MeetingIn(Schema):
    body_id: int
    term_id: int | None = None
    session: int | None = None
    session_override_reason: str = ""
    extended: bool = False
    starts_on: dt.date
    duration_days: FigureIn = Decimal("1")
    venue: str = ""
    members_count: int | None = None


class CommentIn(Schema):
    text: str
    section: str = ""


class CommentOut(Schema):
    id: int
    section: str
    text: str
    handling: str


class VoteIn(Schema):
    present: int
    in_favour: int
    against: int
    abstain: int
    corrects_id: int | None = None
    reason: str = ""


class SynthesisRowOut(Schema):
    number: int
    section: str
    delegate: str
    comment: str
    handling: str
    reply: str


def _meeting_out(meeting: Meeting) -> dict:
    return {
        "id": meeting.pk,
        "title": str(meeting),
        "body_id": meeting.body_id,
        "term_id": meeting.term_id,
        "session": meeting.session,
        "extended": meeting.extended,
        "starts_on": meeting.starts_on,
        "ends_on": meeting.ends_on,
        "duration_days": meeting.duration_days,
        "venue": meeting.venue,
        "status": meeting.status,
    }


def _refusal(error: ValidationError) -> dict:
    return {"detail": " ".join(error.messages)}


@router.get("/", response=list[MeetingOut])
@paginate(Page)
def meeting_index(request: HttpRequest, year: int | None = None):
    return [_meeting_out(m) for m in meeting_list(user=request.user, year=year)]


@router.get("/{meeting_id}", response=MeetingDetailOut)
def meeting_detail(request: HttpRequest, meeting_id: int):
    meeting = get_for(meeting_detail_queryset(), request.user, Action.VIEW, pk=meeting_id)
    conclusion = getattr(meeting, "conclusion", None)
    return {
        **_meeting_out(meeting),
        "participants": list(meeting.participants.all()),
        "agenda": [
            {
                "id": item.pk,
                "order": item.order,
                "title": item.title,
                "presenter_id": item.presenter_id,
                "drafts": [
                    {
                        "id": draft.pk,
                        "document_id": draft.document_id,
                        "title": draft.document.title,
                        "status": draft.document.status,
                    }
                    for draft in item.drafts.all()
                ],
                "votes": list(item.votes.all()),
            }
            for item in meeting.agenda_items.all()
        ],
        "conclusion": conclusion.text if conclusion else "",
    }


@router.post("/", response={201: MeetingOut, 400: Error})
def meeting_create(request: HttpRequest, payload: MeetingIn):
    body = get_for(Body, request.user, Action.VIEW, pk=payload.body_id)
    term = Term.objects.filter(pk=payload.term_id).first() if payload.term_id else None
    data = payload.dict(exclude={"body_id", "term_id"})
    try:
        meeting = services.meeting_create(user=request.user, body=body, term=term, **data)
    except ValidationError as error:
        return Status(400, _refusal(error))
    return Status(201, _meeting_out(meeting))


@router.post("/drafts/{draft_id}/comments", response={201: CommentOut, 400: Error})
def comment_add(request: HttpRequest, draft_id: int, payload: CommentIn):
    """A comment by an invited delegate; anyone else is refused (403)."""
    draft = get_for(
        Draft.objects.select_related("agenda_item__meeting"), request.user, Action.VIEW, pk=draft_id
    )
    try:
        comment = services.comment_add(
            user=request.user, draft=draft, text=payload.text, section=payload.section
        )
    except ValidationError as error:
        return Status(400, _refusal(error))
    return Status(201, comment)


@router.get("/drafts/{draft_id}/synthesis", response=list[SynthesisRowOut])
@paginate(Page)
def synthesis(request: HttpRequest, draft_id: int):
    draft = get_for(Draft, request.user, Action.VIEW, pk=draft_id)
    return comment_synthesis(draft=draft)


@router.post("/items/{item_id}/votes", response={201: VoteOut, 400: Error})
def vote_record(request: HttpRequest, item_id: int, payload: VoteIn):
    item = get_for(
        AgendaItem.objects.select_related("meeting__body"), request.user, Action.CHANGE, pk=item_id
    )
    corrects = item.votes.filter(pk=payload.corrects_id).first() if payload.corrects_id else None
    try:
        vote = services.vote_record(
            user=request.user,
            agenda_item=item,
            present=payload.present,
            in_favour=payload.in_favour,
            against=payload.against,
            abstain=payload.abstain,
            corrects=corrects,
            reason=payload.reason,
        )
    except ValidationError as error:
        return Status(400, _refusal(error))
    return Status(201, vote)
