"""The RSS and Atom feeds and the sitemap list exactly the published news items."""

import xml.etree.ElementTree as ET

import pytest
from django.test import Client

from nghiquyet.news.services import news_item_publish, news_item_unpublish, news_item_update
from public_records import news_item_of

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
DRAFT_TITLE = "Tin nháp chưa công bố về hội nghị lần thứ 18"


@pytest.fixture
def three_items(dongthap, office):
    """One published, one never published (a draft), one published then taken down."""
    published = news_item_of(dongthap, session=17)
    draft = news_item_of(dongthap, session=18)
    news_item_update(
        user=office,
        news_item=draft,
        title_vi=DRAFT_TITLE,
        body_vi=draft.body_vi,
        title_en=draft.title_en,
        body_en=draft.body_en,
    )
    withdrawn = news_item_of(dongthap, session=19)
    news_item_publish(user=office, news_item=published)
    news_item_publish(user=office, news_item=withdrawn)
    news_item_unpublish(user=office, news_item=withdrawn)
    return published, draft, withdrawn


def test_the_rss_feed_lists_only_published_news(three_items):
    published, _draft, _withdrawn = three_items
    response = Client().get("/public/news/rss/")
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    items = channel.findall("item")
    assert [i.findtext("link") for i in items] == [f"http://testserver/public/news/{published.pk}/"]
    assert items[0].findtext("title") == published.title_vi
    assert DRAFT_TITLE not in response.content.decode()


def test_the_atom_feed_lists_only_published_news(three_items):
    published, _draft, _withdrawn = three_items
    root = ET.fromstring(Client().get("/public/news/atom/").content)
    entries = root.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}link").get("href") for e in entries] == [
        f"http://testserver/public/news/{published.pk}/"
    ]


def test_the_sitemap_lists_only_published_news(three_items):
    published, _draft, _withdrawn = three_items
    root = ET.fromstring(Client().get("/sitemap.xml").content)
    locations = [u.findtext(f"{SITEMAP}loc") for u in root.findall(f"{SITEMAP}url")]
    assert locations == [f"http://testserver/public/news/{published.pk}/"]


def test_feeds_follow_the_readers_language(three_items):
    published, _draft, _withdrawn = three_items
    visitor = Client()
    visitor.cookies["django_language"] = "en"
    channel = ET.fromstring(visitor.get("/public/news/rss/").content).find("channel")
    assert channel.find("item").findtext("title") == published.title_en
