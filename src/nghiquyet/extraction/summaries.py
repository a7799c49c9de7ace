"""Target summaries: how many targets were set and how many were met.

"có 7/24 chỉ tiêu kinh tế - xã hội đạt và vượt Nghị quyết; các chỉ tiêu còn lại đạt từ
41% trở lên", "đạt và vượt 26/27 chỉ tiêu, trong đó có 11 chỉ tiêu vượt",
"trong 18 chỉ tiêu, có 15 chỉ tiêu đạt và vượt", "15 chỉ tiêu đạt và vượt, 3 chỉ tiêu
chưa đạt", or simply "xác định 18 chỉ tiêu chủ yếu" (set, nothing achieved yet).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import NUMBER, as_json_number, parse_number
from .records import Summary
from .text import Claimed, Doc

_TARGETS = r"(?:chỉ tiêu|nghị quyết|mục tiêu)"
_MET = (
    r"(?:đạt và vượt|đạt, vượt|đạt hoặc vượt|hoàn thành và hoàn thành vượt(?: mức)?"
    r"|hoàn thành vượt(?: mức)?|hoàn thành và vượt|hoàn thành|vượt mức|đạt)"
)
_MET_AFTER = re.compile(rf"[^.;:\d]{{0,60}}?\s{_MET}(?![\w])")
# Every pattern starts at a digit, and running text writes these words in lower case:
# matching case-sensitively from digits keeps the scan fast.
_RATIO = re.compile(rf"(?=\d)(?<![\d/])(\d{{1,3}})\s?/\s?(\d{{1,3}})\s+{_TARGETS}")
_MET_BEFORE = re.compile(rf"{_MET}\s+(?:được\s+)?$", re.IGNORECASE)
# "Trong 27 chỉ tiêu, có 26 chỉ tiêu đạt và vượt", "đề ra 25 chỉ tiêu, đến nay đã có
# 20 chỉ tiêu đạt".
_OF_TOTAL = re.compile(
    rf"(?=[Tt\d])(?:[Tt]rong\s+(?:tổng số\s+|số\s+)?)?(?<![\d/.,])(\d{{1,3}})\s+{_TARGETS}"
    rf"[^.;:\d]{{0,60}}?(?:,\s*)?(?:đến nay\s+)?(?:đã\s+)?có\s+(\d{{1,3}})\s+chỉ tiêu\s+"
    rf"{_MET}(?![\w])"
)
_MET_AND_MISSED = re.compile(
    rf"(?=\d)(\d{{1,3}})\s+chỉ tiêu\s+{_MET}[^.;:\d]{{0,30}}?,\s*"
    rf"(\d{{1,3}})\s+chỉ tiêu\s+(?:chưa|không|xấp xỉ|gần|cơ bản)\s+đạt"
)
# "để hoàn thành 32/32 chỉ tiêu" states an aim, not an achievement.
_AIM = re.compile(r"(?:để|nhằm|phấn đấu|cần|phải|quyết tâm|bảo đảm|đảm bảo)\s+$", re.IGNORECASE)
_EXCEEDED = re.compile(
    r"[^.;]{0,40}?(?:trong đó\s*,?\s*)?(?:có\s+)?(\d{1,3})\s+chỉ tiêu\s+(?:đạt\s+)?vượt",
    re.IGNORECASE,
)
_REST = re.compile(
    r"[^.]{0,40}?(?:các|những)?\s*chỉ tiêu còn lại\s+(?:cơ bản\s+|đều\s+)?đạt\s+(?:từ|trên)?"
    rf"\s*({NUMBER})\s?%(?:\s*trở lên)?",
    re.IGNORECASE,
)
_SET = re.compile(
    r"(?=\d)(?<![\d/.,])(\d{1,3})\s+chỉ tiêu"
    r"(?P<kind>\s+(?:chủ yếu|cơ bản|quan trọng|kinh tế - xã hội|chính))?"
    r"(?!\s+(?:đạt|vượt|chưa|không))"
    r"(?P<year>[^.;:\d]{0,30}?(?:năm|nhiệm kỳ|giai đoạn)\s+\d{4}(?:\s?-\s?\d{4})?)?"
)
_BREAKDOWN_AFTER = re.compile(r"[^.;:\d]{0,30}?,\s*\d{1,3}\s+chỉ tiêu")
_BREAKDOWN_BEFORE = re.compile(r"\d{1,3}\s+chỉ tiêu[^.;:\d]{0,30}?,\s*$")
# "Trong 15 nhóm chỉ tiêu cơ bản, có 8 nhóm chỉ tiêu vượt, 6 nhóm chỉ tiêu đạt, 1 chỉ
# tiêu chưa đạt", "Trong 25 chỉ tiêu chủ yếu năm 2023, dự kiến có 24 chỉ tiêu đạt (trong
# đó, có 13 chỉ tiêu vượt) và 01 chỉ tiêu không đạt": the total, then counts by status.
_OF_TOTAL_HEAD = re.compile(
    rf"(?=[Tt])[Tt]rong\s+(?:tổng số\s+|số\s+)?(\d{{1,3}})\s+(?:nhóm\s+)?{_TARGETS}[^.;:]{{0,60}}?"
    r",\s*(?:(?:dự kiến|ước|ước tính|đến nay|đã)\s+)*có\s+"
)
_BY_STATUS = re.compile(
    r"(?=\d)(?<![\d/.,])(\d{1,3})\s+(?:nhóm\s+)?chỉ tiêu\s+(?:[^\W\d_]+\s+){0,3}?"
    r"(?P<status>chưa đạt|không đạt|đạt và vượt|hoàn thành vượt|vượt|đạt|hoàn thành)(?![\w])"
)
_SET_VERB = re.compile(r"(?:xác định|đề ra|đặt ra|gồm|với|thông qua|có)\s+$", re.IGNORECASE)


@dataclass
class FoundSummary:
    summary: Summary
    start: int
    end: int


def find_summaries(doc: Doc) -> list[FoundSummary]:
    """Every summary statement in order of appearance, with its span."""
    found: list[FoundSummary] = []
    s = doc.search

    claimed = Claimed(len(s))

    def add(total: int, achieved: int | None, a: int, b: int, exceeded: int | None = None) -> None:
        if (
            not 0 < total <= 300
            or (achieved is not None and achieved > total)
            or claimed.overlaps(a, b)
        ):
            return
        rest = None
        tail = _EXCEEDED.match(s, b)
        if tail and achieved is not None and exceeded is None:
            exceeded, b = int(tail.group(1)), tail.end()
        tail = _REST.match(s, b)
        if tail and achieved is not None:
            rest, b = parse_number(tail.group(1)), tail.end()
        claimed.add(a, b)
        text = doc.cut(a, b)
        found.append(
            FoundSummary(
                Summary(
                    total=total,
                    achieved=achieved,
                    exceeded=exceeded,
                    rest_min_percent=as_json_number(rest) if rest is not None else None,
                    text=text,
                ),
                a,
                b,
            )
        )

    for m in _RATIO.finditer(s):
        part, whole = int(m.group(1)), int(m.group(2))
        before = _MET_BEFORE.search(s, max(0, m.start() - 30), m.start())
        if before:
            aim = _AIM.search(s, max(0, before.start() - 20), before.start())
            add(whole, None if aim else part, before.start(), m.end())
            continue
        after = _MET_AFTER.match(s, m.end())
        if after:
            add(whole, part, m.start(), after.end())
    for m in _OF_TOTAL_HEAD.finditer(s):
        split = _by_status(s, m.end())
        if split:
            achieved, exceeded, end = split
            add(int(m.group(1)), achieved, m.start(), end, exceeded)
    for m in _OF_TOTAL.finditer(s):
        add(int(m.group(1)), int(m.group(2)), m.start(), m.end())
    for m in _MET_AND_MISSED.finditer(s):
        add(int(m.group(1)) + int(m.group(2)), int(m.group(1)), m.start(), m.end())
    for m in _SET.finditer(s):
        if _BREAKDOWN_AFTER.match(s, m.end()) or _BREAKDOWN_BEFORE.search(
            s, max(0, m.start() - 60), m.start()
        ):
            continue  # "có 11 chỉ tiêu kinh tế, 8 chỉ tiêu xã hội, …" splits a total
        # "25 chỉ tiêu phấn đấu năm 2024": a count of targets for a year.
        for_a_year = m.group("year") and not _MET_BEFORE.search(
            s, max(0, m.start() - 30), m.start()
        )
        if m.group("kind") or for_a_year or _SET_VERB.search(s, max(0, m.start() - 20), m.start()):
            add(int(m.group(1)), None, m.start(), m.end())
    found.sort(key=lambda f: f.start)
    return found


def _by_status(s: str, start: int) -> tuple[int, int | None, int] | None:
    """Targets met, targets exceeded and the end of a list of counts by status up to the
    end of the sentence; a count in brackets ("(trong đó, có 13 chỉ tiêu vượt)") is a
    part of the one before it. None when the list names fewer than two statuses."""
    stop = s.find(".", start)
    stop = len(s) if stop < 0 else stop
    met = 0
    exceeded = None
    end = start
    statuses = 0
    for m in _BY_STATUS.finditer(s, start, stop):
        gap = s[end : m.start()]
        if statuses and (len(gap) > 70 or any(ch.isdigit() for ch in gap)):
            break
        count, status = int(m.group(1)), m.group("status").lower()
        nested = s.rfind("(", start, m.start()) > s.rfind(")", start, m.start())
        if status == "vượt" or status == "hoàn thành vượt":
            exceeded = count
        if not nested and not status.startswith(("chưa", "không")):
            met += count
        statuses += 1
        end = m.end()
        if nested and s.find(")", end, stop) >= 0:
            end = s.find(")", end, stop) + 1
    if statuses < 2:
        return None
    return met, exceeded, end


def distinct(found: list[FoundSummary]) -> list[Summary]:
    """Each summary once: a headline and the body often state the same counts."""
    unique: dict[tuple, Summary] = {}
    for f in found:
        unique.setdefault((f.summary.total, f.summary.achieved, f.summary.exceeded), f.summary)
    return list(unique.values())
