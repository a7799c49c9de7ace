"""An anonymous visitor of the news pages, feeds and sitemap, in Vietnamese and English,
never meets a draft or withdrawn article, a held or hidden comment, a commenter's
email, a reason for hiding, or a staff member's name or login.

The demo province is loaded, marker strings are planted in everything that must stay
private, and the visitor follows every link and feed entry from the public entry points.
"""

from __future__ import annotations

import re
from collections import deque
from urllib.parse import urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from nghiquyet.core.demo import demo_load
from nghiquyet.feedback.models import PublicComment
from nghiquyet.feedback.services import comment_hide, comment_publish, comment_submit
from nghiquyet.news.models import NewsItem
from nghiquyet.news.services import news_item_unpublish, news_item_update

pytestmark = pytest.mark.django_db

ENTRY_POINTS = ["/public/news/", "/public/news/rss/", "/public/news/atom/", "/sitemap.xml"]
#: The public news pages, for this crawl (the portal's own crawl covers the rest).
PUBLIC = re.compile(r"^/public/news/")
LINKS = re.compile(r'(?:href="|<link>|<loc>|<link href=")([^"<]+)')


def visit_all(client: Client, histories: list[str]) -> dict[str, str]:
    """Every public page and feed reachable from the entry points, and the change
    histories anyone may open: url → body (a history of a private record is a 404)."""
    seen: dict[str, str] = {}
    queue = deque(ENTRY_POINTS + histories)
    while queue:
        url = queue.popleft()
        if url in seen:
            continue
        response = client.get(url)
        if url in histories and response.status_code == 404:
            continue
        assert response.status_code == 200, f"{response.status_code} {url}"
        seen[url] = body = response.content.decode()
        for link in LINKS.findall(body):
            parts = urlsplit(link.replace("&amp;", "&"))
            if parts.netloc in ("", "testserver") and PUBLIC.match(parts.path):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return seen


@pytest.fixture
def planted(places):
    """The demo, with a marker in each thing the public must not see."""
    home, _other = demo_load(as_of=timezone.localdate())
    office = home.office
    draft = NewsItem.objects.filter(province=home.province, is_published=False).first()
    news_item_update(
        user=office,
        news_item=draft,
        title_vi="MARKER-DRAFT-TITLE",
        body_vi="MARKER-DRAFT-BODY",
        title_en="MARKER-DRAFT-TITLE-EN",
        body_en="MARKER-DRAFT-BODY-EN",
    )
    published = NewsItem.objects.filter(province=home.province, is_published=True)
    withdrawn = published.last()
    news_item_update(
        user=office,
        news_item=withdrawn,
        title_vi="MARKER-WITHDRAWN",
        body_vi=withdrawn.body_vi,
        title_en="MARKER-WITHDRAWN",
        body_en=withdrawn.body_en,
    )
    news_item_unpublish(user=office, news_item=withdrawn)
    article = published.exclude(pk=withdrawn.pk).first()
    comment_submit(record=article, name="Người gửi", text="MARKER-HELD-COMMENT")
    hidden = comment_submit(record=article, name="Người gửi", text="MARKER-HIDDEN-COMMENT")
    comment_hide(user=office, comment=hidden, reason="MARKER-HIDE-REASON")
    shown = comment_submit(
        record=article, name="Người đọc", email="marker-email@example.vn", text="Ý kiến đã đăng"
    )
    comment_publish(user=office, comment=shown)
    staff = get_user_model().objects.filter(is_active=True)
    private = {"MARKER-", "marker-email@example.vn"}
    private |= {user.username for user in staff if len(user.username) > 4}
    private |= {user.get_full_name() for user in staff if user.get_full_name()}
    private |= {c.email for c in PublicComment.objects.exclude(email="")}
    private |= {c.hide_reason for c in PublicComment.objects.exclude(hide_reason="")}
    histories = [f"/history/news/newsitem/{article.pk}/"]
    histories += [f"/history/feedback/publiccomment/{c.pk}/" for c in PublicComment.objects.all()]
    return article, histories, private


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_anonymous_visitor_meets_nothing_private(planted, language):
    article, histories, private = planted
    visitor = Client()
    visitor.cookies["django_language"] = language
    pages = visit_all(visitor, histories)
    assert f"/public/news/{article.pk}/" in pages
    assert histories[0] in pages
    assert sum("/history/feedback/" in url for url in pages) == 1 + 2 + 1
    assert "Ý kiến đã đăng" in pages[f"/public/news/{article.pk}/"]
    leaks = [
        f"{marker!r} on {url}"
        for url, body in pages.items()
        for marker in private
        if marker in body
    ]
    assert not leaks, "\n".join(leaks)
