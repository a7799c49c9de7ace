"""An office clerk records Directive 58-CT/TU and finds it in the register."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_office_records_a_directive_and_finds_it_in_the_register(
    places, page, office, dongthap, password, screenshot
):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(office.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")

    page.get_by_role("link", name="Văn bản").click()
    page.get_by_role("link", name="Nhập văn bản").click()
    page.get_by_label("Loại").select_option(label="Chỉ thị")
    page.get_by_label("Số, ký hiệu").fill("58-ct/tu")
    page.get_by_label("Cơ quan ban hành").select_option(label="Ban Thường vụ Tỉnh ủy Đồng Tháp")
    page.get_by_label("Ngày ban hành").fill("2023-11-07")
    page.get_by_label("Trích yếu").fill(
        "Chỉ thị về tăng cường sự lãnh đạo của Đảng đối với công tác triển khai Quy hoạch tỉnh"
    )
    page.get_by_label("Tình trạng").select_option(label="Đã ban hành")
    page.get_by_role("button", name="Lưu").click()

    expect(page.get_by_text("Đã nhập văn bản.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Chỉ thị 58-CT/TU")

    page.locator("#site-menu").get_by_role("link", name="Văn bản", exact=True).click()
    page.get_by_label("Tìm kiếm").fill("quy hoach tinh")
    row = page.locator("#document-table tr", has_text="58-CT/TU")
    expect(row).to_contain_text("Ban Thường vụ Tỉnh ủy Đồng Tháp")
    expect(row).to_contain_text("07/11/2023")
    screenshot("documents-register")
