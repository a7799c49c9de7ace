"""Which province an article is about: from the site that published it, the province it
names, or a district or commune it names that only one province has ("Huyện ủy Lai
Vung" is in Đồng Tháp). Never a guess: no evidence, no province.
"""

from __future__ import annotations

import re
from collections import Counter

from . import gazetteer
from .people import CAPITAL_WORD
from .text import LOWER, UPPER, Doc

_HOST = re.compile(
    r"(?=[a-zA-Z0-9])(?<![\w@.-])((?:[a-z0-9-]+\.)+(?:vn|com|net|org))(?![\w.-])", re.IGNORECASE
)
_NAME = rf"{CAPITAL_WORD}(?:(?:\s|\s?-\s?){CAPITAL_WORD}){{0,3}}"
# Words before a name that say what kind of place it is ("Tỉnh ủy Long An", "huyện Lai
# Vung", "xã Tân Phú"). Checked with str.endswith, which is much faster than a regex
# anchored at the end of a window.
_PROVINCE_PREFIXES = tuple(
    f"{w} "
    for w in [
        "tỉnh", "Tỉnh", "Tỉnh ủy", "tỉnh ủy", "UBND tỉnh", "HĐND tỉnh", "Đảng bộ tỉnh",
        "thành phố", "Thành phố", "Thành ủy", "TP.", "TP", "UBND thành phố", "HĐND thành phố",
    ]
)  # fmt: skip
_DISTRICT_PREFIXES = tuple(
    f"{w} "
    for w in [
        "huyện", "Huyện ủy", "huyện ủy", "Huyện", "thị xã", "Thị xã", "Thị ủy", "quận",
        "Quận ủy", "Quận", "thành phố", "Thành phố", "Thành ủy",
    ]
)  # fmt: skip
_WARD_PREFIXES = tuple(
    f"{w} "
    for w in ["xã", "phường", "thị trấn", "Xã", "Phường", "Thị trấn", "Đảng ủy xã", "đặc khu"]
)
_RUN = re.compile(rf"(?=[{UPPER}])(?<![{UPPER}{LOWER}]){_NAME}")
_PREFIX_WORDS = {"Tỉnh", "Huyện", "Xã", "Phường", "Quận", "Thị", "TP", "TP."}

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
    # One pass over runs of capitalised words; the words before a run say what kind of
    # place it names ("huyện Lai Vung", "Tỉnh ủy Long An"), or nothing (a bare name).
    for run in _RUN.finditer(doc.search):
        words = run.group().split()
        before = doc.search[max(0, run.start() - 16) : run.start()]
        if words[0] in _PREFIX_WORDS and len(words) > 1:
            before, words = f"{words[0]} ", words[1:]
        as_province = before.endswith(_PROVINCE_PREFIXES)
        as_district = before.endswith(_DISTRICT_PREFIXES)
        as_ward = before.endswith(_WARD_PREFIXES)
        if not (as_province or as_district or as_ward):
            starts = gazetteer.province_first_words()
            for i in range(len(words) - 1):
                if gazetteer.key(words[i]) not in starts:
                    continue
                province = _longest(words[i : i + 5], gazetteer.province_named)
                if province and gazetteer.key(province).count(" ") >= 1:
                    vote(province, _WEIGHT_BARE, run.start())
                    break
            continue
        if as_province:
            province = _longest(words, gazetteer.province_named)
            if province:
                vote(province, _WEIGHT_PROVINCE, run.start())
                continue
        if as_district:
            vote(_longest(words, gazetteer.province_of_district), _WEIGHT_DISTRICT, run.start())
        elif as_ward:
            vote(_longest(words, gazetteer.province_of_ward), _WEIGHT_WARD, run.start())
    return found
