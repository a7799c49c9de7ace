"""Demo news: the office has written up the demo's closed conferences and published the
BCH's two; the Standing Board's review stays a draft, which the public never sees."""

from __future__ import annotations

from nghiquyet.meetings.models import Meeting
from nghiquyet.orgs.personas import ProvinceSetup

from .models import NewsItem
from .services import news_item_create_from_meeting, news_item_publish


def load(setup: ProvinceSetup) -> list[NewsItem]:
    items = []
    closed = Meeting.objects.filter(province=setup.province, status=Meeting.Status.CLOSED).order_by(
        "starts_on", "pk"
    )
    for meeting in closed:
        item = NewsItem.objects.filter(meeting=meeting).first()
        if item is None:
            item = news_item_create_from_meeting(user=setup.office, meeting=meeting)
            if meeting.body_id == setup.bodies["bch"].pk:
                news_item_publish(user=setup.office, news_item=item)
        items.append(item)
    return items
