"""The dashboard reads what is stored with the verdicts: each line's pace and trend, the
periods it offers, and the national summary follows approvals in the background."""

from decimal import Decimal
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from nghiquyet.core.models import Job
from nghiquyet.core.periods import Period
from nghiquyet.evaluation import Pace, Status
from nghiquyet.targets import dashboard, dashboard_table, demo, services
from nghiquyet.targets.models import Kind, ProvinceSummary, Verdict, VerdictPeriod
from nghiquyet.targets.verdicts import verdicts_difference

from .test_judging import new_target

pytestmark = pytest.mark.django_db


@pytest.fixture
def term_resolution(resolution):
    resolution.symbol = "01-NQ/ĐH"
    resolution.save()
    return resolution


def approved(office, target, period, value):
    actual = services.actual_create(user=office, target=target, period=period, value=value)
    return services.actual_approve(user=office, actual=actual)


@pytest.fixture
def urbanisation(office, term_resolution, dongthap):
    """ "Tỷ lệ đô thị hóa đạt 40% vào năm 2025" from 30% in 2019: a pace applies."""
    target = new_target(
        office, term_resolution, dongthap, name="Tỷ lệ đô thị hóa", kind=Kind.SHARE,
        period="2020/2025", comparator=">=", value="40", unit="%", base_year=2019,
        base_value="30",
    )  # fmt: skip
    for period, value in (("2021", "32"), ("2022", "33.5"), ("2023", "35")):
        approved(office, target, period, value)
    return target


def line(user, document, target, period):
    verdicts = dashboard.target_verdicts(user=user, document=document, period=period)
    (row,) = dashboard_table.dashboard_rows(
        user=user,
        document=document,
        period=period,
        verdicts=[v for v in verdicts if v.target_id == target.pk],
    )
    return row


def test_a_line_reads_the_pace_and_the_trend_the_targets_own_page_computes(
    office, term_resolution, urbanisation
):
    row = line(office, term_resolution, urbanisation, "2022")
    own_page = dashboard.target_row(urbanisation, "2022")
    assert row.pace is own_page.trajectory.pace
    assert row.pace in Pace
    # The trend stops at the period seen: 2023's figure is not yet one of 2022's points.
    assert [(p.period.code, p.value) for p in row.trend] == [
        ("2021", Decimal("32")),
        ("2022", Decimal("33.5")),
    ]
    assert row.trend == own_page.trend
    stored = Verdict.objects.get(target=urbanisation, period="2023")
    assert [(code, Decimal(value), estimate) for code, value, estimate in stored.trend] == [
        ("2021", Decimal("32"), False),
        ("2022", Decimal("33.5"), False),
        ("2023", Decimal("35"), False),
    ]


def test_an_approved_correction_redraws_the_trend_of_every_later_period(
    office, term_resolution, urbanisation
):
    approved(office, urbanisation, "2022", "31")
    for period in ("2022", "2023", "2020/2025"):
        values = [p.value for p in line(office, term_resolution, urbanisation, period).trend]
        assert values[:2] == [Decimal("32"), Decimal("31")], period
    assert not verdicts_difference(document=term_resolution)


def test_the_dashboard_page_judges_nothing_when_its_verdicts_are_stored(
    client_for, office, term_resolution, urbanisation, monkeypatch
):
    def no_judging(*args, **kwargs):
        raise AssertionError("judged at read time")

    for name in ("judge_for", "trajectory_in_force", "trend_in_force"):
        monkeypatch.setattr(dashboard, name, no_judging)
    url = reverse("targets:dashboard", args=[term_resolution.pk])
    html = client_for(office).get(url, {"period": "2023"}).content.decode()
    assert '<svg class="sparkline"' in html
    assert Pace(line(office, term_resolution, urbanisation, "2023").pace).label("vi") in html


def test_the_periods_offered_are_stored_and_listed_without_reading_the_figures(
    office, reporter, term_resolution, urbanisation
):
    services.actual_create(
        user=reporter, target=urbanisation, period="2024", value="36", submit=True
    )
    codes = set(
        VerdictPeriod.objects.filter(document=term_resolution).values_list("period", flat=True)
    )
    assert {"2021", "2022", "2023", "2024", "2020/2025", "2020/2023", "2020/2024"} <= codes
    with CaptureQueriesContext(connection) as queries:
        periods, default = dashboard.dashboard_periods(document=term_resolution, with_reviews=True)
    assert not [q for q in queries.captured_queries if "targets_actual" in q["sql"]]
    # The figure for 2024 is only sent: the dashboard opens on the latest approved year.
    assert default == Period.parse("2023")
    assert Period.parse("2024") in periods and Period.parse("2020/2024") in periods
    reporting = dashboard.dashboard_periods(document=term_resolution)[0]
    assert Period.parse("2020/2024") not in reporting


def test_verify_verdicts_reports_a_missing_dashboard_period_and_fix_restores_it(
    office, term_resolution, urbanisation
):
    translation.activate("en")
    VerdictPeriod.objects.filter(document=term_resolution, period="2022").delete()
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_verdicts", stdout=out)
    assert "dashboard period not in step: 2022" in out.getvalue()
    call_command("verify_verdicts", fix=True, stdout=StringIO())
    assert VerdictPeriod.objects.filter(document=term_resolution, period="2022").exists()
    assert not verdicts_difference(document=term_resolution)


