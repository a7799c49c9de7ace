"""The short news summary of a meeting, in the shape of the provincial news articles.

The seed articles open with day, venue, body and session, name the chairs with
their positions, list the guests, say what was submitted and adopted with its key
targets, quote the conclusion and end with how long the meeting lasted. The
summary follows that order, using only what the records hold.
"""

from __future__ import annotations

from django.utils.translation import gettext as _

from .record import MeetingRecord, chair_text, duration_text


def news_title(record: MeetingRecord) -> str:
    return str(record.meeting)


def news_paragraphs(record: MeetingRecord) -> list[str]:
    meeting = record.meeting
    day = meeting.starts_on
    opening = _("On %(day)s") % {"day": f"{day.day}/{day.month}/{day.year}"}
    if meeting.venue:
        opening += _(", at %(venue)s") % {"venue": meeting.venue}
    opening += _(", %(meeting)s took place.") % {"meeting": meeting}
    if record.chairs:
        opening += " " + _("Comrades %(chairs)s chaired the meeting.") % {
            "chairs": "; ".join(chair_text(p) for p in record.chairs)
        }
    if record.guests:
        opening += " " + _("Attending were representatives of %(guests)s.") % {
            "guests": "; ".join(p.name for p in record.guests)
        }
    paragraphs = [opening]
    for item_record in record.items:
        item = item_record.item
        sentence = _("%(presenter)s presented %(title)s.") % {
            "presenter": item.presenter.name,
            "title": item.title,
        }
        if item_record.comments:
            sentence += " " + _("Delegates made %(count)s comments on the drafts.") % {
                "count": item_record.comments
            }
        paragraphs.append(sentence)
    if record.adopted:
        paragraphs.append(
            _("The meeting adopted %(documents)s.")
            % {"documents": "; ".join(str(document) for document in record.adopted)}
        )
    if record.key_targets:
        paragraphs.append(
            _("Key targets: %(targets)s.") % {"targets": "; ".join(record.key_targets)}
        )
    if record.conclusion:
        who = record.concluded_by or (record.chairs[0] if record.chairs else None)
        lead = (
            _("Concluding the meeting, comrade %(chair)s") % {"chair": chair_text(who)}
            if who
            else _("In its conclusion, the meeting")
        )
        paragraphs.append(f"{lead}: {record.conclusion}")
    paragraphs.append(
        _("%(meeting)s lasted %(duration)s.")
        % {"meeting": meeting, "duration": duration_text(meeting)}
    )
    return paragraphs
