"""Which approved figures a judgement rests on, and the pace of multi-year targets."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from nghiquyet.evaluation import Pace, Status
from nghiquyet.targets import services
from nghiquyet.targets.dashboard import target_row
from nghiquyet.targets.models import Direction, Kind, Sector


def approved(user, target, period, value, **extra):
    actual = services.actual_create(user=user, target=target, period=period, value=value, **extra)
    return services.actual_approve(user=user, actual=actual)


@pytest.fixture
def term_resolution(resolution):
    resolution.symbol = "01-NQ/ĐH"
    resolution.save()
    return resolution


def new_target(office, document, dongthap, *, name, kind, period, comparator, value, **extra):
    extra.setdefault("owner", dongthap.bodies["so_tai_chinh"])
    indicator = services.indicator_create(
        user=office, name=name, unit=extra.pop("unit", ""), kind=kind, sector=Sector.ECONOMY,
        direction=extra.pop("direction", Direction.MORE_IS_BETTER), province=dongthap.province,
    )  # fmt: skip
    return services.target_create(
        user=office, document=document, indicator=indicator, comparator=comparator,
        value=value, period=period, **extra,
    )  # fmt: skip


def new_enterprises_target(office, document, dongthap):
    """A cumulative term target with three years reported and a half within one of them."""
    target = new_target(
        office, document, dongthap, name="Số doanh nghiệp thành lập mới trong nhiệm kỳ",
        kind=Kind.CUMULATIVE, period="2020/2025", comparator=">=", value="2500",
    )  # fmt: skip
    for period, value in (("2021", "480"), ("2022", "510"), ("2023", "530"), ("2023-H1", "250")):
        approved(office, target, period, value)
    return target


def test_a_cumulative_term_target_adds_the_years_and_never_counts_a_half_twice(
    office, term_resolution, dongthap
):
    target = new_enterprises_target(office, term_resolution, dongthap)
    row = target_row(target)
    assert row.judgement.figure == Decimal("1520")  # 2023-H1 lies within 2023
    assert row.status is Status.NOT_ACHIEVED
    assert [p.period.code for p in row.trend] == ["2021", "2022", "2023-H1", "2023"]


def test_a_year_is_judged_on_the_years_figure_not_on_a_half_years(office, revenue):
    approved(office, revenue, "2024-H1", "3350")
    assert target_row(revenue, "2024").status is Status.NO_DATA
    six_months = target_row(revenue, "2024-H1").judgement
    # progress towards the year's plan, not a verdict on it
    assert (six_months.status, six_months.progress) == (Status.IN_PROGRESS, Decimal("55.83"))
    assert six_months.completion is None


def test_a_level_target_for_2030_gets_a_pace_from_its_base_year(office, resolution, dongthap):
    target = new_target(
        office, resolution, dongthap, name="Số bác sĩ trên vạn dân", kind=Kind.RATIO,
        period="2030", comparator=">=", value="12", base_year=2020, base_value="8",
        unit="bác sĩ/vạn dân",
    )  # fmt: skip
    approved(office, target, "2026", "9")
    trajectory = target_row(target).trajectory
    # 8 → 9 in six years is 1,98% a year; 12 by 2030 needs 4,14% a year: ratio 0,48.
    assert (trajectory.pace, trajectory.ratio) == (Pace.LIMITED, Decimal("0.48"))
    assert target_row(target).status is Status.NO_DATA  # nothing reported for 2030 itself


def test_no_pace_for_a_one_year_target(office, revenue):
    approved(office, revenue, "2024", "6450")
    assert target_row(revenue).trajectory is None


def test_a_range_needs_its_upper_value_and_only_a_range_has_one(office, resolution, dongthap):
    with pytest.raises(ValidationError) as error:
        new_target(
            office, resolution, dongthap, name="Tốc độ tăng dân số", kind=Kind.GROWTH,
            period="2024", comparator="range", value="1",
        )  # fmt: skip
    assert "value_max" in error.value.message_dict
    with pytest.raises(ValidationError):
        new_target(
            office, resolution, dongthap, name="Tốc độ tăng dân số 2", kind=Kind.GROWTH,
            period="2024", comparator=">=", value="1", value_max="2",
        )  # fmt: skip


def test_a_target_refuses_an_agency_of_another_province(office, resolution, dongthap, laichau):
    with pytest.raises(ValidationError) as error:
        new_target(
            office, resolution, dongthap, name="Tỷ lệ che phủ rừng", kind=Kind.SHARE,
            period="2024", comparator=">=", value="45", owner=laichau.bodies["so_tai_chinh"],
        )  # fmt: skip
    assert "owner" in error.value.message_dict


def test_a_target_period_must_be_a_period_code(office, resolution, dongthap):
    with pytest.raises(ValidationError) as error:
        new_target(
            office, resolution, dongthap, name="Tỷ lệ đô thị hóa", kind=Kind.SHARE,
            period="năm 2024", comparator=">", value="31",
        )  # fmt: skip
    assert "period" in error.value.message_dict
