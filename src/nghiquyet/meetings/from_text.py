"""A meeting proposed from a news article by the extraction engine, for the user to confirm.

Nothing here writes: :func:`meeting_proposal` turns the engine's record into form
values (the body looked up among the province's bodies, the date completed with
the publication year when the article gives only day and month); the user
corrects them beside the text and the confirmed values go to the services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nghiquyet import extraction
from nghiquyet.orgs.models import Body, Place, Term

#: The engine's meeting kinds and the body kinds that hold such meetings.
BODY_KIND_OF = {
    # A congress (đại hội) is held by the provincial Party organisation itself.
    "dai_hoi": Body.Kind.PARTY_COMMITTEE,
    "bch": Body.Kind.EXECUTIVE_COMMITTEE,
    "btv": Body.Kind.STANDING_COMMITTEE,
    "thuong_truc": Body.Kind.STANDING_BOARD,
    "hdnd": Body.Kind.PEOPLES_COUNCIL,
    "ubnd": Body.Kind.PEOPLES_COMMITTEE,
}


@dataclass
class Chair:
    name: str
    position: str = ""


@dataclass
class MeetingProposal:
    """The values the engine read, in the form's terms; None where the text says nothing."""

    body: Body | None
    term: Term | None
    session: int | None
    extended: bool
    starts_on: dt.date | None
    duration_days: float | None
    venue: str
    chairs: list[Chair] = field(default_factory=list)
    found: bool = True


def _day(value: str | None, published: str | None) -> dt.date | None:
    if not value:
        return None
    if value.startswith("--") and published:
        value = published[:4] + value[1:]
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _term(province: Place, number: str | None, day: dt.date | None) -> Term | None:
    """The term the article names (khóa XI), or the one running on the meeting's day."""
    terms = Term.objects.filter(body__province=province, body__kind=Body.Kind.PARTY_COMMITTEE)
    if number:
        return terms.filter(number=number).first()
    if day:
        return terms.filter(start_year__lte=day.year, end_year__gte=day.year).first()
    return None


def meeting_proposal(*, text: str, province: Place) -> MeetingProposal:
    """Read ``text`` and propose a meeting of ``province``'s body; saves nothing."""
    found = extraction.extract(text)
    if not found.meetings:
        return MeetingProposal(
            body=None,
            term=None,
            session=None,
            extended=False,
            starts_on=None,
            duration_days=None,
            venue="",
            found=False,
        )
    meeting = found.meetings[0]
    body_kind = BODY_KIND_OF.get(meeting.kind)
    body = (
        Body.objects.filter(province=province, kind=body_kind).order_by("pk").first()
        if body_kind
        else None
    )
    day = _day(meeting.date, found.published)
    positions = {person.name: ", ".join(person.positions) for person in found.people}
    return MeetingProposal(
        body=body,
        term=_term(province, meeting.term, day),
        session=meeting.session,
        extended=meeting.extended,
        starts_on=day,
        duration_days=meeting.duration_days,
        venue=meeting.venue or "",
        chairs=[Chair(name=name, position=positions.get(name, "")) for name in meeting.chairs],
    )
