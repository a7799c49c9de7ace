"""The public portal's pages: the same for every visitor, cached per language.

Each view builds its content from :mod:`nghiquyet.portal.selectors` once per
cache generation (see :mod:`nghiquyet.portal.cache`) and wraps it in the site's
page. Anonymous visitors share the whole cached page, each with their own CSRF
token put in; a signed-in user's page (their name in the header) is wrapped anew.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csp.decorators import csp_replace
from django.contrib.messages import get_messages
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt

from nghiquyet.core.periods import Period
from nghiquyet.news.selectors import news_published
from nghiquyet.portal import downloads, selectors
from nghiquyet.portal.cache import cached
from nghiquyet.portal.charts import line_chart_svg
from nghiquyet.targets.models import Kind

TABS = ("chart", "table")
#: News items the home page lists; the news pages hold the rest.
LATEST_NEWS = 5


def _content(kind: str, *parts: Any, template: str, build: Callable[[], dict]) -> dict[str, str]:
    """The page's title and rendered body, from the cache or built now."""

    def render_content() -> dict[str, str]:
        context = build()
        return {
            "key": ":".join([kind, *map(str, parts)]),
            "title": str(context["title"]),
            "body": render_to_string(template, context),
        }

    return cached(kind, *parts, build=render_content)


#: Stands for the visitor's own CSRF token in a page shared between anonymous visitors.
CSRF_MARKER = "portal-csrf-token-of-the-visitor"


def _page(request: HttpRequest, content: dict[str, str], template: str = "portal/page.html"):
    """The content in the site's page; for anonymous visitors the whole page is cached.

    The shared page is rendered with a marker for the CSRF token of the language
    form, which each response replaces with the visitor's own token.
    """
    context = {"title": content["title"], "body": mark_safe(content["body"])}
    if not _shareable(request):
        return render(request, template, context)

    def shell() -> str:
        return render_to_string(template, {**context, "csrf_token": CSRF_MARKER}, request=request)

    html = cached("page", content["key"], request.get_full_path(), build=shell)
    return HttpResponse(html.replace(CSRF_MARKER, get_token(request)))


def _shareable(request: HttpRequest) -> bool:
    """Anonymous, no message waiting, and no query but the page's own canonical one.

    A query the page does not understand is not cached, so made-up queries cannot
    fill the cache.
    """
    if request.user.is_authenticated or len(get_messages(request)):
        return False
    for name, values in request.GET.lists():
        if len(values) != 1:
            return False
        if name == "tab" and values[0] in TABS:
            continue
        period = _period(values[0]) if name == "period" else None
        if period is None or period.code != values[0]:
            return False
    return True


def _period(code: str | None) -> Period | None:
    try:
        return Period.parse(code) if code else None
    except ValueError:
        return None


def home(request: HttpRequest) -> HttpResponse:
    """The province's public home: resolutions in force, their progress, fields, news."""

    def build() -> dict[str, Any]:
        resolutions = selectors.published_resolutions()
        in_force = [d for d in resolutions if d.status == d.Status.ADOPTED]
        progresses = [selectors.resolution_progress(document) for document in in_force]
        return {
            "title": _("Public portal"),
            "provinces": selectors.provinces_of(resolutions),
            "progresses": progresses,
            "sectors": selectors.sector_counts(progresses),
            "earlier": [d for d in resolutions if d.status != d.Status.ADOPTED],
            "news": list(news_published()[:LATEST_NEWS]),
        }

    return _page(request, _content("home", template="portal/home.html", build=build))


def progress(request: HttpRequest) -> HttpResponse:
    """The progress of every published resolution side by side, and by field."""

    def build() -> dict[str, Any]:
        progresses = [
            selectors.resolution_progress(document)
            for document in selectors.published_resolutions()
        ]
        return {
            "title": _("Progress of all resolutions"),
            "progresses": progresses,
            "sectors": selectors.sector_counts(progresses),
        }

    return _page(request, _content("progress", template="portal/progress.html", build=build))


def _resolution_context(pk: int, period: Period | None) -> dict[str, Any]:
    document = selectors.resolution_get(pk)
    periods = selectors.resolution_periods(document)
    progress = selectors.resolution_progress(document, period if period in periods else None)
    return {
        "title": str(document),
        "document": document,
        "progress": progress,
        "periods": periods,
    }


