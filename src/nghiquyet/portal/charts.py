"""An indicator's figures as a line chart in SVG, drawn on the server.

No chart library and no script: the page works on closed networks and under the
site's Content-Security-Policy, prints as it shows, and the figures are also in
the table tab for screen readers. Presentation attributes only (no ``style``).
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from nghiquyet.core.language import current_language
from nghiquyet.evaluation import format_figure

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 84, 16, 16, 48


def line_chart_svg(
    points: Sequence[tuple[str, Decimal, bool]],
    *,
    target: Decimal | None = None,
    title: str = "",
) -> SafeString:
    """The chart of ``points`` (label, value, estimate), with the target as a dashed line.

    Estimates are hollow dots, as reports mark "ước" figures. Empty when nothing to draw.
    """
    if not points:
        return mark_safe("")
    language = current_language()
    values = [value for _label, value, _estimate in points]
    bounds = [*values, *([target] if target is not None else [])]
    low, high = min(bounds), max(bounds)
    if low > 0 and low < high:
        low = Decimal(0) if low < (high - low) else low
    span = (high - low) or Decimal(1)
    inner_w, inner_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM

    def y(value: Decimal) -> float:
        return TOP + float((high - value) / span) * inner_h

    step = inner_w / max(len(points) - 1, 1)
    xs = [LEFT + i * step if len(points) > 1 else LEFT + inner_w / 2 for i in range(len(points))]
    parts = [
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + inner_h}" stroke="#6c757d"/>',
        f'<line x1="{LEFT}" y1="{TOP + inner_h}" x2="{WIDTH - RIGHT}" y2="{TOP + inner_h}" '
        'stroke="#6c757d"/>',
    ]
    for tick in (high, (high + low) / 2, low):
        parts.append(
            f'<text x="{LEFT - 6}" y="{y(tick) + 4:.1f}" text-anchor="end" font-size="12" '
            f'fill="#212529">{escape(format_figure(tick, language))}</text>'
        )
    if target is not None:
        parts.append(
            f'<line x1="{LEFT}" x2="{WIDTH - RIGHT}" y1="{y(target):.1f}" y2="{y(target):.1f}" '
            'stroke="#b02a37" stroke-dasharray="6 4" stroke-width="1.5"/>'
        )
    coords = " ".join(f"{x:.1f},{y(v):.1f}" for x, v in zip(xs, values, strict=True))
    parts.append(f'<polyline points="{coords}" fill="none" stroke="#0d6efd" stroke-width="2.5"/>')
    for x, (label, value, estimate) in zip(xs, points, strict=True):
        fill = "#ffffff" if estimate else "#0d6efd"
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y(value):.1f}" r="4" stroke="#0d6efd" '
            f'stroke-width="2" fill="{fill}"/>'
        )
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - BOTTOM + 18}" text-anchor="middle" font-size="12" '
            f'fill="#212529">{escape(label)}</text>'
        )
    return mark_safe(
        f'<svg class="portal-chart" width="100%" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(parts)}</svg>"
    )
