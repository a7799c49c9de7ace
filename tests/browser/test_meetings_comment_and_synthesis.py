"""A delegate comments on a draft without leaving the page; the office answers in the table."""

import datetime as dt

import pytest
from playwright.sync_api import expect

from nghiquyet.documents.models import DocumentKind
from nghiquyet.meetings import services

pytestmark = pytest.mark.django_db(transaction=True)

DOCTORS = "Làm rõ lộ trình đạt 12 bác sĩ/vạn dân vào năm 2030."


@pytest.fixture
def draft(places, dongthap, office, reporter):
    meeting = services.meeting_create(
        user=office,
        body=dongthap.bodies["bch"],
        term=dongthap.term,
        session=1,
        starts_on=dt.date(2024, 7, 11),
        venue="hội trường Sen Hồng",
        members_count=50,
    )
    services.participant_invite(
        user=office,
        meeting=meeting,
        name="Võ Hoàng Cương",
        position="Tỉnh ủy viên, Bí thư Huyện ủy Lai Vung",
        delegate=reporter,
    )
    item = services.agenda_item_add(
        user=office,
        meeting=meeting,
        title="Tờ trình về dự thảo Chương trình hành động thực hiện Nghị quyết số 45",
        presenter=dongthap.bodies["btv"],
    )
    return services.draft_create(
        user=office,
        agenda_item=item,
        kind=DocumentKind.CHUONG_TRINH,
        title="Chương trình hành động thực hiện Nghị quyết số 45",
        text="I. Mục tiêu\nII. Chỉ tiêu: đến năm 2030 có 12 bác sĩ/vạn dân.",
    )


def login(page, user, password):
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(user.username)
    page.get_by_label("Mật khẩu").fill(password)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")


def test_an_invited_delegate_comments_and_the_office_accepts(
    page, draft, reporter, office, password, screenshot
):
    login(page, reporter, password)
    page.goto("/meetings/")
    page.get_by_role("link", name=draft.document.title).click()
    page.get_by_label("Phần, mục").fill("II. Chỉ tiêu")
    page.get_by_label("Ý kiến góp ý").fill(DOCTORS)
    url = page.url
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_role("status")).to_have_text("Đã ghi nhận ý kiến góp ý.")
    expect(page.locator(".own-comments")).to_contain_text(DOCTORS)
    assert page.url == url
    expect(page.get_by_label("Ý kiến góp ý")).to_have_value("")
    screenshot("meetings-delegate-comment")

    page.context.clear_cookies()
    login(page, office, password)
    page.goto(f"/meetings/drafts/{draft.pk}/synthesis/")
    row = page.locator("table.synthesis tbody tr").first
    expect(row).to_contain_text("Võ Hoàng Cương")
    row.get_by_label("Tiếp thu, giải trình 1").select_option("accepted")
    row.get_by_role("button", name="Trả lời").click()
    expect(page.locator("table.synthesis tbody tr").first).to_contain_text("Tiếp thu")
    screenshot("meetings-synthesis")
