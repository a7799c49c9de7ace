"""A small inline SVG line of a target's figures over periods, drawn on the server.

No JavaScript, no chart library and no stylesheet (presentation attributes only):
the dashboard prints, and a table with 30 sparklines stays light. The dashed line
is the target, so the eye sees at once whether the figures climb towards it.
"""

from collections.abc import Sequence
from decimal import Decimal

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH, HEIGHT, PAD = 96, 24, 3


def _scale(values: Sequence[float], low: float, high: float) -> list[float]:
    span = high - low or 1.0
    return [HEIGHT - PAD - (value - low) / span * (HEIGHT - 2 * PAD) for value in values]


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
    # Floats: the figures only place points on a 24-pixel line, and a page draws fifty.
    bounds = [float(value) for value in (*values, *([target] if target is not None else []))]
    ys = _scale(bounds, min(bounds), max(bounds))
    step = (WIDTH - 2 * PAD) / max(len(values) - 1, 1)
    xs = [PAD + i * step if len(values) > 1 else WIDTH / 2 for i in range(len(values))]
    # Plain f-strings rather than format_html: every interpolated part is a number or a
    # fixed colour, only the label needs escaping, and a page of a dashboard draws
    # 100 rows of up to 20 points each.
    points = " ".join(f"{x:.1f},{y:.1f}" for x, y in zip(xs, ys, strict=False))
    target_line = ""
    if target is not None:
        target_line = (
            f'<line x1="0" x2="{WIDTH}" y1="{ys[-1]:.1f}" y2="{ys[-1]:.1f}" '
            'stroke="#8a8f94" stroke-dasharray="3 2"/>'
        )
    estimate_flags = list(estimates) + [False] * (len(values) - len(estimates))
    dots = "".join(
        f'<circle cx="{x:.1f}" cy="{y:.1f}" r="2" stroke="currentColor" '
        f'fill="{"#fff" if estimate else "currentColor"}"/>'
        for x, y, estimate in zip(xs, ys, estimate_flags, strict=False)
    )
    return mark_safe(
        f'<svg class="sparkline" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" role="img" aria-label="{escape(label)}">'
        f'{target_line}<polyline points="{points}" fill="none" '
        f'stroke="currentColor" stroke-width="1.5"/>{dots}</svg>'
    )
