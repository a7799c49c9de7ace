"""A task's status comes from its records: updates, deadline history and the day asked about."""

import datetime as dt

import pytest
from django.utils import timezone

from nghiquyet.tasks import services
from nghiquyet.tasks.selectors import task_detail
from nghiquyet.tasks.status import Status, TaskFacts, UpdateFact, longest_gap, occurrence_windows

pytestmark = pytest.mark.django_db

JUNE_30 = dt.date(2024, 6, 30)


def report(task, office, day, percent, *, blocked=False):
    return services.task_progress_add(
        user=office,
        task=task,
        reported_on=day,
        percent=percent,
        narrative=f"Đạt {percent}% khối lượng",
        blocked=blocked,
        today=day,
    )


def status(task, today):
    return task_detail(task=task, today=today).status


def test_a_task_without_updates_has_not_started(assign):
    task = assign(deadline=JUNE_30)
    assert status(task, dt.date(2024, 3, 1)) == Status.NOT_STARTED


def test_a_task_with_partial_progress_is_in_progress_within_the_deadline(assign, office):
    task = assign(deadline=JUNE_30)
    report(task, office, dt.date(2024, 3, 1), 40)
    assert status(task, dt.date(2024, 3, 2)) == Status.IN_PROGRESS


def test_a_task_whose_latest_update_reports_a_blocker_is_blocked(assign, office):
    task = assign(deadline=JUNE_30)
    report(task, office, dt.date(2024, 3, 1), 40)
    report(task, office, dt.date(2024, 4, 1), 45, blocked=True)
    assert status(task, dt.date(2024, 4, 2)) == Status.BLOCKED


def test_a_task_due_today_is_not_yet_overdue(assign, office):
    task = assign(deadline=JUNE_30)
    report(task, office, dt.date(2024, 6, 1), 80)
    assert status(task, JUNE_30) == Status.IN_PROGRESS
    assert status(task, JUNE_30 + dt.timedelta(days=1)) == Status.OVERDUE


def test_a_blocked_task_past_its_deadline_is_overdue(assign, office):
    task = assign(deadline=JUNE_30)
    report(task, office, dt.date(2024, 6, 1), 50, blocked=True)
    assert status(task, dt.date(2024, 7, 1)) == Status.OVERDUE


def test_a_task_finished_on_its_deadline_is_done_on_time(assign, office):
    task = assign(deadline=JUNE_30)
    report(task, office, JUNE_30, 100)
    row = task_detail(task=task, today=dt.date(2024, 9, 1))
    assert (row.status, row.done_on, row.days_late) == (Status.DONE_ON_TIME, JUNE_30, 0)


def test_a_task_finished_after_its_deadline_is_done_late_by_the_days_between(assign, office):
    task = assign(deadline=JUNE_30)
    report(task, office, dt.date(2024, 7, 15), 100)
    row = task_detail(task=task, today=dt.date(2024, 9, 1))
    assert (row.status, row.days_late) == (Status.DONE_LATE, 15)


def test_an_extension_decided_before_the_work_was_done_counts(assign, office):
    task = assign(deadline=JUNE_30)
    services.task_deadline_move(
        user=office, task=task, deadline=dt.date(2024, 9, 30), reason="Kết luận số 12-KL/TU"
    )
    report(task, office, dt.date(2024, 8, 20), 100)
    assert status(task, dt.date(2024, 10, 1)) == Status.DONE_ON_TIME


def test_an_extension_entered_after_the_work_was_done_does_not_make_it_on_time(assign, office):
    task = assign(deadline=JUNE_30)
    report(task, office, dt.date(2024, 8, 20), 100)
    services.task_deadline_move(
        user=office, task=task, deadline=dt.date(2024, 9, 30), reason="Gia hạn sau khi xong"
    )
    row = task_detail(task=task, today=dt.date(2024, 10, 1))
    assert (row.status, row.days_late) == (Status.DONE_LATE, 51)


