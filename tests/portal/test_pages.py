"""The public pages as an anonymous visitor sees them, in Vietnamese and in English."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


def visitor(language="vi") -> Client:
    client = Client()
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def test_the_home_shows_the_published_resolution_with_its_progress(published):
    page = visitor().get(reverse("portal:home")).content.decode()
    assert "12-NQ/TU" in page
    assert "3/5 chỉ tiêu đạt và vượt (3 chỉ tiêu vượt)" in page
    assert "Các nghị quyết đang thực hiện" in page


def test_the_resolution_page_groups_targets_by_field_with_status_and_figure(published):
    response = visitor().get(reverse("portal:resolution", args=[published.document.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert page.index("Kinh tế") < page.index("Văn hóa - xã hội")
    assert "Tốc độ tăng trưởng GRDP" in page and "8,7" in page
    assert "6.150" in page
    assert "chưa đạt" in page


def test_the_pages_speak_english_when_asked(published):
    client = visitor("en")
    home = client.get(reverse("portal:home")).content.decode()
    assert "Resolutions in force" in home
    page = client.get(reverse("portal:resolution", args=[published.document.pk])).content.decode()
    assert "Economy" in page and "6,150" in page


def test_the_indicator_page_breaks_down_by_commune(published):
    indicator = published.targets["commune_a"].indicator
    page = visitor().get(reverse("portal:indicator", args=[indicator.pk])).content.decode()
    for commune in published.communes:
        assert commune.name in page
    assert "46" in page and "19" in page


def test_the_indicator_page_has_a_chart_tab_and_a_table_tab(published):
    indicator = published.targets["grdp"].indicator
    url = reverse("portal:indicator", args=[indicator.pk])
    chart = visitor().get(url).content.decode()
    assert "<svg" in chart and "portal-chart" in chart
    table = visitor().get(url + "?tab=table").content.decode()
    assert '<svg class="portal-chart' not in table
    assert "8,7" in table and "7,9" in table
    assert "Cục Thống kê tỉnh Đồng Tháp" in table


def test_a_private_resolution_and_a_draft_are_not_found(published):
    client = visitor()
    for document in (published.private, published.draft):
        assert client.get(reverse("portal:resolution", args=[document.pk])).status_code == 404
    secret = published.private.targets.first().indicator
    assert client.get(reverse("portal:indicator", args=[secret.pk])).status_code == 404
