"""The office opens the demo's six-month report, downloads it and generates its draft."""

import os

import pytest
from playwright.sync_api import expect

from nghiquyet.core.demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo_site(places, settings, tmp_path, immediate_tasks):
    from nghiquyet.core.demo import demo_load

    settings.MEDIA_ROOT = tmp_path / "media"
    home, _other = demo_load()
    return home


def test_the_six_month_report_is_one_click_away_and_becomes_a_draft(page, demo_site, screenshot):
    # A PDF or a draft is written while the browser waits: seconds on a busy machine.
    page.set_default_timeout(60_000)
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(demo_site.office.username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")

    page.get_by_role("link", name="Báo cáo", exact=True).click()
    expect(page.get_by_role("heading", name="Báo cáo sơ kết, tổng kết")).to_be_visible()
    row = page.locator("table.reports tr", has_text="6 tháng đầu năm 2024")
    with page.expect_download() as download:
        row.get_by_role("link", name="PDF").click()
    assert download.value.suggested_filename == "bao-cao-so-ket-6-thang-dau-nam-2024-35-nq-tu.pdf"

    row.get_by_role("link", name="Báo cáo sơ kết 6 tháng đầu năm 2024").click()
    sheet = page.locator(".report-sheet")
    expect(sheet.get_by_text("ĐẢNG CỘNG SẢN VIỆT NAM")).to_be_visible()
    expect(sheet.locator(".summary-sentence")).to_contain_text("chỉ tiêu đạt và vượt")
    expect(sheet.locator("table.targets tbody tr")).to_have_count(14)
    assert os.path.getsize(screenshot("report-six-months-preview")) > 0

    page.get_by_role("button", name="Tạo phiên bản dự thảo mới").click()
    expect(page.locator("#report-job")).to_contain_text(
        "Phiên bản 1 của dự thảo đã sẵn sàng", timeout=60_000
    )
    expect(page.locator("#report-job progress")).to_have_attribute("value", "100")
