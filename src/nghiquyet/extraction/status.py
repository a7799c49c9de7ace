"""Target or result: the words that decide whether a figure is set for the future or
reported as achieved, and the headings and list openers that carry that status to the
items under them.

A figure's own clause decides first, then its sentence, then what the text around it
announced: a heading ("Chỉ tiêu kế hoạch năm 2024", "II. Các chỉ tiêu chủ yếu năm
2025"), a list opener ending in ":" ("HĐND tỉnh quyết nghị các chỉ tiêu năm 2025:"),
and last the year. Inside an announced target list the weak words of a report ("ước
đạt", "so với cùng kỳ") describe the plan, so only the strong ones ("đã đạt", "% kế
hoạch") turn an item into a result.
"""

from __future__ import annotations

import re

STRONG_RESULT = re.compile(
    r"(?=[đd%vbt])(?:đã đạt|đạt được|đã (?:có|thu hút|giải quyết|tạo|hoàn thành|xây dựng"
    r"|hỗ trợ|cấp|thu)|%\s(?:so\s(?:với\s)?)?(?:kế hoạch|dự toán|KH|chỉ tiêu|nghị quyết)"
    r"|vượt[^,;]{0,30}(?:kế hoạch|dự toán"
    r"|chỉ tiêu)|bằng [\d,.]+\s?% (?:kế hoạch|dự toán)|thực hiện được)",
    re.IGNORECASE,
)
RESULT_NEAR = re.compile(
    r"(?=[ưsđd%vbtlƯSĐDVBTL])(?:ước (?:đạt|thực hiện|tính|cả năm)|\bước\b|so với cùng kỳ"
    r"|so cùng kỳ|so với năm trước"
    r"|đã đạt|đạt được|đã (?:có|thu hút|giải quyết|tạo|hoàn thành|xây dựng|hỗ trợ|cấp|thu)"
    r"|dự báo đạt|%\s(?:so\s(?:với\s)?)?(?:kế hoạch|dự toán|KH|chỉ tiêu|nghị quyết)"
    r"|vượt[^,;]{0,30}(?:kế hoạch|dự toán|chỉ tiêu)"
    r"|bằng [\d,.]+\s?% (?:kế hoạch|dự toán)|tính đến|lũy kế|thực hiện được"
    # "6 tháng đầu năm 2024", "8 tháng năm 2024": a part of the year already past.
    r"|(?<=\d )tháng (?:đầu )?năm\b)",
    re.IGNORECASE,
)
# A share of the plan is a result, unless the clause is itself a plan: "phấn đấu giải
# ngân 6 tháng đạt trên 45% kế hoạch".
PLAN_SHARE = re.compile(
    r"%\s(?:so\s(?:với\s)?)?(?:kế hoạch|dự toán|KH|chỉ tiêu|nghị quyết)", re.IGNORECASE
)
TARGET_NEAR = re.compile(
    # Not "chỉ tiêu" alone: reports say "có 26 chỉ tiêu đạt và vượt: GRDP tăng 8,2%…".
    r"(?=[pmcđtkdgnPMCĐTKDGN])(?:phấn đấu|mục tiêu|chỉ tiêu cụ thể|chỉ tiêu kế hoạch"
    r"|đặt ra|đề ra|định hướng"
    r"|đến năm \d{4}|tới năm \d{4}"
    r"|kế hoạch năm \d{4}|cần đạt|phải đạt|dự kiến kế hoạch|giao chỉ tiêu|nhiệm vụ năm \d{4})",
    re.IGNORECASE,
)

