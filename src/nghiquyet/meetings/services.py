"""Writes on meetings, one function per thing the Party office does.

Every service checks permission through the one access layer: only the office of
the meeting's province changes a meeting (``Action.CHANGE`` on the meeting);
delegates comment only on drafts of meetings they are invited to
(:func:`selectors.delegate_for_draft`, which starts from the access layer).
"""

from __future__ import annotations

import datetime as dt
import math
from decimal import Decimal
from typing import Any

from django.contrib.auth import get_user_model, password_validation
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.core.history import history_attribute
from nghiquyet.core.validation import check_fields, create_checked, figure
from nghiquyet.documents.models import Document, DocumentVersion
from nghiquyet.documents.services import (
    document_adopt,
    document_create,
    document_update,
    document_version_add,
)
from nghiquyet.orgs.access import Action, can, can_create, scope
from nghiquyet.orgs.models import Body, Person, Term

from .from_text import Chair
from .models import AgendaItem, Comment, Conclusion, Draft, Meeting, Participant, Vote, VoteRule
from .selectors import (
    delegate_for_draft,
    meeting_members_count,
    meeting_next_session,
    vote_current,
    vote_rule_for,
)

HALF_DAY = Decimal("0.5")


def _require_change(user: Any, meeting: Meeting) -> None:
    if not can(user, Action.CHANGE, meeting):
        raise PermissionDenied(_("Only the office of the meeting's province can change it."))


def _require_open(meeting: Meeting) -> None:
    if meeting.status == Meeting.Status.CLOSED:
        raise ValidationError(_("The meeting is closed; its programme can no longer change."))


def _duration(value: Any) -> Decimal:
    """The length in days as typed, checked like every figure (finite, fits, not rounded)."""
    field = Meeting._meta.get_field("duration_days")
    return figure(
        value, field="duration_days", digits=field.max_digits, places=field.decimal_places
    )


def _check_days(starts_on: dt.date, ends_on: dt.date, duration_days: Decimal) -> None:
    """A meeting's length is counted in half days and must fit its calendar days."""
    if ends_on < starts_on:
        raise ValidationError(_("The last day cannot be before the first day."))
    if duration_days <= 0 or duration_days % HALF_DAY:
        raise ValidationError(_("The duration is counted in half days: 0.5, 1, 1.5…"))
    calendar_days = (ends_on - starts_on).days + 1
    if not calendar_days - 1 < duration_days <= calendar_days:
        raise ValidationError(
            _(
                "A meeting from %(start)s to %(end)s lasts more than %(min)s "
                "and at most %(max)s days."
            )
            % {
                "start": f"{starts_on:%d/%m/%Y}",
                "end": f"{ends_on:%d/%m/%Y}",
                "min": calendar_days - 1,
                "max": calendar_days,
            }
        )


def _check_session(
    *, body: Body, term: Term | None, session: int | None, reason: str, exclude_pk: int | None
) -> None:
    """The number is the next one for the body and term, unless a reason says otherwise."""
    if session is None:
        return
    taken = Meeting.objects.filter(body=body, term=term, session=session).exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(
            _("%(body)s already has a meeting no. %(session)s in this term.")
            % {"body": body.name, "session": session}
        )
    expected = meeting_next_session(body=body, term=term)
    if session != expected and not reason.strip():
        raise ValidationError(
            _(
                "The next meeting of %(body)s in this term is no. %(expected)s; "
                "give a reason to number it %(session)s."
            )
            % {"body": body.name, "expected": expected, "session": session}
        )


@transaction.atomic
def meeting_create(
    *,
    user: Any,
    body: Body,
    starts_on: dt.date,
    term: Term | None = None,
    session: int | None = None,
    session_override_reason: str = "",
    ends_on: dt.date | None = None,
    duration_days: Decimal | float = Decimal("1"),
    extended: bool = False,
    venue: str = "",
    title: str = "",
    members_count: int | None = None,
) -> Meeting:
    """Call a meeting of ``body``: numbered, dated, placed. Nothing else is invited yet."""
    if body.province is None:
        raise ValidationError(_("Only a province's bodies hold meetings here."))
    if not can_create(user, Meeting, province=body.province):
        raise PermissionDenied(_("Only the office of the province can call its meetings."))
    if term is not None and term.body.province_id != body.province_id:
        raise ValidationError(_("The term belongs to another province."))
    duration = _duration(duration_days)
    ends_on = ends_on or starts_on + dt.timedelta(days=math.ceil(duration) - 1)
    _check_days(starts_on, ends_on, duration)
    _check_session(
        body=body, term=term, session=session, reason=session_override_reason, exclude_pk=None
    )
    return create_checked(
        Meeting,
        province=body.province,
        body=body,
        term=term,
        session=session,
        session_override_reason=session_override_reason.strip() if session else "",
        extended=extended,
        title=title,
        starts_on=starts_on,
        ends_on=ends_on,
        duration_days=duration,
        venue=venue,
        members_count=members_count,
        created_by=user,
    )


