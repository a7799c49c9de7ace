"""The demo province holds the meetings of seeds 000, 001 and 002, loaded once."""

import datetime as dt

import pytest

from nghiquyet.core.demo import demo_load
from nghiquyet.documents.models import Document
from nghiquyet.meetings import demo as meetings_demo
from nghiquyet.meetings.demo import GUEST_USERNAME
from nghiquyet.meetings.models import Comment, Meeting, Vote
from nghiquyet.meetings.selectors import meeting_for_document

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(dongthap):
    meetings_demo.load(dongthap)
    return dongthap


def test_the_three_seed_meetings_are_held_and_the_year_end_conference_is_coming(demo):
    bch = demo.bodies["bch"]
    sessions = list(Meeting.objects.filter(body=bch).values_list("session", "extended"))
    assert sorted(sessions) == [(16, True), (17, False), (18, True)]
    coming = Meeting.objects.get(body=bch, session=18)
    assert coming.status == Meeting.Status.PLANNED
    assert coming.participants.filter(user__username=GUEST_USERNAME).exists()
    seventeenth = Meeting.objects.get(body=bch, session=17)
    assert seventeenth.venue == "hội trường Sen Hồng"
    assert seventeenth.participants.filter(is_chair=True).count() == 3
    board = Meeting.objects.get(body=demo.bodies["thuong_truc"])
    assert board.starts_on == dt.date(2023, 6, 27)
    assert board.agenda_items.count() == 4
    assert all(m.status == Meeting.Status.CLOSED for m in Meeting.objects.exclude(pk=coming.pk))


def test_the_programmes_were_adopted_at_the_17th_conference(demo):
    seventeenth = Meeting.objects.get(body=demo.bodies["bch"], session=17)
    adopted = Document.objects.filter(
        meeting_drafts__agenda_item__meeting=seventeenth, status=Document.Status.ADOPTED
    )
    assert adopted.count() == 2
    assert all(meeting_for_document(document=d) == seventeenth for d in adopted)
    assert Comment.objects.filter(draft__agenda_item__meeting=seventeenth).count() == 5


def test_with_the_other_apps_demo_the_records_are_shared_and_loaded_once(places):
    home = demo_load()[0]
    resolution = Document.objects.get(province=home.province, symbol="35-NQ/TU")
    assert resolution.targets.exists()
    assert meeting_for_document(document=resolution).session == 16
    programme = Document.objects.get(
        issuer=home.bodies["bch"], title__contains="Nghị quyết số 45-NQ/TW về đội ngũ trí thức"
    )
    assert programme.status == Document.Status.ADOPTED
    counts = (Meeting.objects.count(), Vote.objects.count(), Comment.objects.count())
    demo_load()
    assert (Meeting.objects.count(), Vote.objects.count(), Comment.objects.count()) == counts
