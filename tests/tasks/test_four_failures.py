"""The "4 không" report: one scenario per failure, its numbers, its ranking and its edge cases.

The period is the second quarter of 2024 and the report is read on 5 July 2024,
so everything is judged as of 30 June.
"""

import datetime as dt

import pytest

from nghiquyet.core.periods import Period
from nghiquyet.tasks import services
from nghiquyet.tasks.models import Check, Task
from nghiquyet.tasks.selectors import four_failures_by_agency, four_failures_of_agency

pytestmark = pytest.mark.django_db

Q2 = Period.parse("2024-Q2")
READ_ON = dt.date(2024, 7, 5)
d = dt.date


def progress(task, office, day, percent):
    return services.task_progress_add(
        user=office, task=task, reported_on=day, percent=percent, narrative="Tiến độ", today=day
    )


def ask(task, office, dongthap, body, requested_on, due_on):
    return services.coordination_request_create(
        user=office,
        task=task,
        requested_body=dongthap.bodies[body],
        subject="Đề nghị cung cấp số liệu",
        requested_on=requested_on,
        due_on=due_on,
        today=requested_on,
    )


def answer(request, office, day, answered_by=None):
    return services.coordination_answer(
        user=office,
        request=request,
        answer="Đã cung cấp",
        answered_on=day,
        answered_by=answered_by,
        today=day,
    )


def check(task, office, day, body=None):
    return services.task_check_add(
        user=office,
        task=task,
        kind=Check.Kind.SUPERVISION,
        checked_on=day,
        findings="Đúng tiến độ",
        body=body,
        today=day,
    )


def monthly_updates(task, office, start, end, percent=50):
    day = start
    while day <= end:
        progress(task, office, day, percent)
        day += dt.timedelta(days=25)


def row_of(rows, dongthap, key):
    return next(r for r in rows if r.agency_id == dongthap.bodies[key].pk)


def report(dongthap, today=READ_ON, period=Q2):
    return four_failures_by_agency(province=dongthap.province, period=period, today=today)


# (1) Initiative ------------------------------------------------------------------------------


def test_an_agency_with_only_assigned_tasks_shows_no_initiative(assign, dongthap):
    assign("so_y_te", title="Nâng tỷ lệ bao phủ bảo hiểm y tế", deadline=d(2024, 12, 31))
    row = row_of(report(dongthap), dongthap, "so_y_te")
    assert (row.proposed, row.assigned, row.no_initiative) == (0, 1, True)


def test_an_agency_that_proposed_a_task_of_its_own_shows_initiative(assign, dongthap, reporter):
    assign("so_tai_chinh", deadline=d(2024, 12, 31))
    assign(
        "so_tai_chinh",
        title="Số hóa hồ sơ quyết toán ngân sách xã",
        user=reporter,
        origin=Task.Origin.PROPOSED,
        group=None,
        deadline=d(2024, 9, 30),
    )
    row = row_of(report(dongthap), dongthap, "so_tai_chinh")
    assert (row.proposed, row.assigned, row.no_initiative) == (1, 1, False)


# (2) Execution --------------------------------------------------------------------------------


def test_late_and_undone_tasks_count_with_their_days_late(assign, dongthap, office):
    done_late = assign(
        title="Ban hành kế hoạch thu", start_on=d(2024, 4, 1), deadline=d(2024, 5, 31)
    )
    progress(done_late, office, d(2024, 6, 10), 100)
    undone = assign(title="Rà soát nợ đọng thuế", start_on=d(2024, 4, 1), deadline=d(2024, 6, 15))
    progress(undone, office, d(2024, 5, 1), 60)
    on_time = assign(title="Báo cáo quyết toán", start_on=d(2024, 4, 1), deadline=d(2024, 6, 20))
    progress(on_time, office, d(2024, 6, 20), 100)
    row = row_of(report(dongthap), dongthap, "so_tai_chinh")
    assert (row.due, row.done_late, row.not_done, row.days_late) == (3, 1, 1, 10 + 15)


def test_a_task_due_on_the_last_day_of_the_period_is_not_late_in_it(assign, dongthap):
    assign(start_on=d(2024, 4, 1), deadline=d(2024, 6, 30))
    row = row_of(report(dongthap), dongthap, "so_tai_chinh")
    assert (row.due, row.not_done) == (1, 0)
    next_quarter = row_of(
        report(dongthap, d(2024, 7, 5), Period.parse("2024-Q3")), dongthap, "so_tai_chinh"
    )
    assert (next_quarter.not_done, next_quarter.days_late) == (1, 5)