@transaction.atomic
def meeting_update(
    *,
    user: Any,
    meeting: Meeting,
    venue: str | None = None,
    members_count: int | None = None,
    starts_on: dt.date | None = None,
    ends_on: dt.date | None = None,
    duration_days: Decimal | float | None = None,
) -> Meeting:
    """Change the practical details of a meeting the office already called."""
    _require_change(user, meeting)
    if venue is not None:
        meeting.venue = venue
    if members_count is not None:
        meeting.members_count = members_count or None
    meeting.starts_on = starts_on or meeting.starts_on
    meeting.ends_on = ends_on or meeting.ends_on
    if duration_days is not None:
        meeting.duration_days = _duration(duration_days)
    _check_days(meeting.starts_on, meeting.ends_on, meeting.duration_days)
    check_fields(meeting)
    meeting.save()
    return meeting


@transaction.atomic
def participant_invite(
    *,
    user: Any,
    meeting: Meeting,
    name: str = "",
    position: str = "",
    person: Person | None = None,
    delegate: Any = None,
    body: Body | None = None,
    kind: Participant.Kind = Participant.Kind.MEMBER,
    is_chair: bool = False,
) -> Participant:
    """Invite someone: a member, a guest, a user who will comment, or a guest body.

    ``delegate`` is the user account of the participant; only invited users may
    comment on the drafts.
    """
    _require_change(user, meeting)
    name = (name or (person.full_name if person else "") or (body.name if body else "")).strip()
    if not name and delegate is not None:
        name = delegate.get_full_name() or delegate.get_username()
    if not name:
        raise ValidationError(_("Name the participant, their person record or their body."))
    if delegate is not None and meeting.participants.filter(user=delegate).exists():
        raise ValidationError(_("%(name)s is already invited.") % {"name": name})
    if person is not None and meeting.participants.filter(person=person).exists():
        raise ValidationError(_("%(name)s is already invited.") % {"name": name})
    order = (meeting.participants.aggregate(last=Max("order"))["last"] or 0) + 1
    return create_checked(
        Participant,
        meeting=meeting,
        kind=kind,
        name=name,
        position=position,
        person=person,
        user=delegate,
        body=body,
        is_chair=is_chair,
        order=order,
    )


@transaction.atomic
def guest_account_create(
    *,
    user: Any,
    meeting: Meeting,
    username: str,
    password: str,
    full_name: str,
    position: str = "",
    email: str = "",
) -> Participant:
    """Give a guest (a central body's delegate) a login and invite it to the meeting.

    The account belongs to no body of the province: the invitation alone lets it
    read the meeting and comment on its drafts, and nothing else.
    """
    _require_change(user, meeting)
    username, full_name = username.strip(), full_name.strip()
    if not username or not full_name:
        raise ValidationError(_("A guest account needs a login name and a full name."))
    accounts = get_user_model()
    if accounts.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("The login name %(name)s is taken.") % {"name": username})
    try:
        password_validation.validate_password(password)
    except ValidationError as exc:
        raise ValidationError(exc.messages) from exc
    first, _sep, last = full_name.rpartition(" ")
    guest = accounts.objects.create_user(
        username=username, password=password, email=email, first_name=first, last_name=last
    )
    return participant_invite(
        user=user,
        meeting=meeting,
        delegate=guest,
        name=full_name,
        position=position,
        kind=Participant.Kind.GUEST,
    )


