"""The demo province's public portal is full: two resolutions with reviews and figures."""

import pytest
from django.test import Client
from django.urls import reverse

from nghiquyet.core.demo import demo_load
from nghiquyet.portal.selectors import published_resolutions

pytestmark = pytest.mark.django_db


def test_the_demo_publishes_two_resolutions_with_reviews_and_a_published_review(places):
    demo_load()
    resolutions = published_resolutions()
    assert {d.symbol for d in resolutions} == {"35-NQ/TU", "01-NQ/TU"}
    client = Client()
    home = client.get(reverse("portal:home")).content.decode()
    assert "35-NQ/TU" in home and "01-NQ/TU" in home
    term = next(d for d in resolutions if d.symbol == "01-NQ/TU")
    page = client.get(reverse("portal:resolution", args=[term.pk])).content.decode()
    assert "Sơ kết giữa nhiệm kỳ" in page or "sơ kết giữa nhiệm kỳ" in page
    assert "Báo cáo" in page
    assert "Công bố nghị quyết và các chỉ tiêu." in page
    assert "chỉ tiêu đạt và vượt" in page
