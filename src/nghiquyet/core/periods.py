"""Reporting periods (kỳ báo cáo) as a value type with ISO-like codes.

Targets, actuals, locks and reports all name a period; they store its code (a short,
sortable, URL-safe string) and turn it into a `Period` to compare, order and print it.
Pure Python on purpose: the evaluation core and the extraction engine may use it too.

Codes (DOMAIN.md):

========== ============ ===================================
code       kind         Vietnamese label
========== ============ ===================================
2024       year         năm 2024
2024-H1    half         6 tháng đầu năm 2024
2024-H2    half         6 tháng cuối năm 2024
2024-Q2    quarter      quý II/2024
2024-09    month        tháng 9/2024
2024-9M    nine_months  9 tháng đầu năm 2024
2020/2025  term         nhiệm kỳ 2020–2025
========== ============ ===================================
"""

import calendar
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from functools import cached_property, lru_cache, total_ordering
from typing import Self


class PeriodKind(StrEnum):
    """How long a period lasts; the values are stable codes for the database and API."""

    YEAR = "year"
    HALF = "half"
    QUARTER = "quarter"
    MONTH = "month"
    NINE_MONTHS = "nine_months"
    TERM = "term"

    def label(self, language: str = "vi") -> str:
        """The name of the kind itself ("quý", "quarter"), for filters and form choices."""
        return _pick(_KIND_LABELS, language)[self]


_KIND_LABELS = {
    "vi": {
        PeriodKind.YEAR: "năm",
        PeriodKind.HALF: "6 tháng",
        PeriodKind.QUARTER: "quý",
        PeriodKind.MONTH: "tháng",
        PeriodKind.NINE_MONTHS: "9 tháng",
        PeriodKind.TERM: "nhiệm kỳ",
    },
    "en": {
        PeriodKind.YEAR: "year",
        PeriodKind.HALF: "half-year",
        PeriodKind.QUARTER: "quarter",
        PeriodKind.MONTH: "month",
        PeriodKind.NINE_MONTHS: "nine months",
        PeriodKind.TERM: "term",
    },
}

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
_MONTH_NAMES_EN = [
    "",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]

# Years a province plausibly plans or reports on; anything outside is a typing error.
MIN_YEAR = 1945
MAX_YEAR = 2100

_YEAR = r"(?P<year>\d{4})"
_PATTERNS: tuple[tuple[PeriodKind, re.Pattern[str]], ...] = (
    (PeriodKind.YEAR, re.compile(rf"{_YEAR}")),
    (PeriodKind.HALF, re.compile(rf"{_YEAR}-H(?P<n>[12])")),
    (PeriodKind.QUARTER, re.compile(rf"{_YEAR}-Q(?P<n>[1-4])")),
    (PeriodKind.MONTH, re.compile(rf"{_YEAR}-(?P<n>\d{{2}})")),
    (PeriodKind.NINE_MONTHS, re.compile(rf"{_YEAR}-9M")),
    (PeriodKind.TERM, re.compile(rf"{_YEAR}[/–](?P<end>\d{{4}})")),
)

_EXPECTED = "2024, 2024-H1, 2024-H2, 2024-Q1…Q4, 2024-01…12, 2024-9M or 2020/2025"


def _pick(texts: dict, language: str):
    if language not in ("vi", "en"):
        raise ValueError(f"unsupported language {language!r}; expected 'vi' or 'en'")
    return texts[language]


