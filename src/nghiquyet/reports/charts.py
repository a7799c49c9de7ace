"""Charts of a report as SVG, drawn by hand, and rasterised to PNG for Word.

Two small charts do not justify a plotting library: the SVG is written directly,
embedded as is in the HTML preview and the PDF (Typst draws SVG), and turned
into PNG with cairosvg for the DOCX, since Word's SVG support varies by version.
Labels are Vietnamese; the font stack names Times New Roman first like the text.
"""

import hashlib
from html import escape

from django.core.cache import cache

from nghiquyet.evaluation import Status
from nghiquyet.reports.content import ReportContent, TrendPoint

FONT = "Times New Roman, Liberation Serif, serif"
COLOURS = {
    Status.EXCEEDED: "#1b6e3a",
    Status.ACHIEVED: "#4caf50",
    Status.NOT_ACHIEVED: "#c62828",
    Status.NO_DATA: "#9e9e9e",
    Status.IN_PROGRESS: "#1565c0",
}
WIDTH = 560
ROW = 30
#: A PNG is kept this long after it was last drawn; the same drawing gives the same PNG.
PNG_KEPT = 7 * 24 * 60 * 60


def status_chart(content: ReportContent) -> str:
    """Horizontal bars: how many targets exceeded, met, fell short, lack data."""
    counts = content.status_counts
    top, label_width = 34, 150
    largest = max((count for _, count in counts), default=0) or 1
    bar_space = WIDTH - label_width - 60
    height = top + ROW * len(counts) + 10
    parts = [_title(f"Kết quả thực hiện {content.summary.total} chỉ tiêu")]
    for index, (status, count) in enumerate(counts):
        y = top + index * ROW
        width = round(bar_space * count / largest)
        parts.append(
            f'<text x="{label_width - 8}" y="{y + 18}" text-anchor="end">'
            f"{escape(status.label('vi').capitalize())}</text>"
            f'<rect x="{label_width}" y="{y + 4}" width="{width}" height="{ROW - 10}" '
            f'fill="{COLOURS[status]}"/>'
            f'<text x="{label_width + width + 6}" y="{y + 18}">{count}</text>'
        )
    return _svg(height, parts)


def trend_chart(points: list[TrendPoint]) -> str:
    """A line of the share of targets met, period by period; empty with fewer than two."""
    if len(points) < 2:
        return ""
    left, top, plot_height = 50, 34, 150
    plot_width = WIDTH - left - 30
    step = plot_width / (len(points) - 1)
    height = top + plot_height + 40
    parts = [_title("Tỷ lệ chỉ tiêu đạt và vượt qua các kỳ (%)")]
    for percent in (0, 50, 100):
        y = top + plot_height * (1 - percent / 100)
        parts.append(
            f'<line x1="{left}" y1="{y:.1f}" x2="{left + plot_width}" y2="{y:.1f}" '
            f'stroke="#cccccc"/><text x="{left - 6}" y="{y + 4:.1f}" '
            f'text-anchor="end">{percent}</text>'
        )
    coordinates = []
    for index, point in enumerate(points):
        share = point.met / point.total if point.total else 0
        x, y = left + index * step, top + plot_height * (1 - share)
        # The end labels lean inwards so that "6 tháng đầu năm 2024" is not cut at the edge.
        anchor = "start" if index == 0 else "end" if index == len(points) - 1 else "middle"
        coordinates.append(f"{x:.1f},{y:.1f}")
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{COLOURS[Status.ACHIEVED]}"/>'
            f'<text x="{x:.1f}" y="{y - 8:.1f}" text-anchor="middle">'
            f"{point.met}/{point.total}</text>"
            f'<text x="{x:.1f}" y="{top + plot_height + 22}" text-anchor="{anchor}">'
            f"{escape(point.period)}</text>"
        )
    parts.insert(
        1,
        f'<polyline points="{" ".join(coordinates)}" fill="none" '
        f'stroke="{COLOURS[Status.EXCEEDED]}" stroke-width="2"/>',
    )
    return _svg(height, parts)


def svg_to_png(svg: str, scale: float = 2.0) -> bytes:
    """The chart as PNG for the DOCX; twice the size so it stays sharp when printed.

    Rasterising took more than half of a Word report's CPU, and a report's charts
    rarely change between two downloads, so the PNG is kept in the cache under the
    digest of the drawing itself: a changed figure makes another drawing, hence
    another key, and nothing ever needs to be forgotten.
    """
    key = "chart-png:" + hashlib.sha256(f"{scale}:{svg}".encode()).hexdigest()
    png = cache.get(key)
    if png is None:
        import cairosvg

        png = cairosvg.svg2png(bytestring=svg.encode(), scale=scale)
        cache.set(key, png, timeout=PNG_KEPT)
    return png


def _title(text: str) -> str:
    return (
        f'<text x="{WIDTH / 2}" y="20" text-anchor="middle" font-weight="bold">'
        f"{escape(text)}</text>"
    )


def _svg(height: int, parts: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
        f'viewBox="0 0 {WIDTH} {height}" font-family="{FONT}" font-size="14">'
        f'<rect width="{WIDTH}" height="{height}" fill="#ffffff"/>{"".join(parts)}</svg>'
    )
