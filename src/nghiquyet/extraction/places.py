"""Which province an article is about: from the site that published it, the province it
names, or a district or commune it names that only one province has ("Huyện ủy Lai
Vung" is in Đồng Tháp). Never a guess: no evidence, no province.
"""

from __future__ import annotations

import re
from collections import Counter

from . import gazetteer
from .people import CAPITAL_WORD, LOWER, UPPER
from .text import Claimed, Doc

_HOST = re.compile(
    r"(?=[a-zA-Z0-9])(?<![\w@.-])((?:[a-z0-9-]+\.)+(?:vn|com|net|org))(?![\w.-])", re.IGNORECASE
)
_NAME = rf"{CAPITAL_WORD}(?:(?:\s|\s?-\s?){CAPITAL_WORD}){{0,3}}"
_PROVINCE_PREFIX = (
    r"tỉnh|Tỉnh ủy|tỉnh ủy|UBND tỉnh|HĐND tỉnh|Đảng bộ tỉnh|thành phố|Thành phố|Thành ủy|TP\.?"
    r"|Tỉnh|UBND thành phố|HĐND thành phố"
)
_DISTRICT_PREFIX = (
    r"huyện|Huyện ủy|huyện ủy|Huyện|thị xã|Thị xã|Thị ủy|quận|Quận ủy|Quận|thành phố|Thành ủy"
)
_WARD_PREFIX = r"xã|phường|thị trấn|Xã|Phường|Thị trấn|Đảng ủy xã|đặc khu"
_PREFIXED = re.compile(
    rf"(?=[tTUHĐđhqQxXpP])(?<![{UPPER}{LOWER}])(?:(?P<p>{_PROVINCE_PREFIX})|(?P<d>{_DISTRICT_PREFIX})|(?P<w>{_WARD_PREFIX}))"
    rf"\s+(?P<name>{_NAME})"
)

# Evidence weights: a site name is the page's own statement; a prefixed province name
# is explicit; a bare one may be a neighbour or a partner.
_WEIGHT_HOST, _WEIGHT_PROVINCE, _WEIGHT_DISTRICT, _WEIGHT_WARD, _WEIGHT_BARE = 6, 3, 2, 1, 1


def _longest(words: list[str], lookup) -> str | None:
    for n in range(len(words), 0, -1):
        found = lookup(" ".join(words[:n]))
        if found:
            return found
    return None


def find_province(
    doc: Doc, hosts: tuple[str, ...] = (), *, headline: Doc | None = None
) -> str | None:
    """The best-supported province, ties going to the first mentioned (headline first)."""
    score: Counter[str] = Counter()
    first: dict[str, int] = {}

    def vote(province: str | None, weight: int, position: int) -> None:
        if province:
            score[province] += weight
            first.setdefault(province, position)

    for host in hosts:
        vote(gazetteer.province_of_host(host), _WEIGHT_HOST, -1)
    if headline is not None:
        for province, weight, _ in _mentions_at(headline):
            vote(province, weight, -1)
    for province, weight, position in _mentions_at(doc):
        vote(province, weight, position)
    if not score:
        return None
    return max(score, key=lambda p: (score[p], -first[p]))


def _mentions_at(doc: Doc) -> list[tuple[str, int, int]]:
    """(province, weight, position) for every piece of evidence in the text."""
    found: list[tuple[str, int, int]] = []

    def vote(province: str | None, weight: int, position: int) -> None:
        if province:
            found.append((province, weight, position))

    for m in _HOST.finditer(doc.search):
        vote(gazetteer.province_of_host(m.group(1)), _WEIGHT_HOST, m.start())
    claimed = Claimed(len(doc.search))
    for m in _PREFIXED.finditer(doc.search):
        words = re.split(r"\s+(?!-)", m.group("name"))
        if m.group("p"):
            province = _longest(words, gazetteer.province_named)
            if province:
                vote(province, _WEIGHT_PROVINCE, m.start())
                claimed.add(m.start("name"), m.end("name"))
                continue
        if m.group("d") or (m.group("p") and m.group("p").lower().startswith("thành")):
            vote(_longest(words, gazetteer.province_of_district), _WEIGHT_DISTRICT, m.start())
        elif m.group("w"):
            vote(_longest(words, gazetteer.province_of_ward), _WEIGHT_WARD, m.start())
        claimed.add(m.start("name"), m.end("name"))
    for m in gazetteer.province_pattern().finditer(doc.search):
        if not claimed.overlaps(m.start(), m.start() + 1):
            vote(gazetteer.province_named(m.group()), _WEIGHT_BARE, m.start())
    return found