@total_ordering
@dataclass(frozen=True, eq=True)
class Period:
    """A reporting period: a kind, a year and (for parts of a year) a number.

    Build one with `Period.parse(code)`. `number` is the half (1–2), quarter (1–4)
    or month (1–12); `end_year` is set for terms only. Periods order by their end
    date, and the shorter one first when two end on the same day (2024-Q2 before
    2024-H1), which is the order a trend over periods is drawn in.
    """

    kind: PeriodKind
    year: int
    number: int = 0
    end_year: int = 0

    @classmethod
    def parse(cls, code: str) -> Self:
        """Read a period code; raise ValueError saying what was expected on anything else."""
        if not isinstance(code, str):
            raise ValueError(f"period code must be a string, not {type(code).__name__}")
        return _parse_cached(code)

    @classmethod
    def _parse(cls, code: str) -> "Period":
        text = code.strip().upper()
        for kind, pattern in _PATTERNS:
            match = pattern.fullmatch(text)
            if match:
                return cls._from_match(code, kind, match)
        raise ValueError(f"invalid period code {code!r}; expected one of {_EXPECTED}")

    @classmethod
    def _from_match(cls, code: str, kind: PeriodKind, match: re.Match[str]) -> Self:
        year = int(match["year"])
        _check_year(code, year)
        if kind is PeriodKind.MONTH:
            number = int(match["n"])
            if not 1 <= number <= 12:
                raise ValueError(f"invalid period code {code!r}: month must be 01 to 12")
            return cls(kind, year, number)
        if kind is PeriodKind.TERM:
            end_year = int(match["end"])
            _check_year(code, end_year)
            if end_year <= year:
                raise ValueError(
                    f"invalid period code {code!r}: a term must end after it starts (2020/2025)"
                )
            return cls(kind, year, end_year=end_year)
        if kind in (PeriodKind.HALF, PeriodKind.QUARTER):
            return cls(kind, year, int(match["n"]))
        return cls(kind, year)

    @classmethod
    def of_year(cls, year: int) -> Self:
        """The calendar year as a period."""
        return cls.parse(str(year))

    @cached_property
    def code(self) -> str:
        """The canonical code stored in the database and used in URLs (worked out once:
        judging a document's stored verdicts reads it for every target and period)."""
        match self.kind:
            case PeriodKind.YEAR:
                return f"{self.year}"
            case PeriodKind.HALF:
                return f"{self.year}-H{self.number}"
            case PeriodKind.QUARTER:
                return f"{self.year}-Q{self.number}"
            case PeriodKind.MONTH:
                return f"{self.year}-{self.number:02d}"
            case PeriodKind.NINE_MONTHS:
                return f"{self.year}-9M"
            case PeriodKind.TERM:
                return f"{self.year}/{self.end_year}"

    @cached_property
    def start(self) -> date:
        """First day of the period."""
        return date(self.year, self._first_month, 1)

    @cached_property
    def end(self) -> date:
        """Last day of the period (inclusive)."""
        year = self.end_year or self.year
        month = self._last_month
        return date(year, month, calendar.monthrange(year, month)[1])

    @cached_property
    def months(self) -> int:
        """Length in months: 12 for a year, 60 for a five-year term."""
        return (self.end.year - self.start.year) * 12 + self.end.month - self.start.month + 1

    @property
    def _first_month(self) -> int:
        match self.kind:
            case PeriodKind.HALF:
                return 6 * (self.number - 1) + 1
            case PeriodKind.QUARTER:
                return 3 * (self.number - 1) + 1
            case PeriodKind.MONTH:
                return self.number
            case _:
                return 1

    @property
    def _last_month(self) -> int:
        match self.kind:
            case PeriodKind.HALF:
                return 6 * self.number
            case PeriodKind.QUARTER:
                return 3 * self.number
            case PeriodKind.MONTH:
                return self.number
            case PeriodKind.NINE_MONTHS:
                return 9
            case _:
                return 12

    def label(self, language: str = "vi") -> str:
        """How reports name the period: "6 tháng đầu năm 2024", "quý II/2024", "Q2 2024"."""
        return _pick(_LABELS, language)(self)

    def contains(self, other: "Period") -> bool:
        """True when `other` lies entirely within this period (a period contains itself)."""
        return self.start <= other.start and other.end <= self.end

    def _sort_key(self) -> tuple[date, int]:
        # A later start on the same end day means a shorter period, which comes first.
        return (self.end, -self.start.toordinal())

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Period):
            return NotImplemented
        return self._sort_key() < other._sort_key()

    def __str__(self) -> str:
        return self.code


@lru_cache(maxsize=4096)
def _parse_cached(code: str) -> Period:
    """Periods are immutable, and a dashboard of 1,000 targets reads the same few dozen
    codes tens of thousands of times: each code is parsed once."""
    return Period._parse(code)


def _check_year(code: str, year: int) -> None:
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValueError(f"invalid period code {code!r}: year must be {MIN_YEAR} to {MAX_YEAR}")


def _label_vi(period: Period) -> str:
    match period.kind:
        case PeriodKind.YEAR:
            return f"năm {period.year}"
        case PeriodKind.HALF:
            part = "đầu" if period.number == 1 else "cuối"
            return f"6 tháng {part} năm {period.year}"
        case PeriodKind.QUARTER:
            return f"quý {_ROMAN[period.number]}/{period.year}"
        case PeriodKind.MONTH:
            return f"tháng {period.number}/{period.year}"
        case PeriodKind.NINE_MONTHS:
            return f"9 tháng đầu năm {period.year}"
        case PeriodKind.TERM:
            return f"nhiệm kỳ {period.year}–{period.end_year}"


def _label_en(period: Period) -> str:
    match period.kind:
        case PeriodKind.YEAR:
            return f"{period.year}"
        case PeriodKind.HALF:
            part = "first" if period.number == 1 else "second"
            return f"{part} half of {period.year}"
        case PeriodKind.QUARTER:
            return f"Q{period.number} {period.year}"
        case PeriodKind.MONTH:
            return f"{_MONTH_NAMES_EN[period.number]} {period.year}"
        case PeriodKind.NINE_MONTHS:
            return f"first nine months of {period.year}"
        case PeriodKind.TERM:
            return f"term {period.year}–{period.end_year}"


_LABELS = {"vi": _label_vi, "en": _label_en}
