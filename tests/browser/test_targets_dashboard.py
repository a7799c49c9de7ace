"""A reporter reports a figure, the office approves it, the dashboard changes colour;
a leader filters the dashboard by status without reloading the page."""

import re

import pytest
from playwright.sync_api import expect

from nghiquyet.targets import demo

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def resolution(places, dongthap):
    return demo.load(dongthap)


def log_in(page, user, password):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")


def log_out(page):
    page.get_by_role("button", name="Đăng xuất").click()


def revenue_row(page):
    return page.locator("#targets-table tbody tr", has_text="Thu ngân sách nội địa")


def test_a_reporter_enters_a_figure_and_the_dashboard_shows_the_new_status(
    page, resolution, reporter, office, password, screenshot
):
    log_in(page, reporter, password)
    page.goto(f"/targets/documents/{resolution.pk}/?period=2024")
    expect(revenue_row(page).locator(".status")).to_have_text("vượt")

    revenue_row(page).get_by_role("link", name="Thu ngân sách nội địa").click()
    page.get_by_role("link", name="Báo cáo số liệu").click()
    page.get_by_label("Kỳ", exact=True).select_option("2024-9M")
    page.get_by_label("Số liệu (tỷ đồng)").fill("4.650")
    page.get_by_label("Nguồn số liệu").fill("Cục Thuế tỉnh")
    page.get_by_role("button", name="Lưu và gửi").click()
    expect(page.locator("#actuals")).to_contain_text("4.650")
    expect(page.locator("#actuals")).to_contain_text("đã gửi")
    log_out(page)

    log_in(page, office, password)
    page.goto("/targets/review/")
    row = page.locator("tr", has_text="Thu ngân sách nội địa")
    row.get_by_role("button", name="Duyệt").click()
    expect(page.locator("tr", has_text="Thu ngân sách nội địa")).to_have_count(0)
    expect(page.locator("tr", has_text="Tỷ lệ đô thị hóa")).to_have_count(1)
    log_out(page)

    log_in(page, reporter, password)
    page.goto(f"/targets/documents/{resolution.pk}/?period=2024-9M")
    # nine months are progress (77,5% of the year's plan); the verdict is the year's
    # estimate ("ước cả năm" 6.450 tỷ), above the plan
    expect(revenue_row(page).locator(".status")).to_have_text("vượt")
    expect(revenue_row(page)).to_contain_text("77,5% kế hoạch")
    screenshot("targets-dashboard-after-report")


def test_a_leader_filters_the_dashboard_by_status(page, resolution, leader, password, screenshot):
    log_in(page, leader, password)
    page.goto(f"/targets/documents/{resolution.pk}/?period=2024")
    rows = page.locator("#targets-table tbody tr")
    expect(rows).to_have_count(14)
    expect(page.locator("#summary-sentence")).to_contain_text("Ước có 10/14 chỉ tiêu đạt và vượt")

    page.get_by_label("Đánh giá").select_option("not_achieved")
    expect(rows).to_have_count(2)
    expect(rows.locator(".status")).to_have_text(["chưa đạt", "chưa đạt"])
    expect(page).to_have_url(re.compile(r"status=not_achieved"))
    # The summary still speaks of the whole resolution.
    expect(page.locator("#summary-sentence")).to_contain_text("Ước có 10/14")
    screenshot("targets-dashboard-filtered")


def test_a_leader_opens_the_unmet_targets_from_their_count_and_pages_through_the_rest(
    page, resolution, leader, password, screenshot, monkeypatch
):
    from nghiquyet.targets import views

    monkeypatch.setattr(views, "DASHBOARD_PAGE_SIZE", 5)
    log_in(page, leader, password)
    page.goto(f"/targets/documents/{resolution.pk}/?period=2024")
    counts = page.get_by_role("list", name="Số chỉ tiêu theo từng kết quả")
    counts.get_by_role("link", name="chưa đạt 2").click()
    rows = page.locator("#targets-table tbody tr")
    expect(rows.locator(".status")).to_have_text(["chưa đạt", "chưa đạt"])
    expect(page).to_have_url(re.compile(r"status=not_achieved"))
    page.get_by_role("link", name="Tất cả chỉ tiêu").click()
    expect(rows).to_have_count(5)

    page.get_by_label("Thứ tự").select_option("unmet")
    # The table is swapped in place; the address follows once it is.
    expect(page).to_have_url(re.compile(r"order=unmet"))
    expect(rows.locator(".status").nth(1)).to_have_text("chưa đạt")
    page.get_by_role("link", name="Trang sau").click()
    expect(page.get_by_text("Chỉ tiêu 6–10 trên tổng số 14")).to_be_visible()
    page.get_by_role("link", name="Trang sau").click()
    expect(rows).to_have_count(4)
    expect(rows.locator(".status")).to_have_text(["vượt"] * 4)
    screenshot("targets-dashboard-unmet-first")
