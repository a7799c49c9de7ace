"""Figures: targets the text sets for the future and results it reports as achieved.

A figure is a quantity with a unit ("8,5%", "88 triệu đồng", "23.000 lao động"); the
words before it, back to the previous figure or the start of the clause, name the
indicator, and the words around it give the comparator. One sentence often lists
several figures separated by ";" and "," ("tỷ trọng nông, lâm nghiệp, thủy sản chiếm
gần 27%, công nghiệp – xây dựng chiếm trên 36%…"), so a figure's indicator runs from
the end of the previous figure, not from the previous comma.

Target or result (see `status`): words next to the figure decide first ("ước đạt",
"so với cùng kỳ", "% kế hoạch" report; "phấn đấu", "mục tiêu", "đến năm 2030" set),
then the sentence, the heading or list it sits under, the paragraph, then the year: a
sentence about a year or period after the article's own is a plan. Anything else is
reported as a result. Numbers that are neither (ballots, people elected, disaster
losses, a plan quoted as a yardstick) are left out, and a figure repeated in the sapo,
a crosshead and the body is listed once.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .comparators import comparator_for
from .exclusions import is_no_figure
from .quantities import QUANTITY_RE, index_figures, quantity_from_match
from .records import Figure
from .status import (
    PLAN_SHARE,
    RESULT_NEAR,
    STRONG_RESULT,
    TARGET_NEAR,
    future_period,
    heading_status,
    is_heading,
    is_list_item,
    list_opener_end,
    opens_target_list,
)
from .text import Claimed, Doc, tidy

_YEAR_TARGET = re.compile(r"(?:đến|tới) năm (\d{4})", re.IGNORECASE)
_YEAR = re.compile(
    r"(?=[nN]ăm )(?<!so với )(?<!so )(?<!cùng kỳ )năm (\d{4})(?!\s?-\s?\d)", re.IGNORECASE
)

# Where an indicator starts: after a list opener, a colon or a connecting word.
_LEAD_IN = re.compile(
    r"(?:.*(?:[:;]|\bphấn đấu|\bcụ thể là|\bcụ thể|\bnhư sau|\bnhư(?!ng)|\bgồm|\btrong đó|\bđó là"
    r"|(?<!so )\bvới|\bcụ thể như|\bchỉ tiêu là|\bmục tiêu là|\btoàn tỉnh|\bđến nay"
    r"|\bhiện nay))\s*",
    re.IGNORECASE | re.DOTALL,
)
_LEADING_NOISE = re.compile(
    r"^(?:[,;:\-–\s]|và\s|có\s|là\s|đạt\s|đó\s|thì\s|(?:trong\s)?năm \d{4},?\s"
    r"|(?:trong\s)?\d{1,2} tháng (?:đầu |cuối )?năm(?: \d{4})?,?\s"
    r"|(?:theo báo cáo(?: của [^,]{0,40})?|theo đó|bên cạnh đó|ngoài ra|đồng thời|cụ thể"
    r"|tính chung|nhìn chung|riêng),?\s"
    r"|(?:trong\s)?quý [IV]+(?: năm \d{4})?,?\s)+",
    re.IGNORECASE,
)
_TRAILING_VERBS = re.compile(
    r"(?:\s+(?:đạt|chiếm|là|có|ở mức|đạt mức|bằng|ước|ước đạt|ước tính|dự báo|tuy|dự kiến|còn|lên"
    r"|cho|được|khoảng|của|với|từ|mới cho|đã|đón|thu hút))+\s*$",
    re.IGNORECASE,
)
_SUFFIX = re.compile(
    r"(?:\s?(?:so với|so)\s[^,;.()]{0,40}"
    r"|\s(?:kế hoạch|dự toán|chỉ tiêu)(?:\s(?:tỉnh giao|trung ương giao|HĐND tỉnh giao"
    r"|được giao|giao|đề ra|năm \d{4}|năm))?)",
    re.IGNORECASE,
)


WINDOW = 400
# A number after these words is a document number, an ordinal, a term or a date.
_NOT_A_FIGURE_BEFORE = re.compile(
    r"(?:số|lần thứ|thứ|khóa|giai đoạn|nhiệm kỳ|quý|tháng|ngày)\s*$",
    re.IGNORECASE,
)
# "với 100% đại biểu có mặt tán thành" is a vote, not a result.
_VOTE = re.compile(r"\s?(?:số\s)?đại biểu")
_CONTENT_WORD = re.compile(r"[^\W\d_]{3,}")
_TAIL_END = re.compile(
    r"[;.:\n(]|\s(?:và|với|trong đó)\s|\d|,\s(?:bằng|tăng|giảm|đạt|vượt|chiếm|so)\b"
)
_MONEY_OR_SHARE = re.compile(r"%|đồng|USD|VNĐ|VND", re.IGNORECASE)


def _is_year(value: str, before: str) -> bool:
    """ "năm 2023 người dân…": a year followed by a word that looks like a unit."""
    return before.rstrip().lower().endswith("năm") and len(value) == 4 and value[:2] in ("19", "20")


@dataclass(frozen=True)
class FoundFigure:
    figure: Figure
    is_target: bool


def _indicator(doc: Doc, start: int, end: int) -> tuple[str, int]:
    """Indicator text and its start offset, from the clause before a figure."""
    segment = doc.search[start:end]
    lead = _LEAD_IN.match(segment)
    offset = lead.end() if lead else 0
    if len(segment[offset:].split()) > 14:
        comma = segment.rfind(",", offset)
        offset = comma + 1 if comma >= 0 else offset
    noise = _LEADING_NOISE.match(segment[offset:])
    offset += noise.end() if noise else 0
    stem = segment[offset:]
    trailing = _TRAILING_VERBS.search(stem)
    stem_end = trailing.start() if trailing else len(stem)
    return tidy(doc.text[start + offset : start + offset + stem_end]), start + offset


def _figures_in(
    doc: Doc, a: int, b: int, matches: list[re.Match[str]], excluded: Claimed
) -> list[tuple[Figure, int, int, int]]:
    """(figure without year, clause start, figure end, quantity start) in a sentence."""
    out = []
    boundary = a
    for m in matches:
        if excluded.overlaps(m.start(), m.end()):
            boundary = max(boundary, m.end())
            continue
        before = doc.search[max(a, m.start() - 12) : m.start()]
        if _NOT_A_FIGURE_BEFORE.search(before) or _is_year(m.group("value"), before):
            continue
        quantity = quantity_from_match(m, doc.text)
        if quantity is None or _VOTE.match(doc.search, m.end()):
            continue
        # Windows are bounded (WINDOW characters each side) so that a page with no
        # punctuation cannot make the work grow with the square of its length.
        floor = max(boundary, m.start() - WINDOW)
        semicolon = doc.search.rfind(";", floor, m.start())
        start = semicolon + 1 if semicolon >= 0 else floor
        prefix = doc.search[start : m.start()]
        if is_no_figure(doc.search, m.start(), m.end(), a, b):
            boundary = max(boundary, m.end())
            continue
        suffix = doc.search[m.end() : min(b, m.end() + WINDOW)]
        comparator, taken_before, taken_after = comparator_for(
            prefix, suffix, quantity.value_max is not None
        )
        end = m.end() + taken_after
        tail = _SUFFIX.match(doc.search, end, min(b, end + WINDOW))
        if tail:
            end = tail.end()
        indicator, clause_start = _indicator(doc, start, m.start() - taken_before)
        if len(indicator.split()) < 2 and tail and out:
            # "…đạt 4.750 triệu USD, tăng 16,3% so với cùng kỳ", "…, bằng 86% dự toán":
            # growth and shares of the plan are about the figure before them.
            indicator = out[-1][0].indicator
        elif len(indicator.split()) < 2 and not tail:
            # "có trên 98% xã, phường … vững mạnh", "có thêm 15 xã đạt chuẩn nông thôn
            # mới": the thing measured is written after the figure.
            stop = _TAIL_END.search(doc.search, end, b)
            tail_end = stop.start() if stop else b
            if len(doc.search[end:tail_end].split()) <= 15:
                counted = "" if _MONEY_OR_SHARE.search(quantity.unit) else quantity.base_unit
                indicator = " ".join(f"{counted} {doc.cut(end, tail_end)}".split())
                end = max(end, tail_end)
        if not indicator and out:
            indicator = out[-1][0].indicator
        figure = Figure(
            indicator=indicator,
            comparator=comparator,
            value=quantity.value,
            value_max=quantity.value_max,
            unit=quantity.unit,
            year=None,
            text=doc.cut(clause_start, end),
        )
        out.append((figure, clause_start, end, m.start()))
        boundary = end
    return out


def _carried_status(
    doc: Doc,
    paragraphs: list[tuple[int, int]],
    starts: list[int],
    reference_year: int | None,
) -> set[int]:
    """Paragraphs that are items of an announced target list: under a heading such as
    "Chỉ tiêu kế hoạch năm 2024", or after a line ending "… các chỉ tiêu năm 2025:".

    A heading's status lasts to the next section heading (photo captions between the
    items do not end it); an opener's lasts while the lines below read as list items.
    """
    carried: set[int] = set()
    heading: bool | None = None
    opener = False
    line = ""
    items = 0
    for i, (pa, pb) in enumerate(paragraphs):
        previous, line = line, doc.search[pa:pb]
        has_figure = bisect_left(starts, pa) < bisect_left(starts, pb)
        if opens_target_list(line, reference_year):
            opener = True
            continue
        if (heading or opener) and not has_figure and _SUBSECTION.match(line):
            items = 0  # "1. Về kinh tế:" divides the list it sits in, and ends nothing
            continue
        if not has_figure and is_heading(line):
            status = heading_status(line, reference_year)
            if status or _SECTION.match(line) or _SECTION_WORDS.search(line):
                heading, opener, items = status, False, 0
            continue
        item = is_list_item(line, previous)
        if opener and not item:
            opener = False
        if heading and items and not item:
            heading = None  # the prose after a heading's list is no item of it
        items = items + 1 if heading and item else items
        if heading or opener:
            carried.add(i)
    return carried


_SECTION = re.compile(r"^\s*(?:[IVX]+|\d{1,2}|[A-Z])[.)]\s")
# A part of a list by field: "1. Về kinh tế:", "b) Lĩnh vực xã hội:", "Các chỉ tiêu về môi
# trường:".
_SUBSECTION = re.compile(
    r"^\s*(?:(?:[IVX]+|\d{1,2}|[a-zđ])[.)]\s*)?(?:về|lĩnh vực|nhóm|các chỉ tiêu|chỉ tiêu)\b"
    r"[^.;:]{0,60}:\s*$",
    re.IGNORECASE,
)
_SECTION_WORDS = re.compile(
    r"kết quả|tình hình|nhiệm vụ|giải pháp|phương hướng|chỉ tiêu|hạn chế|tồn tại", re.IGNORECASE
)


def _only_plan_share(clause: str) -> bool:
    """Whether the clause's only report word is a share of the plan ("đạt 45% kế hoạch")."""
    return all(PLAN_SHARE.match(clause, m.start()) for m in RESULT_NEAR.finditer(clause))


