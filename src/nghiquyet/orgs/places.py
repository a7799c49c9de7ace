"""Loading the administrative map from the ``vietnamadminunits`` package.

The package ships both maps (63 provinces with districts until 30 June 2025, 34
provinces with communes since 1 July 2025) and the conversion table between
them; we copy them into ``Place`` rows with successor links rather than typing
any list by hand. Loading is idempotent: rows are matched on (map, level, code).
"""

import datetime as dt
import json
from dataclasses import dataclass
from importlib import resources

from django.db import transaction

from nghiquyet.orgs.access import forget_principals
from nghiquyet.orgs.models import REFORM_DATE, Place

LEGACY_END = REFORM_DATE - dt.timedelta(days=1)


@dataclass(frozen=True)
class LoadResult:
    created: int
    updated: int
    successors: int


def _query(sql: str) -> list[dict]:
    from vietnamadminunits.database import query

    return query(sql)


def _conversion() -> dict:
    data = resources.files("vietnamadminunits") / "data" / "converter_2025.json"
    return json.loads(data.read_text(encoding="utf-8"))


def _kind(full_name: str, short_name: str) -> str:
    return full_name[: -len(short_name)].strip() if full_name.endswith(short_name) else ""


def _rows() -> list[dict]:
    """Every unit of both maps as Place field values, parents named by code."""
    rows: list[dict] = []
    legacy = {"map": Place.Map.LEGACY, "valid_from": None, "valid_to": LEGACY_END}
    current = {"map": Place.Map.CURRENT, "valid_from": REFORM_DATE, "valid_to": None}

    for table, era in (("admin_units_legacy", legacy), ("admin_units", current)):
        for r in _query(
            f"SELECT DISTINCT province, provinceShort, provinceCode, provinceKey FROM {table}"
        ):
            rows.append(
                {
                    **era,
                    "level": Place.Level.PROVINCE,
                    "code": r["provinceCode"],
                    "name": r["province"],
                    "short_name": r["provinceShort"],
                    "kind": _kind(r["province"], r["provinceShort"]),
                    "key": r["provinceKey"],
                    "parent": None,
                }
            )
    for r in _query(
        "SELECT DISTINCT district, districtShort, districtType, districtCode, districtKey, "
        "provinceCode, provinceKey FROM admin_units_legacy"
    ):
        rows.append(
            {
                **legacy,
                "level": Place.Level.DISTRICT,
                "code": r["districtCode"],
                "name": r["district"],
                "short_name": r["districtShort"],
                "kind": r["districtType"] or "",
                "key": f"{r['provinceKey']}_{r['districtKey']}",
                "parent": (Place.Level.PROVINCE, r["provinceCode"]),
            }
        )
    for r in _query(
        "SELECT ward, wardShort, wardType, wardCode, wardKey, districtCode, districtKey, "
        "provinceKey FROM admin_units_legacy WHERE wardCode IS NOT NULL"
    ):
        rows.append(
            {
                **legacy,
                "level": Place.Level.COMMUNE,
                "code": r["wardCode"],
                "name": r["ward"],
                "short_name": r["wardShort"],
                "kind": r["wardType"] or "",
                "key": f"{r['provinceKey']}_{r['districtKey']}_{r['wardKey']}",
                "parent": (Place.Level.DISTRICT, r["districtCode"]),
            }
        )
    for r in _query(
        "SELECT ward, wardShort, wardType, wardCode, wardKey, provinceCode, provinceKey "
        "FROM admin_units"
    ):
        rows.append(
            {
                **current,
                "level": Place.Level.COMMUNE,
                "code": r["wardCode"],
                "name": r["ward"],
                "short_name": r["wardShort"],
                "kind": r["wardType"] or "",
                "key": f"{r['provinceKey']}_{r['wardKey']}",
                "parent": (Place.Level.PROVINCE, r["provinceCode"]),
            }
        )
    return rows


def _successor_keys() -> dict[tuple[str, str], tuple[str, str]]:
    """(level, legacy key) -> (level, current key) from the package's conversion table.

    A province maps to the province it merged into. A ward maps to the commune
    that took it whole, or, when it was split, to the commune the package marks
    as its default successor.
    """
    conversion = _conversion()
    links: dict[tuple[str, str], tuple[str, str]] = {}
    for new_province, old_provinces in conversion["DICT_PROVINCE"].items():
        for old in old_provinces:
            links[(Place.Level.PROVINCE, old)] = (Place.Level.PROVINCE, new_province)
    for new_province, wards in conversion["DICT_PROVINCE_WARD_NO_DIVIDED"].items():
        for new_ward, old_keys in wards.items():
            for old in old_keys:
                links[(Place.Level.COMMUNE, old)] = (
                    Place.Level.COMMUNE,
                    f"{new_province}_{new_ward}",
                )
    for new_province, divided in conversion["DICT_PROVINCE_WARD_DIVIDED"].items():
        for old, candidates in divided.items():
            default = next((c for c in candidates if c.get("isDefaultNewWard")), None)
            if default:
                links[(Place.Level.COMMUNE, old)] = (
                    Place.Level.COMMUNE,
                    f"{new_province}_{default['newWardKey']}",
                )
    return links


@transaction.atomic
def places_load() -> LoadResult:
    """Create or update every unit of both maps and link each legacy unit to its successor."""
    rows = _rows()
    existing = {(p.map, p.level, p.code): p for p in Place.objects.all()}
    created = updated = 0
    fields = ["name", "short_name", "kind", "key", "valid_from", "valid_to"]
    to_create, to_update = [], []
    for row in rows:
        ident = (row["map"], row["level"], row["code"])
        values = {f: row[f] for f in fields}
        place = existing.get(ident)
        if place is None:
            place = Place(map=row["map"], level=row["level"], code=row["code"], **values)
            existing[ident] = place
            to_create.append(place)
        elif any(getattr(place, f) != v for f, v in values.items()):
            for f, v in values.items():
                setattr(place, f, v)
            to_update.append(place)
    Place.objects.bulk_create(to_create, batch_size=2000)
    Place.objects.bulk_update(to_update, fields, batch_size=2000)
    created, updated = len(to_create), len(to_update)

    # Parents and successors need the primary keys the first pass created.
    changed = []
    for row in rows:
        place = existing[(row["map"], row["level"], row["code"])]
        parent = existing.get((row["map"], *row["parent"])) if row["parent"] else None
        if place.parent_id != (parent.pk if parent else None):
            place.parent = parent
            changed.append(place)
    Place.objects.bulk_update(changed, ["parent"], batch_size=2000)

    by_key = {(p.map, p.level, p.key): p for p in existing.values()}
    links = _successor_keys()
    relinked, successors = [], 0
    for place in existing.values():
        if place.map != Place.Map.LEGACY:
            continue
        target = links.get((place.level, place.key))
        successor = by_key.get((Place.Map.CURRENT, *target)) if target else None
        successors += successor is not None
        if place.successor_id != (successor.pk if successor else None):
            place.successor = successor
            relinked.append(place)
    Place.objects.bulk_update(relinked, ["successor"], batch_size=2000)
    # Bulk writes send no signal: the merged units a province reads may have changed.
    forget_principals()
    return LoadResult(created=created, updated=updated, successors=successors)