@transaction.atomic
def participant_attendance_set(
    *, user: Any, participant: Participant, attendance: Participant.Attendance
) -> Participant:
    """Record whether an invited participant came."""
    _require_change(user, participant.meeting)
    if attendance not in Participant.Attendance.values:
        raise ValidationError(_("Unknown attendance."))
    participant.attendance = attendance
    participant.save(update_fields=["attendance"])
    return participant


@transaction.atomic
def agenda_item_add(
    *,
    user: Any,
    meeting: Meeting,
    title: str,
    presenter: Body,
    submission: Document | None = None,
) -> AgendaItem:
    """Put a submission of ``presenter`` on the programme, after the items already there."""
    _require_change(user, meeting)
    _require_open(meeting)
    if not title.strip():
        raise ValidationError(_("An agenda item needs a title."))
    order = (meeting.agenda_items.aggregate(last=Max("order"))["last"] or 0) + 1
    return create_checked(
        AgendaItem,
        meeting=meeting,
        order=order,
        title=title.strip(),
        presenter=presenter,
        submission=submission,
    )


def _latest_version(document: Document) -> DocumentVersion | None:
    return document.versions.order_by("-number").first()


@transaction.atomic
def draft_add(*, user: Any, agenda_item: AgendaItem, document: Document) -> Draft:
    """Put a draft document under an agenda item and fix the version sent to delegates.

    The latest version is what delegates receive; a document without versions
    gets its current text recorded as version 1, so every comment refers to the
    version the delegate read.
    """
    meeting = agenda_item.meeting
    _require_change(user, meeting)
    _require_open(meeting)
    if document.status != Document.Status.DRAFT:
        raise ValidationError(_("Only a draft can be put before a meeting."))
    if document.province_id not in (None, meeting.province_id):
        raise ValidationError(_("The draft belongs to another province."))
    if agenda_item.drafts.filter(document=document).exists():
        raise ValidationError(_("This draft is already under this agenda item."))
    sent = _latest_version(document)
    if sent is None and document.text.strip():
        sent = document_version_add(
            user=user,
            document=document,
            text=document.text,
            origin=DocumentVersion.Origin.UPLOADED,
            note=_("Sent to the delegates of %(meeting)s") % {"meeting": meeting},
        )
    return create_checked(Draft, agenda_item=agenda_item, document=document, sent_version=sent)


@transaction.atomic
def draft_create(
    *,
    user: Any,
    agenda_item: AgendaItem,
    kind: str,
    title: str,
    text: str = "",
    issuer: Body | None = None,
) -> Draft:
    """Write a new draft document for an agenda item (status draft, issuer the meeting's body)."""
    meeting = agenda_item.meeting
    _require_change(user, meeting)
    document = document_create(
        user=user,
        kind=kind,
        title=title,
        text=text,
        issuer=issuer or meeting.body,
        term=meeting.term,
        status=Document.Status.DRAFT,
    )
    return draft_add(user=user, agenda_item=agenda_item, document=document)


@transaction.atomic
def agenda_item_add_draft(
    *, user: Any, meeting: Meeting, document: Document, presenter: Body, title: str = ""
) -> Draft:
    """Put one draft (a generated review report, say) on a meeting's programme as its own item."""
    item = agenda_item_add(
        user=user,
        meeting=meeting,
        title=title or _("Draft %(title)s") % {"title": document.title},
        presenter=presenter,
    )
    return draft_add(user=user, agenda_item=item, document=document)


@transaction.atomic
def draft_revise(*, user: Any, draft: Draft, text: str, note: str = "") -> DocumentVersion:
    """Record the revised draft after the comments: a new version, the old ones kept."""
    _require_change(user, draft.meeting)
    if draft.document.status != Document.Status.DRAFT:
        raise ValidationError(_("An adopted document is no longer revised as a draft."))
    if not text.strip():
        raise ValidationError(_("The revised draft has no text."))
    version = document_version_add(
        user=user,
        document=draft.document,
        text=text,
        origin=DocumentVersion.Origin.EDITED,
        note=note or _("Revised after the comments"),
    )
    draft.document.text = text
    draft.document.save(update_fields=["text"])
    return version


