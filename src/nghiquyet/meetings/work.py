"""The meetings' part of the home page's work list: drafts to comment on, meetings coming."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from nghiquyet.core.worklist import LIMIT, WorkItem, WorkSection
from nghiquyet.meetings.models import Meeting
from nghiquyet.meetings.selectors import drafts_open_to, meeting_list


def sections(*, user: Any, today: dt.date) -> list[WorkSection]:
    drafts = list(drafts_open_to(user=user).order_by("agenda_item__meeting__starts_on", "pk"))
    draft_items = [
        WorkItem(
            text=draft.document.title,
            url=reverse("meetings:draft", args=[draft.pk]),
            detail=str(draft.agenda_item.meeting),
            due=draft.agenda_item.meeting.starts_on,
            due_label=_("meeting on"),
        )
        for draft in drafts[:LIMIT]
    ]
    coming = (
        meeting_list(user=user)
        .filter(starts_on__gte=today, status=Meeting.Status.PLANNED)
        .order_by("starts_on", "pk")
    )
    meeting_items = [
        WorkItem(
            text=str(meeting),
            url=reverse("meetings:detail", args=[meeting.pk]),
            detail=meeting.venue,
            due=meeting.starts_on,
            due_label=_("on"),
        )
        for meeting in coming[:LIMIT]
    ]
    return [
        WorkSection(_("Drafts to comment on"), draft_items, total=len(drafts)),
        WorkSection(
            _("Meetings coming"), meeting_items, reverse("meetings:list"), total=coming.count()
        ),
    ]
