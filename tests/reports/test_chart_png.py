"""A Word report's charts are rasterised once per drawing, then read from the cache."""

import cairosvg
import pytest
from django.core.cache import cache

from nghiquyet.reports.charts import status_chart, svg_to_png, trend_chart


@pytest.fixture
def rasterised(monkeypatch):
    """Every drawing cairosvg really rasterises (the real function runs)."""
    drawn: list[bytes] = []
    real = cairosvg.svg2png

    def counting(**kwargs):
        drawn.append(kwargs["bytestring"])
        return real(**kwargs)

    monkeypatch.setattr(cairosvg, "svg2png", counting)
    cache.clear()
    yield drawn
    cache.clear()


def test_the_same_chart_is_rasterised_once_and_gives_the_same_picture(content, rasterised):
    svg = status_chart(content)
    first = svg_to_png(svg)
    assert first.startswith(b"\x89PNG")
    assert svg_to_png(svg) == first
    assert len(rasterised) == 1


def test_another_drawing_gets_its_own_picture(content, rasterised):
    statuses = svg_to_png(status_chart(content))
    trend = svg_to_png(trend_chart(content.trend))
    assert trend.startswith(b"\x89PNG") and trend != statuses
    assert len(rasterised) == 2
