"""``nghiquyet load_places`` loads both maps with successor links."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command

from nghiquyet.orgs.models import Place
from nghiquyet.orgs.selectors import place_communes, place_find_province, place_provinces

BEFORE = dt.date(2023, 6, 1)

pytestmark = pytest.mark.django_db


def test_it_loads_63_provinces_before_the_reform_and_34_after():
    assert place_provinces(on=BEFORE).count() == 63
    assert place_provinces().count() == 34
    assert Place.objects.filter(map=Place.Map.LEGACY, level=Place.Level.DISTRICT).count() > 680
    assert Place.objects.filter(map=Place.Map.CURRENT, level=Place.Level.COMMUNE).count() == 3321


@pytest.mark.parametrize(
    "old,new",
    [
        ("Long An", "Tây Ninh"),
        ("Trà Vinh", "Vĩnh Long"),
        ("Đồng Tháp", "Đồng Tháp"),
        ("Tiền Giang", "Đồng Tháp"),
        ("Lai Châu", "Lai Châu"),
    ],
)
def test_a_pre_2025_province_rolls_up_to_its_successor(old, new):
    province = place_find_province(old, on=BEFORE)
    assert province.valid_to == dt.date(2025, 6, 30)
    assert province.current().short_name == new
    assert province.current().valid_to is None


def test_the_successor_sees_the_data_of_every_province_merged_into_it():
    tay_ninh = place_find_province("Tây Ninh")
    names = set(
        Place.objects.filter(pk__in=tay_ninh.lineage_ids()).values_list("short_name", flat=True)
    )
    assert names == {"Tây Ninh", "Long An"}


def test_lai_chau_has_its_communes_and_wards_today():
    communes = place_communes(place_find_province("Lai Châu"))
    assert communes.count() == 38
    assert {c.kind for c in communes} <= {"Xã", "Phường"}
    assert communes.filter(short_name="Tân Phong", kind="Phường").exists()


def test_a_legacy_ward_points_to_the_commune_that_took_it():
    old = Place.objects.get(map=Place.Map.LEGACY, level=Place.Level.COMMUNE, name="Phường Phúc Xá")
    assert old.parent.name == "Quận Ba Đình"
    assert old.current().map == Place.Map.CURRENT
    assert old.current().province.short_name == "Hà Nội"


def test_loading_twice_changes_nothing():
    before = Place.objects.count()
    out = StringIO()
    call_command("load_places", stdout=out)
    assert Place.objects.count() == before
    assert "tạo mới 0, cập nhật 0" in out.getvalue()
