"""A small inline SVG line of a target's figures over periods, drawn on the server.

No JavaScript, no chart library and no stylesheet (presentation attributes only):
the dashboard prints, and a table with 30 sparklines stays light. The dashed line
is the target, so the eye sees at once whether the figures climb towards it.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import format_html, format_html_join

WIDTH, HEIGHT, PAD = 96, 24, 3


def _scale(values: Sequence[Decimal], low: Decimal, high: Decimal) -> list[float]:
    span = high - low or Decimal(1)
    return [float(HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD)) for value in values]


def sparkline_svg(
    values: Sequence[Decimal],
    *,
    target: Decimal | None = None,
    estimates: Sequence[bool] = (),
    label: str = "",
) -> str:
    """The SVG markup for ``values`` (oldest first); empty when there is nothing to draw.

    Estimated points are drawn hollow, as reports mark "ước" figures.
    """
    if not values:
        return ""
    bounds = [*values, *([target] if target is not None else [])]
    low, high = min(bounds), max(bounds)
    ys = _scale([*values, *([target] if target is not None else [])], low, high)
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
    xs = [PAD + i * step if len(values) > 1 else WIDTH / 2 for i in range(len(values))]
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=False))
    target_line = ""
    if target is not None:
        target_line = format_html(
            '<line x1="0" x2="{}" y1="{}" y2="{}" stroke="#8a8f94" stroke-dasharray="3 2"/>',
            WIDTH,
            f"{ys[-1]:.1f}",
            f"{ys[-1]:.1f}",
        )
    estimate_flags = list(estimates) + [False] * (len(values) - len(estimates))
    dots = format_html_join(
        "",
        '<circle cx="{}" cy="{}" r="2" stroke="currentColor" fill="{}"/>',
        (
            (f"{x:.1f}", f"{y:.1f}", "#fff" if estimate else "currentColor")
            for x, y, estimate in zip(xs, ys, estimate_flags, strict=False)
        ),
    )
    return format_html(
        '<svg class="sparkline" width="{w}" height="{h}" viewBox="0 0 {w} {h}" role="img" '
        'aria-label="{label}">{target}<polyline points="{points}" fill="none" '
        'stroke="currentColor" stroke-width="1.5"/>{dots}</svg>',
        w=WIDTH,
        h=HEIGHT,
        label=label,
        target=target_line,
        points=points,
        dots=dots,
    )
