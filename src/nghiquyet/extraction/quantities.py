"""Quantities: a number, an optional scale word and a unit, as officials write them.

"34.000 tỷ đồng" is 34000 "tỷ đồng" (3.4e13 đồng), "12 bác sĩ/vạn dân" is 12 doctors per
ten thousand people, "9-9,5%" is a range. The unit is kept as written; `magnitude`
gives the value in the base unit (đồng, USD, people) for comparisons.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numbers import NUMBER, SCALE, parse_number, scale_of

CURRENCIES = ["đồng", "VNĐ", "VND", "đ", "USD", "đô la Mỹ", "đô la"]

# Nouns that can follow a number as the thing counted. A number followed by anything
# else (nhiệm vụ, chỉ tiêu, năm, lần thứ…) is not a figure: it is a count of plans,
# a date or an ordinal, handled elsewhere.
COUNT_UNITS = [
    "doanh nghiệp", "hợp tác xã", "tổ hợp tác", "hộ gia đình", "hộ nghèo", "hộ", "người",
    "lao động", "việc làm", "công nhân", "học sinh", "sinh viên", "giáo viên", "bác sĩ", "bác sỹ",
    "giường bệnh", "giường", "trạm y tế", "trường học", "trường", "phòng học", "xã", "phường",
    "thôn", "bản", "ấp", "dự án", "sản phẩm OCOP", "sản phẩm", "km", "ki-lô-mét", "ha",
    "héc-ta", "hécta", "m²", "m2", "m³", "m3", "tấn", "tạ", "lít", "MW", "kWh", "kW",
    "lượt khách", "lượt người", "lượt", "du khách", "khách", "căn nhà", "căn hộ", "căn",
    "ngôi nhà", "nhà", "cây", "con", "thuê bao", "điểm phần trăm", "điểm", "bậc", "lần",
    "đảng viên", "chi bộ",
    "tổ chức cơ sở đảng", "tổ chức đảng", "cơ sở", "trang trại", "cán bộ", "hồ sơ",
    "thủ tục", "tuyến", "cầu", "chiếc", "tàu", "ô tô", "xe", "hội viên", "đoàn viên",
    "tác phẩm", "ngày công", "suất", "phần quà", "cuộc", "vụ", "đối tượng", "nhà đầu tư",
]  # fmt: skip
DENOMINATORS = [
    "người/năm", "người/tháng", "người", "năm", "tháng", "ngày", "1 vạn dân", "vạn dân",
    "nghìn dân",
    "ngàn dân", "1.000 dân", "10.000 dân", "100.000 dân", "dân", "ha", "hộ", "xã", "km²",
    "km2", "lao động", "học sinh", "lớp",
]  # fmt: skip


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


# A unit word must end there, and a few units begin common compounds that are not
# units at all ("xã hội", "điểm cầu" of a video conference, "lần thứ", and "đồng chí":
# "Ban Thường vụ gồm 15 đồng chí" counts comrades, not money).
_WORD_END = r"(?![\wÀ-ỹđĐ])(?! hội\b| cầu\b| thứ\b| chí\b)"
UNIT = (
    rf"(?:%|phần trăm|(?:{SCALE}\s?)?(?:{_alternation(CURRENCIES)}){_WORD_END}"
    rf"|(?:{SCALE}\s)?(?:{_alternation(COUNT_UNITS)}){_WORD_END})"
    rf"(?:\s?/\s?(?:{_alternation(DENOMINATORS)}){_WORD_END})*"
)
RANGE_JOIN = r"\s?(?:-|đến|tới|–)\s?"
# The lower bound of a range may repeat the unit or its scale word: "9% - 9,5%",
# "từ 4.500 tỷ đến 4.800 tỷ đồng".
FIRST_UNIT = rf"(?P<first_unit>\s?%|\s{SCALE})?"
# Each scanning pattern opens with a lookahead on its possible first characters: it lets
# the regex engine skip ahead instead of trying every position (about four times faster).
QUANTITY_RE = re.compile(
    rf"(?=\d)(?<![\d.,/])(?P<value>{NUMBER})(?:{FIRST_UNIT}{RANGE_JOIN}(?P<value_max>{NUMBER}))?"
    rf"\s?(?P<unit>{UNIT})"
)

# An index has no unit: "chỉ số phát triển con người (HDI) đạt khoảng 0,75", "hệ số Gini
# dưới 0,35", "hệ số ICOR bình quân 5-5,5". A bare number is a figure only where it ends
# a clause (before ";", ",", ".", ")" or "trở lên/trở xuống") that names an index;
# `index_figures` checks the name, since a pattern cannot look back a clause's length.
_BARE_RE = re.compile(
    rf"(?=\d)(?<![\d.,/])(?P<value>{NUMBER})(?:{RANGE_JOIN}(?P<value_max>{NUMBER}))?"
    r"(?P<unit>)(?=\s?(?:[;)]|[.,](?!\d)|\s(?:trở lên|trở xuống)\b|$))"
)
_INDEX_NAME = re.compile(r"\b(?:chỉ số|hệ số|HDI|Gini|ICOR)\b", re.IGNORECASE)
_CLAUSE_START = re.compile(r"[;:,.\n(]")
# A rank is no value of the index ("xếp hạng 5", "nhóm 10 tỉnh"), nor is a year.
_RANK_BEFORE = re.compile(r"(?:hạng|vị trí|vị thứ|top|tốp|nhóm)\s*$", re.IGNORECASE)
_YEAR_LIKE = re.compile(r"(?:19|20)\d{2}")
#: How far back from a bare number its index may be named.
INDEX_REACH = 80


def index_figures(text: str) -> list[re.Match[str]]:
    """Unitless figures of an index in `text`, as matches with an empty unit group."""
    found = []
    for m in _BARE_RE.finditer(text):
        before = text[max(0, m.start() - INDEX_REACH) : m.start()]
        if _YEAR_LIKE.fullmatch(m.group("value")) or _RANK_BEFORE.search(before):
            continue
        # The clause of the number: back to the previous separator, skipping the
        # parentheses of an acronym ("(HDI)").
        cut = max(
            (c.end() for c in _CLAUSE_START.finditer(before) if not _inside_acronym(before, c)),
            default=0,
        )
        if _INDEX_NAME.search(before[cut:]):
            found.append(m)
    return found


def _inside_acronym(before: str, separator: re.Match[str]) -> bool:
    """Whether a "(" opens a short parenthesised name, "(HDI)", rather than a clause."""
    return separator.group() == "(" and bool(
        re.match(r"\([A-Za-z]{2,8}\)", before[separator.start() :])
    )


# Spans of time are quantities too ("1,5 ngày"), but never figures of a resolution.
TIME_UNITS = ["ngày", "buổi", "tuần", "tháng", "năm", "giờ", "phút"]
_ANY_QUANTITY_RE = re.compile(
    rf"(?=\d)(?<![\d.,/])(?P<value>{NUMBER})(?:{FIRST_UNIT}{RANGE_JOIN}(?P<value_max>{NUMBER}))?"
    rf"\s?(?P<unit>{UNIT}|(?:{_alternation(TIME_UNITS)}){_WORD_END})",
    re.IGNORECASE,
)
_RATIO_RE = re.compile(r"(?=\d)(?<![\d/])(\d{1,4})\s?/\s?(\d{1,4})(?![\d/])")

_MONEY_BASE = {"đồng": "đồng", "vnđ": "đồng", "vnd": "đồng", "đ": "đồng", "usd": "USD"}
_SCALE_PREFIX = re.compile(rf"^{SCALE}\s?", re.IGNORECASE)


@dataclass(frozen=True)
class Quantity:
    value: float | int
    unit: str
    value_max: float | int | None = None

    @property
    def scale(self) -> float:
        m = _SCALE_PREFIX.match(self.unit)
        return scale_of(m.group()) if m else 1.0

    @property
    def base_unit(self) -> str:
        rest = _SCALE_PREFIX.sub("", self.unit)
        return _MONEY_BASE.get(rest.lower(), rest)

    @property
    def magnitude(self) -> float:
        """Value in the base unit: "34.000 tỷ đồng" is 3.4e13 (đồng)."""
        return self.value * self.scale


def quantity_from_match(m: re.Match[str], original: str | None = None) -> Quantity | None:
    """Build a Quantity from a QUANTITY_RE match; `original` supplies the unit as written."""
    value = parse_number(m.group("value"))
    if value is None:
        return None
    value_max = parse_number(m.group("value_max")) if m.group("value_max") else None
    source = original if original is not None else m.string
    unit = " ".join(source[m.start("unit") : m.end("unit")].split())
    unit = re.sub(r"\s?/\s?", "/", unit)
    if value_max is not None and value_max <= value:
        return None
    return Quantity(value=value, unit=unit, value_max=value_max)


def parse_quantity(text: str) -> Quantity | None:
    """The first quantity in `text`: "34.000 tỷ đồng" -> Quantity(34000, "tỷ đồng"),
    "1,5 ngày" -> Quantity(1.5, "ngày")."""
    m = _ANY_QUANTITY_RE.search(text)
    return quantity_from_match(m) if m else None


def parse_ratio(text: str) -> tuple[int, int] | None:
    """A part of a whole, "7/24" -> (7, 24); None when the part exceeds the whole."""
    m = _RATIO_RE.search(text)
    if not m:
        return None
    part, whole = int(m.group(1)), int(m.group(2))
    return (part, whole) if whole > 0 and part <= whole else None
