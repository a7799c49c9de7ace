"""A small resolution of Đồng Tháp with two targets owned by two agencies."""

import pytest

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.targets import services
from nghiquyet.targets.models import Direction, Kind, Sector


@pytest.fixture
def resolution(dongthap):
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="12-NQ/TU",
        number="12",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title="Nghị quyết về nhiệm vụ năm 2024",
        status=Document.Status.ADOPTED,
    )


@pytest.fixture
def revenue_indicator(dongthap, office):
    return services.indicator_create(
        user=office,
        name="Thu ngân sách nội địa",
        unit="tỷ đồng",
        kind=Kind.LEVEL,
        direction=Direction.MORE_IS_BETTER,
        sector=Sector.ECONOMY,
        province=dongthap.province,
    )


@pytest.fixture
def revenue(resolution, revenue_indicator, dongthap, office):
    """Owned by Sở Tài chính, the agency of the `reporter` persona."""
    return services.target_create(
        user=office,
        document=resolution,
        indicator=revenue_indicator,
        comparator=">",
        value="6000",
        period="2024",
        owner=dongthap.bodies["so_tai_chinh"],
        source_text="thu ngân sách nội địa trên 6.000 tỷ đồng",
    )


@pytest.fixture
def coverage(resolution, dongthap, office):
    """Owned by Sở Y tế: another agency than the reporter's."""
    indicator = services.indicator_create(
        user=office,
        name="Tỷ lệ bao phủ bảo hiểm y tế",
        unit="%",
        kind=Kind.SHARE,
        sector=Sector.SOCIETY,
        province=dongthap.province,
    )
    return services.target_create(
        user=office,
        document=resolution,
        indicator=indicator,
        comparator="=",
        value="94.95",
        period="2024",
        owner=dongthap.bodies["so_y_te"],
    )
