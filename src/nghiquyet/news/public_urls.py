"""The public news pages, mounted under /public/news/."""

from django.urls import path

from . import public_views
from .feeds import NewsAtomFeed, NewsRssFeed

app_name = "public_news"

urlpatterns = [
    path("", public_views.public_news_list, name="list"),
    path("<int:pk>/", public_views.public_news_article, name="article"),
    path("rss/", NewsRssFeed(), name="rss"),
    path("atom/", NewsAtomFeed(), name="atom"),
]
