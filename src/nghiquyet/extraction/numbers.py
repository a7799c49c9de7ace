"""Vietnamese numbers: "34.000" (dot groups thousands), "8,5" (comma is the decimal mark),
scale words (nghìn, vạn, triệu, tỷ), Roman numerals (quý II, khóa XIII) and small
numbers written as words (kỳ họp thứ mười hai, một ngày rưỡi).
"""

from __future__ import annotations

import re

# Alternatives are ordered so "1.234,5" is read whole before "1" could be.
NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![.\d])|\d+,\d+|\d+\.\d{1,2}(?![\d.])|\d+"

SCALES = {"nghìn": 1e3, "ngàn": 1e3, "vạn": 1e4, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
SCALE = r"(?:nghìn tỷ|ngàn tỷ|nghìn tỉ|ngàn tỉ|nghìn|ngàn|vạn|triệu|tỷ|tỉ)"


def parse_number(written: str) -> float | int | None:
    """A number as Vietnamese write it; int when whole, None when it is not a number.

    "34.000" is 34000 (a dot followed by groups of three digits), "94,95" is 94.95,
    "1.234,5" is 1234.5; a dot followed by one or two digits ("8.5") is a decimal
    point, as some sites write it.
    """
    s = written.strip().replace(" ", "")
    if not s or not re.fullmatch(r"\d[\d.,]*", s):
        return None
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d+,\d+", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"\d+(?:\.\d+)?", s):
        return None
    value = float(s)
    return int(value) if value.is_integer() and "." not in s else value


def as_json_number(value: float) -> float | int:
    """34000.0 prints as 34000: whole values become ints."""
    return int(value) if float(value).is_integer() else value


def scale_of(words: str) -> float:
    """The multiplier of a scale phrase: "nghìn tỷ" is 1e12."""
    factor = 1.0
    for word in words.lower().split():
        factor *= SCALES.get(word, 1.0)
    return factor


_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"


def parse_roman(numeral: str) -> int | None:
    """ "XIII" is 13; anything that is not a well-formed numeral up to 39 is None."""
    s = numeral.strip().upper()
    if not s or not re.fullmatch(ROMAN, s):
        return None
    total = 0
    for i, ch in enumerate(s):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(s) and _ROMAN[s[i + 1]] > value else value
    return total


def to_roman(number: int) -> str:
    """13 is "XIII" (terms and congresses are named in Roman numerals)."""
    parts = []
    for value, numeral in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while number >= value:
            parts.append(numeral)
            number -= value
    return "".join(parts)


_UNITS = {
    "nhất": 1, "một": 1, "mốt": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5,
    "sáu": 6, "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9,
}  # fmt: skip
NUMBER_WORD = (
    r"(?:nhất|mười|mươi|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín)"
    r"(?:\s(?:mười|mươi|một|mốt|hai|ba|bốn|tư|năm|lăm|sáu|bảy|bẩy|tám|chín)){0,3}"
)


def parse_number_words(words: str) -> int | None:
    """Numbers up to 99 in words: "mười hai" 12, "hai mươi mốt" 21, "ba" 3."""
    tokens = words.lower().split()
    if not tokens:
        return None
    total = 0
    current = 0
    for token in tokens:
        if token == "mười":
            total += 10
        elif token == "mươi":
            total += (current or 1) * 10
            current = 0
        elif token in _UNITS:
            if current:
                return None
            current = _UNITS[token]
        else:
            return None
    return total + current


def parse_count(written: str) -> int | None:
    """A small count written in digits, Roman numerals or words ("17", "XVII", "mười bảy")."""
    s = written.strip()
    if s.isdigit():
        return int(s)
    return parse_roman(s) or parse_number_words(s)