def test_a_task_done_late_before_the_period_belongs_to_the_earlier_period(assign, dongthap, office):
    task = assign(deadline=d(2024, 3, 15))
    progress(task, office, d(2024, 3, 20), 100)
    assert dongthap.bodies["so_tai_chinh"].pk not in {r.agency_id for r in report(dongthap)}
    q1 = row_of(report(dongthap, period=Period.parse("2024-Q1")), dongthap, "so_tai_chinh")
    assert (q1.done_late, q1.days_late) == (1, 5)


def test_a_task_done_after_its_deadline_moved_is_judged_against_the_new_deadline(
    assign, dongthap, office
):
    task = assign(start_on=d(2024, 4, 1), deadline=d(2024, 5, 31))
    services.task_deadline_move(user=office, task=task, deadline=d(2024, 6, 30), reason="Gia hạn")
    progress(task, office, d(2024, 6, 25), 100)
    row = row_of(report(dongthap), dongthap, "so_tai_chinh")
    assert (row.due, row.done_late, row.not_done) == (1, 0, 0)


def test_a_missed_month_of_a_monthly_task_is_not_done(assign, dongthap, office):
    task = assign(recurrence="monthly", start_on=d(2024, 4, 1), deadline=None)
    progress(task, office, d(2024, 4, 28), 20)
    progress(task, office, d(2024, 6, 3), 40)
    evidence = four_failures_of_agency(
        province=dongthap.province, agency=dongthap.bodies["so_tai_chinh"], period=Q2, today=READ_ON
    )
    assert [(i.obligation.due, i.days_late, i.done) for i in evidence.late] == [
        (d(2024, 5, 31), 3, True)
    ]


# (3) Coordination -----------------------------------------------------------------------------


def test_requests_answered_late_or_not_at_all_count_against_the_addressed_agency(
    assign, dongthap, office
):
    task = assign(start_on=d(2024, 4, 1), deadline=d(2024, 12, 31), coordinators=["so_nong_nghiep"])
    answer(
        ask(task, office, dongthap, "so_nong_nghiep", d(2024, 4, 5), d(2024, 4, 20)),
        office,
        d(2024, 4, 25),
    )
    ask(task, office, dongthap, "so_nong_nghiep", d(2024, 6, 1), d(2024, 6, 10))
    answer(
        ask(task, office, dongthap, "so_nong_nghiep", d(2024, 6, 1), d(2024, 6, 10)),
        office,
        d(2024, 6, 10),
    )
    row = row_of(report(dongthap), dongthap, "so_nong_nghiep")
    assert (row.requests, row.answered_late, row.unanswered) == (3, 1, 1)
    evidence = four_failures_of_agency(
        province=dongthap.province,
        agency=dongthap.bodies["so_nong_nghiep"],
        period=Q2,
        today=READ_ON,
    )
    assert sorted(i.days_late for i in evidence.coordination) == [5, 20]


def test_a_request_not_yet_due_is_not_a_failure(assign, dongthap, office):
    task = assign(start_on=d(2024, 4, 1), deadline=d(2024, 12, 31))
    ask(task, office, dongthap, "so_nong_nghiep", d(2024, 6, 25), d(2024, 7, 10))
    row = row_of(report(dongthap), dongthap, "so_nong_nghiep")
    assert (row.requests, row.unanswered, row.failures) == (1, 0, 0)


def test_a_request_answered_on_time_by_another_agency_closes_it_and_names_who_answered(
    assign, dongthap, office
):
    task = assign(start_on=d(2024, 4, 1), deadline=d(2024, 12, 31))
    request = ask(task, office, dongthap, "so_cong_thuong", d(2024, 5, 2), d(2024, 5, 12))
    answer(request, office, d(2024, 5, 10), answered_by=dongthap.bodies["so_noi_vu"])
    row = row_of(report(dongthap), dongthap, "so_cong_thuong")
    assert (row.requests, row.unanswered, row.answered_late) == (1, 0, 0)
    request.refresh_from_db()
    assert request.answered_by == dongthap.bodies["so_noi_vu"]


