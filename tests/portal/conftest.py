"""A Đồng Tháp whose office published one resolution, beside records that must stay private.

The published resolution has province targets in three fields, targets broken
down by commune, approved figures (one an estimate, one corrected), and a figure
at every other stage. The private look-alikes carry marker strings that no
public page, file or API answer may ever contain.
"""

import datetime as dt
from dataclasses import dataclass

import pytest

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create, document_publish
from nghiquyet.orgs.models import Place
from nghiquyet.portal import cache
from nghiquyet.targets import services
from nghiquyet.targets.models import Kind, Sector, Target
from nghiquyet.tasks.services import task_create

#: Strings and figures that exist only in private records.
MARKERS = {
    "private resolution": "BIMAT-NGHIQUYET-5521",
    "private indicator": "BIMAT-CHISO-5521",
    "draft document": "DUTHAO-KIN-8842",
    "submitted figure": "424242",
    "draft figure": "515151",
    "returned figure": "636363",
    "return reason": "LYDO-TRALAI-9934",
    "figure note": "GHICHU-NOIBO-7731",
    "task": "NHIEMVU-NOIBO-6613",
    "private figure": "777111",
}


@dataclass
class Published:
    document: Document
    targets: dict[str, Target]
    communes: list[Place]
    private: Document
    draft: Document


@pytest.fixture(autouse=True)
def fresh_portal_cache():
    """Each test starts with an empty cache of public pages."""
    cache.invalidate()


def _indicator(office, province, name, unit, sector, kind=Kind.LEVEL):
    return services.indicator_create(
        user=office, name=name, unit=unit, kind=kind, sector=sector, province=province
    )


def _approve(office, target, period, value, **extra):
    actual = services.actual_create(user=office, target=target, period=period, value=value, **extra)
    return services.actual_approve(user=office, actual=actual)


@pytest.fixture
def published(dongthap, office, resolution) -> Published:
    province = dongthap.province
    owner = dongthap.bodies["so_tai_chinh"]
    grdp = services.target_create(
        user=office,
        document=resolution,
        indicator=_indicator(
            office, province, "Tốc độ tăng trưởng GRDP", "%", Sector.ECONOMY, Kind.GROWTH
        ),
        comparator=">=",
        value="8.5",
        period="2024",
        owner=owner,
        source_text="Tốc độ tăng trưởng kinh tế (GRDP) đạt 8,5% trở lên",
    )
    revenue = services.target_create(
        user=office,
        document=resolution,
        indicator=_indicator(office, province, "Thu ngân sách nhà nước", "tỷ đồng", Sector.ECONOMY),
        comparator=">",
        value="6000",
        period="2024",
        owner=owner,
        source_text="Thu ngân sách nhà nước trên 6.000 tỷ đồng",
    )
    insurance = services.target_create(
        user=office,
        document=resolution,
        indicator=_indicator(
            office, province, "Tỷ lệ dân số tham gia bảo hiểm y tế", "%", Sector.SOCIETY, Kind.SHARE
        ),
        comparator=">=",
        value="94.95",
        period="2024",
        owner=owner,
    )
    enterprises = _indicator(
        office,
        province,
        "Số doanh nghiệp thành lập mới",
        "doanh nghiệp",
        Sector.ECONOMY,
        Kind.COUNT,
    )
    communes = list(
        Place.objects.filter(parent=province, level=Place.Level.COMMUNE).order_by("name")[:2]
    )
    by_commune = [
        services.target_create(
            user=office,
            document=resolution,
            indicator=enterprises,
            comparator=">=",
            value=value,
            period="2024",
            place=commune,
            owner=owner,
        )
        for commune, value in zip(communes, ("40", "25"), strict=True)
    ]
    _approve(office, grdp, "2024-H1", "7.9", source="Cục Thống kê tỉnh Đồng Tháp")
    _approve(office, grdp, "2024", "8.6", is_estimate=True, source="Cục Thống kê tỉnh Đồng Tháp")
    _approve(office, grdp, "2024", "8.7", source="Cục Thống kê tỉnh Đồng Tháp")
    _approve(office, revenue, "2024", "6150", source="Sở Tài chính")
    _approve(office, insurance, "2024", "93.1")
    _approve(office, by_commune[0], "2024", "46")
    _approve(office, by_commune[1], "2024", "19")
    # Figures at every stage before approval: none of them is public.
    services.actual_create(
        user=office,
        target=revenue,
        period="2024-H1",
        value=MARKERS["submitted figure"],
        submit=True,
    )
    services.actual_create(
        user=office,
        target=insurance,
        period="2024-H1",
        value=MARKERS["draft figure"],
        note=MARKERS["figure note"],
    )
    returned = services.actual_create(
        user=office, target=grdp, period="2024-Q3", value=MARKERS["returned figure"], submit=True
    )
    services.actual_return(user=office, actual=returned, reason=MARKERS["return reason"])
    document_publish(user=office, document=resolution)

    private = document_create(
        user=office,
        kind=DocumentKind.NGHI_QUYET,
        symbol="77-NQ/TU",
        issuer=dongthap.bodies["tinh_uy"],
        issued_on=dt.date(2024, 3, 1),
        status=Document.Status.ADOPTED,
        title=f"Nghị quyết {MARKERS['private resolution']} về tài chính",
    )
    secret = services.target_create(
        user=office,
        document=private,
        indicator=_indicator(
            office, province, f"Chỉ số {MARKERS['private indicator']}", "tỷ", Sector.ECONOMY
        ),
        comparator=">=",
        value="100",
        period="2024",
    )
    _approve(office, secret, "2024", MARKERS["private figure"])
    draft = document_create(
        user=office,
        kind=DocumentKind.NGHI_QUYET,
        issuer=dongthap.bodies["bch"],
        title=f"Dự thảo Nghị quyết {MARKERS['draft document']}",
    )
    task_create(
        user=office,
        title=f"Nhiệm vụ {MARKERS['task']}",
        lead=owner,
        start_on=dt.date(2024, 1, 15),
        deadline=dt.date(2024, 6, 30),
        document=resolution,
    )
    return Published(
        document=resolution,
        targets={
            "grdp": grdp,
            "revenue": revenue,
            "insurance": insurance,
            "commune_a": by_commune[0],
            "commune_b": by_commune[1],
        },
        communes=communes,
        private=private,
        draft=draft,
    )
