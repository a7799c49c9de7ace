"""A visitor reads the province's news and sends a comment, in Vietnamese and in English;
the office publishes it from its queue. axe-core finds no serious or critical
violation on these pages, on a desktop and on a phone-sized window."""

import pytest
from captcha.models import CaptchaStore
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from nghiquyet.core.demo import DEMO_PASSWORD, demo_load
from nghiquyet.feedback.models import PublicComment
from nghiquyet.feedback.selectors import view_count
from nghiquyet.news.models import NewsItem

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def demo(places):
    cache.clear()
    home, _other = demo_load(as_of=timezone.localdate())
    return home


def solve_captcha(page) -> None:
    """Read the sum the page shows as the site stored it, as a person reads the picture."""
    key = page.locator("input[name=captcha_0]").get_attribute("value")
    page.locator("input[name=captcha_1]").fill(CaptchaStore.objects.get(hashkey=key).response)


def newest_article(home) -> NewsItem:
    return NewsItem.objects.filter(province=home.province, is_published=True).latest(
        "meeting__starts_on"
    )


def test_a_visitor_comments_on_a_news_article_in_both_languages(page, demo, screenshot):
    article = newest_article(demo)
    before = view_count(record=article)
    page.goto("/public/news/")
    expect(page.get_by_role("heading", name="Tin tức", exact=True)).to_be_visible()
    page.get_by_role("link", name=article.title_vi).click()
    expect(page.get_by_text("Bài viết có hữu ích không?")).to_be_visible()
    expect(page.get_by_text("Mong tỉnh sớm công bố tiến độ")).to_be_visible()

    page.get_by_label("Họ và tên (hiển thị cùng ý kiến)").fill("Đặng Thu Trang")
    page.get_by_label("Ý kiến của bạn").fill("Cảm ơn Tỉnh ủy đã công khai kết luận hội nghị.")
    page.get_by_label("Nhập kết quả phép tính trong hình").fill("999")
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_text("Kết quả phép tính chưa đúng")).to_be_visible()
    assert not PublicComment.objects.filter(name="Đặng Thu Trang").exists()

    solve_captcha(page)
    page.get_by_role("button", name="Gửi ý kiến").click()
    expect(page.get_by_text("Ý kiến sẽ được đăng sau khi Văn phòng xem xét")).to_be_visible()
    expect(page.get_by_text("Cảm ơn Tỉnh ủy đã công khai")).to_have_count(0)

    page.get_by_role("button", name="English").click()
    page.wait_for_selector("html[lang=en]")
    expect(page.get_by_role("heading", name=article.title_en)).to_be_visible()
    page.get_by_label("Your name (shown with the comment)").fill("Jane Tran")
    page.get_by_label("Email (optional, never shown)").fill("jane.tran@example.org")
    page.get_by_label("Your comment").fill("Please publish the yearly results in English too.")
    solve_captcha(page)
    page.get_by_role("button", name="Send comment").click()
    expect(
        page.get_by_text("Your comment will appear once the office has reviewed it")
    ).to_be_visible()
    screenshot("public-news-article-en")

    held = PublicComment.objects.filter(status="held", name__in=["Đặng Thu Trang", "Jane Tran"])
    assert sorted(held.values_list("language", flat=True)) == ["en", "vi"]
    assert view_count(record=article) > before


def test_the_office_publishes_a_held_comment_from_its_queue(page, demo):
    article = newest_article(demo)
    held = PublicComment.objects.filter(status="held", object_id=article.pk).first()
    page.goto("/login/")
    page.get_by_label("Tên đăng nhập").fill("dongthap_office")
    page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url("**/")
    menu = page.locator("#site-menu")
    menu.get_by_role("button", name="Cổng thông tin công khai").click()
    menu.get_by_role("link", name="Ý kiến người dân").click()
    card = page.locator("article", has_text=held.text)
    card.get_by_role("button", name="Công bố").click()
    expect(page.get_by_text("Đã đăng ý kiến.")).to_be_visible()
    page.context.clear_cookies()
    page.goto(article.get_absolute_url())
    expect(page.get_by_text(held.text)).to_be_visible()


@pytest.mark.parametrize("size", [(1366, 768), (390, 844)], ids=["desktop", "phone"])
def test_the_news_pages_pass_axe_without_serious_violations(
    page, demo, serious_violations, screenshot, size
):
    article = newest_article(demo)
    width, height = size
    page.set_viewport_size({"width": width, "height": height})
    found = []
    for language in ("vi", "en"):
        for path in ("/public/news/", article.get_absolute_url()):
            page.goto(path)
            if language == "en" and page.locator("html").get_attribute("lang") != "en":
                page.get_by_role("button", name="English").click()
                page.wait_for_selector("html[lang=en]")
            found += [f"{language} {path}: {v}" for v in serious_violations(page)]
            scroll = page.evaluate("document.documentElement.scrollWidth")
            if scroll > width:
                found.append(f"{language} {path}: scrolls sideways ({scroll} px at {width} px)")
        screenshot(f"public-news-{language}-{width}")
    page.get_by_role("button", name="Send comment").click()
    found += [f"refused comment: {v}" for v in serious_violations(page)]
    assert not found, "\n".join(found)