# A list of targets announced before a colon: "đặt ra các chỉ tiêu kế hoạch năm 2025:",
# "HĐND tỉnh thông qua … năm 2025, gồm:", "quyết nghị các chỉ tiêu chủ yếu:".
# "… năm 2026, trong đó …" opens the list as a colon does.
LIST_OPENER = re.compile(
    r"(?=[pmđxtqgcPMĐXTQGC])(?:phấn đấu|mục tiêu|đặt ra|đề ra|xác định|thông qua|quyết nghị"
    r"|giao|chỉ tiêu)"
    r"[^.:;\n]{0,160}(?::|,\s(?:trong đó|gồm|cụ thể)\b)\s*",
    re.IGNORECASE,
)
_ADOPTING = re.compile(r"thông qua|quyết nghị", re.IGNORECASE)
# A section named by its first words ("II. Nhiệm vụ 3 tháng cuối năm", "Phương hướng năm
# 2025"), or one about targets anywhere in it ("Các chỉ tiêu chủ yếu năm 2024").
_TARGET_HEADING = re.compile(
    r"^\W*(?:(?:[IVX]+|\d{1,2}|[a-z])[.)-]\s*)?(?:các\s)?(?:mục tiêu|phương hướng|nhiệm vụ"
    r"|kế hoạch năm)|chỉ tiêu",
    re.IGNORECASE,
)
_RESULT_HEADING = re.compile(
    r"kết quả|tình hình|đã đạt|đạt được|ước|thực hiện|đánh giá|sơ kết|tổng kết", re.IGNORECASE
)
# "có 26 chỉ tiêu đạt và vượt:" opens a list of results.
_REPORTED = re.compile(r"\b(?:đạt|vượt|hoàn thành)\b", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^\s*(?:[-+•*–]|\d{1,2}[.)]|[a-zđ][.)])\s")
_YEAR = re.compile(r"năm (\d{4})", re.IGNORECASE)
# "giai đoạn 2024 - 2025", "thời kỳ 2026-2030", "kế hoạch 5 năm 2026 - 2030".
PERIOD = re.compile(
    r"(?=[gtnkGTNK])(?:giai đoạn|thời kỳ|nhiệm kỳ|kế hoạch(?: 5 năm)?)\s+(?:năm\s+)?"
    r"(\d{4})\s?-\s?(\d{4})",
    re.IGNORECASE,
)
_MAX_HEADING_WORDS = 16


def is_heading(line: str) -> bool:
    """A short line that names a section rather than states something."""
    stripped = line.strip()
    return 0 < len(stripped.split()) <= _MAX_HEADING_WORDS and not stripped.endswith(
        (".", ";", ",")
    )


def heading_status(line: str, reference_year: int | None) -> bool | None:
    """True when a heading announces targets, None when it announces anything else."""
    if not _TARGET_HEADING.search(line) or _RESULT_HEADING.search(line):
        return None
    years = [int(y) for y in _YEAR.findall(line)]
    if years and reference_year and max(years) < reference_year:
        return None
    return True


def opens_target_list(line: str, reference_year: int | None) -> bool:
    """A paragraph that ends by announcing a list of targets on the lines below it."""
    return line.rstrip().endswith(":") and list_opener_end(line, reference_year) is not None


def list_opener_end(sentence: str, reference_year: int | None) -> int | None:
    """Where an announced target list starts inside a sentence ("…năm 2025: thu ngân
    sách ước đạt 4.100 tỷ đồng; …"), or None."""
    for m in LIST_OPENER.finditer(sentence):
        head = m.group()
        if (_RESULT_HEADING.search(head) or _REPORTED.search(head)) and not TARGET_NEAR.search(
            head
        ):
            continue
        years = [int(y) for y in _YEAR.findall(head)]
        if years and reference_year and max(years) < reference_year:
            continue
        if TARGET_NEAR.search(head) or _ADOPTING.search(head) or "chỉ tiêu" in head.lower():
            return m.end()
    return None


def is_list_item(line: str, previous: str = "") -> bool:
    """A bulleted or numbered item, an item closed by ";" as lists of targets are, or
    the last item of such a list (the line after one closed by ";")."""
    stripped = line.rstrip()
    return bool(_LIST_ITEM.match(line)) or stripped.endswith(";") or previous.rstrip().endswith(";")


def future_period(text: str, reference_year: int | None) -> bool:
    """A period that starts after the article's year: "giai đoạn 2024 - 2025" in 2023."""
    if not reference_year or "-" not in text:
        return False
    return any(int(m.group(1)) > reference_year for m in PERIOD.finditer(text))