@transaction.atomic
def comment_add(*, user: Any, draft: Draft, text: str, section: str = "") -> Comment:
    """A delegate's comment on a draft, on the whole of it or on one section."""
    delegate = delegate_for_draft(user=user, draft=draft)
    if delegate is None:
        raise PermissionDenied(
            _("Only delegates invited to the meeting can comment on its drafts while it is open.")
        )
    if not text.strip():
        raise ValidationError(_("The comment is empty."))
    return create_checked(
        Comment,
        draft=draft,
        version=draft.sent_version,
        author=delegate,
        section=section.strip(),
        text=text.strip(),
    )


@transaction.atomic
def comment_answer(
    *, user: Any, comment: Comment, handling: Comment.Handling, reply: str = ""
) -> Comment:
    """The editorial team's answer: accepted, partly accepted or explained, with a reply.

    Partial acceptance and explanation need a reply: that is what the delegate reads.
    """
    _require_change(user, comment.draft.meeting)
    if handling not in Comment.Handling.values or handling == Comment.Handling.PENDING:
        raise ValidationError(_("Mark the comment accepted, partly accepted or explained."))
    if handling != Comment.Handling.ACCEPTED and not reply.strip():
        raise ValidationError(_("Say why the comment is only partly accepted or not accepted."))
    comment.handling = handling
    comment.reply = reply.strip()
    comment.answered_by = user
    comment.answered_at = timezone.now()
    comment.save(update_fields=["handling", "reply", "answered_by", "answered_at"])
    return comment


def vote_adopts(*, rule: VoteRule, members: int, present: int, in_favour: int) -> bool:
    """More than half of the members (or of those present) voted for."""
    base = members if rule == VoteRule.MAJORITY_OF_MEMBERS else present
    return in_favour * 2 > base


@transaction.atomic
def vote_record(
    *,
    user: Any,
    agenda_item: AgendaItem,
    present: int,
    in_favour: int,
    against: int,
    abstain: int,
    corrects: Vote | None = None,
    reason: str = "",
) -> Vote:
    """Record the result of a vote; the body's rule decides whether the item is adopted.

    The recorded vote is final. A second vote on the same item is accepted only as
    a correction of the standing one, with a reason.
    """
    meeting = agenda_item.meeting
    _require_change(user, meeting)
    members = meeting_members_count(meeting=meeting)
    if members is None:
        raise ValidationError(
            _("Record how many members %(body)s has before recording a vote.")
            % {"body": meeting.body.name}
        )
    if min(present, in_favour, against, abstain) < 0:
        raise ValidationError(_("Vote counts cannot be negative."))
    if present > members:
        raise ValidationError(
            _("%(present)s voters present, but the body has %(members)s members.")
            % {"present": present, "members": members}
        )
    if in_favour + against + abstain > present:
        raise ValidationError(
            _("%(ballots)s votes cast by %(present)s voters present.")
            % {"ballots": in_favour + against + abstain, "present": present}
        )
    standing = vote_current(agenda_item=agenda_item)
    if corrects is None and standing is not None:
        raise ValidationError(
            _("A vote is already recorded for this item; record a correction with a reason.")
        )
    if corrects is not None:
        if standing is None or corrects.pk != standing.pk:
            raise ValidationError(_("Only the standing vote of this item can be corrected."))
        if not reason.strip():
            raise ValidationError(_("A correction needs a reason."))
    rule = vote_rule_for(body=meeting.body)
    return create_checked(
        Vote,
        agenda_item=agenda_item,
        rule=rule,
        members=members,
        present=present,
        in_favour=in_favour,
        against=against,
        abstain=abstain,
        adopted=vote_adopts(rule=rule, members=members, present=present, in_favour=in_favour),
        supersedes=corrects,
        correction_reason=reason.strip() if corrects else "",
        recorded_by=user,
    )


