"""Targets proposed from a resolution's text, for a person to correct and confirm.

The extraction engine reads the figures; this module turns each into a proposal
with a catalogue indicator (an existing one when the name matches, else a new one
whose kind, direction and field are guessed from its words). Nothing is saved here:
`services.targets_create_from_proposals` saves what the person confirmed.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from nghiquyet.extraction import extract_targets
from nghiquyet.orgs.models import Place
from nghiquyet.targets.models import Direction, Indicator, Kind, Sector

#: Words of indicators that are better lower: the poverty rate, the agriculture share
#: of a restructuring economy, deaths, crime, unemployment, pollution.
LESS_IS_BETTER_WORDS = (
    "nghèo", "nông, lâm", "nông nghiệp", "tai nạn", "tử vong", "tội phạm", "thất nghiệp",
    "ô nhiễm", "suy dinh dưỡng", "giảm", "vi phạm", "khiếu nại", "ma túy",
)  # fmt: skip
SECTOR_WORDS = (
    (Sector.DEFENCE, ("quốc phòng", "an ninh", "quân sự", "tội phạm", "ma túy", "tai nạn")),
    (Sector.PARTY, ("đảng", "tổ chức cơ sở", "cán bộ", "kết nạp")),
    (Sector.ENVIRONMENT, ("môi trường", "rác", "nước sạch", "che phủ rừng", "chất thải")),
    (
        Sector.SOCIETY,
        ("y tế", "bảo hiểm", "việc làm", "lao động", "giáo dục", "trường", "văn hóa", "nghèo",
         "bác sĩ", "giường bệnh", "điện", "dân số", "tuổi thọ"),
    ),
)  # fmt: skip
COUNT_UNITS = ("doanh nghiệp", "lao động", "người", "hộ", "xã", "căn", "dự án", "hợp tác xã")


@dataclass
class Proposal:
    """One proposed target, as the confirmation form shows it."""

    indicator_name: str
    indicator_id: int | None
    kind: str
    direction: str
    sector: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    period: str
    source_text: str
    owner_id: int | None = None

    def as_initial(self) -> dict[str, Any]:
        return {**asdict(self), "include": True}


def _guess_kind(name: str, unit: str) -> str:
    lowered = name.lower()
    if unit.startswith("%") and re.search(r"tăng trưởng|tốc độ tăng|tăng bình quân", lowered):
        return Kind.GROWTH
    if unit.startswith("%"):
        return Kind.SHARE
    if "/" in unit:
        return Kind.RATIO
    if unit.lower() in COUNT_UNITS:
        return Kind.COUNT
    return Kind.LEVEL


def _guess_direction(name: str) -> str:
    lowered = name.lower()
    return (
        Direction.LESS_IS_BETTER
        if any(w in lowered for w in LESS_IS_BETTER_WORDS)
        else Direction.MORE_IS_BETTER
    )


def _guess_sector(name: str) -> str:
    lowered = name.lower()
    for sector, words in SECTOR_WORDS:
        if any(word in lowered for word in words):
            return sector
    return Sector.ECONOMY


def _matching_indicator(name: str, province: Place) -> Indicator | None:
    return (
        Indicator.objects.filter(province=province, name__iexact=name).first()
        or Indicator.objects.filter(province__isnull=True, name__iexact=name).first()
    )


def propose_targets(*, text: str, year: int, province: Place) -> list[Proposal]:
    """The targets the engine finds in ``text``, each with a matched or guessed indicator."""
    proposals = []
    for found in extract_targets(text, year=year):
        name = found.indicator[:1].upper() + found.indicator[1:]
        indicator = _matching_indicator(name, province)
        proposals.append(
            Proposal(
                indicator_name=indicator.name if indicator else name,
                indicator_id=indicator.pk if indicator else None,
                kind=indicator.kind if indicator else _guess_kind(name, found.unit),
                direction=indicator.direction if indicator else _guess_direction(name),
                sector=indicator.sector if indicator else _guess_sector(name),
                comparator=found.comparator,
                value=Decimal(str(found.value)),
                value_max=Decimal(str(found.value_max)) if found.value_max is not None else None,
                unit=found.unit,
                period=str(found.year or year),
                source_text=found.text,
            )
        )
    return proposals
