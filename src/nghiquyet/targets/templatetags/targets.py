"""Template helpers of the targets pages: figures the Vietnamese way, labels, sparklines."""

from decimal import Decimal

from django import template

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period
from nghiquyet.evaluation import format_completion, format_figure
from nghiquyet.targets.sparkline import sparkline_svg

register = template.Library()


@register.filter
def figure(value: Decimal | None) -> str:
    """ "6.450" or "94,95" in Vietnamese, "6,450" in English; "—" for no figure."""
    if value is None or value == "":
        return "—"
    return format_figure(value, current_language())


@register.filter
def percent(value: Decimal | None) -> str:
    """A completion written as the reports and the Excel sheets write it: "101,25%"."""
    return format_completion(value, current_language())


@register.filter
def period_label(code: str | Period) -> str:
    """ "6 tháng đầu năm 2024" / "first half of 2024" for a period code."""
    period = code if isinstance(code, Period) else Period.parse(code)
    return period.label(current_language())


@register.filter
def in_language(labelled) -> str:
    """The label of an evaluation enum (Status, Pace, Comparator) in the page's language."""
    return labelled.label(current_language())


@register.filter
def explain(judgement) -> str:
    return judgement.explain(current_language())


@register.simple_tag
def sparkline(row) -> str:
    """The trend of a dashboard row, with the target as a dashed line.

    Its label names the first and the latest figure ("quý 1/2020: 103 … quý 4/2024:
    120"): what the line shows, said in two figures rather than twenty, and a page of
    fifty lines writes a hundred figures instead of a thousand.
    """
    language = current_language()
    trend = row.trend
    ends = [trend[0], trend[-1]] if len(trend) > 1 else trend
    label = " … ".join(
        f"{p.period.label(language)}: {format_figure(p.value, language)}" for p in ends
    )
    target = row.target.value if row.target.indicator.kind != "cumulative" else None
    return sparkline_svg(
        [point.value for point in trend],
        target=target,
        estimates=[point.estimate for point in trend],
        label=label,
    )
