"""A citizen reads the public portal of the demo province in a real browser, in both languages.

Every public page kind is opened anonymously in Vietnamese and in English; axe-core
finds no serious or critical WCAG 2.1 AA violation on any of them; screenshots are
kept at desktop and phone sizes for a person to look at. The office's publish button
is pressed on a document page, and the resolution appears on the portal.
"""

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from nghiquyet.core.demo import DEMO_PASSWORD, demo_load
from nghiquyet.portal.selectors import published_resolutions, published_targets
from nghiquyet.targets.models import Indicator

pytestmark = pytest.mark.django_db(transaction=True)

HEADINGS = {
    "vi": {"home": "Các nghị quyết đang thực hiện", "progress": "Tiến độ thực hiện các nghị quyết"},
    "en": {"home": "Resolutions in force", "progress": "Progress of all resolutions"},
}


def _public_pages():
    resolutions = published_resolutions()
    term = next(d for d in resolutions if d.symbol == "01-NQ/TU")
    employment = Indicator.objects.get(
        targets__in=published_targets().filter(document=term),
        name="Số lao động được giải quyết việc làm",
    )
    return {
        "home": "/public/",
        "progress": "/public/progress/",
        "resolution": f"/public/resolutions/{term.pk}/",
        "indicator-chart": f"/public/indicators/{employment.pk}/",
        "indicator-table": f"/public/indicators/{employment.pk}/?tab=table",
        "widget-resolution": f"/public/embed/resolutions/{term.pk}/",
        "widget-indicator": f"/public/embed/indicators/{employment.pk}/",
    }


def test_every_public_page_reads_in_both_languages_without_serious_axe_violations(
    page, places, serious_violations, screenshot
):
    demo_load(as_of=timezone.localdate())
    pages = _public_pages()
    found = []
    for language in ("vi", "en"):
        if language == "en":
            page.goto(pages["home"])
            page.get_by_role("button", name="English").click()
            page.wait_for_selector("html[lang=en]")
        for name, path in pages.items():
            for size, (width, height) in (("desktop", (1366, 900)), ("phone", (390, 844))):
                page.set_viewport_size({"width": width, "height": height})
                page.goto(path)
                assert page.locator("html").get_attribute("lang") == language
                if name in HEADINGS[language]:
                    expect(
                        page.get_by_role("heading", name=HEADINGS[language][name])
                    ).to_be_visible()
                screenshot(f"portal-{name}-{language}-{size}")
                found += [f"{language} {size} {path}: {v}" for v in serious_violations(page)]
    assert not found, "\n".join(found)


def test_the_indicator_page_draws_the_chart_and_its_table_tab_lists_the_figures(page, places):
    demo_load(as_of=timezone.localdate())
    pages = _public_pages()
    page.goto(pages["indicator-chart"])
    expect(page.locator("svg.portal-chart")).to_be_visible()
    page.get_by_role("link", name="Bảng số liệu").click()
    expect(page.get_by_role("cell", name="25.800")).to_be_visible()
    expect(page.locator("svg.portal-chart")).to_have_count(0)


def test_the_office_publishes_a_resolution_with_the_button_and_citizens_see_it(page, places):
    home, _other = demo_load(as_of=timezone.localdate())
    resolution = published_resolutions()[0]
    resolution.is_public = False
    resolution.save(update_fields=["is_public"])
    page.goto("/public/")
    expect(page.get_by_text(resolution.title)).to_have_count(0)
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill(home.office.username)
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
    page.goto(f"/documents/{resolution.pk}/")
    page.get_by_role("button", name="Công bố trên cổng thông tin").click()
    expect(
        page.get_by_text("Văn bản đã được công bố trên cổng thông tin công khai.")
    ).to_be_visible()
    page.context.clear_cookies()
    page.goto("/public/")
    expect(
        page.get_by_role("link", name=f"{resolution.symbol}: {resolution.title}")
    ).to_be_visible()
