"""Demo term targets: the shapes a congress resolution sets for 2021–2025, beside the
2024 resolution of :mod:`nghiquyet.targets.demo`.

A milestone, a growth from a base year reported as levels, a per-year count judged
each year and over the term, an average growth rate, a five-year total judged to date
at mid-term, a reduction typed as the fall, and an annual target seen at nine months.
The figures are plausible, not official; everything goes through the services.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.targets import services
from nghiquyet.targets.models import Direction, Horizon, Indicator, Kind, Sector
from nghiquyet.targets.verdicts import verdicts_batch

SYMBOL = "01-NQ/TU"
TITLE = "Nghị quyết Đại hội đại biểu Đảng bộ tỉnh lần thứ XI, nhiệm kỳ 2020 - 2025"
ISSUED_ON = dt.date(2020, 10, 16)
TERM = "2021/2025"


@dataclass(frozen=True)
class TermTarget:
    """A target of the term resolution and its figures: (period, value or stage, estimate)."""

    indicator: str
    unit: str
    kind: str
    comparator: str
    value: str
    period: str
    text: str
    figures: tuple = field(default=())
    value_max: str | None = None
    horizon: str = Horizon.PERIOD
    base_year: int | None = None
    base_value: str | None = None
    direction: str = Direction.MORE_IS_BETTER
    owner: str = "so_tai_chinh"


TARGETS = [
    TermTarget(
        "Sắp xếp đơn vị hành chính cấp xã", "", Kind.MILESTONE, "=", "100", "2025",
        "Hoàn thành sắp xếp đơn vị hành chính cấp xã",
        figures=(("2025", "done", False),), owner="so_noi_vu",
    ),
    TermTarget(
        "Thu ngân sách so với năm 2020", "%", Kind.GROWTH, ">=", "10", "2025",
        "Thu ngân sách năm 2025 tăng 10% so với năm 2020",
        figures=(("2025", "11200", True),), base_year=2020, base_value="10000",
    ),
    TermTarget(
        "Số lao động được giải quyết việc làm", "lao động", Kind.COUNT, ">=", "25000", TERM,
        "Giải quyết việc làm cho 25.000 lao động/năm",
        figures=(("2021", "24100", False), ("2022", "25800", False), ("2023", "26300", False),
                 ("2024", "25200", False), ("2025", "25500", True)),
        horizon=Horizon.PER_YEAR, owner="so_noi_vu",
    ),
    TermTarget(
        "Tốc độ tăng trưởng GRDP bình quân", "%", Kind.GROWTH, "range", "6.5", TERM,
        "GRDP tăng bình quân 6,5–7%/năm giai đoạn 2021–2025",
        figures=(("2021", "1.5", False), ("2022", "8.1", False), ("2023", "5.7", False),
                 ("2024", "7.1", False), ("2025", "7.4", True)),
        value_max="7", horizon=Horizon.PER_YEAR,
    ),
    TermTarget(
        "Tổng vốn đầu tư toàn xã hội 5 năm", "tỷ đồng", Kind.CUMULATIVE, ">=", "250000", TERM,
        "Tổng vốn đầu tư toàn xã hội 5 năm đạt 250.000 tỷ đồng",
        figures=(("2021", "42000", False), ("2022", "47500", False), ("2023", "52000", False),
                 ("2024", "56300", False), ("2025", "58000", True)),
    ),
    TermTarget(
        "Giảm tỷ lệ hộ nghèo", "%", Kind.REDUCTION, "range", "1", TERM,
        "Giảm tỷ lệ hộ nghèo bình quân 1–1,5%/năm",
        figures=(("2021", "1.3", False), ("2022", "1.1", False), ("2023", "0.9", False),
                 ("2024", "1.2", False), ("2025", "1.0", True)),
        value_max="1.5", horizon=Horizon.PER_YEAR, owner="so_noi_vu",
    ),
    TermTarget(
        "Thu ngân sách nhà nước năm 2025", "tỷ đồng", Kind.LEVEL, ">=", "7000", "2025",
        "Thu ngân sách nhà nước năm 2025 đạt 7.000 tỷ đồng",
        figures=(("2025-9M", "5271", False), ("2025", "7150", True)),
    ),
]  # fmt: skip


def load(setup: ProvinceSetup) -> Document:
    """Create the term resolution's targets and figures once; later calls change nothing."""
    office = setup.office
    document = Document.objects.filter(issuer=setup.bodies["tinh_uy"], symbol=SYMBOL).first()
    if document is None:
        from nghiquyet.documents.services import document_create

        document = document_create(
            user=office,
            kind=DocumentKind.NGHI_QUYET,
            title=TITLE,
            issuer=setup.bodies["tinh_uy"],
            symbol=SYMBOL,
            issued_on=ISSUED_ON,
            status=Document.Status.ADOPTED,
        )
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
                value_max=spec.value_max,
                unit=spec.unit,
                period=spec.period,
                horizon=spec.horizon,
                base_year=spec.base_year,
                base_value=spec.base_value,
                owner=setup.bodies[spec.owner],
                position=position,
                source_text=spec.text,
            )
            for period, figure, estimate in spec.figures:
                stage = {"milestone": figure, "done_on": dt.date(2025, 6, 30)}
                entered = stage if spec.kind == Kind.MILESTONE else {"value": figure}
                actual = services.actual_create(
                    user=office, target=target, period=period, is_estimate=estimate, **entered
                )
                services.actual_approve(user=office, actual=actual)
    return document


def _indicator(setup: ProvinceSetup, spec: TermTarget) -> Indicator:
    existing = Indicator.objects.filter(province=setup.province, name=spec.indicator).first()
    return existing or services.indicator_create(
        user=setup.office,
        name=spec.indicator,
        unit=spec.unit,
        kind=spec.kind,
        direction=spec.direction,
        sector=Sector.SOCIETY if spec.owner == "so_noi_vu" else Sector.ECONOMY,
        province=setup.province,
    )
