"""The demo resolution: the 14 targets of seed 001 and figures that show every status."""

from decimal import Decimal

import pytest

from nghiquyet.evaluation import Status
from nghiquyet.targets import demo
from nghiquyet.targets.dashboard import document_summary_sentence, target_rows
from nghiquyet.targets.models import Actual, Target
from nghiquyet.targets.selectors import timeliness
from shared_data import gold


@pytest.fixture
def resolution(dongthap):
    return demo.load(dongthap)


def test_the_demo_resolution_holds_the_fourteen_targets_of_seed_001(resolution):
    targets = list(Target.objects.filter(document=resolution).order_by("position"))
    assert len(targets) == 14
    assert resolution.symbol == "35-NQ/TU"


def test_the_demo_targets_read_as_the_gold_record_of_seed_001(resolution):
    targets = list(Target.objects.filter(document=resolution).order_by("position"))
    expected = gold("001")["targets"]
    assert [t.source_text for t in targets] == [g["text"] for g in expected]
    assert [(t.comparator, t.value, t.unit) for t in targets] == [
        (g["comparator"], Decimal(str(g["value"])), g["unit"]) for g in expected
    ]


def test_loading_the_demo_twice_changes_nothing(dongthap, resolution):
    actuals = Actual.objects.count()
    assert demo.load(dongthap) == resolution
    assert Target.objects.filter(document=resolution).count() == 14
    assert Actual.objects.count() == actuals


def test_the_year_dashboard_shows_every_status(office, resolution):
    rows = target_rows(user=office, document=resolution, period="2024")
    assert [row.status.value for row in rows] == [
        "not_achieved",  # GRDP +7,12% against 8,5% or more
        "exceeded",
        "achieved",  # 27,3% is "gần 27%"
        "not_achieved",
        "exceeded",
        "exceeded",
        "exceeded",
        "achieved",
        "no_data",  # submitted, not yet approved
        "exceeded",  # an approved estimate counts, marked as such
        "achieved",
        "achieved",
        "exceeded",
        "no_data",  # a draft does not count, nor does the 6-month figure for the year
    ]
    # "chưa hết kỳ" belongs to in-year periods only
    assert {row.status for row in rows} == set(Status) - {Status.IN_PROGRESS}
    assert rows[9].judgement.estimate


def test_the_summary_sentence_of_the_demo_year_reads_as_reports_write_it(office, resolution):
    sentence = document_summary_sentence(user=office, document=resolution, period="2024")
    assert sentence == (
        "Ước có 10/14 chỉ tiêu đạt và vượt (trong đó 6 chỉ tiêu vượt); "
        "2 chỉ tiêu chưa đạt (đạt từ 83% trở lên); 2 chỉ tiêu chưa có số liệu."
    )


def test_the_six_month_figures_are_progress_towards_the_year_targets(office, resolution):
    # only the year's estimate ("ước cả năm") gives a verdict at six months
    sentence = document_summary_sentence(
        user=office, document=resolution, period="2024-H1", language="en"
    )
    assert sentence == (
        "An estimated 1 of 14 targets met or exceeded (1 exceeded); 4 without data; 9 not yet due."
    )


def test_late_agencies_have_a_lower_on_time_rate(office, dongthap, resolution):
    rows = {
        row.body.pk: row
        for row in timeliness(user=office, province=dongthap.province, period="2024-H1")
    }
    finance = rows[dongthap.bodies["so_tai_chinh"].pk]
    industry = rows[dongthap.bodies["so_cong_thuong"].pk]
    health = rows[dongthap.bodies["so_y_te"].pk]
    # Five of its six targets had a figure by the deadline; GRDP per head has none for H1.
    assert (finance.expected, finance.submitted, finance.on_time) == (6, 5, 5)
    assert industry.rate == 0 and industry.submitted == 3
    assert health.rate == 100  # late for the province, on time under its exception
