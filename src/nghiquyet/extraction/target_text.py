"""Targets read from a resolution's pasted text, ready to be confirmed without correcting.

A person pastes "Phấn đấu đến năm 2025: thu ngân sách tăng 10% so với năm 2020 (năm
2020 đạt 10.000 tỷ đồng); tỷ lệ hộ nghèo giảm bình quân 1-1,5%/năm; …". Each figure
becomes a `TargetSpec`: the indicator named without its horizon or a leading "phấn
đấu", the kind of figure (a level, a share, a growth rate, a change in points, a count,
a ratio, a cumulative total, or a milestone with no figure), which way is better, the
period it is for (a year, or the term "2021/2025" the text states), and the base year
and value a growth is measured from. The text's order is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .engine import prepare
from .figures import find_figures
from .quantities import QUANTITY_RE, parse_quantity
from .records import Figure
from .summaries import find_summaries
from .tasks import find_task_groups
from .text import Claimed, Doc, paragraph_spans, sentence_spans

KINDS = ("level", "share", "growth", "change", "count", "ratio", "cumulative", "milestone")

_TERM = re.compile(r"(?<!\d)((?:19|20)\d{2})\s?[-–/]\s?((?:19|20)\d{2})(?!\d)")
_HORIZON = re.compile(r"(?:đến|tới|trong) năm ((?:19|20)\d{2})|năm ((?:19|20)\d{2})", re.I)
_BASE = re.compile(r"so với (?:cuối )?năm ((?:19|20)\d{2})", re.IGNORECASE)
# The base value written beside its year: "(năm 2020 đạt 10.000 tỷ đồng)",
# "so với năm 2020 (10.000 tỷ đồng)".
_BASE_VALUE = re.compile(r"\(\s*(?:năm ((?:19|20)\d{2})\s*(?:đạt|là|:)?\s*)?([^()]{1,40})\)")
_NAME_NOISE = re.compile(
    r"^(?:(?:phấn đấu|mục tiêu|chỉ tiêu|đến năm \d{4}|tới năm \d{4}|trong năm \d{4}"
    r"|năm \d{4}|giai đoạn \d{4}\s?-\s?\d{4}|nhiệm kỳ \d{4}\s?-\s?\d{4}|đạt|là|có)[\s,:]*)+",
    re.IGNORECASE,
)
# The verb that joins the name to its figure is no part of the name: "Thu ngân sách
# tăng", "Tỷ lệ hộ nghèo giảm còn"; the kind and comparator say it.
_NAME_TAIL = re.compile(
    r"(?:[\s,]+(?:đến|tới|trong) năm \d{4}|[\s,]+(?:năm|giai đoạn|nhiệm kỳ) \d{4}(?:\s?-\s?\d{4})?"
    r"|[\s,]+(?:đạt|phấn đấu|tăng|giảm|còn|ở mức|duy trì|bình quân|chiếm|là|có))+\s*$",
    re.IGNORECASE,
)
# "Phát triển mới" names a count only with its noun: "Phát triển mới doanh nghiệp".
_BARE_VERB = re.compile(r"(?:^\S+(?:\s\S+)?|\s(?:mới|thêm))$")
_SEGMENT_END = re.compile(r"[;\n]")
_BASE_FIGURE = re.compile(r"\(\s*(?:năm (?:19|20)\d{2}\s*(?:đạt|là|:)?\s*)?$", re.IGNORECASE)
_LEAD = re.compile(r"([^:;\n]{3,120}?)\s*(?::|\bphấn đấu\b)", re.IGNORECASE)
_CUMULATIVE = re.compile(
    r"lũy kế|cộng dồn|tổng (?:[^,;]{0,30}?)(?:\d|năm|5 năm|cả giai đoạn)|trong (?:5|năm) năm"
    r"|cả giai đoạn|cả nhiệm kỳ|giai đoạn \d{4}\s?-\s?\d{4}",
    re.IGNORECASE,
)
_RATE_WORDS = re.compile(r"tỷ lệ|tỷ trọng|chiếm|độ che phủ|tỉ lệ", re.IGNORECASE)
_GROWTH_WORDS = re.compile(r"tăng|tốc độ|tăng trưởng|giảm", re.IGNORECASE)
_DOWN_TO = re.compile(r"giảm (?:xuống )?còn|còn dưới|xuống dưới|còn", re.IGNORECASE)
_FALL = re.compile(r"\bgiảm\b", re.IGNORECASE)
_PER_POPULATION = re.compile(
    r"/(?:vạn dân|nghìn dân|ngàn dân|1\.000 dân|10\.000 dân|100\.000 dân|dân|ha|km²|km2"
    r"|lao động|học sinh|hộ|xã|lớp)$",
    re.IGNORECASE,
)
COUNT_UNITS = (
    "doanh nghiệp", "hợp tác xã", "lao động", "việc làm", "người", "hộ", "xã", "phường", "căn",
    "căn nhà", "căn hộ", "dự án", "sản phẩm", "trường", "thôn", "bản", "đảng viên", "lượt khách",
)  # fmt: skip
LESS_IS_BETTER = (
    "nghèo", "thất nghiệp", "tai nạn", "tử vong", "tội phạm", "ô nhiễm", "suy dinh dưỡng",
    "vi phạm", "khiếu nại", "ma túy", "nợ xấu", "lạm phát", "chỉ số giá", "sinh con thứ 3",
)  # fmt: skip
# A milestone: a clause of the list that sets a deed, not a figure.
_MILESTONE = re.compile(
    r"^\s*(?:[-+•*]\s*)?(?:phấn đấu\s+)?(?:hoàn thành|khởi công|khánh thành|xây dựng xong"
    r"|thành lập|đạt chuẩn|công nhận|đưa [^;.\n]{3,80} vào (?:hoạt động|sử dụng|vận hành))"
    r"[^;\n]{0,200}",
    re.IGNORECASE | re.MULTILINE,
)


@dataclass
class TargetSpec:
    """One target as a resolution sets it; `value` is None for a milestone."""

    indicator: str
    kind: str
    direction: str  # more_is_better | less_is_better
    comparator: str
    value: float | int | None
    value_max: float | int | None
    unit: str
    period: str | None  # "2025", or a term "2021/2025"
    base_year: int | None
    base_value: float | int | None
    text: str


def _kind(figure: Figure, clause: str) -> str:
    name, unit = figure.indicator.lower(), figure.unit
    clause = f"{name} {clause}"
    if unit.startswith("%"):
        if _RATE_WORDS.search(name):
            if _DOWN_TO.search(clause) or not _GROWTH_WORDS.search(clause):
                return "share"
            return "change"
        if _GROWTH_WORDS.search(clause):
            return "growth"
        return "share"
    if _PER_POPULATION.search(unit):
        return "ratio"
    if _CUMULATIVE.search(clause) and not unit.endswith("/năm"):
        return "cumulative"
    base = unit.split("/")[0].lower()
    return "count" if base in COUNT_UNITS else "level"


def _direction(figure: Figure, clause: str) -> str:
    lowered = f"{figure.indicator} {clause}".lower()
    if any(word in lowered for word in LESS_IS_BETTER) or figure.comparator in ("<", "<="):
        return "less_is_better"
    if _FALL.search(clause) and not _DOWN_TO.search(clause):
        return "less_is_better"
    return "more_is_better"


def clean_name(name: str) -> str:
    """The indicator without its horizon, a leading "phấn đấu" or a trailing "đạt"."""
    name = _NAME_NOISE.sub("", name.strip(" ,;:-–"))
    name = _NAME_TAIL.sub("", name).strip(" ,;:-–")
    return name[:1].upper() + name[1:]


def _term_of(text: str) -> str | None:
    m = _TERM.search(text)
    if m and int(m.group(1)) < int(m.group(2)):
        return f"{m.group(1)}/{m.group(2)}"
    return None


def _period(figure: Figure, segment: str, lead: str, kind: str, term: str | None) -> str | None:
    """The year the figure's own clause states, or its term; a rate per year and a total
    run over the text's term; then the year the list's opener states ("Phấn đấu đến
    năm 2025: …")."""
    base = _BASE.search(segment)
    years = [
        m.group(1) or m.group(2)
        for m in _HORIZON.finditer(segment)
        if not (base and (m.group(1) or m.group(2)) == base.group(1))
    ]
    own_term = _term_of(segment)
    if years and not own_term:
        return years[-1]
    if own_term:
        return own_term
    if (kind == "cumulative" or figure.unit.endswith("/năm")) and term:
        return term
    horizon = _HORIZON.search(lead)
    return (horizon.group(1) or horizon.group(2)) if horizon else None


def _lead(search: str, sentence_start: int, at: int) -> str:
    """What opens the list a figure is in: the sentence up to its colon, or the line
    ending in a colon above a bulleted list ("Phấn đấu đến năm 2025:")."""
    colon = search.find(":", sentence_start, at)
    if colon >= 0:
        return search[sentence_start:colon]
    opener = search.rfind(":\n", max(0, sentence_start - 1000), sentence_start + 1)
    if opener < 0:
        return ""
    return search[search.rfind("\n", 0, opener) + 1 : opener]


def _base(segment: str) -> tuple[int | None, float | int | None]:
    """The base year of a growth ("so với năm 2020") and its value when written."""
    m = _BASE.search(segment)
    if not m:
        return None, None
    year = int(m.group(1))
    for found in _BASE_VALUE.finditer(segment):
        if found.group(1) and int(found.group(1)) != year:
            continue
        quantity = parse_quantity(found.group(2))
        if quantity is not None and quantity.value_max is None:
            return year, quantity.value
    return year, None


def read_targets(text: str, *, year: int | None = None) -> list[TargetSpec]:
    """Every target of a pasted list, in the text's order.

    Pasted lists often lack the words that mark a plan, so every figure is a target;
    `year` is the period of figures whose text states neither a year nor a term.
    """
    prepared, _ = prepare(text, html=False)
    doc = Doc(prepared)
    sentences = sentence_spans(doc.text)
    excluded = Claimed(len(doc.text))
    for found in [*find_summaries(doc), *find_task_groups(doc)]:
        excluded.add(found.start, found.end)
    term = _term_of(doc.search)
    specs: list[tuple[int, TargetSpec]] = []
    figures = find_figures(
        doc, sentences, paragraph_spans(doc.text), excluded=excluded, reference_year=None
    )
    cursor = 0
    for found in figures:
        figure = found.figure
        at = doc.text.find(figure.text, cursor)
        at = at if at >= 0 else cursor
        cursor = at
        a, b = next(((a, b) for a, b in sentences if a <= at < b), (0, len(doc.text)))
        starts = [m.end() for m in _SEGMENT_END.finditer(doc.search, a, at)]
        end = _SEGMENT_END.search(doc.search, at, b)
        segment = doc.search[starts[-1] if starts else a : end.start() if end else b]
        if _BASE.search(segment) and _BASE_FIGURE.search(doc.search[max(a, at - 30) : at]):
            continue  # "(năm 2020 đạt 10.000 tỷ đồng)": the base, not a target
        lead = _lead(doc.search, a, at)
        clause = doc.search[at : at + len(figure.text)]
        name = clean_name(figure.indicator)
        if not name:
            before = _LEAD.search(doc.text[max(a, at - 120) : at])
            name = clean_name(before.group(1)) if before else ""
        figure.indicator = name
        kind = _kind(figure, clause)
        noun = figure.unit.split("/")[0]
        if kind == "count" and noun.lower() not in name.lower() and _BARE_VERB.search(name):
            name = f"{name} {noun}".strip()
        base_year, base_value = _base(segment)
        period = _period(figure, segment, lead, kind, term)
        specs.append(
            (
                at,
                TargetSpec(
                    indicator=name[:1].upper() + name[1:],
                    kind=kind,
                    direction=_direction(figure, clause),
                    comparator=figure.comparator,
                    value=figure.value,
                    value_max=figure.value_max,
                    unit=figure.unit,
                    period=period or (str(year) if year else None),
                    base_year=base_year,
                    base_value=base_value,
                    text=figure.text,
                ),
            )
        )
    for m in _MILESTONE.finditer(doc.text):
        if QUANTITY_RE.search(m.group()) or any(
            at <= m.start() < at + len(spec.text) for at, spec in specs
        ):
            continue
        sentence_term = _term_of(m.group()) or term
        horizon = _HORIZON.search(m.group()) or _HORIZON.search(
            _lead(doc.search, m.start(), m.start())
        )
        period = (horizon.group(1) or horizon.group(2)) if horizon else sentence_term
        deed = clean_name(re.sub(r"^\s*[-+•*]\s*", "", m.group()).strip(" .;"))
        specs.append(
            (
                m.start(),
                TargetSpec(
                    indicator=deed,
                    kind="milestone",
                    direction="more_is_better",
                    comparator="=",
                    value=None,
                    value_max=None,
                    unit="",
                    period=period or (str(year) if year else None),
                    base_year=None,
                    base_value=None,
                    text=m.group().strip(" .;"),
                ),
            )
        )
    return [spec for _, spec in sorted(specs, key=lambda pair: pair[0])]
