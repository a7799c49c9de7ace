"""Demo targets: the 14 targets of Đồng Tháp's 2024 resolution (seed article 001),
with figures for 6 and 12 months chosen so that the dashboard shows every status.

The targets are those of the seed article's gold record (extraction/gold/001_*.json
beside the repository); the figures are plausible, not official. Everything goes
through the services, as a user would do it; only the submission and approval dates
are moved back afterwards, so that the on-time rates read as they would have.
Dates, periods and years are written for 2024 and moved by the demo calendar to the
day of loading: the six months reviewed and locked, the year still open.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone

from nghiquyet.core.demo_calendar import demo_calendar
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.targets import services
from nghiquyet.targets.models import Actual, Direction, Indicator, Kind, PeriodLock, Sector, Target
from nghiquyet.targets.verdicts import verdicts_batch

SYMBOL = "35-NQ/TU"
TITLE = (
    "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội, quốc phòng - an ninh "
    "và xây dựng hệ thống chính trị năm 2024"
)
ISSUED_ON = dt.date(2024, 1, 4)
YEAR, HALF = "2024", "2024-H1"

M, L = Direction.MORE_IS_BETTER, Direction.LESS_IS_BETTER


@dataclass(frozen=True)
class DemoTarget:
    """A target of the seed, its indicator and owner, and the figures reported on it.

    ``half`` and ``year`` are (value, state) for 6 and 12 months; state "approved",
    "estimate" (approved ước), "submitted", "returned" or "draft".
    """

    indicator: str
    unit: str
    kind: str
    direction: str
    sector: str
    owner: str
    comparator: str
    value: str
    text: str
    half: tuple[str, str] | None = None
    year: tuple[str, str] | None = None
    base_year: int | None = None


TARGETS = [
    DemoTarget("Tốc độ tăng trưởng GRDP", "%", Kind.GROWTH, M, Sector.ECONOMY, "so_tai_chinh",
               ">=", "8.5", "GRDP tăng trưởng 8,5% trở lên so với năm 2023",
               half=("6.21", "approved"), year=("7.12", "approved"), base_year=2023),
    DemoTarget("GRDP bình quân đầu người", "triệu đồng", Kind.LEVEL, M, Sector.ECONOMY,
               "so_tai_chinh", ">", "88", "GRDP bình quân đầu người đạt trên 88 triệu đồng",
               year=("89.6", "approved")),
    DemoTarget("Tỷ trọng nông, lâm nghiệp, thủy sản trong GRDP", "%", Kind.SHARE, L,
               Sector.ECONOMY, "so_nong_nghiep", "~", "27",
               "tỷ trọng nông, lâm nghiệp, thủy sản chiếm gần 27%",
               half=("28.4", "approved"), year=("27.3", "approved")),
    DemoTarget("Tỷ trọng công nghiệp – xây dựng trong GRDP", "%", Kind.SHARE, M, Sector.ECONOMY,
               "so_cong_thuong", ">", "36", "công nghiệp – xây dựng chiếm trên 36%",
               half=("34.8", "approved"), year=("35.2", "approved")),
    DemoTarget("Tỷ trọng dịch vụ trong GRDP", "%", Kind.SHARE, M, Sector.ECONOMY,
               "so_cong_thuong", ">", "30", "dịch vụ chiếm trên 30%",
               half=("31.2", "approved"), year=("31.6", "approved")),
    DemoTarget("Tỷ trọng thuế sản phẩm trong GRDP", "%", Kind.SHARE, M, Sector.ECONOMY,
               "so_tai_chinh", ">", "5", "thuế sản phẩm chiếm trên 5%",
               half=("5.1", "returned"), year=("5.4", "approved")),
    DemoTarget("Tổng vốn đầu tư toàn xã hội", "tỷ đồng", Kind.LEVEL, M, Sector.ECONOMY,
               "so_tai_chinh", "=", "34000", "tổng vốn đầu tư toàn xã hội 34.000 tỷ đồng",
               half=("15200", "approved"), year=("34650", "approved")),
    DemoTarget("Số doanh nghiệp thành lập mới", "doanh nghiệp", Kind.COUNT, M, Sector.ECONOMY,
               "so_tai_chinh", "=", "520", "phát triển mới 520 doanh nghiệp",
               half=("248", "approved"), year=("520", "approved")),
    DemoTarget("Tỷ lệ đô thị hóa", "%", Kind.SHARE, M, Sector.ECONOMY, "ubnd", ">", "31",
               "tỷ lệ đô thị hóa đạt trên 31%", year=("30.8", "submitted")),
    DemoTarget("Thu ngân sách nội địa", "tỷ đồng", Kind.LEVEL, M, Sector.ECONOMY,
               "so_tai_chinh", ">", "6000", "thu ngân sách nội địa trên 6.000 tỷ đồng",
               half=("3350", "approved"), year=("6450", "estimate")),
    DemoTarget("Số lao động được tạo việc làm mới", "lao động", Kind.COUNT, M, Sector.SOCIETY,
               "so_noi_vu", "=", "23000", "tạo việc làm mới cho 23.000 lao động",
               half=("12500", "approved"), year=("23000", "approved")),
    DemoTarget("Tỷ lệ hộ được sử dụng điện", "%", Kind.SHARE, M, Sector.SOCIETY,
               "so_cong_thuong", "=", "99.7", "tỷ lệ hộ được sử dụng điện đạt 99,7%",
               half=("99.65", "approved"), year=("99.7", "approved")),
    DemoTarget("Tỷ lệ xã, phường, thị trấn vững mạnh về quốc phòng - an ninh", "%", Kind.SHARE,
               M, Sector.DEFENCE, "cong_an", ">", "98",
               "có trên 98% xã, phường, thị trấn vững mạnh về quốc phòng - an ninh",
               year=("100", "approved")),
    DemoTarget("Tỷ lệ bao phủ bảo hiểm y tế", "%", Kind.SHARE, M, Sector.SOCIETY, "so_y_te",
               "=", "94.95", "tỷ lệ bao phủ bảo hiểm y tế so với dân số đạt 94,95%",
               half=("91.2", "approved"), year=("93.1", "draft")),
]  # fmt: skip

#: Deadlines: the 6-month figures were due on 15 July, the year's on 15 December
#: (estimates), with Sở Y tế allowed ten more days for July.
DEADLINES = {HALF: dt.date(2024, 7, 15), YEAR: dt.date(2024, 12, 15)}
EXCEPTION = ("so_y_te", HALF, dt.date(2024, 7, 25), "Chờ số liệu của Bảo hiểm xã hội tỉnh")
#: Agencies that submitted late, by period: the rest submitted two days before the deadline.
LATE = {HALF: {"so_cong_thuong"}, YEAR: {"so_noi_vu"}}


def load(setup: ProvinceSetup) -> Document:
    """Create the 2024 resolution's targets and figures once; later calls change nothing."""
    office = setup.office
    cal = demo_calendar()
    document = _resolution(setup)
    if document.targets.exists():
        return document
    # The resolution is judged once its figures are in, not once per figure.
    with verdicts_batch():
        for position, spec in enumerate(TARGETS, start=1):
            target = services.target_create(
                user=office,
                document=document,
                indicator=_indicator(setup, spec),
                comparator=spec.comparator,
                value=spec.value,
                unit=spec.unit,
                period=cal.text(YEAR),
                base_year=spec.base_year and cal.year(spec.base_year),
                owner=setup.bodies[spec.owner],
                position=position,
                source_text=cal.text(spec.text),
            )
            for period, figure in ((HALF, spec.half), (YEAR, spec.year)):
                if figure is not None:
                    _report(setup, target, spec.owner, period, *figure)
    # Set after the figures are in: the six months are past their deadline; the year
    # stays open at least two weeks from the day of loading, for the reporters' figures.
    for period, deadline in DEADLINES.items():
        services.period_lock_set(
            user=office,
            province=setup.province,
            period=cal.text(period),
            deadline=cal.open_until(deadline) if period == YEAR else cal.on(deadline),
        )
    key, period, until, reason = EXCEPTION
    lock = PeriodLock.objects.get(province=setup.province, period=cal.text(period))
    services.period_lock_exception_set(
        user=office, lock=lock, body=setup.bodies[key], until=cal.on(until), reason=reason
    )
    return document


