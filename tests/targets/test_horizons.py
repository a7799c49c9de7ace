"""Targets judged for their own horizon in the app: per-year and term targets, in-year
progress, milestones and reductions typed as written, and the dashboard's periods."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from nghiquyet.evaluation import Pace, Status
from nghiquyet.targets import services
from nghiquyet.targets.dashboard import document_periods, target_row, target_verdicts
from nghiquyet.targets.forms import ActualForm
from nghiquyet.targets.models import Kind

from .test_judging import approved, new_target


def jobs_target(office, resolution, dongthap):
    """ "Giải quyết việc làm cho 25.000 lao động/năm", term 2021–2025."""
    target = new_target(
        office, resolution, dongthap, name="Số lao động được giải quyết việc làm",
        kind=Kind.COUNT, period="2021/2025", comparator=">=", value="25000",
        horizon="per_year", unit="lao động",
    )  # fmt: skip
    for year, value in (("2021", "26000"), ("2022", "24000"), ("2023", "25500")):
        approved(office, target, year, value)
    return target


def test_a_per_year_target_is_judged_each_year_and_over_the_term_to_date(
    office, resolution, dongthap
):
    target = jobs_target(office, resolution, dongthap)
    assert target_row(target, "2022").status is Status.NOT_ACHIEVED  # 24.000 < 25.000
    to_date = target_row(target, "2021/2023").judgement
    # 75.500 against the 75.000 three years ask; 60,4% of the term's 125.000
    assert (to_date.status, to_date.figure, to_date.progress) == (
        Status.EXCEEDED,
        Decimal("75500"),
        Decimal("60.40"),
    )
    assert to_date.to_date
    (verdict,) = target_verdicts(user=office, document=resolution, period="2021/2023")
    assert verdict.judgement == to_date


def test_a_term_total_seen_at_mid_term_is_the_sum_to_date_with_a_pace(office, resolution, dongthap):
    target = new_target(
        office, resolution, dongthap, name="Tổng vốn đầu tư toàn xã hội 5 năm",
        kind=Kind.CUMULATIVE, period="2021/2025", comparator=">=", value="250000",
        unit="tỷ đồng",
    )  # fmt: skip
    for year, value in (("2021", "45000"), ("2022", "50000"), ("2023", "52000")):
        approved(office, target, year, value)
    row = target_row(target, "2023")
    # lũy kế 147.000, not the year's 52.000; against the 150.000 the pace asks
    assert (row.judgement.figure, row.status) == (Decimal("147000"), Status.NOT_ACHIEVED)
    assert (row.trajectory.pace, row.trajectory.ratio) == (Pace.ON_TRACK, Decimal("0.98"))


def test_growth_from_a_base_year_takes_the_reported_level(office, resolution, dongthap):
    target = new_target(
        office, resolution, dongthap, name="Thu ngân sách so với năm 2020",
        kind=Kind.GROWTH, period="2025", comparator=">=", value="10",
        base_year=2020, base_value="10000", unit="%",
    )  # fmt: skip
    approved(office, target, "2025", "10800")
    judgement = target_row(target).judgement
    assert (judgement.figure, judgement.status, judgement.completion) == (
        Decimal("8"),
        Status.NOT_ACHIEVED,
        Decimal("80.00"),
    )


def test_a_reduction_is_typed_as_the_fall_and_the_form_says_so(office, resolution, dongthap):
    target = new_target(
        office, resolution, dongthap, name="Giảm tỷ lệ hộ nghèo", kind=Kind.REDUCTION,
        period="2024", comparator="range", value="1", value_max="1.5", unit="%",
    )  # fmt: skip
    approved(office, target, "2024", "1.2")
    assert target_row(target).status is Status.ACHIEVED
    help_text = str(ActualForm(target=target).fields["value"].help_text)
    assert "1,2" in help_text


def test_a_milestone_is_reported_by_its_stage_with_the_day_it_was_done(
    office, resolution, dongthap
):
    target = new_target(
        office, resolution, dongthap, name="Hoàn thành sắp xếp đơn vị hành chính cấp xã",
        kind=Kind.MILESTONE, period="2025", comparator="=", value="100",
    )  # fmt: skip
    under_way = approved(office, target, "2025", "40", milestone="in_progress")
    assert (under_way.value, target_row(target).status) == (Decimal("40"), Status.NOT_ACHIEVED)
    done = approved(office, target, "2025", None, milestone="done", done_on=dt.date(2025, 7, 1))
    assert (done.value, done.done_on) == (Decimal("100"), dt.date(2025, 7, 1))
    assert target_row(target).judgement.rule == "đạt: hoàn thành"


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"value": "5"}, "milestone"), ({"milestone": "in_progress", "value": "100"}, "value")],
)
def test_a_milestone_report_without_a_stage_or_with_a_full_share_is_refused(
    office, resolution, dongthap, fields, field
):
    target = new_target(
        office, resolution, dongthap, name="Đưa cảng cạn vào hoạt động", kind=Kind.MILESTONE,
        period="2025", comparator="=", value="100",
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.actual_create(user=office, target=target, period="2025", **fields)
    assert field in refused.value.message_dict
    assert not target.actuals.exists()


def test_the_tolerance_of_khoảng_is_the_owners(office, resolution, dongthap):
    target = new_target(
        office, resolution, dongthap, name="Tỷ trọng công nghiệp trong GRDP", kind=Kind.SHARE,
        period="2024", comparator="~", value="27", tolerance="5", unit="%",
    )  # fmt: skip
    approved(office, target, "2024", "28")
    assert target_row(target).status is Status.ACHIEVED  # within ±5% of 27
    with pytest.raises(ValidationError):
        services.target_update(user=office, target=target, tolerance="80")


def test_an_unsent_draft_adds_no_period_to_the_offices_dashboard(
    office, reporter, resolution, revenue
):
    draft = services.actual_create(user=reporter, target=revenue, period="2024-Q3", value="4000")
    assert [p.code for p in document_periods(document=resolution)] == ["2024"]
    services.actual_submit(user=reporter, actual=draft)
    assert [p.code for p in document_periods(document=resolution)] == ["2024-Q3", "2024"]


def test_the_period_box_shows_the_period_the_figures_are_for(
    client_for, office, resolution, revenue
):
    approved(office, revenue, "2024-H1", "3350")
    approved(office, revenue, "2024", "6450")
    html = client_for(office).get(reverse("targets:dashboard", args=[resolution.pk])).content
    assert '<option value="2024" selected>' in html.decode()


def test_a_per_year_target_seen_in_year_counts_only_the_years_over(office, resolution, dongthap):
    target = jobs_target(office, resolution, dongthap)
    approved(office, target, "2024", "25000", is_estimate=True)
    nine_months = target_row(target, "2024-9M").judgement
    # 2021–2023 are over: 75.500 against 75.000; the estimate for 2024 waits for its year
    assert (nine_months.figure, nine_months.status, nine_months.to_date) == (
        Decimal("75500"),
        Status.EXCEEDED,
        True,
    )
    assert target_row(target, "2021-H1").status is Status.NO_DATA


def test_the_dashboard_shows_the_sum_to_date_and_the_share_of_the_plan(
    client_for, office, resolution, dongthap, revenue
):
    jobs_target(office, resolution, dongthap)
    approved(office, revenue, "2024-H1", "3350")
    client = client_for(office)
    url = reverse("targets:dashboard", args=[resolution.pk])
    term = client.get(url, {"period": "2021/2023"}).content.decode()
    assert '<option value="2021/2023" selected>' in term  # the mid-term review
    assert "75.500" in term  # lũy kế of three years, not 2023's 25.500 alone
    half = client.get(url, {"period": "2024-H1"}).content.decode()
    assert "55,83% kế hoạch" in half
