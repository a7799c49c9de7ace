"""The demo reads as of the day it is loaded: this year open, tasks due around now."""

import datetime as dt

import pytest
from django.utils import timezone

from nghiquyet.core.demo import demo_load
from nghiquyet.core.demo_calendar import AUTHORED_ON, DemoCalendar, calendar_for
from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.meetings.demo import GUEST_USERNAME
from nghiquyet.meetings.models import Meeting
from nghiquyet.meetings.selectors import drafts_open_to
from nghiquyet.orgs.access import Action, can
from nghiquyet.reports.models import Report
from nghiquyet.targets.models import Actual
from nghiquyet.targets.selectors import period_deadline
from nghiquyet.tasks.models import Task
from nghiquyet.tasks.selectors import four_failures_evidence


def test_the_written_year_becomes_this_year_from_july_and_last_year_before():
    assert calendar_for(dt.date(2026, 12, 1)).years == 2
    assert calendar_for(dt.date(2027, 3, 1)).years == 2
    assert calendar_for(dt.date(2027, 7, 1)).years == 3
    assert calendar_for(AUTHORED_ON) == DemoCalendar()


def test_periods_sentences_and_leap_days_move_by_whole_years():
    calendar = DemoCalendar(years=2, today=dt.date(2026, 12, 1))
    assert calendar.text("2024-H1") == "2026-H1"
    assert calendar.text("tăng 8,5% so với năm 2023") == "tăng 8,5% so với năm 2025"
    assert calendar.text("35-NQ/TU") == "35-NQ/TU"
    assert calendar.on(dt.date(2024, 2, 29)) == dt.date(2026, 2, 28)
    assert calendar.done_on(dt.date(2024, 12, 13)) == dt.date(2026, 11, 30)


@pytest.mark.django_db
def test_loaded_today_the_year_is_open_the_half_reviewed_and_tasks_due_now(places):
    today = timezone.localdate()
    home, _other = demo_load(as_of=today)
    year = calendar_for(today).year(2024)
    province = home.province
    reporter = home.users["reporter"]

    assert period_deadline(province=province, period=str(year), body=None) >= today
    assert period_deadline(province=province, period=f"{year}-H1", body=None) < today

    tasks = Task.objects.filter(document__province=province, deadline__isnull=False)
    soon = [t for t in tasks if today <= t.deadline <= today + dt.timedelta(days=62)]
    assert soon and tasks.filter(deadline__lt=today).exists()

    quarter = Period.parse(f"{today.year}-Q{(today.month - 1) // 3 + 1}")
    evidence = four_failures_evidence(province=province, period=quarter, today=today)
    assert any(row.late or row.coordination or row.gaps for row in evidence)

    coming = Meeting.objects.get(body=home.bodies["bch"], starts_on__gt=today)
    guest = coming.participants.get(user__username=GUEST_USERNAME).user
    assert can(guest, Action.VIEW, coming)
    assert list(drafts_open_to(user=guest)) == list(drafts_open_to(user=reporter))


@pytest.mark.django_db
def test_loaded_today_last_years_resolution_is_reviewed_with_approved_figures_and_a_report(
    places, client
):
    today = timezone.localdate()
    home, _other = demo_load(as_of=today)
    last = calendar_for(today).year(2023)
    resolution = Document.objects.get(province=home.province, symbol="27-NQ/TU")
    assert resolution.title.endswith(f"năm {last}")

    figures = Actual.objects.filter(target__document=resolution)
    assert {figure.period for figure in figures} == {f"{last}-H1", str(last)}
    assert {figure.status for figure in figures} == {Actual.Status.APPROVED}
    assert period_deadline(province=home.province, period=str(last), body=None) < today
    assert Report.objects.filter(resolution=resolution, period=str(last)).exists()

    client.force_login(home.users["leader"])
    page = client.get(f"/targets/documents/{resolution.pk}/?period={last}").content.decode()
    assert "Tốc độ tăng trưởng GRDP" in page
    assert "status-exceeded" in page and "status-not_achieved" in page