def _last_cue_sets(before: str) -> bool:
    """Whether the last cue before a figure in its sentence sets a target: in "…đạt 51,8%
    nghị quyết đề ra … và tăng 2,5% so với cùng kỳ; trong đó thu nội địa 10.152 tỷ
    đồng" the report's words come after the plan's, and the figure is a result."""
    last = None
    for cue in TARGET_NEAR.finditer(before):
        if not (
            _PLAN_NAMED.search(before, max(0, cue.start() - 60), cue.start())
            or _MEASURED_AGAINST.search(before, max(0, cue.start() - 30), cue.start())
        ):
            last = cue
    return last is not None and not RESULT_NEAR.search(before, last.end())


# "vượt kế hoạch đề ra", "thấp hơn chỉ tiêu đề ra": a result measured against the plan
# names the plan; its "đề ra" sets nothing.
_PLAN_NAMED = re.compile(
    r"(?:vượt|hơn|so với|đạt|bằng)\s(?:[^\s,;]+\s){0,3}?"
    r"(?:kế hoạch|chỉ tiêu|mục tiêu|nghị quyết|dự toán)\s(?:đã\s)?$",
    re.IGNORECASE,
)
# "vượt mục tiêu …", "cao hơn kế hoạch năm 2024": the cue is the plan itself.
_MEASURED_AGAINST = re.compile(r"(?:vượt|hơn|so với|bằng)\s(?:[^\s,;]+\s){0,2}?$", re.IGNORECASE)


