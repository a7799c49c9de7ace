"""Vietnamese dates and periods, including the partial ones news articles use.

An article says "Sáng ngày 4/1", "Hôm nay (12/4)" or "Sáng 15.12" and leaves the year
to the reader; the year is then taken from what the page states (its publication
date, the years the text discusses), or left unknown ("--01-04"), never guessed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .numbers import ROMAN, parse_roman


@dataclass(frozen=True)
class PartialDate:
    day: int
    month: int
    year: int | None = None

    def iso(self) -> str:
        """ "2024-01-04", or "--01-04" when the year is unknown."""
        if self.year is None:
            return f"--{self.month:02d}-{self.day:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def with_year(self, year: int | None) -> PartialDate:
        return PartialDate(self.day, self.month, year) if self.year is None else self


def valid(day: int, month: int, year: int | None = None) -> bool:
    try:
        date(year or 2024, month, day)
    except ValueError:
        return False
    return year is None or 1945 <= year <= 2100


_SEP = r"\s?[/.-]\s?"
NUMERIC_DATE = rf"(\d{{1,2}}){_SEP}(\d{{1,2}})(?:{_SEP}(\d{{4}}))?"
WORDED_DATE = r"(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s*(?:năm|,)\s*(\d{4}))?"
FULL_DATE_RE = re.compile(
    r"(?=\d)(?<![\d/.-])(\d{1,2})\s?([/.-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/])"
)
_ANY_DATE_RE = re.compile(rf"(?=\d)(?<![\d/.,-])(?:{NUMERIC_DATE}|{WORDED_DATE})(?![\d/]|\.\d)")


def parse_date(text: str) -> PartialDate | None:
    """The first day-month date in `text`: "ngày 07/11/2023", "4/1", "15.12", "4 tháng 1"."""
    for m in _ANY_DATE_RE.finditer(text):
        groups = m.groups()
        day, month, year = (groups[0], groups[1], groups[2]) if groups[0] else groups[3:6]
        d, mo, y = int(day), int(month), int(year) if year else None
        if valid(d, mo, y):
            return PartialDate(d, mo, y)
    return None


def parse_full_date(text: str) -> PartialDate | None:
    """The first complete date (day, month and year) in `text`."""
    for m in FULL_DATE_RE.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if valid(d, mo, y):
            return PartialDate(d, mo, y)
    return None


# "Sáng nay, 10-11": a comma may follow "nay".
_TIME_OF_DAY = r"(?:sáng|chiều|trưa|tối|đêm)(?:\s+nay\s*,?)?"
# "Sáng ngày 11/7", "Hôm nay (12/4)", "Từ ngày 8-11/12", "ngày 8 và 9/12", "vào sáng 4/1",
# "sáng ngày 15 tháng 12 năm 2023".
EVENT_DATE_RE = re.compile(
    rf"(?=[sctđnhSCTĐNH(])(?:(?:{_TIME_OF_DAY})\s+(?:ngày\s+|hôm\s+nay\s+)?|(?:từ\s+)?ngày\s+|hôm\s+nay\s*,?\s*|\("
    # "từ 14-16/10/2020": a span needs no "ngày".
    rf"|từ\s+(?=\d{{1,2}}\s?(?:-|đến)\s?\d{{1,2}}\s?/))\(?"
    rf"(?:(?P<first>\d{{1,2}})\s?(?:-|và|đến)\s?)?"
    rf"(?:(?P<day>\d{{1,2}})\s?(?P<sep>[/.-])\s?(?P<month>\d{{1,2}})"
    rf"(?:\s?(?P=sep)\s?(?P<year>\d{{4}}))?(?![\d])(?!\.\d)"
    rf"|(?P<wday>\d{{1,2}})\s+tháng\s+(?P<wmonth>\d{{1,2}})(?:\s*(?:năm|,)\s*(?P<wyear>\d{{4}}))?)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class EventDate:
    start: PartialDate
    days: int | None  # length of a stated span ("Từ ngày 8-11/12" is 4 days)
    position: int


def find_event_dates(text: str) -> list[EventDate]:
    """Dates that tell when something happened, with their spans and positions."""
    found = []
    for m in EVENT_DATE_RE.finditer(text):
        worded = m.group("wday") is not None
        day = int(m.group("wday") if worded else m.group("day"))
        month = int(m.group("wmonth") if worded else m.group("month"))
        written_year = m.group("wyear") if worded else m.group("year")
        year = int(written_year) if written_year else None
        if not valid(day, month, year):
            continue
        days = None
        if m.group("first"):
            first = int(m.group("first"))
            if not valid(first, month, year) or first > day:
                continue
            day, days = first, day - first + 1
        found.append(EventDate(PartialDate(day, month, year), days, m.start()))
    return found


_PERIOD_RES = [
    (re.compile(r"6 tháng đầu năm\s*(\d{4})", re.I), lambda m: f"{m.group(1)}-H1"),
    (re.compile(r"6 tháng cuối năm\s*(\d{4})", re.I), lambda m: f"{m.group(1)}-H2"),
    (
        re.compile(rf"quý\s+({ROMAN}|[1-4])\s*(?:năm|/)\s*(\d{{4}})", re.I),
        lambda m: f"{m.group(2)}-Q{_quarter(m.group(1))}",
    ),
    (
        re.compile(r"tháng\s+(\d{1,2})\s*(?:năm|/)\s*(\d{4})", re.I),
        lambda m: f"{m.group(2)}-{int(m.group(1)):02d}" if 1 <= int(m.group(1)) <= 12 else None,
    ),
    (
        re.compile(r"(?:nhiệm kỳ|giai đoạn|thời kỳ)\s+(\d{4})\s?[-–]\s?(\d{4})", re.I),
        lambda m: f"{m.group(1)}/{m.group(2)}",
    ),
    (re.compile(r"(?<!\d)(\d{4})\s?[-–]\s?(\d{4})(?!\d)"), lambda m: f"{m.group(1)}/{m.group(2)}"),
    (re.compile(r"năm\s+(\d{4})", re.I), lambda m: m.group(1)),
]


def _quarter(written: str) -> int:
    return int(written) if written.isdigit() else parse_roman(written) or 0


def parse_period(text: str) -> str | None:
    """A reporting period as the project codes it: "6 tháng đầu năm 2024" -> "2024-H1",
    "quý II năm 2021" -> "2021-Q2", "tháng 9/2024" -> "2024-09",
    "nhiệm kỳ 2020 - 2025" -> "2020/2025", "năm 2024" -> "2024".
    """
    for pattern, build in _PERIOD_RES:
        m = pattern.search(text)
        if m:
            code = build(m)
            if code and not code.endswith("-Q0"):
                return code
    return None


# A year the text talks about: "năm 2024", "Nghị quyết năm 2023"; not the ends of a
# term ("2020 - 2025"), a horizon ("đến năm 2030", "tầm nhìn 2050") or a base year
# ("so với năm 2020", "so với cùng kỳ năm 2023").
_YEAR_RE = re.compile(
    r"(?=[nN]ăm )(?<!đến )(?<!tới )(?<!với )(?<!nhìn )(?<!kỳ )(?<!\w)[nN]ăm (\d{4})(?![\d/-])"
)
_RANGE_END = re.compile(r"\d{4}\s?-\s?$")


def discussed_years(text: str) -> list[int]:
    """Years the text refers to as its own working years, in order of mention."""
    years = []
    for m in _YEAR_RE.finditer(text):
        if _RANGE_END.search(text[max(0, m.start() - 8) : m.start()]):
            continue
        year = int(m.group(1))
        if 1990 <= year <= 2100:
            years.append(year)
    return years


def infer_year(partial: PartialDate, published: PartialDate | None, years: list[int]) -> int | None:
    """The year of a day-month date, from the page's own evidence.

    The publication date wins: an event is reported on or soon after it happens, so a
    "28/12" read in a page of 3 January is of the previous year. Without it, the years
    the article discusses decide: a January meeting reviews the past year and adopts
    the current one (take the latest year), a meeting from September on reviews the
    current year and plans the next (take the year before the latest, when mentioned).
    A mid-year meeting (July, August) reviews the half year just ended and settles the
    past year's accounts: its latest year is its own.
    """
    if partial.year is not None:
        return partial.year
    if published and published.year:
        year = published.year
        if (partial.month, partial.day) > (published.month, published.day) and (
            partial.month - published.month
        ) > 1:
            year -= 1
        return year
    if not years:
        return None
    latest = max(years)
    if partial.month >= 9 and latest - 1 in years:
        return latest - 1
    return latest
