"""Stored verdicts are written in the same transaction as every change that alters them.

After each service below, the rows of `targets.Verdict` equal a fresh judgement of the
document (``verdicts_difference`` is empty) and say what the change implies.
"""

import datetime as dt
from io import BytesIO, StringIO

import pytest
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from nghiquyet.evaluation import Status
from nghiquyet.targets import services
from nghiquyet.targets.excel_import import targets_import_xlsx
from nghiquyet.targets.models import Direction, Target, Verdict
from nghiquyet.targets.verdicts import verdicts_batch, verdicts_difference

from .test_excel_import import workbook

pytestmark = pytest.mark.django_db


def approved(office, target, period, value, **extra):
    actual = services.actual_create(user=office, target=target, period=period, value=value, **extra)
    return services.actual_approve(user=office, actual=actual)


def stored(target, period):
    return Verdict.objects.filter(target=target, period=period).values_list("status", flat=True)


def in_step(document) -> bool:
    return not verdicts_difference(document=document)


def test_an_approval_stores_the_verdict_of_the_period_at_once(office, resolution, revenue):
    assert list(stored(revenue, "2024")) == [Status.NO_DATA]
    approved(office, revenue, "2024", "6250")
    row = Verdict.objects.get(target=revenue, period="2024")
    assert (row.status, row.figure, str(row.completion)) == (Status.EXCEEDED, 6250, "104.17")
    assert row.document_id == resolution.pk
    assert in_step(resolution)


def test_an_approved_correction_replaces_the_verdict_and_a_pending_one_does_not(
    office, reporter, resolution, revenue
):
    approved(office, revenue, "2024", "6250")
    correction = services.actual_create(
        user=reporter, target=revenue, period="2024", value="5800", submit=True
    )
    assert list(stored(revenue, "2024")) == [Status.EXCEEDED]
    services.actual_approve(user=office, actual=correction)
    assert list(stored(revenue, "2024")) == [Status.NOT_ACHIEVED]
    assert in_step(resolution)


def test_a_figure_sent_for_a_new_period_gives_every_target_a_verdict_there(
    office, reporter, resolution, revenue, coverage
):
    assert not Verdict.objects.filter(period="2024-H1").exists()
    services.actual_create(
        user=reporter, target=revenue, period="2024-H1", value="3100", submit=True
    )
    # Sent, not approved: the dashboard offers the half year, where nothing counts yet.
    assert sorted(Verdict.objects.filter(period="2024-H1").values_list("target", "status")) == [
        (revenue.pk, Status.NO_DATA),
        (coverage.pk, Status.NO_DATA),
    ]
    assert in_step(resolution)


def test_a_draft_gives_no_period_and_a_returned_figure_changes_no_verdict(
    office, reporter, resolution, revenue
):
    draft = services.actual_create(user=reporter, target=revenue, period="2024-Q1", value="900")
    assert not Verdict.objects.filter(period="2024-Q1").exists()
    services.actual_submit(user=reporter, actual=draft)
    services.actual_return(user=office, actual=draft, reason="Thiếu nguồn số liệu.")
    assert list(stored(revenue, "2024-Q1")) == [Status.NO_DATA]
    assert in_step(resolution)


def test_editing_a_target_judges_it_again(office, resolution, revenue):
    approved(office, revenue, "2024", "6250")
    services.target_update(user=office, target=revenue, value="6500")
    assert list(stored(revenue, "2024")) == [Status.NOT_ACHIEVED]
    assert in_step(resolution)


def test_a_new_target_period_is_offered_for_every_target(office, resolution, revenue, coverage):
    services.target_update(user=office, target=revenue, period="2025")
    assert sorted(Verdict.objects.filter(period="2025").values_list("target", flat=True)) == [
        revenue.pk,
        coverage.pk,
    ]
    assert in_step(resolution)


def test_a_deleted_target_loses_its_verdicts_and_gets_them_back_when_restored(
    office, resolution, revenue, coverage
):
    approved(office, revenue, "2024", "6250")
    services.target_delete(user=office, target=revenue)
    assert not Verdict.objects.filter(target=revenue).exists()
    assert in_step(resolution)
    services.target_restore(user=office, target=Target.all_objects.get(pk=revenue.pk))
    assert list(stored(revenue, "2024")) == [Status.EXCEEDED]
    assert in_step(resolution)


def test_turning_an_indicator_around_judges_every_target_set_on_it(office, resolution, coverage):
    approved(office, coverage, "2024", "95.1")
    assert list(stored(coverage, "2024")) == [Status.EXCEEDED]
    services.indicator_update(
        user=office, indicator=coverage.indicator, direction=Direction.LESS_IS_BETTER
    )
    assert list(stored(coverage, "2024")) == [Status.NOT_ACHIEVED]
    assert in_step(resolution)