def test_a_late_answer_by_another_agency_is_late_for_the_addressed_agency(assign, dongthap, office):
    task = assign(start_on=d(2024, 4, 1), deadline=d(2024, 12, 31))
    request = ask(task, office, dongthap, "so_cong_thuong", d(2024, 5, 2), d(2024, 5, 12))
    answer(request, office, d(2024, 5, 22), answered_by=dongthap.bodies["so_noi_vu"])
    evidence = four_failures_of_agency(
        province=dongthap.province,
        agency=dongthap.bodies["so_cong_thuong"],
        period=Q2,
        today=READ_ON,
    )
    [item] = evidence.answered_late
    assert (item.days_late, item.answered_by_another) == (10, True)


# (4) Supervision ------------------------------------------------------------------------------


def test_a_task_without_progress_updates_for_more_than_a_month_shows_no_tracking(
    assign, dongthap, office
):
    tracked = assign(title="Được theo dõi", start_on=d(2024, 4, 1), deadline=d(2024, 12, 31))
    monthly_updates(tracked, office, d(2024, 4, 20), d(2024, 6, 30))
    silent = assign(title="Không báo cáo", start_on=d(2024, 4, 1), deadline=d(2024, 12, 31))
    progress(silent, office, d(2024, 4, 15), 10)
    evidence = four_failures_of_agency(
        province=dongthap.province, agency=dongthap.bodies["so_tai_chinh"], period=Q2, today=READ_ON
    )
    assert [
        (g.task, g.kind, g.gap_days, g.last_on) for g in evidence.gaps if g.kind == "update"
    ] == [(silent, "update", 76, d(2024, 4, 15))]


def test_a_task_never_checked_for_a_quarter_counts_against_its_supervising_body(
    assign, dongthap, office
):
    checked = assign(
        title="Có giám sát", start_on=d(2024, 1, 10), deadline=d(2024, 12, 31), supervisor="ubkt"
    )
    check(checked, office, d(2024, 3, 1))
    check(checked, office, d(2024, 5, 15))
    unchecked = assign(
        title="Không giám sát",
        start_on=d(2024, 1, 10),
        deadline=d(2024, 12, 31),
        supervisor="ban_noi_chinh",
    )
    for task in (checked, unchecked):
        monthly_updates(task, office, d(2024, 1, 20), d(2024, 6, 30))
    rows = report(dongthap)
    assert row_of(rows, dongthap, "ban_noi_chinh").no_check == 1
    assert dongthap.bodies["ubkt"].pk not in {r.agency_id for r in rows}
    lead = row_of(rows, dongthap, "so_tai_chinh")
    assert (lead.no_check, lead.no_update) == (0, 0)


def test_without_a_supervising_body_checking_falls_to_the_lead_agency(assign, dongthap, office):
    task = assign(start_on=d(2024, 1, 10), deadline=d(2024, 12, 31))
    monthly_updates(task, office, d(2024, 1, 20), d(2024, 6, 30))
    assert row_of(report(dongthap), dongthap, "so_tai_chinh").no_check == 1


# The table ----------------------------------------------------------------------------------


def test_the_table_ranks_agencies_by_how_many_of_the_four_failures_they_show(
    assign, dongthap, office, reporter
):
    # Sở Y tế: only assigned, late, and no progress report since it started.
    health = assign(
        "so_y_te", title="Khám sàng lọc", start_on=d(2024, 4, 1), deadline=d(2024, 5, 31)
    )
    # Sở Tài chính: proposed its own task and keeps it tracked and checked, one late answer aside.
    own = assign(
        title="Tự đề xuất",
        user=reporter,
        origin=Task.Origin.PROPOSED,
        group=None,
        start_on=d(2024, 4, 1),
        deadline=d(2024, 12, 31),
        supervisor="ubkt",
    )
    monthly_updates(own, office, d(2024, 4, 10), d(2024, 6, 30))
    check(own, office, d(2024, 6, 1))
    answer(
        ask(health, office, dongthap, "so_tai_chinh", d(2024, 4, 2), d(2024, 4, 9)),
        office,
        d(2024, 4, 12),
    )
    rows = report(dongthap)
    assert [(r.agency_id, r.failures, r.rank) for r in rows] == [
        (dongthap.bodies["so_y_te"].pk, 3, 1),
        (dongthap.bodies["so_tai_chinh"].pk, 1, 2),
    ]
    assert rows[0].not_done == 1 and rows[0].days_late == 30 and rows[0].no_update == 1


def test_a_deleted_task_no_longer_counts(assign, dongthap):
    task = assign("so_y_te", deadline=d(2024, 5, 31), start_on=d(2024, 4, 1))
    task.soft_delete()
    assert report(dongthap) == []
