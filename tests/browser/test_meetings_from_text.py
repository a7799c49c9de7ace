"""The office pastes a news article, checks the proposed fields beside it, and confirms."""

import pytest
from playwright.sync_api import expect

from nghiquyet.meetings.models import Meeting
from shared_data import seed_text

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_office_records_the_17th_conference_from_its_article(
    page, places, dongthap, office, password, screenshot
):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(office.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")

    page.goto("/meetings/from-text/")
    page.get_by_label("Bài báo").fill(seed_text("000"))
    page.get_by_role("button", name="Đề xuất các trường").click()
    expect(page.get_by_label("Địa điểm")).to_have_value("hội trường Sen Hồng")
    expect(page.get_by_label("Lần thứ")).to_have_value("17")
    expect(page.locator(".source-text")).to_contain_text("Vụ địa phương III")
    assert not Meeting.objects.exists()
    screenshot("meetings-from-text")

    page.get_by_role("button", name="Xác nhận và lưu").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Hội nghị Ban Chấp hành Đảng bộ tỉnh Đồng Tháp lần thứ 17"
    )
    expect(page.locator("table.data")).to_contain_text("Phạm Thiện Nghĩa")
    screenshot("meetings-detail")
