"""RSS and Atom feeds of the published news, with Django's syndication framework."""

from __future__ import annotations

from django.contrib.syndication.views import Feed
from django.urls import reverse_lazy
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from .models import NewsItem
from .selectors import news_published

ITEMS = 30


class NewsRssFeed(Feed):
    title = _("News of the provincial Party Committee")
    link = reverse_lazy("public_news:list")
    description = _("Conferences and meetings, their conclusions and adopted documents.")

    def items(self):
        return news_published()[:ITEMS]

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def item_description(self, item: NewsItem) -> str:
        return "\n".join(item.paragraphs[:2])

    def item_pubdate(self, item: NewsItem):
        return item.published_at


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
    subtitle = NewsRssFeed.description
