"""Place names to provinces, from the administrative map shipped by `vietnamadminunits`.

Both maps are read: the one before 1 July 2025 (63 provinces, districts, wards) and the
one after (34 provinces, communes), because most articles predate the merger and name
the province as it was. The index is built once, on first use, straight from the
package's SQLite file, so importing the extraction package stays fast.
"""

from __future__ import annotations

import importlib.util
import re
import sqlite3
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

from .text import fold

# Names the package spells differently from the articles it must recognise.
_ALIASES = {
    "Thừa Thiên Huế": "Thừa Thiên Huế",
    "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "TP Hồ Chí Minh": "Hồ Chí Minh",
    "Thành phố Hồ Chí Minh": "Hồ Chí Minh",
    "Bà Rịa-Vũng Tàu": "Bà Rịa - Vũng Tàu",
    "Đăk Lăk": "Đắk Lắk",
    "Đắc Lắc": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông",
}


@lru_cache(maxsize=65536)
def key(name: str) -> str:
    """Comparable form of a place name: folded spelling, case and spacing."""
    return " ".join(fold(unicodedata.normalize("NFC", name)).casefold().split())


def ascii_key(name: str) -> str:
    """ "Lai Châu" -> "laichau", the way provincial web sites name themselves."""
    stripped = unicodedata.normalize("NFD", name.replace("đ", "d").replace("Đ", "D"))
    return re.sub(
        r"[^a-z]", "", "".join(c for c in stripped if not unicodedata.combining(c)).lower()
    )


@dataclass(frozen=True)
class Index:
    provinces: dict[str, str]  # key -> province
    districts: dict[str, str]  # key -> province, names unique across provinces only
    wards: dict[str, str]  # key -> province, names unique across provinces only
    domains: dict[str, str]  # ascii key -> province
    places: frozenset[str]  # keys of every province and district name, unique or not


def _database() -> Path:
    spec = importlib.util.find_spec("vietnamadminunits")
    if spec is None or spec.origin is None:
        raise RuntimeError("vietnamadminunits is not installed")
    return Path(spec.origin).parent / "data" / "dataset.db"


def _unique(pairs: list[tuple[str, str]], reserved: dict[str, str]) -> dict[str, str]:
    """Names that point to exactly one province and do not shadow a province name."""
    provinces_by_name: dict[str, set[str]] = defaultdict(set)
    for name, province in pairs:
        if name:
            provinces_by_name[key(name)].add(province)
    return {
        k: next(iter(v))
        for k, v in provinces_by_name.items()
        if len(v) == 1 and k not in reserved and not k.isdigit()
    }


@cache
def index() -> Index:
    """The name index, built on first use (about 0.2 s) and kept for the process."""
    with sqlite3.connect(f"file:{_database()}?mode=ro", uri=True) as conn:
        legacy = conn.execute(
            "SELECT DISTINCT provinceShort, districtShort, wardShort FROM admin_units_legacy"
        ).fetchall()
        current = conn.execute(
            "SELECT DISTINCT provinceShort, wardShort FROM admin_units"
        ).fetchall()
    provinces = {key(p): p for p, _, _ in legacy} | {key(p): p for p, _ in current}
    provinces.update({key(alias): name for alias, name in _ALIASES.items()})
    districts = _unique([(d, p) for p, d, _ in legacy], provinces)
    wards = _unique([(w, p) for p, _, w in legacy] + [(w, p) for p, w in current], provinces)
    wards = {k: v for k, v in wards.items() if k not in districts}
    domains = {ascii_key(name): name for name in provinces.values()}
    places = frozenset(provinces) | {key(d) for _, d, _ in legacy if d}
    return Index(provinces, districts, wards, domains, places)


@cache
def province_first_words() -> frozenset[str]:
    """First words of province names ("long", "bà"), to skip runs that cannot be one."""
    return frozenset(k.split()[0] for k in index().provinces)


def province_named(name: str) -> str | None:
    """The province called `name` ("Long An", "Thừa Thiên Huế"), else None."""
    return index().provinces.get(key(name))


def province_of_district(name: str) -> str | None:
    """The province of a district-level unit with that name, when only one has it."""
    return index().districts.get(key(name))


def province_of_ward(name: str) -> str | None:
    """The province of a commune or ward with that name, when only one has it."""
    return index().wards.get(key(name))


def is_place(name: str) -> bool:
    """True when `name` is a province or district name anywhere in the country."""
    return key(name) in index().places


def province_of_host(host: str) -> str | None:
    """The province a site belongs to from its host name: "laichau.gov.vn", "baolongan.vn"."""
    labels = [
        label
        for label in host.lower().split(".")
        if label not in ("www", "gov", "vn", "org", "com")
    ]
    domains = index().domains
    for label in labels:
        clean = re.sub(r"[^a-z]", "", label)
        if clean in domains:
            return domains[clean]
        for prefix in ("bao", "tinhuy", "hdnd", "ubnd", "dbnd", "sotttt", "stttt", "dangbo"):
            if clean.startswith(prefix) and clean[len(prefix) :] in domains:
                return domains[clean[len(prefix) :]]
        # A provincial television station: "laocaitv.vn", "tuyenquangtv.vn".
        if clean.endswith("tv") and clean[:-2] in domains:
            return domains[clean[:-2]]
    return None