def test_an_approval_recounts_the_province_summary_once_it_commits(
    office, dongthap, resolution, revenue, immediate_tasks, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        approved(office, revenue, "2024", "6250")
    summary = ProvinceSummary.objects.get(province=dongthap.province, period="2024")
    assert (summary.targets, summary.exceeded) == (1, 1)
    with django_capture_on_commit_callbacks(execute=True):
        approved(office, revenue, "2024", "5800")
    summary = ProvinceSummary.objects.get(province=dongthap.province, period="2024")
    assert (summary.exceeded, summary.not_achieved) == (0, 1)
    jobs = Job.objects.filter(kind="province_summary")
    assert set(jobs.values_list("status", flat=True)) == {Job.Status.SUCCESSFUL}


def test_changes_while_a_recount_waits_queue_no_second_one(
    office, dongthap, resolution, revenue, coverage, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        approved(office, revenue, "2024", "6250")
        approved(office, coverage, "2024", "95")
    with django_capture_on_commit_callbacks(execute=True):
        approved(office, coverage, "2024", "96")
    (job,) = Job.objects.filter(kind="province_summary")
    assert job.status == Job.Status.READY


def test_a_change_during_a_running_recount_queues_another(
    office, dongthap, resolution, revenue, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        approved(office, revenue, "2024", "6250")
    Job.objects.filter(kind="province_summary").update(status=Job.Status.RUNNING)
    with django_capture_on_commit_callbacks(execute=True):
        approved(office, revenue, "2024", "5800")
    statuses = sorted(Job.objects.filter(kind="province_summary").values_list("status", flat=True))
    assert statuses == [Job.Status.READY, Job.Status.RUNNING]


def test_a_verdict_without_a_stored_line_is_drawn_as_its_own_page_draws_it(
    office, term_resolution, urbanisation
):
    Verdict.objects.filter(target=urbanisation, period="2022").delete()
    row = line(office, term_resolution, urbanisation, "2022")
    own_page = dashboard.target_row(urbanisation, "2022")
    assert row.status is own_page.status is not Status.NO_DATA
    assert row.pace is own_page.trajectory.pace
    assert row.trend == own_page.trend


@pytest.fixture
def demo_resolution(dongthap):
    return demo.load(dongthap)


@pytest.mark.parametrize("persona", ["office", "reporter", "leader"])
def test_a_dashboard_page_counts_and_lists_what_every_verdict_read_gives(
    dongthap, demo_resolution, persona
):
    user = dongthap.users[persona]
    every = dashboard.target_verdicts(user=user, document=demo_resolution, period="2024")
    summary, page = dashboard_table.dashboard_page(
        user=user,
        document=demo_resolution,
        period="2024",
        filters=dashboard_table.DashboardFilters(),
        page_number=1,
        per_page=100,
    )
    assert summary == dashboard.rows_summary(every)
    assert [row.target.pk for row in page.object_list] == [v.target_id for v in every]
    assert [row.judgement for row in page.object_list] == [v.judgement for v in every]


def test_a_dashboard_page_filters_and_puts_the_unmet_first_as_the_list_would(
    dongthap, office, demo_resolution
):
    every = dashboard.target_verdicts(user=office, document=demo_resolution, period="2024")
    owner = str(every[0].owner_id)

    def page(**filters):
        _summary, page = dashboard_table.dashboard_page(
            user=office,
            document=demo_resolution,
            period="2024",
            filters=dashboard_table.DashboardFilters(**filters),
            page_number=1,
            per_page=100,
        )
        return [row.target.pk for row in page.object_list]

    assert page(owner=owner) == [v.target_id for v in every if str(v.owner_id) == owner]
    assert page(status="exceeded") == [v.target_id for v in every if v.status == "exceeded"]
    assert page(sector="society") == [v.target_id for v in every if v.sector == "society"]
    unmet_first = sorted(every, key=lambda v: dashboard_table.UNMET_FIRST.index(v.status))
    assert page(unmet_first=True) == [v.target_id for v in unmet_first]


def test_a_period_no_dashboard_offers_is_judged_on_the_spot_for_its_page(office, demo_resolution):
    assert not VerdictPeriod.objects.filter(document=demo_resolution, period="2023").exists()
    summary, page = dashboard_table.dashboard_page(
        user=office,
        document=demo_resolution,
        period="2023",
        filters=dashboard_table.DashboardFilters(),
        page_number=1,
        per_page=100,
    )
    every = dashboard.target_verdicts(user=office, document=demo_resolution, period="2023")
    assert summary == dashboard.rows_summary(every)
    assert [row.status for row in page.object_list] == [v.status for v in every]


def test_a_trend_is_labelled_with_its_first_and_latest_figure(
    client_for, office, term_resolution, urbanisation
):
    url = reverse("targets:dashboard", args=[term_resolution.pk])
    html = client_for(office).get(url, {"period": "2023"}).content.decode()
    assert 'aria-label="năm 2021: 32 … năm 2023: 35"' in html
