"""Task groups: counted bundles of work a resolution sets.

"6 nhiệm vụ trọng tâm, 3 nhiệm vụ đột phá", "7 nhóm nhiệm vụ chủ yếu trong quý II",
"9 nhiệm vụ, giải pháp", "3 công trình trọng điểm", "ba đột phá chiến lược". A bare
count of a generic noun ("5 dự án") is not a group: it needs a qualifier ("trọng
tâm", "đột phá", "chủ yếu"…), the word "nhóm", or the "nhiệm vụ, giải pháp" pair.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import ROMAN, parse_count
from .records import TaskGroup
from .text import Doc

_QUALIFIERS = (
    r"trọng tâm|trọng điểm|đột phá|chủ yếu|chiến lược|cơ bản|lớn|chính|quan trọng|ưu tiên"
    r"|then chốt|động lực|cấp bách|chủ đạo|mũi nhọn"
)
_HEADS = (
    r"nhóm nhiệm vụ|nhóm giải pháp|nhóm vấn đề|nhóm lĩnh vực|nhóm ngành|nhóm nội dung"
    r"|nhóm chính sách|nhóm công việc|nhóm mục tiêu|nhóm chỉ tiêu|nhóm sản phẩm"
    r"|nhiệm vụ|giải pháp|công trình|chương trình|khâu|đột phá|dự án|lĩnh vực|mục tiêu"
)
# Counts in words start at two: "một nhiệm vụ quan trọng" is a phrase, not a group,
# and "tư" or "mốt" alone are too often other words ("đầu tư").
_COUNT_WORD = (
    r"(?:hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)(?:\s(?:một|mốt|hai|ba|bốn|tư|lăm|sáu|bảy|tám|chín))?"
)
# Generic nouns need a strong qualifier: "3 dự án lớn" is not a programme of work.
_GENERIC_HEADS = {"dự án", "công trình", "chương trình", "lĩnh vực", "mục tiêu"}
_STRONG = re.compile(r"trọng điểm|đột phá|trọng tâm|chiến lược|động lực|then chốt", re.IGNORECASE)
_GROUP = re.compile(
    rf"(?=[\dhbnstcm])(?<![\w/.,])(?P<count>\d{{1,2}}|{_COUNT_WORD})\s+(?P<label>(?P<head>{_HEADS})"
    rf"(?P<pair>,\s*(?:giải pháp|nhiệm vụ|dự án)(?:\s+(?:{_QUALIFIERS}))*)?"
    rf"(?P<qualifiers>(?:\s+(?:{_QUALIFIERS}))*))(?![\w])"
    rf"(?P<when>\s+(?:trong|của)\s+(?:quý\s+{ROMAN}|năm\s+\d{{4}}"
    r"|6 tháng (?:đầu|cuối) năm(?:\s+\d{4})?))?"
)


_STATUS_AFTER = re.compile(r"\s+(?:đạt|vượt|chưa|không|hoàn thành)(?![\w])", re.IGNORECASE)
# Groups are looked for around their head nouns, which are rarer than the letters a
# count can start with.
_HEAD = re.compile(rf"(?=[nhgcđkdlm])(?<![\w])(?:{_HEADS})(?![\w])")


@dataclass
class FoundGroup:
    group: TaskGroup
    start: int
    end: int


def find_task_groups(doc: Doc) -> list[FoundGroup]:
    """Every task group statement, in order, with its span."""
    found: list[FoundGroup] = []
    for cue in _HEAD.finditer(doc.search):
        if found and cue.start() < found[-1].end:
            continue
        m = _GROUP.search(doc.search, max(0, cue.start() - 16), cue.end() + 120)
        if m is None or m.start("head") != cue.start():
            continue
        head = m.group("head").lower()
        if _STATUS_AFTER.match(doc.search, m.end("label")):
            continue  # "có 8 nhóm chỉ tiêu vượt": a count of a review, not a group
        if not (head.startswith("nhóm") or m.group("pair") or m.group("qualifiers")):
            continue
        if head in _GENERIC_HEADS and not _STRONG.search(m.group("label")):
            continue
        count = parse_count(m.group("count"))
        if not count or not 2 <= count <= 50:
            continue
        label = " ".join(doc.text[m.start("label") : m.end("label")].split())
        found.append(
            FoundGroup(TaskGroup(count, label, doc.cut(m.start(), m.end())), m.start(), m.end())
        )
    return found


def distinct(found: list[FoundGroup]) -> list[TaskGroup]:
    """Each group once (the headline and body repeat each other)."""
    unique: dict[tuple, TaskGroup] = {}
    for f in found:
        unique.setdefault((f.group.count, f.group.label.lower()), f.group)
    return list(unique.values())
