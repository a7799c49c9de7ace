"""Each role does its main job in the browser, on the demo loaded as of today (as
``make demo`` does), signing in through the login form: the reporter sends a figure,
the office approves one and sees the verdict and the summary change, the leader reads
the dashboard and downloads the report, an invited delegate comments on a draft, and
the office records a vote and adopts the draft."""

import io
import re
import zipfile
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nghiquyet.core.demo import DEMO_PASSWORD, demo_load
from nghiquyet.core.demo_calendar import calendar_for
from nghiquyet.meetings.demo import GUEST_USERNAME
from nghiquyet.meetings.models import Meeting

pytestmark = pytest.mark.django_db(transaction=True)

DRAFTS = re.compile("^Dự thảo")


@pytest.fixture
def demo(places, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    home, _other = demo_load(as_of=timezone.localdate())
    return home


@pytest.fixture
def year():
    """The demo's current year, as loaded today."""
    return calendar_for(timezone.localdate()).year(2024)


def log_in(page, username):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")


def open_dashboard(page, year, period=None):
    """From the menu to the dashboard of this year's resolution (for ``period`` if given)."""
    page.locator("#site-menu").get_by_role("link", name="Chỉ tiêu").click()
    page.locator("main").get_by_role("link", name=re.compile(f"năm {year}$")).first.click()
    if period:
        page.goto(f"{page.url.split('?')[0]}?period={period}")
    expect(page.locator("#targets-table")).to_be_visible()


def row(page, indicator):
    return page.locator("#targets-table tbody tr", has_text=indicator)


def test_the_reporter_enters_a_figure_and_sends_it(page, demo, year, screenshot):
    log_in(page, demo.users["reporter"].username)
    open_dashboard(page, year)
    row(page, "Thu ngân sách nội địa").get_by_role("link", name="Thu ngân sách nội địa").click()
    page.get_by_role("link", name="Báo cáo số liệu").click()
    page.get_by_label("Kỳ", exact=True).select_option(f"{year}-9M")
    page.get_by_label("Số liệu (tỷ đồng)").fill("4.650")
    page.get_by_label("Nguồn số liệu").fill("Cục Thuế tỉnh")
    page.get_by_role("button", name="Lưu và gửi").click()

    expect(page.locator(".alert-success")).to_be_visible()
    figures = page.locator("#actuals")
    expect(figures.locator("tr", has_text="4.650")).to_contain_text("đã gửi")
    screenshot("job-reporter-sent")


def test_the_office_approves_a_figure_and_sees_the_verdict_and_summary_change(
    page, demo, year, screenshot
):
    log_in(page, demo.office.username)
    open_dashboard(page, year, year)
    summary_before = page.locator("#summary-sentence").inner_text()
    verdict_before = row(page, "Tỷ lệ đô thị hóa").locator(".status").inner_text()

    page.goto("/targets/review/")
    pending = page.locator("tr", has_text="Tỷ lệ đô thị hóa")
    pending.get_by_role("button", name="Duyệt").click()
    expect(page.locator(".alert-success")).to_contain_text("Tỷ lệ đô thị hóa")
    expect(page.locator("tr", has_text="Tỷ lệ đô thị hóa")).to_have_count(0)

    page.goto("/")
    open_dashboard(page, year, year)
    expect(row(page, "Tỷ lệ đô thị hóa").locator(".status")).to_have_text("chưa đạt")
    assert verdict_before != "chưa đạt"
    expect(page.locator("#summary-sentence")).not_to_have_text(summary_before)
    screenshot("job-office-approved")


def test_the_leader_reads_the_dashboard_and_downloads_the_report(page, demo, year, screenshot):
    log_in(page, demo.users["leader"].username)
    open_dashboard(page, year)
    expect(page.locator("#summary-sentence")).to_contain_text("chỉ tiêu")
    expect(page.locator("#targets-table tbody tr")).to_have_count(14)

    page.locator("#site-menu").get_by_role("link", name="Báo cáo", exact=True).click()
    report = page.locator("table.reports tr", has_text=f"năm {year}").first
    with page.expect_download() as docx:
        report.get_by_role("link", name="DOCX").click()
    with zipfile.ZipFile(io.BytesIO(Path(docx.value.path()).read_bytes())) as archive:
        body = archive.read("word/document.xml").decode()
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" in body
    with page.expect_download() as pdf:
        report.get_by_role("link", name="PDF").click()
    assert Path(pdf.value.path()).read_bytes().startswith(b"%PDF-")
    screenshot("job-leader-reports")


def test_an_invited_delegate_comments_on_a_draft(page, demo, screenshot):
    log_in(page, GUEST_USERNAME)
    drafts = page.locator("section.work", has=page.get_by_role("heading", name=DRAFTS))
    drafts.get_by_role("link").first.click()
    page.get_by_label("Ý kiến góp ý").fill("Đề nghị bổ sung chỉ tiêu số bác sĩ trên vạn dân.")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_role("status")).to_have_text("Đã ghi nhận ý kiến góp ý.")
    expect(page.locator(".own-comments")).to_contain_text("bác sĩ trên vạn dân")
    screenshot("job-delegate-commented")


def test_the_office_records_a_vote_and_adopts_the_draft(page, demo, screenshot):
    # The meeting day has come: a resolution is adopted on the day it is voted, not before.
    today = timezone.localdate()
    Meeting.objects.filter(body=demo.bodies["bch"], status=Meeting.Status.PLANNED).update(
        starts_on=today, ends_on=today
    )
    log_in(page, demo.office.username)
    page.locator("#site-menu").get_by_role("link", name="Hội nghị").click()
    page.locator("main table").get_by_role("link").first.click()
    item = page.locator("section.agenda-item").first
    item.get_by_text("Ghi kết quả biểu quyết").click()
    item.get_by_label("Số đại biểu có mặt biểu quyết").fill("45")
    item.get_by_label("Tán thành", exact=True).fill("46")
    item.get_by_label("Không tán thành").fill("0")
    item.get_by_label("Không biểu quyết").fill("1")
    item.get_by_role("button", name="Ghi nhận").click()
    expect(page.locator(".alert-danger")).to_be_visible()

    item = page.locator("section.agenda-item").first
    item.get_by_text("Ghi kết quả biểu quyết").click()
    item.get_by_label("Số đại biểu có mặt biểu quyết").fill("45")
    item.get_by_label("Tán thành", exact=True).fill("42")
    item.get_by_label("Không tán thành").fill("1")
    item.get_by_label("Không biểu quyết").fill("1")
    item.get_by_role("button", name="Ghi nhận").click()
    expect(page.locator(".alert-success")).to_contain_text("Đã ghi kết quả biểu quyết")

    item = page.locator("section.agenda-item").first
    item.get_by_label("Số, ký hiệu").fill("36-NQ/TU")
    item.get_by_role("button", name="Ghi nhận là đã thông qua").click()
    expect(page.locator(".alert-success")).to_have_text("Dự thảo đã được thông qua.")
    expect(page.locator("section.agenda-item").first).to_contain_text("36-NQ/TU")
    screenshot("job-office-adopted")
