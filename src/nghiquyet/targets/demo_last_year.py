"""Demo of last year: the province's resolution of the year before, with its six-month
and year figures approved and both periods locked, so that the dashboards and the
reviews have a finished year beside the one under way.

Written, like :mod:`nghiquyet.targets.demo`, for 2023 seen from 1 December 2024 and
moved by the demo calendar to the day of loading (loaded today: last year). The
indicators are those of this year's resolution; the figures are plausible, not official.
Everything goes through the services.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from nghiquyet.core.demo_calendar import demo_calendar
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.targets import demo, services
from nghiquyet.targets.models import Actual, Indicator

SYMBOL = "27-NQ/TU"
TITLE = (
    "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh "
    "và xây dựng hệ thống chính trị năm 2023"
)
ISSUED_ON = dt.date(2023, 1, 6)
YEAR, HALF = "2023", "2023-H1"
DEADLINES = {HALF: dt.date(2023, 7, 15), YEAR: dt.date(2024, 1, 15)}

#: Indicator (as in this year's resolution) → (comparator, target, six months, year).
FIGURES = {
    "Tốc độ tăng trưởng GRDP": (">=", "7", "5.42", "6.83"),
    "GRDP bình quân đầu người": (">", "80", None, "82.4"),
    "Tỷ trọng công nghiệp – xây dựng trong GRDP": (">", "35", "33.9", "34.6"),
    "Tỷ trọng dịch vụ trong GRDP": (">", "30", "30.4", "30.9"),
    "Tổng vốn đầu tư toàn xã hội": ("=", "31000", "13800", "31900"),
    "Số doanh nghiệp thành lập mới": ("=", "500", "231", "468"),
    "Thu ngân sách nội địa": (">", "5600", "3010", "5820"),
    "Số lao động được tạo việc làm mới": ("=", "22500", "11800", "22900"),
    "Tỷ lệ hộ được sử dụng điện": ("=", "99.6", "99.55", "99.62"),
    "Tỷ lệ bao phủ bảo hiểm y tế": ("=", "93.5", "90.8", "92.4"),
}


def load(setup: ProvinceSetup) -> Document | None:
    """Create last year's resolution, its figures and locks once; later calls change nothing."""
    cal = demo_calendar()
    office = setup.office
    if Document.objects.filter(province=setup.province, symbol=SYMBOL).exists():
        return None
    from nghiquyet.documents.services import document_create

    document = document_create(
        user=office,
        kind=DocumentKind.NGHI_QUYET,
        title=cal.text(TITLE),
        issuer=setup.bodies["tinh_uy"],
        symbol=SYMBOL,
        issued_on=cal.on(ISSUED_ON),
        status=Document.Status.ADOPTED,
    )
    specs = {spec.indicator: spec for spec in demo.TARGETS}
    for position, (name, (comparator, value, half, year)) in enumerate(FIGURES.items(), 1):
        spec = specs[name]
        target = services.target_create(
            user=office,
            document=document,
            indicator=Indicator.objects.get(province=setup.province, name=name),
            comparator=comparator,
            value=value,
            unit=spec.unit,
            period=cal.text(YEAR),
            base_year=spec.base_year and cal.year(spec.base_year - 1),
            owner=setup.bodies[spec.owner],
            position=position,
            source_text=f"{name} năm {cal.year(2023)}: {value} {spec.unit}".strip(),
        )
        for period, figure in ((HALF, half), (YEAR, year)):
            if figure is not None:
                _approved(setup, target, period, figure)
    for period, deadline in DEADLINES.items():
        services.period_lock_set(
            user=office, province=setup.province, period=cal.text(period), deadline=cal.on(deadline)
        )
    return document


def _approved(setup: ProvinceSetup, target, period: str, value: str) -> None:
    """A figure entered, sent and approved, dated two days before the period's deadline."""
    cal = demo_calendar()
    actual = services.actual_create(
        user=setup.office,
        target=target,
        period=cal.text(period),
        value=Decimal(value),
        source="Cục Thống kê tỉnh",
    )
    actual = services.actual_submit(user=setup.office, actual=actual)
    actual = services.actual_approve(user=setup.office, actual=actual)
    day = cal.done_on(DEADLINES[period] - dt.timedelta(days=2))
    submitted = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 0)))
    Actual.objects.filter(pk=actual.pk).update(
        first_submitted_at=submitted,
        submitted_at=submitted,
        approved_at=min(submitted + dt.timedelta(days=2), timezone.now()),
    )
