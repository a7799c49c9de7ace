"""After a period's deadline agencies can no longer submit, unless given an exception."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from nghiquyet.targets import services
from nghiquyet.targets.models import Actual, PeriodLock

YESTERDAY = timezone.localdate() - dt.timedelta(days=1)
NEXT_WEEK = timezone.localdate() + dt.timedelta(days=7)


@pytest.fixture
def draft(revenue, reporter):
    return services.actual_create(user=reporter, target=revenue, period="2024", value="6450")


def test_a_reporter_cannot_submit_after_the_deadline(draft, reporter, office, dongthap):
    services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=YESTERDAY
    )
    with pytest.raises(ValidationError, match="Đã hết hạn báo cáo năm 2024"):
        services.actual_submit(user=reporter, actual=draft)
    draft.refresh_from_db()
    assert draft.status == Actual.Status.DRAFT


def test_an_exception_lets_one_agency_submit_late(draft, reporter, office, dongthap):
    lock = services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=YESTERDAY
    )
    services.period_lock_exception_set(
        user=office, lock=lock, body=dongthap.bodies["so_tai_chinh"], until=NEXT_WEEK
    )
    assert services.actual_submit(user=reporter, actual=draft).status == Actual.Status.SUBMITTED


def test_the_office_still_enters_figures_after_the_deadline(draft, office, dongthap):
    services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=YESTERDAY
    )
    assert services.actual_submit(user=office, actual=draft).status == Actual.Status.SUBMITTED


def test_a_deadline_in_the_future_does_not_block(draft, reporter, office, dongthap):
    services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=NEXT_WEEK
    )
    assert services.actual_submit(user=reporter, actual=draft).status == Actual.Status.SUBMITTED


def test_setting_a_deadline_twice_moves_it(office, dongthap):
    services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=YESTERDAY
    )
    services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=NEXT_WEEK
    )
    assert PeriodLock.objects.get().deadline == NEXT_WEEK


def test_agencies_cannot_set_deadlines_or_grant_themselves_exceptions(reporter, office, dongthap):
    with pytest.raises(PermissionDenied):
        services.period_lock_set(
            user=reporter, province=dongthap.province, period="2024", deadline=NEXT_WEEK
        )
    lock = services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=YESTERDAY
    )
    with pytest.raises(PermissionDenied):
        services.period_lock_exception_set(
            user=reporter, lock=lock, body=dongthap.bodies["so_tai_chinh"], until=NEXT_WEEK
        )


def test_an_exception_ending_before_the_deadline_is_refused(office, dongthap):
    lock = services.period_lock_set(
        user=office, province=dongthap.province, period="2024", deadline=NEXT_WEEK
    )
    with pytest.raises(ValidationError):
        services.period_lock_exception_set(
            user=office, lock=lock, body=dongthap.bodies["so_y_te"], until=YESTERDAY
        )
