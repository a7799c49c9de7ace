"""What a meeting's report says beyond which body met: where, for how long, and who
presided ("… chủ trì hội nghị", "dưới sự chủ trì của …", "Thường trực HĐND tỉnh điều
hành kỳ họp")."""

from __future__ import annotations

import re

from .numbers import NUMBER_WORD, parse_count, parse_number
from .people import Mention
from .text import Doc

VENUE = re.compile(
    r"\btại\s+((?:hội trường|phòng họp|trụ sở|trung tâm hội nghị|trung tâm|nhà văn hóa"
    r"|nhà khách|khách sạn|nhà hát|cung văn hóa)[^,.;()\n]{0,60}?)"
    r"(?=\s*[,.;(\n]|\s(?:trực tuyến|dưới|do|với|và|sáng|chiều|để|nhằm)\b)",
    re.IGNORECASE,
)
_DURATION = re.compile(
    rf"(?:trong|qua|sau|kéo dài)\s+(\d+(?:,\d+)?|{NUMBER_WORD}|nửa)\s+(ngày|buổi)(\s+rưỡi)?",
    re.IGNORECASE,
)
_DURATION_CONTEXT = re.compile(
    r"hội nghị|kỳ họp|phiên họp|cuộc họp|làm việc|diễn ra|bế mạc|khai mạc|họp", re.IGNORECASE
)
CHAIR = re.compile(
    r"(?:đồng\s+)?chủ trì|chủ tọa|điều hành (?:kỳ họp|hội nghị|phiên họp|phiên thảo luận|cuộc họp"
    r"|buổi họp|họp báo)",
    re.IGNORECASE,
)


def duration_in(doc: Doc, sentences: list[tuple[int, int]]) -> float | int | None:
    """The first stated span of the meeting ("Qua 1,5 ngày diễn ra", "sau 1 buổi làm việc"),
    in days: a sitting (buổi) is half a day."""
    for a, b in sentences:
        sentence = doc.search[a:b]
        m = _DURATION.search(sentence)
        if m and _DURATION_CONTEXT.search(sentence):
            written = m.group(1).lower()
            count = 0.5 if written == "nửa" else parse_number(written) or parse_count(written)
            if not count:
                continue
            days = count * (0.5 if m.group(2).lower() == "buổi" else 1)
            days += 0.5 if m.group(3) else 0
            return int(days) if float(days).is_integer() else days
    return None


def chairs_in(doc: Doc, mentions: list[Mention], sentence: tuple[int, int]) -> list[str]:
    """Names that preside: written before "chủ trì" in its sentence, or listed after it."""
    a, b = sentence
    m = CHAIR.search(doc.search, a, b)
    if not m:
        return []
    inside = [x for x in mentions if a <= x.start < b]
    before = [x.name for x in inside if x.end <= m.start()]
    if before:
        return list(dict.fromkeys(before))
    return list(dict.fromkeys(x.name for x in inside if x.start >= m.end()))
