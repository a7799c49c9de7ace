"""Comparators: the words around a figure that say how it binds.

"8,5% trở lên" is at least 8.5%, "trên 88 triệu" more than, "gần 27%" about,
"không quá 3%" at most, "từ 7 đến 7,5%" a range. A bare figure, or "đạt X", is "=".
"""

from __future__ import annotations

import re

from .quantities import QUANTITY_RE, Quantity, quantity_from_match

# Longest phrases first, so "không dưới" is not read as "dưới".
_BEFORE = [
    ("vượt qua mốc", ">"), ("vượt qua ngưỡng", ">"), ("vượt mốc", ">"), ("vượt ngưỡng", ">"),
    ("không vượt quá", "<="), ("không quá", "<="), ("tối đa", "<="), ("nhiều nhất", "<="),
    ("dưới hoặc bằng", "<="), ("không dưới", ">="), ("không thấp hơn", ">="),
    ("ít nhất", ">="), ("tối thiểu", ">="), ("trên dưới", "~"), ("xấp xỉ", "~"),
    ("khoảng", "~"), ("gần", "~"), ("chừng", "~"), ("cao hơn", ">"), ("thấp hơn", "<"),
    ("trên", ">"), ("hơn", ">"), ("dưới", "<"),
]  # fmt: skip
_AFTER = [("trở lên", ">="), ("trở xuống", "<="), ("trở lại", "<=")]

_BEFORE_RE = re.compile(
    r"(?<![\wÀ-ỹđĐ])(" + "|".join(re.escape(w) for w, _ in _BEFORE) + r")\s*$", re.IGNORECASE
)
# "đạt 95% kế hoạch trở lên": the plan word may sit between the figure and its bound.
_AFTER_RE = re.compile(
    r"^\s*(?:(?:kế hoạch|dự toán|KH)\s+)?(" + "|".join(re.escape(w) for w, _ in _AFTER) + r")"
    r"(?![\wÀ-ỹđĐ])",
    re.IGNORECASE,
)
_FROM_RE = re.compile(r"(?<![\wÀ-ỹđĐ])từ\s*$", re.IGNORECASE)
_BEFORE_OPS = dict(_BEFORE)
_AFTER_OPS = dict(_AFTER)


def comparator_before(prefix: str) -> tuple[str, int] | None:
    """The comparator that ends `prefix` and its length: ("trên ", ...) -> (">", 4)."""
    m = _BEFORE_RE.search(prefix)
    if not m:
        return None
    return _BEFORE_OPS[m.group(1).lower()], len(prefix) - m.start()


def comparator_after(suffix: str) -> tuple[str, int] | None:
    """The comparator that opens `suffix`: "trở lên" -> (">=", 8)."""
    m = _AFTER_RE.match(suffix)
    if not m:
        return None
    return _AFTER_OPS[m.group(1).lower()], m.end()


def starts_with_from(prefix: str) -> int:
    """Length of a trailing "từ" ("from") in `prefix`, 0 when absent."""
    m = _FROM_RE.search(prefix)
    return len(prefix) - m.start() if m else 0


def parse_bound(text: str) -> tuple[str, Quantity] | None:
    """A bounded quantity: "từ 41% trở lên" -> (">=", 41 %), "từ 7 đến 7,5%" -> range."""
    m = QUANTITY_RE.search(text)
    if not m:
        return None
    quantity = quantity_from_match(m)
    if quantity is None:
        return None
    comparator, _, _ = comparator_for(
        text[: m.start()], text[m.end() :], quantity.value_max is not None
    )
    return comparator, quantity


def comparator_for(prefix: str, suffix: str, is_range: bool) -> tuple[str, int, int]:
    """Comparator of a figure from the text before and after it.

    Returns (comparator, characters taken from the end of prefix, from the start of
    suffix). "từ 41% trở lên" is ">=" (the "từ" only opens the phrase); "từ X đến Y"
    and "X - Y" are "range"; anything unmarked is "=".
    """
    if is_range:
        taken = starts_with_from(prefix)
        before = comparator_before(prefix[: len(prefix) - taken] if taken else prefix)
        return "range", taken + (before[1] if before and before[0] == "~" else 0), 0
    after = comparator_after(suffix)
    if after:
        taken = starts_with_from(prefix)
        return after[0], taken, after[1]
    before = comparator_before(prefix)
    if before:
        return before[0], before[1], 0
    return "=", 0, 0