def test_a_task_done_after_a_deadline_that_moved_earlier_is_late_against_the_new_one(
    assign, office
):
    task = assign(deadline=dt.date(2024, 9, 30))
    services.task_deadline_move(
        user=office, task=task, deadline=JUNE_30, reason="Đẩy nhanh tiến độ theo chỉ đạo"
    )
    report(task, office, dt.date(2024, 7, 10), 100)
    row = task_detail(task=task, today=dt.date(2024, 10, 1))
    assert (row.status, row.days_late) == (Status.DONE_LATE, 10)


def test_the_history_keeps_every_deadline_and_why_it_moved(assign, office):
    task = assign(deadline=JUNE_30)
    services.task_deadline_move(
        user=office, task=task, deadline=dt.date(2024, 9, 30), reason="Kết luận số 12-KL/TU"
    )
    deadlines = list(task.history.order_by("history_date").values_list("deadline", flat=True))
    assert deadlines == [JUNE_30, dt.date(2024, 9, 30)]
    assert task.history.latest().history_change_reason == "Kết luận số 12-KL/TU"


def test_a_monthly_task_that_missed_last_month_is_overdue(assign, office):
    task = assign(recurrence="monthly", start_on=dt.date(2024, 1, 1), deadline=None)
    report(task, office, dt.date(2024, 1, 25), 10)
    report(task, office, dt.date(2024, 2, 26), 20)
    assert status(task, dt.date(2024, 3, 31)) == Status.IN_PROGRESS
    assert status(task, dt.date(2024, 4, 1)) == Status.OVERDUE


def test_a_monthly_task_whose_every_report_came_in_its_month_ends_done_on_time(assign, office):
    task = assign(recurrence="monthly", start_on=dt.date(2024, 1, 1), deadline=dt.date(2024, 3, 31))
    for day in (dt.date(2024, 1, 31), dt.date(2024, 2, 20), dt.date(2024, 3, 31)):
        report(task, office, day, 30)
    row = task_detail(task=task, today=dt.date(2024, 4, 2))
    assert (row.status, row.done_on) == (Status.DONE_ON_TIME, dt.date(2024, 3, 31))


def test_quarter_windows_follow_the_calendar_from_the_start_day():
    assert occurrence_windows(dt.date(2024, 2, 10), dt.date(2024, 7, 1), 3) == [
        (dt.date(2024, 2, 10), dt.date(2024, 3, 31)),
        (dt.date(2024, 4, 1), dt.date(2024, 6, 30)),
        (dt.date(2024, 7, 1), dt.date(2024, 9, 30)),
    ]


def test_month_windows_cross_the_new_year():
    windows = occurrence_windows(dt.date(2024, 12, 5), dt.date(2025, 1, 2), 1)
    assert windows == [
        (dt.date(2024, 12, 5), dt.date(2024, 12, 31)),
        (dt.date(2025, 1, 1), dt.date(2025, 1, 31)),
    ]


def test_the_longest_gap_counts_from_the_start_to_the_end_of_the_window():
    start = dt.date(2024, 1, 1)
    events = [dt.date(2024, 1, 20), dt.date(2024, 4, 1)]
    assert longest_gap(since=start, events=events, window=(start, dt.date(2024, 4, 10))) == 72
    assert (
        longest_gap(since=start, events=events, window=(dt.date(2024, 4, 2), dt.date(2024, 5, 31)))
        == 60
    )


def test_an_update_recorded_later_for_an_earlier_day_is_judged_by_its_day():
    moment = timezone.now()
    facts = TaskFacts(
        start_on=dt.date(2024, 1, 1),
        deadline=JUNE_30,
        recurrence="",
        updates=(UpdateFact(dt.date(2024, 6, 29), 100, False, moment),),
    )
    assert facts.status(dt.date(2024, 12, 1)) == Status.DONE_ON_TIME
