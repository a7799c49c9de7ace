"""A reporter posts progress on its task without leaving the page; the office reads the 4 không."""

import datetime as dt
import os

import pytest
from playwright.sync_api import expect

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.tasks import services

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tasks(places, dongthap, office):
    resolution = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="35-NQ/TU",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title="Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2024",
        status=Document.Status.ADOPTED,
    )
    group = services.task_group_create(
        user=office, document=resolution, name="3 nhiệm vụ đột phá", kind="breakthrough"
    )
    own = services.task_create(
        user=office,
        group=group,
        code="2",
        title="Cải thiện môi trường đầu tư, kinh doanh",
        lead=dongthap.bodies["so_tai_chinh"],
        start_on=dt.date(2024, 1, 15),
        deadline=dt.date(2099, 12, 31),
    )
    late = services.task_create(
        user=office,
        group=group,
        code="3",
        title="Hỗ trợ doanh nghiệp tháo gỡ khó khăn",
        lead=dongthap.bodies["so_cong_thuong"],
        start_on=dt.date(2024, 4, 1),
        deadline=dt.date(2024, 6, 20),
    )
    return own, late


def log_in(page, user, password):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")


def test_a_reporter_reports_progress_and_sees_it_in_the_timeline(
    page, tasks, reporter, password, screenshot
):
    own, late = tasks
    log_in(page, reporter, password)
    page.get_by_role("link", name="Nhiệm vụ").first.click()
    expect(page.get_by_role("link", name=own.title)).to_be_visible()
    expect(page.get_by_text(late.title)).to_have_count(0)
    page.get_by_role("link", name=own.title).click()
    expect(page.get_by_text("Chưa triển khai")).to_be_visible()

    form = page.locator("form", has=page.get_by_role("heading", name="Báo cáo tiến độ"))
    form.get_by_label("Tỷ lệ hoàn thành (%)").fill("45")
    form.get_by_label("Tiến độ").fill("Đã ban hành kế hoạch nâng cao chỉ số PCI năm 2024")
    page.evaluate("window.__same_page = true")
    form.get_by_role("button", name="Lưu").click()

    expect(page.locator(".timeline")).to_contain_text("Đã ban hành kế hoạch nâng cao chỉ số PCI")
    assert page.evaluate("window.__same_page") is True  # HTMX swapped the block, no reload
    expect(page.get_by_text("Đang thực hiện trong hạn")).to_be_visible()
    assert os.path.getsize(screenshot("task-progress-vi")) > 0


def test_the_office_reads_the_four_failures_and_an_agencys_evidence(
    page, tasks, office, password, screenshot
):
    _own, late = tasks
    log_in(page, office, password)
    page.goto("/tasks/four-failures/?period=2024-Q2&on=2024-07-05")
    expect(page.get_by_role("heading", name='Tình trạng "4 không"')).to_be_visible()
    row = page.locator("tr", has=page.get_by_role("link", name=late.lead.name))
    expect(row).to_contain_text("3/4")
    screenshot("four-failures-vi")
    page.get_by_role("link", name=late.lead.name).click()
    expect(page.get_by_role("heading", name=late.lead.name, exact=False)).to_be_visible()
    expect(page.locator("table").nth(0)).to_contain_text("chưa hoàn thành")
    assert os.path.getsize(screenshot("four-failures-agency-vi")) > 0