def _resolution(setup: ProvinceSetup) -> Document:
    """The resolution, found by issuer and symbol if the documents demo made it already."""
    for key in ("bch", "tinh_uy"):
        found = Document.objects.filter(issuer=setup.bodies[key], symbol=SYMBOL).first()
        if found is not None:
            return found
    from nghiquyet.documents.services import document_create

    cal = demo_calendar()
    return document_create(
        user=setup.office,
        kind=DocumentKind.NGHI_QUYET,
        title=cal.text(TITLE),
        issuer=setup.bodies["tinh_uy"],
        symbol=SYMBOL,
        issued_on=cal.on(ISSUED_ON),
        status=Document.Status.ADOPTED,
    )


def _indicator(setup: ProvinceSetup, spec: DemoTarget) -> Indicator:
    existing = Indicator.objects.filter(province=setup.province, name=spec.indicator).first()
    return existing or services.indicator_create(
        user=setup.office,
        name=spec.indicator,
        unit=spec.unit,
        kind=spec.kind,
        direction=spec.direction,
        sector=spec.sector,
        province=setup.province,
    )


def _report(
    setup: ProvinceSetup, target: Target, owner: str, period: str, value: str, state: str
) -> None:
    """Enter a figure as the agency would (the reporter persona for its own agency)."""
    office = setup.office
    reporter = setup.users["reporter"] if owner == "so_tai_chinh" else office
    actual = services.actual_create(
        user=reporter,
        target=target,
        period=demo_calendar().text(period),
        value=Decimal(value),
        is_estimate=state == "estimate",
        source="Cục Thống kê tỉnh" if target.unit == "%" else "Báo cáo của cơ quan chủ trì",
    )
    if state == "draft":
        return
    actual = services.actual_submit(user=reporter, actual=actual)
    if state == "returned":
        actual = services.actual_return(
            user=office, actual=actual, reason="Đề nghị ghi rõ nguồn số liệu và phương pháp tính."
        )
    elif state in ("approved", "estimate"):
        actual = services.actual_approve(user=office, actual=actual)
    _backdate(actual, setup, owner, period)


def _backdate(actual: Actual, setup: ProvinceSetup, owner: str, period: str) -> None:
    """Put the submission (and decision) on the dates it would have had."""
    deadline = DEADLINES[period]
    if owner == EXCEPTION[0] and period == EXCEPTION[1]:
        deadline = EXCEPTION[2]
    day = demo_calendar().done_on(deadline + dt.timedelta(days=4 if owner in LATE[period] else -2))
    submitted = timezone.make_aware(dt.datetime.combine(day, dt.time(9, 30)))
    decided = min(submitted + dt.timedelta(days=3), timezone.now())
    Actual.objects.filter(pk=actual.pk).update(
        first_submitted_at=submitted,
        submitted_at=submitted,
        approved_at=decided if actual.status == Actual.Status.APPROVED else None,
        returned_at=decided if actual.status == Actual.Status.RETURNED else None,
    )