_ANY_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def _runs_on(all_targets: dict[int, bool], paragraph: int, sentence: str) -> bool:
    """Whether a sentence with no cue of its own continues the target list of the
    paragraph right before it: that one held only targets, and this one names no time
    of its own ("Năm 2023, …", "Nhiệm kỳ 2020 - 2025, …" open a report)."""
    if paragraph in all_targets or not all_targets.get(paragraph - 1):
        return False
    return not _ANY_YEAR.search(sentence)


def _quantity_key(figure: Figure, is_target: bool) -> tuple:
    return (is_target, figure.comparator, figure.value, figure.value_max, figure.unit.lower())


def _same_figure(figure: Figure, other: Figure) -> bool:
    """Of two figures with the same quantity, whether the second states the first again:
    yes when the quantity is hard to meet twice by chance, or the indicators share a word.
    """
    if figure.unit != "%" or not float(figure.value).is_integer():
        return True
    words = set(_CONTENT_WORD.findall(figure.indicator.lower()))
    return bool(words & set(_CONTENT_WORD.findall(other.indicator.lower())))


def find_figures(
    doc: Doc,
    sentences: list[tuple[int, int]],
    paragraphs: list[tuple[int, int]],
    *,
    excluded: Claimed,
    reference_year: int | None,
) -> list[FoundFigure]:
    """Targets and results of the text, in order, each classified."""
    found: list[FoundFigure] = []
    by_quantity: dict[tuple, list[Figure]] = {}
    paragraph_starts = [pa for pa, _ in paragraphs]
    target_paragraphs: set[int] = set()
    carried_year: int | None = None
    quantities = sorted(
        [*QUANTITY_RE.finditer(doc.search), *index_figures(doc.search)], key=lambda m: m.start()
    )
    starts = [m.start() for m in quantities]
    in_list = _carried_status(doc, paragraphs, starts, reference_year)
    # Per paragraph with figures: whether every figure in it was a target. A list of
    # targets often runs on into the next paragraph ("…kim ngạch xuất khẩu đạt 1 tỷ USD."
    # then "Thu ngân sách đạt 4.000 tỷ đồng; giải quyết việc làm cho…").
    all_targets: dict[int, bool] = {}
    for sentence in sentences:
        a, b = sentence
        text = doc.search[a:b]
        matches = quantities[bisect_left(starts, a) : bisect_left(starts, b)]
        years = [int(y) for y in _YEAR.findall(text)] if "ăm " in text else []
        if not matches:
            if years and TARGET_NEAR.search(text):
                carried_year = max(years)
            continue
        paragraph = bisect_right(paragraph_starts, a) - 1
        sentence_targets = bool(TARGET_NEAR.search(text))
        sentence_results = bool(RESULT_NEAR.search(text))
        future = bool(reference_year and years and max(years) > reference_year) or (
            future_period(text, reference_year)
        )
        opener = list_opener_end(text, reference_year) if ":" in text or ", " in text else None
        for figure, clause_start, end, quantity_start in _figures_in(doc, a, b, matches, excluded):
            clause = doc.search[clause_start:end]
            listed = paragraph in in_list or (opener is not None and quantity_start >= a + opener)
            if listed:
                is_target = not STRONG_RESULT.search(clause)
            elif RESULT_NEAR.search(clause) and not (
                _only_plan_share(clause)
                and _last_cue_sets(doc.search[max(a, quantity_start - WINDOW) : quantity_start])
            ):
                is_target = False
            elif TARGET_NEAR.search(clause) or _last_cue_sets(
                doc.search[max(a, quantity_start - WINDOW) : quantity_start]
            ):
                is_target = True
            elif sentence_results:
                is_target = False
            else:
                is_target = (
                    sentence_targets
                    or paragraph in target_paragraphs
                    or future
                    or _runs_on(all_targets, paragraph, text)
                )
            horizon = _YEAR_TARGET.search(doc.search, max(a, end - WINDOW), end)
            if horizon:
                figure.year = int(horizon.group(1))
            elif years:
                figure.year = years[0]
            elif is_target:
                figure.year = carried_year
            same_quantity = by_quantity.setdefault(_quantity_key(figure, is_target), [])
            if any(_same_figure(figure, other) for other in same_quantity):
                continue
            same_quantity.append(figure)
            found.append(FoundFigure(figure, is_target))
            all_targets[paragraph] = all_targets.get(paragraph, True) and is_target
            if is_target:
                target_paragraphs.add(paragraph)
                carried_year = figure.year or carried_year
        if sentence_targets and years:
            carried_year = max(years)
    return found