def test_an_indicator_correction_with_a_taken_name_is_refused_and_changes_nothing(
    office, revenue, coverage
):
    with pytest.raises(ValidationError, match="Danh mục đã có chỉ số"):
        services.indicator_update(
            user=office, indicator=coverage.indicator, name="thu ngân sách nội địa"
        )
    coverage.indicator.refresh_from_db()
    assert coverage.indicator.name == "Tỷ lệ bao phủ bảo hiểm y tế"


def test_a_period_lock_leaves_every_verdict_as_it_was(office, dongthap, resolution, revenue):
    approved(office, revenue, "2024", "6250")
    before = list(Verdict.objects.values_list("target", "period", "status", "computed_at"))
    services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=dt.date(2025, 1, 20)
    )
    assert list(Verdict.objects.values_list("target", "period", "status", "computed_at")) == before


def test_an_import_judges_its_targets_once_at_the_end(office, resolution):
    content = workbook(
        [
            [1, "Tốc độ tăng trưởng GRDP", "%", "≥ 8,5", "Năm 2024", None, "6,8 (ước)"],
            [2, "Số lao động được tạo việc làm", "lao động", "23.000", "Năm 2024", 11500, 23150],
        ]
    )
    with CaptureQueriesContext(connection) as queries:
        report = targets_import_xlsx(user=office, document=resolution, file=BytesIO(content))
    assert report.ok, report.errors
    verdict_writes = [q for q in queries if 'INSERT INTO "targets_verdict"' in q["sql"]]
    assert len(verdict_writes) == 1
    statuses = dict(
        Verdict.objects.filter(period="2024").values_list("target__indicator__name", "status")
    )
    assert statuses == {
        "Tốc độ tăng trưởng GRDP": Status.NOT_ACHIEVED,
        "Số lao động được tạo việc làm": Status.EXCEEDED,
    }
    assert in_step(resolution)


def test_a_refused_import_leaves_no_verdict_behind(office, resolution, revenue):
    before = list(Verdict.objects.values_list("target", "period", "status"))
    content = workbook([[1, "Chỉ tiêu lạ", "%", "≥ 8,5", "Năm 2024", None, "không phải số"]])
    report = targets_import_xlsx(user=office, document=resolution, file=BytesIO(content))
    assert not report.ok
    assert list(Verdict.objects.values_list("target", "period", "status")) == before


def test_a_batch_judges_when_it_ends(office, resolution, revenue):
    with verdicts_batch():
        approved(office, revenue, "2024", "6250")
        assert list(stored(revenue, "2024")) == [Status.NO_DATA]
    assert list(stored(revenue, "2024")) == [Status.EXCEEDED]


def test_verify_verdicts_reports_a_stale_row_and_fix_repairs_it(office, resolution, revenue):
    translation.activate("en")
    approved(office, revenue, "2024", "6250")
    out = StringIO()
    call_command("verify_verdicts", stdout=out)
    assert "Every stored verdict matches" in out.getvalue()
    Verdict.objects.filter(target=revenue, period="2024").update(status=Status.NOT_ACHIEVED)
    out = StringIO()
    with pytest.raises(CommandError):
        call_command("verify_verdicts", stdout=out)
    assert f"target {revenue.pk}, 2024: stored not_achieved, judged exceeded" in out.getvalue()
    call_command("verify_verdicts", fix=True, stdout=StringIO())
    assert list(stored(revenue, "2024")) == [Status.EXCEEDED]
    call_command("verify_verdicts", stdout=StringIO())


def test_a_database_from_before_stored_verdicts_gets_them_from_verify_fix(
    office, resolution, revenue, coverage
):
    translation.activate("en")
    approved(office, revenue, "2024", "6250")
    Verdict.objects.all().delete()
    with pytest.raises(CommandError):
        call_command("verify_verdicts", stdout=StringIO())
    call_command("verify_verdicts", fix=True, stdout=StringIO())
    assert list(stored(revenue, "2024")) == [Status.EXCEEDED]
    assert in_step(resolution)


def test_a_term_target_judged_on_the_spot_takes_its_latest_figure_within_the_term(
    office, resolution, dongthap
):
    # "đến năm 2025": read at its term with no stored rows (a period judged on the spot).
    from nghiquyet.targets.dashboard import target_row, target_verdicts

    from .test_judging import new_target

    target = new_target(
        office, resolution, dongthap, name="Tỷ lệ đô thị hóa", kind="share",
        period="2020/2025", comparator=">=", value="40", unit="%",
    )  # fmt: skip
    approved(office, target, "2023", "38.5")
    Verdict.objects.all().delete()
    (verdict,) = target_verdicts(user=office, document=resolution, period="2020/2025")
    assert verdict.judgement == target_row(target, "2020/2025").judgement
    assert verdict.status is Status.NOT_ACHIEVED
