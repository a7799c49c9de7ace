"""A summary judged from plain values gives the verdicts a full row gives.

The dashboard and the reports judge every target through `target_verdicts`, which
reads only the approved figures that count for the period; pages and the API draw
their rows through `target_rows` and `target_row`. The three must never disagree.
"""

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from nghiquyet.evaluation import Status
from nghiquyet.targets import demo, services
from nghiquyet.targets.dashboard import (
    document_periods,
    target_row,
    target_rows,
    target_verdicts,
)
from nghiquyet.targets.models import Actual, Kind
from nghiquyet.targets.verdicts import verdicts_refresh

from .test_judging import approved, new_enterprises_target, new_target


def verdicts_of(user, document, period):
    return [
        (v.target_id, v.judgement)
        for v in target_verdicts(user=user, document=document, period=period)
    ]


def rows_of(user, document, period):
    return [
        (r.target.pk, r.judgement) for r in target_rows(user=user, document=document, period=period)
    ]


def test_the_demo_resolution_is_judged_alike_both_ways_in_every_period(dongthap, office, reporter):
    resolution = demo.load(dongthap)
    periods = document_periods(document=resolution)
    assert [period.code for period in periods] == ["2024-H1", "2024"]
    for user in (office, reporter):
        for period in periods:
            rows = target_rows(user=user, document=resolution, period=period)
            assert verdicts_of(user, resolution, period) == [
                (row.target.pk, row.judgement) for row in rows
            ]
            assert [row.judgement for row in rows] == [
                target_row(row.target, period).judgement for row in rows
            ]
    statuses = {v.status for v in target_verdicts(user=office, document=resolution, period="2024")}
    assert {Status.EXCEEDED, Status.ACHIEVED, Status.NOT_ACHIEVED, Status.NO_DATA} <= statuses


def test_a_cumulative_target_counts_the_periods_to_date_and_never_a_half_twice(
    office, resolution, dongthap
):
    target = new_enterprises_target(office, resolution, dongthap)
    # lũy kế: 480 + 510 + 530 to 2023, with the half of 2023 instead of its year at 2023-H1
    sums = (("2020/2025", 1520), ("2023", 1520), ("2023-H1", 1240), ("2022", 990), ("2024", 1520))
    for period, figure in sums:
        (verdict,) = target_verdicts(user=office, document=resolution, period=period)
        assert verdict.judgement == target_row(target, period).judgement
        assert verdict.judgement.figure == figure


def test_the_figure_approved_last_is_in_force_whatever_order_it_was_entered_in(
    office, resolution, revenue
):
    first = approved(office, revenue, "2024", "6100")
    second = approved(office, revenue, "2024", "5900")
    (verdict,) = target_verdicts(user=office, document=resolution, period="2024")
    assert verdict.status is Status.NOT_ACHIEVED
    # The first figure entered turns out to be the one approved last, half a second later.
    Actual.objects.filter(pk=first.pk).update(
        approved_at=second.approved_at + dt.timedelta(milliseconds=500)
    )
    # A change made behind the services' back is brought in step as a repair would.
    verdicts_refresh(document=resolution, targets=[revenue.pk])
    (verdict,) = target_verdicts(user=office, document=resolution, period="2024")
    assert verdict.status is Status.EXCEEDED
    assert verdict.judgement == target_row(revenue, "2024").judgement
    (row,) = target_rows(user=office, document=resolution, period="2024")
    assert row.actual.pk == first.pk


def test_figures_not_approved_and_deleted_targets_do_not_count(office, resolution, revenue):
    services.actual_create(user=office, target=revenue, period="2024", value="7000")
    (verdict,) = target_verdicts(user=office, document=resolution, period="2024")
    assert verdict.status is Status.NO_DATA
    (row,) = target_rows(user=office, document=resolution, period="2024")
    assert row.pending is not None and row.pending.value == 7000
    revenue.delete()
    assert target_verdicts(user=office, document=resolution, period="2024") == []


def test_the_dashboard_reads_as_many_rows_for_many_targets_as_for_one(
    client_for, office, resolution, revenue, dongthap
):
    approved(office, revenue, "2024", "6100")
    url = reverse("targets:dashboard", args=[resolution.pk]) + "?period=2024"
    client = client_for(office)

    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    one = queries()
    for number in range(12):
        target = new_target(
            office, resolution, dongthap, name=f"Chỉ tiêu thử {number}", kind=Kind.LEVEL,
            period="2024", comparator=">=", value="10",
        )  # fmt: skip
        approved(office, target, "2024", str(number * 2))
    assert queries() == one
