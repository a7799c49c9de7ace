"""A large resolution's dashboard shows its table a page at a time, judged over all targets."""

import re

import pytest
from django.urls import reverse

from nghiquyet.targets import demo, views


@pytest.fixture
def resolution(dongthap):
    return demo.load(dongthap)


@pytest.fixture
def five_per_page(monkeypatch):
    monkeypatch.setattr(views, "DASHBOARD_PAGE_SIZE", 5)


def dashboard(client, resolution, **params) -> str:
    response = client.get(reverse("targets:dashboard", args=[resolution.pk]), params)
    assert response.status_code == 200
    return response.content.decode()


def test_the_first_page_shows_a_page_of_rows_and_the_summary_of_every_target(
    client_for, office, resolution, five_per_page
):
    html = dashboard(client_for(office), resolution, period="2024")
    assert html.count('<tr data-status="') == 5
    assert "Ước có 10/14 chỉ tiêu đạt và vượt (trong đó 6 chỉ tiêu vượt)" in html
    assert "Chỉ tiêu 1–5 trên tổng số 14" in html
    assert 'href="?period=2024&amp;page=2"' in html
    assert "Trang trước" not in html


def test_the_last_page_shows_the_remaining_rows_and_a_way_back(
    client_for, office, resolution, five_per_page
):
    html = dashboard(client_for(office), resolution, period="2024", page="3")
    assert html.count('<tr data-status="') == 4
    assert "Chỉ tiêu 11–14 trên tổng số 14" in html
    assert 'href="?period=2024&amp;page=2"' in html
    assert "Trang sau" not in html


def test_pages_of_a_filtered_table_keep_the_filter(client_for, leader, resolution, five_per_page):
    html = dashboard(client_for(leader), resolution, period="2024", status="exceeded", page="2")
    assert html.count('<tr data-status="exceeded"') == 1
    assert html.count('<tr data-status="') == 1
    assert "Chỉ tiêu 6–6 trên tổng số 6" in html


def test_a_resolution_that_fits_one_page_shows_no_page_links(client_for, office, resolution):
    html = dashboard(client_for(office), resolution, period="2024")
    assert html.count('<tr data-status="') == 14
    assert 'class="pagination' not in html


def test_the_counts_of_each_assessment_link_to_their_targets_the_unmet_first(
    client_for, leader, resolution
):
    html = dashboard(client_for(leader), resolution, period="2024")
    start = html.index('id="verdict-counts"')
    counts = html[start : html.index("</ul>", start)]
    assert 'href="?period=2024&amp;status=not_achieved"' in counts
    assert counts.index("not_achieved") < counts.index("exceeded")
    assert "chưa đạt</span> 2" in counts
    assert "vượt</span> 6" in counts
    filtered = dashboard(client_for(leader), resolution, period="2024", status="not_achieved")
    assert filtered.count('<tr data-status="') == 2
    assert 'href="?period=2024">Tất cả chỉ tiêu</a>' in filtered


def test_the_unmet_targets_can_come_first_and_every_target_stays_on_some_page(
    client_for, office, resolution, five_per_page
):
    client = client_for(office)
    statuses = []
    for number in ("1", "2", "3"):
        html = dashboard(client, resolution, period="2024", order="unmet", page=number)
        statuses += re.findall(r'<tr data-status="(\w+)"', html)
    assert len(statuses) == 14
    assert statuses[:2] == ["not_achieved", "not_achieved"]
    assert statuses[-6:] == ["exceeded"] * 6


def test_the_counts_and_the_order_speak_english(client_for, office, resolution):
    client = client_for(office)
    client.cookies["django_language"] = "en"
    html = dashboard(client, resolution, period="2024", order="unmet")
    assert "not achieved first" in html
    assert "not achieved</span> 2" in html
    assert html.index('<tr data-status="not_achieved"') < html.index('<tr data-status="exceeded"')