@transaction.atomic
def draft_adopt(
    *,
    user: Any,
    draft: Draft,
    number: str = "",
    symbol: str = "",
    issued_on: dt.date | None = None,
    kind: str | None = None,
) -> Document:
    """Make the draft an adopted document once the vote on its item passed.

    The adopted document stays the same record as the draft (its versions, its
    comments and this meeting remain attached); targets and tasks are then added
    to it by their own apps. The adopted text is recorded as a final version.
    """
    meeting = draft.meeting
    _require_change(user, meeting)
    document = draft.document
    if document.status != Document.Status.DRAFT:
        raise ValidationError(_("This draft is already adopted."))
    vote = vote_current(agenda_item=draft.agenda_item)
    if vote is None or not vote.adopted:
        raise ValidationError(_("The item was not adopted by a vote; the draft stays a draft."))
    particulars = {"issuer": document.issuer or meeting.body, "term": document.term or meeting.term}
    if number.strip():
        particulars["number"] = number
    if kind:
        particulars["kind"] = kind
    document = document_update(user=user, document=document, data=particulars)
    document = document_adopt(
        user=user, document=document, issued_on=issued_on or meeting.ends_on, symbol=symbol
    )
    if document.text.strip():
        document_version_add(
            user=user,
            document=document,
            text=document.text,
            origin=DocumentVersion.Origin.EDITED,
            note=_("Adopted at %(meeting)s") % {"meeting": meeting},
        )
    draft.document = document
    return document


@transaction.atomic
def agenda_item_record_adopted(*, user: Any, agenda_item: AgendaItem, document: Document) -> Draft:
    """Record that a document already in the register was adopted under this item.

    For meetings entered after the fact (from a news article, say), when the
    resolution they adopted is already recorded as adopted: the draft row links it
    back to the meeting. The item's standing vote must have adopted it.
    """
    meeting = agenda_item.meeting
    _require_change(user, meeting)
    if document.status != Document.Status.ADOPTED:
        raise ValidationError(_("Only an adopted document can be recorded as adopted here."))
    if document.province_id != meeting.province_id:
        raise ValidationError(_("The document belongs to another province."))
    vote = vote_current(agenda_item=agenda_item)
    if vote is None or not vote.adopted:
        raise ValidationError(_("The item was not adopted by a vote; the draft stays a draft."))
    if agenda_item.drafts.filter(document=document).exists():
        raise ValidationError(_("This draft is already under this agenda item."))
    return create_checked(
        Draft, agenda_item=agenda_item, document=document, sent_version=_latest_version(document)
    )


@transaction.atomic
def meeting_close(
    *, user: Any, meeting: Meeting, conclusion: str, chair: Participant | None = None
) -> Meeting:
    """Record the chair's conclusion and close the meeting to comments and new items."""
    _require_change(user, meeting)
    _require_open(meeting)
    if not conclusion.strip():
        raise ValidationError(_("The conclusion is empty."))
    if chair is not None and chair.meeting_id != meeting.pk:
        raise ValidationError(_("The chair must be a participant of this meeting."))
    Conclusion.objects.update_or_create(
        meeting=meeting, defaults={"text": conclusion.strip(), "chair": chair}
    )
    meeting.status = Meeting.Status.CLOSED
    meeting.save(update_fields=["status"])
    return meeting


@transaction.atomic
def meeting_create_with_chairs(*, user: Any, chairs: list[Chair], **fields: Any) -> Meeting:
    """Create a meeting and invite its chairs, as confirmed from a news article.

    A chair whose name matches one person record is linked to it, so the same
    official is recognised across meetings.
    """
    meeting = meeting_create(user=user, **fields)
    for chair in chairs:
        matches = list(Person.objects.filter(full_name=chair.name.strip())[:2])
        participant_invite(
            user=user,
            meeting=meeting,
            name=chair.name,
            position=chair.position,
            person=matches[0] if len(matches) == 1 else None,
            is_chair=True,
        )
    return meeting


@transaction.atomic
def meeting_delete(*, user: Any, meeting: Meeting) -> None:
    """Move a meeting (with its programme, drafts and votes) to the deleted records."""
    _require_change(user, meeting)
    history_attribute(meeting, user)
    meeting.soft_delete()


@transaction.atomic
def meeting_restore(*, user: Any, meeting: Meeting) -> Meeting:
    """Bring back a deleted meeting, unless its session number was given to another since."""
    if not scope(Meeting.all_objects.filter(pk=meeting.pk), user, Action.CHANGE).exists():
        raise PermissionDenied(_("Only the office of the meeting's province can change it."))
    taken = Meeting.objects.filter(
        body=meeting.body_id, term=meeting.term_id, session__isnull=False, session=meeting.session
    )
    if taken.exists():
        raise ValidationError(
            _("Session %(session)s has been given to another meeting since it was deleted.")
            % {"session": meeting.session}
        )
    history_attribute(meeting, user)
    meeting.restore()
    return meeting
