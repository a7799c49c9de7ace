"""The sitemap section of the published news (the site's sitemap is assembled in urls.py)."""

from django.contrib.sitemaps import Sitemap

from .models import NewsItem
from .selectors import news_published


class NewsSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return news_published()

    def lastmod(self, item: NewsItem):
        return item.published_at