def resolution(request: HttpRequest, pk: int) -> HttpResponse:
    """One resolution: targets by field with verdicts and trends, reviews, publications."""
    period = _period(request.GET.get("period"))

    def build() -> dict[str, Any]:
        context = _resolution_context(pk, period)
        document = context["document"]
        context["reviews"] = selectors.resolution_reviews(document)
        context["review_documents"] = selectors.review_documents(document)
        context["history"] = selectors.publication_history(document)
        return context

    code = period.code if period else ""
    return _page(
        request, _content("resolution", pk, code, template="portal/resolution.html", build=build)
    )


def _indicator_context(pk: int) -> dict[str, Any]:
    indicator = selectors.indicator_get(pk)
    series = selectors.indicator_series(indicator)
    province_level = [s for s in series if s.target.place.level == s.target.place.Level.PROVINCE]
    communes = [s for s in series if s.target.place.level != s.target.place.Level.PROVINCE]
    main = max(province_level or series, key=lambda s: len(s.points))
    target = main.target.value if indicator.kind != Kind.CUMULATIVE else None
    chart = line_chart_svg(
        [(point.period.code, point.value, point.estimate) for point in main.points],
        target=target,
        title=_("%(indicator)s by period") % {"indicator": indicator.name},
    )
    sources = sorted({p.source for s in series for p in s.points if p.source})
    return {
        "title": indicator.name,
        "indicator": indicator,
        "series": province_level,
        "communes": communes,
        "main": main,
        "chart": chart,
        "sources": sources,
    }


def indicator(request: HttpRequest, pk: int) -> HttpResponse:
    """One indicator: chart and table tabs, communes, unit, source, notes, downloads."""
    tab = request.GET.get("tab") if request.GET.get("tab") in TABS else TABS[0]

    def build() -> dict[str, Any]:
        return {**_indicator_context(pk), "tab": tab}

    return _page(
        request, _content("indicator", pk, tab, template="portal/indicator.html", build=build)
    )


def _file(body: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def indicator_csv(request: HttpRequest, pk: int) -> HttpResponse:
    def build() -> bytes:
        series = selectors.indicator_series(selectors.indicator_get(pk))
        return downloads.to_csv(downloads.series_records(series), downloads.FIGURE_COLUMNS)

    body = cached("indicator.csv", pk, build=build, per_language=False)
    return _file(body, "text/csv; charset=utf-8", f"chi-tieu-{pk}.csv")


def indicator_json(request: HttpRequest, pk: int) -> HttpResponse:
    def build() -> bytes:
        indicator = selectors.indicator_get(pk)
        series = selectors.indicator_series(indicator)
        return downloads.to_json(
            {
                "indicator": indicator.name,
                "unit": indicator.unit,
                "figures": downloads.series_records(series),
            }
        )

    body = cached("indicator.json", pk, build=build, per_language=False)
    return _file(body, "application/json", f"chi-tieu-{pk}.json")


def data_zip(request: HttpRequest) -> HttpResponse:
    """The province's whole published data in one file."""
    body = cached("data.zip", build=downloads.province_zip, per_language=False)
    return _file(body, "application/zip", "du-lieu-cong-khai.zip")


#: Any site may frame the widgets (a district portal, a newspaper); no other page.
_embeddable = csp_replace({"frame-ancestors": ["*"]})


@xframe_options_exempt
@_embeddable
def embed_resolution(request: HttpRequest, pk: int) -> HttpResponse:
    """A small resolution card for other sites to show in an iframe."""

    def build() -> dict[str, Any]:
        return _resolution_context(pk, None)

    content = _content("embed.resolution", pk, template="portal/embed_resolution.html", build=build)
    return _page(request, content, "portal/embed.html")


@xframe_options_exempt
@_embeddable
def embed_indicator(request: HttpRequest, pk: int) -> HttpResponse:
    """A small indicator chart for other sites to show in an iframe."""
    content = _content(
        "embed.indicator",
        pk,
        template="portal/embed_indicator.html",
        build=lambda: _indicator_context(pk),
    )
    return _page(request, content, "portal/embed.html")
