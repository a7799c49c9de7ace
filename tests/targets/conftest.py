"""A small resolution of Đồng Tháp with two targets owned by two agencies."""

import pytest
from django.utils import translation

from nghiquyet.targets import services
from nghiquyet.targets.models import Direction, Indicator, Kind, Sector


@pytest.fixture(autouse=True)
def vietnamese():
    """Services speak the active language; a page request in English must not leak into the
    next test, so each test starts in Vietnamese, the default of the site."""
    with translation.override("vi"):
        yield


def indicator(setup, **fields) -> Indicator:
    """The province's indicator of that name: the demo may have added it already."""
    existing = Indicator.objects.filter(province=setup.province, name=fields["name"]).first()
    return existing or services.indicator_create(
        user=setup.office, province=setup.province, **fields
    )


@pytest.fixture
def revenue_indicator(dongthap):
    return indicator(
        dongthap,
        name="Thu ngân sách nội địa",
        unit="tỷ đồng",
        kind=Kind.LEVEL,
        direction=Direction.MORE_IS_BETTER,
        sector=Sector.ECONOMY,
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
    share = indicator(
        dongthap,
        name="Tỷ lệ bao phủ bảo hiểm y tế",
        unit="%",
        kind=Kind.SHARE,
        sector=Sector.SOCIETY,
    )
    return services.target_create(
        user=office,
        document=resolution,
        indicator=share,
        comparator="=",
        value="94.95",
        period="2024",
        owner=dongthap.bodies["so_y_te"],
    )
