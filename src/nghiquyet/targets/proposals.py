"""Targets proposed from a resolution's text, for a person to correct and confirm.

The extraction engine reads each target with its kind, direction, period and base
(`nghiquyet.extraction.read_targets`); this module turns each into a proposal with a
catalogue indicator (an existing one when the name matches, else a new one with the
engine's kind and direction and a field guessed from its words), in the text's order.
Milestones (targets without a figure) are not proposed until targets can hold them.
Nothing is saved here: `services.targets_create_from_proposals` saves what the person
confirmed.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from decimal import Decimal
from typing import Any

from nghiquyet.extraction import read_targets
from nghiquyet.orgs.models import Place
from nghiquyet.targets.models import Indicator, Kind, Sector

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
    base_year: int | None = None
    base_value: Decimal | None = None

    def as_initial(self) -> dict[str, Any]:
        return {**asdict(self), "include": True}


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
    """The targets the engine finds in ``text``, each with a matched or new indicator.

    ``year`` is the period of a target whose text states neither a year nor a term.
    """
    proposals = []
    for found in read_targets(text, year=year):
        if found.value is None or found.kind not in Kind.values:
            continue
        indicator = _matching_indicator(found.indicator, province)
        proposals.append(
            Proposal(
                indicator_name=indicator.name if indicator else found.indicator,
                indicator_id=indicator.pk if indicator else None,
                kind=indicator.kind if indicator else found.kind,
                direction=indicator.direction if indicator else found.direction,
                sector=indicator.sector if indicator else _guess_sector(found.indicator),
                comparator=found.comparator,
                value=Decimal(str(found.value)),
                value_max=Decimal(str(found.value_max)) if found.value_max is not None else None,
                unit=found.unit,
                period=found.period or str(year),
                source_text=found.text,
                base_year=found.base_year,
                base_value=Decimal(str(found.base_value)) if found.base_value is not None else None,
            )
        )
    return proposals
