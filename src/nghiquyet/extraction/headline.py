"""Headline and publication date, read from the lines at the top of a saved page.

A page opens with menus, a date line ("28/11/2023 - 14:31", "Cập nhật ngày:
11/07/2024 13:13:42"), sometimes a kicker ending in ":" ("Hội nghị lần thứ 4 Ban Chấp
hành Đảng bộ tỉnh khóa XIV:") and then the headline. The headline is the first line
that is none of those and does not end like a sentence; a kicker's headline is the line
after it.
"""

from __future__ import annotations

import re

from .dates import PartialDate, parse_full_date

_DATE_LINE_WORDS = re.compile(
    r"^(?:(?:cập nhật|ngày đăng|đăng ngày|ngày cập nhật|đăng lúc|xuất bản|ngày xuất bản|ngày"
    r"|thời gian|thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật|posted|published)"
    r"\s*(?:ngày|lúc)?\s*:?\s*,?\s*)?"
    r"(?:thứ (?:hai|ba|tư|năm|sáu|bảy)|chủ nhật)?\s*,?\s*",
    re.IGNORECASE,
)
_TIME = re.compile(r"\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:AM|PM|SA|CH))?", re.IGNORECASE)
_FULL_DATE = re.compile(r"\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4}")
_PLACE_OF_ISSUE = re.compile(r"^[^\d,]{2,30},\s*(?=ngày\s+\d)", re.IGNORECASE)
# A site's banner above the headline ("Cổng thông tin điện tử tỉnh").
_BANNER = re.compile(
    r"^(?:Cổng thông tin|Cổng TTĐT|Trang thông tin|Trang tin|Báo điện tử)", re.IGNORECASE
)
_SITE = re.compile(r"^\(?[\w.-]+\.(?:vn|com|net|org)\)?$", re.IGNORECASE)
_HEADLINE_WORDS = re.compile(r"[^\W\d_]{2,}")


def is_date_line(line: str) -> bool:
    """A short line that only states a date and time, as page headers and footers do,
    or the place and date of a resolution ("Tiền Giang, ngày 15/12/2011")."""
    if not _FULL_DATE.search(line) or len(line) > 80:
        return False
    line = _PLACE_OF_ISSUE.sub("", line)
    rest = _TIME.sub(" ", _FULL_DATE.sub(" ", line))
    rest = _DATE_LINE_WORDS.sub("", rest.strip())
    return len(_HEADLINE_WORDS.findall(rest)) <= 2 and not re.search(r"\d{3}", rest)


# "Headline (21/09/2023)": the date some sites append to the headline.
_DATE_AFTER_HEADLINE = re.compile(r"\((\d{1,2}\s?[/.-]\s?\d{1,2}\s?[/.-]\s?\d{4})\)\s*$")
# A page clock (the day the page was saved or viewed) names its time zone.
_CLOCK = re.compile(r"GMT|UTC|\+07:?00", re.IGNORECASE)


def place_of_issue(line: str) -> str:
    """The place a resolution was issued at ("Tiền Giang, ngày 15/12/2011"), or ""."""
    m = _PLACE_OF_ISSUE.match(line)
    return m.group().rstrip(" ,") if m else ""


def strip_appended_date(title: str) -> str:
    """The headline without the date some sites append to it."""
    return _DATE_AFTER_HEADLINE.sub("", title).rstrip() or title


def find_published(
    lines: list[str], title_line: int = -1, years: list[int] | None = None
) -> PartialDate | None:
    """The article's own date: appended to its headline, on a date line under it, else
    a date line above it or at the foot of the page; None when the page has none.

    A page clock at the top ("Thứ Hai, 03/03/2025 08:15 GMT+7") shows when the page was
    saved, not when the article appeared, and is taken only when nothing else is there.
    A bare date above the headline more than a year after every year the article speaks
    of (`years`) is such a clock too: a report of 2024 was not written in 2026.
    """
    if title_line >= 0:
        m = _DATE_AFTER_HEADLINE.search(lines[title_line])
        if m and (found := parse_full_date(m.group(1))):
            return found
    below = lines[title_line + 1 : title_line + 8] if title_line >= 0 else []
    above = lines[:title_line] if title_line >= 0 else lines[:12]
    clocks = []
    for line in below[:3]:
        if not is_date_line(line) and _is_dated_byline(line):
            found = parse_full_date(line)
            if found:
                return found
    late = max(years) + 1 if years else None
    placed = [(True, line) for line in below] + [(False, line) for line in above[:12] + lines[-8:]]
    for under_headline, line in placed:
        if is_date_line(line):
            found = parse_full_date(line)
            if found and not under_headline and late and found.year and found.year > late:
                continue
            if found and _CLOCK.search(line):
                clocks.append(found)
            elif found:
                return found
    return clocks[0] if clocks else None


# Right under a headline the date and time often share the line with the byline or the
# counters: "Thu Hằng - Lăng Khoa 18:26, 03/11/2023", "20/11/2023 14:33 8239",
# "Thứ năm - 07/12/2023 09:43 188 0".
_BYLINE_WORDS = 6


def _is_dated_byline(line: str) -> bool:
    """A short line with a full date and a time that says nothing else."""
    if len(line) > 80 or not _FULL_DATE.search(line) or not _TIME.search(line):
        return False
    rest = _TIME.sub(" ", _FULL_DATE.sub(" ", line))
    return len(_HEADLINE_WORDS.findall(rest)) <= _BYLINE_WORDS and not rest.rstrip().endswith(".")


def _is_headline(line: str) -> bool:
    words = line.split()
    return (
        3 <= len(words) <= 45
        and not line.rstrip().endswith((".", ";", ","))
        and len(_HEADLINE_WORDS.findall(line)) >= 3
        and not is_date_line(line)
        and not _SITE.match(line.strip())
        and not _BANNER.match(line.strip())
    )


def find_title(lines: list[str]) -> tuple[str | None, int]:
    """The headline and its line index (-1 when there is none)."""
    for i, line in enumerate(lines[:15]):
        if not _is_headline(line):
            continue
        following = next(
            (j for j in range(i + 1, min(i + 4, len(lines))) if lines[j].strip()), None
        )
        if following is not None and _is_headline(lines[following]):
            # A kicker ("Hội nghị lần thứ 4 …:") or a section name ("Tin tức - Sự kiện")
            # sits above the headline.
            is_section = (
                len(_HEADLINE_WORDS.findall(line)) < 5 and len(lines[following].split()) >= 6
            )
            if line.rstrip().endswith(":") or is_section:
                return lines[following].strip(), following
        return line.strip(), i
    return None, -1
