"""The public news pages: the list and the article, for anyone, signed in or not.

Both read :func:`.selectors.news_published` only, so a draft or an unpublished
article is a 404 here even for the office (the office reads drafts on its own pages).
"""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from .selectors import news_published

PER_PAGE = 10


def public_news_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(news_published(), PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "news/public_list.html", {"page": page})


def public_news_article(request: HttpRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(news_published().prefetch_related("documents"), pk=pk)
    return render(request, "news/public_article.html", {"item": item})
