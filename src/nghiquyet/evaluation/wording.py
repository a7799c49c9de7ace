"""The rule a judgement applied, in words a clerk can check against the figures.

Vietnamese: "vượt: tăng trưởng 8,7% (ước) > 8,5% (chỉ tiêu: 8,5% trở lên; càng cao
càng tốt)". English mirrors it. Texts live here as data because this package cannot
use Django's gettext.
"""

from decimal import Decimal

from nghiquyet.evaluation.language import pick
from nghiquyet.evaluation.numbers import format_figure, places_apart
from nghiquyet.evaluation.spec import Comparator, Kind, Milestone, TargetSpec
from nghiquyet.evaluation.status import Status

COMPARATOR_PHRASES: dict[str, dict[Comparator, str]] = {
    "vi": {
        Comparator.GE: "{value} trở lên",
        Comparator.GT: "trên {value}",
        Comparator.LE: "không quá {value}",
        Comparator.LT: "dưới {value}",
        Comparator.APPROX: "khoảng {value} ±{tolerance}%",
        Comparator.EQ: "đạt {value}",
        Comparator.RANGE: "từ {value} đến {value_max}",
    },
    "en": {
        Comparator.GE: "at least {value}",
        Comparator.GT: "above {value}",
        Comparator.LE: "at most {value}",
        Comparator.LT: "below {value}",
        Comparator.APPROX: "about {value} ±{tolerance}%",
        Comparator.EQ: "reach {value}",
        Comparator.RANGE: "from {value} to {value_max}",
    },
}

_TEMPLATES = {
    "vi": "{status}: {kind} {actual}{estimate} {relation} (chỉ tiêu: {target}; {direction})",
    "en": "{status}: {kind} {actual}{estimate} {relation} (target: {target}; {direction})",
}
_ESTIMATE = {"vi": " (ước)", "en": " (estimate)"}
_PROGRESS = {"vi": "đạt {share}% kế hoạch; ", "en": "{share}% of the plan; "}
_IN_YEAR = {
    "vi": "{status}: {kind} {actual}{share} (chỉ tiêu năm: {target})",
    "en": "{status}: {kind} {actual}{share} (annual target: {target})",
}
_SHARE = {"vi": ", đạt {share}% kế hoạch năm", "en": ", {share}% of the annual plan"}
_MILESTONE = {"vi": "{status}: {stage}{estimate}", "en": "{status}: {stage}{estimate}"}
_WITHIN = {"vi": "trong khoảng {low}–{high}", "en": "within {low}–{high}"}

MISSING_REASONS: dict[str, dict[str, str]] = {
    "vi": {
        "no_observation": "chưa có báo cáo số thực hiện",
        "no_figure": "báo cáo không kèm số liệu",
        "denominator_not_positive": "mẫu số không dương, không tính được tỷ số",
        "no_base": "thiếu số liệu năm gốc",
        "base_not_positive": "số liệu năm gốc không dương, không tính được tăng trưởng",
        "no_year": "thiếu năm gốc hoặc năm số liệu, không tính được tăng bình quân",
    },
    "en": {
        "no_observation": "no actual has been reported",
        "no_figure": "the report carries no figure",
        "denominator_not_positive": "the denominator is not positive, so no ratio",
        "no_base": "the base-year value is missing",
        "base_not_positive": "the base-year value is not positive, so no growth rate",
        "no_year": "the base year or the figure's year is missing, so no average growth",
    },
}


def describe_missing(reason: str, language: str) -> str:
    """The rule text of a judgement without a figure: "chưa có số liệu: <reason>"."""
    return f"{Status.NO_DATA.label(language)}: {pick(MISSING_REASONS, language)[reason]}"


def describe_milestone(status: Status, stage: Milestone, estimate: bool, language: str) -> str:
    """The rule text of a milestone: "đạt: hoàn thành", "chưa đạt: đang thực hiện"."""
    return pick(_MILESTONE, language).format(
        status=status.label(language),
        stage=stage.label(language),
        estimate=pick(_ESTIMATE, language) if estimate else "",
    )


def describe_progress(
    spec: TargetSpec, actual: Decimal, progress: Decimal | None, language: str
) -> str:
    """The rule text of an in-year figure: progress towards the year, not a verdict."""
    share = ""
    if progress is not None:
        share = pick(_SHARE, language).format(share=format_figure(progress, language))
    return pick(_IN_YEAR, language).format(
        status=Status.IN_PROGRESS.label(language),
        kind=spec.kind.label(language),
        actual=quantity(actual, spec.unit, language),
        share=share,
        target=target_phrase(spec, language),
    )


def describe(
    spec: TargetSpec,
    status: Status,
    actual: Decimal,
    estimate: bool,
    language: str,
    progress: Decimal | None = None,
) -> str:
    """The rule text of a judgement that had a figure to compare.

    The actual and the figure it is compared with are written with the decimals they
    need to differ, so the printed relation always agrees with the status.
    """
    places = places_apart(actual, _bound(spec, actual))
    prefix = ""
    if progress is not None:
        prefix = pick(_PROGRESS, language).format(share=format_figure(progress, language))
    return prefix + pick(_TEMPLATES, language).format(
        status=status.label(language),
        kind=spec.kind.label(language),
        actual=quantity(actual, spec.unit, language, places),
        estimate=pick(_ESTIMATE, language) if estimate else "",
        relation=_relation(spec, status, actual, language),
        target=target_phrase(spec, language),
        direction=spec.direction.label(language),
    )


def target_phrase(spec: TargetSpec, language: str) -> str:
    """What the target asks, in the resolution's own words: "8,5% trở lên"."""
    if spec.kind is Kind.MILESTONE:
        return Milestone.DONE.label(language)
    value_max = spec.value_max
    return pick(COMPARATOR_PHRASES, language)[spec.comparator].format(
        value=quantity(spec.value, spec.unit, language),
        value_max=quantity(value_max, spec.unit, language) if value_max is not None else "",
        tolerance=format_figure(spec.tolerance * 100, language),
    )


def quantity(number: Decimal, unit: str, language: str, places: int = 2) -> str:
    """A figure with its unit: "8,5%" but "6.000 tỷ đồng" (a word unit takes a space)."""
    text = format_figure(number, language, max_places=places)
    if not unit:
        return text
    return text + unit if unit[0] in "%‰" else f"{text} {unit}"


def _relation(spec: TargetSpec, status: Status, actual: Decimal, language: str) -> str:
    """How the actual stands against the figure: "> 8,5%", "≈ 27%", "trong khoảng 5–6%".

    For "~" and "range", "đạt" means inside the band, which a bare "<" would misstate.
    """
    inside = status is Status.ACHIEVED
    if spec.comparator is Comparator.RANGE and inside:
        return pick(_WITHIN, language).format(
            low=format_figure(spec.value, language),
            high=quantity(spec.value_max or spec.value, spec.unit, language),
        )
    bound = _bound(spec, actual)
    if spec.comparator is Comparator.APPROX and inside:
        symbol = "≈"
    else:
        symbol = ">" if actual > bound else "<" if actual < bound else "="
    return f"{symbol} {quantity(bound, spec.unit, language, places_apart(actual, bound))}"


def _bound(spec: TargetSpec, actual: Decimal) -> Decimal:
    """The figure the actual is set against: the value, or a range's nearer end."""
    if spec.comparator is Comparator.RANGE and spec.value_max is not None:
        return spec.value_max if actual > spec.value_max else spec.value
    return spec.value
