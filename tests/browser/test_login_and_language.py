"""A person logs in, switches to English and back, as on the provincial portals."""

import os
import re

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_office_clerk_logs_in_and_switches_language(page, office, password, screenshot):
    page.goto("/login/")
    assert page.locator("html").get_attribute("lang") == "vi"
    page.get_by_label("Tên đăng nhập").fill(office.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
    expect(page.get_by_text("Văn phòng Tỉnh ủy Đồng Tháp")).to_be_visible()

    page.get_by_role("button", name="English").click()
    page.wait_for_selector("html[lang=en]")
    expect(
        page.get_by_role("heading", name="Tracking the implementation of resolutions")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    page.get_by_role("button", name="Tiếng Việt").click()
    page.wait_for_selector("html[lang=vi]")
    expect(page.get_by_role("button", name="Đăng xuất")).to_be_visible()
    assert os.path.getsize(screenshot("home-vi")) > 0


def test_a_wrong_password_is_refused_in_vietnamese(page, office):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(office.username)
    page.get_by_label("Mật khẩu").fill("not-the-password")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("alert")).to_be_visible()
    expect(page).to_have_title(re.compile("Đăng nhập"))
