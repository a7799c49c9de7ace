"""An actual goes draft → submitted → approved or returned; only approved figures count."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from nghiquyet.evaluation import Status
from nghiquyet.targets import services
from nghiquyet.targets.dashboard import target_row
from nghiquyet.targets.models import Actual


def test_a_draft_and_a_submitted_figure_do_not_count_until_approved(revenue, reporter, office):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="6450")
    assert target_row(revenue).status is Status.NO_DATA
    actual = services.actual_submit(user=reporter, actual=actual)
    assert actual.status == Actual.Status.SUBMITTED
    assert actual.submitted_by == reporter and actual.first_submitted_at is not None
    assert target_row(revenue).status is Status.NO_DATA
    actual = services.actual_approve(user=office, actual=actual)
    assert (actual.status, actual.approved_by) == (Actual.Status.APPROVED, office)
    row = target_row(revenue)
    assert row.status is Status.EXCEEDED
    assert row.actual == actual


def test_a_returned_figure_carries_the_reason_and_can_be_corrected_and_resubmitted(
    revenue, reporter, office
):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="645")
    actual = services.actual_submit(user=reporter, actual=actual)
    actual = services.actual_return(user=office, actual=actual, reason="Thiếu một chữ số 0?")
    assert (actual.status, actual.return_reason) == (Actual.Status.RETURNED, "Thiếu một chữ số 0?")
    first = actual.first_submitted_at
    actual = services.actual_update(user=reporter, actual=actual, value="6450")
    actual = services.actual_submit(user=reporter, actual=actual)
    assert actual.first_submitted_at == first
    assert actual.submitted_at >= first


def test_a_returned_figure_is_corrected_and_sent_again_in_one_step_with_its_history(
    revenue, reporter, office
):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="645")
    actual = services.actual_submit(user=reporter, actual=actual)
    actual = services.actual_return(user=office, actual=actual, reason="Thiếu một chữ số 0?")
    actual = services.actual_update(user=reporter, actual=actual, value="6450", submit=True)
    actual.refresh_from_db()
    assert (actual.status, actual.value) == (Actual.Status.SUBMITTED, Decimal("6450"))
    statuses = [h.status for h in actual.history.order_by("history_date", "history_id")]
    assert statuses[-2:] == [Actual.Status.RETURNED, Actual.Status.SUBMITTED]


def test_a_correction_sent_after_the_deadline_saves_nothing(revenue, reporter, office, dongthap):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="645")
    services.period_lock_set(
        user=office,
        province=dongthap.province,
        period="2024",
        deadline=timezone.localdate() - dt.timedelta(days=1),
    )
    with pytest.raises(ValidationError, match="Đã hết hạn báo cáo năm 2024"):
        services.actual_update(user=reporter, actual=actual, value="6450", submit=True)
    actual.refresh_from_db()
    assert (actual.status, actual.value) == (Actual.Status.DRAFT, Decimal("645"))


def test_returning_without_a_reason_is_refused(revenue, reporter, office):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="1")
    actual = services.actual_submit(user=reporter, actual=actual)
    with pytest.raises(ValidationError):
        services.actual_return(user=office, actual=actual, reason="  ")
    actual.refresh_from_db()
    assert actual.status == Actual.Status.SUBMITTED


def test_a_submitted_figure_is_frozen(revenue, reporter):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="1")
    actual = services.actual_submit(user=reporter, actual=actual)
    with pytest.raises(ValidationError):
        services.actual_update(user=reporter, actual=actual, value="2")
    actual.refresh_from_db()
    assert actual.value == 1


def test_a_correction_keeps_the_approved_figure_counting_until_it_is_approved(
    revenue, reporter, office
):
    estimate = services.actual_create(
        user=reporter, target=revenue, period="2024", value="6450", is_estimate=True
    )
    services.actual_approve(
        user=office, actual=services.actual_submit(user=reporter, actual=estimate)
    )
    official = services.actual_create(user=reporter, target=revenue, period="2024", value="5900")
    services.actual_submit(user=reporter, actual=official)
    row = target_row(revenue)
    assert (row.status, row.judgement.estimate) == (Status.EXCEEDED, True)
    assert row.pending == official
    services.actual_approve(user=office, actual=official)
    row = target_row(revenue)
    assert (row.status, row.judgement.figure) == (Status.NOT_ACHIEVED, Decimal("5900"))
    # Both approved figures remain: no value is lost.
    assert sorted(a.value for a in revenue.actuals.all()) == [Decimal("5900"), Decimal("6450")]


def test_only_one_open_figure_per_period(revenue, reporter):
    services.actual_create(user=reporter, target=revenue, period="2024", value="1")
    with pytest.raises(ValidationError, match="đang trong quá trình báo cáo"):
        services.actual_create(user=reporter, target=revenue, period="2024", value="2")


def test_edits_of_a_draft_are_kept_in_the_history(revenue, reporter):
    actual = services.actual_create(user=reporter, target=revenue, period="2024", value="100")
    services.actual_update(
        user=reporter, actual=actual, value="200", note="Số liệu mới của Cục Thuế"
    )
    values = [h.value for h in actual.history.order_by("history_date")]
    assert values == [Decimal("100"), Decimal("200")]
    assert actual.history.latest().history_user == reporter


@pytest.mark.parametrize(
    ("period", "message"),
    [("2025", "hãy báo cáo kỳ nằm trong"), ("2024-Q5", "không phải là kỳ báo cáo")],
)
def test_a_figure_for_a_period_outside_the_target_is_refused(revenue, reporter, period, message):
    with pytest.raises(ValidationError, match=message):
        services.actual_create(user=reporter, target=revenue, period=period, value="1")


def test_a_figure_that_is_not_a_number_is_refused(revenue, reporter):
    with pytest.raises(ValidationError) as error:
        services.actual_create(user=reporter, target=revenue, period="2024", value="nhiều")
    assert "value" in error.value.message_dict


def test_the_office_may_approve_a_figure_it_entered_itself(revenue, office):
    actual = services.actual_create(user=office, target=revenue, period="2024-H1", value="3350")
    actual = services.actual_approve(user=office, actual=actual)
    assert actual.status == Actual.Status.APPROVED
    assert actual.submitted_by == office
