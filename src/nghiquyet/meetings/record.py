"""What happened at a meeting, gathered once from its records for the minutes and the news.

The minutes (biên bản) and the news summary are two renderings of the same facts:
who chaired, who attended, what each item put forward, how the vote went, what
was adopted and its key targets, and the chair's conclusion.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from nghiquyet.core.language import current_language
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import format_figure
from nghiquyet.targets.models import Target

from .models import AgendaItem, Meeting, Participant, Vote
from .selectors import Attendance, meeting_attendance, meeting_detail_queryset, vote_standing

#: How many targets of an adopted document the news names, as the seed articles do.
KEY_TARGETS = 6


@dataclass
class ItemRecord:
    item: AgendaItem
    drafts: list[Document]
    comments: int
    vote: Vote | None
    adopted: list[Document] = field(default_factory=list)


@dataclass
class MeetingRecord:
    meeting: Meeting
    chairs: list[Participant]
    members: list[Participant]
    guests: list[Participant]
    attendance: Attendance
    items: list[ItemRecord]
    conclusion: str
    concluded_by: Participant | None
    key_targets: list[str]

    @property
    def adopted(self) -> list[Document]:
        return [document for record in self.items for document in record.adopted]


def meeting_record(*, meeting: Meeting) -> MeetingRecord:
    """Gather a meeting's facts; only standing votes count, corrections replace the wrong ones."""
    meeting = meeting_detail_queryset().get(pk=meeting.pk)
    participants = list(meeting.participants.all())
    items = []
    for item in meeting.agenda_items.all():
        drafts = [draft.document for draft in item.drafts.all()]
        items.append(
            ItemRecord(
                item=item,
                drafts=drafts,
                comments=sum(draft.comments.count() for draft in item.drafts.all()),
                vote=vote_standing(list(item.votes.all())),
                adopted=[d for d in drafts if d.status == Document.Status.ADOPTED],
            )
        )
    conclusion = getattr(meeting, "conclusion", None)
    adopted_ids = [document.pk for record in items for document in record.adopted]
    targets = Target.objects.filter(document_id__in=adopted_ids).select_related("indicator")
    return MeetingRecord(
        meeting=meeting,
        chairs=[p for p in participants if p.is_chair],
        members=[p for p in participants if p.kind == Participant.Kind.MEMBER and not p.is_chair],
        guests=[p for p in participants if p.kind == Participant.Kind.GUEST],
        attendance=meeting_attendance(meeting=meeting),
        items=items,
        conclusion=conclusion.text if conclusion else "",
        concluded_by=conclusion.chair if conclusion else None,
        key_targets=[t.source_text or str(t) for t in targets[:KEY_TARGETS]],
    )


def duration_text(meeting: Meeting) -> str:
    """“1 ngày”, “1,5 ngày”, “một buổi” for half a day; “1 day” but “1.5 days” in English."""
    if meeting.duration_days == 0.5:
        return _("half a day")
    days = format_figure(meeting.duration_days, current_language())
    return ngettext("%(days)s day", "%(days)s days", 1 if meeting.duration_days == 1 else 2) % {
        "days": days
    }


def vote_text(vote: Vote) -> str:
    """The vote as minutes state it, with the share of all members for."""
    share = format_figure(vote.in_favour * 100 / vote.members, current_language(), max_places=1)
    values = {
        "present": vote.present,
        "members": vote.members,
        "for": vote.in_favour,
        "share": share,
        "against": vote.against,
        "abstain": vote.abstain,
    }
    text = (
        _(
            "%(present)s of %(members)s members present; %(for)s for (%(share)s%% of all members), "
            "%(against)s against, %(abstain)s abstaining"
        )
        % values
    )
    silent = vote.present - vote.in_favour - vote.against - vote.abstain
    if silent:
        text += _(", %(silent)s present but not voting") % {"silent": silent}
    outcome = _("adopted") if vote.adopted else _("not adopted")
    return f"{text}: {outcome}."


def chair_text(participant: Participant) -> str:
    """“Lê Quốc Phong - Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy”, as the articles write."""
    return (
        f"{participant.name} - {participant.position}" if participant.position else participant.name
    )
