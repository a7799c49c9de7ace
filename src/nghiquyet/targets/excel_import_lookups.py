"""What the rows of a targets import refer to, loaded once for the whole sheet
(:mod:`nghiquyet.targets.excel_import`): the catalogue of indicators a row may name,
and the figures in force and still open of the document's targets.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal
from typing import Any

from nghiquyet.core.bulk import bulk_insert_with_history, new_row
from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.targets.judging import latest_approved
from nghiquyet.targets.models import Actual, Indicator, Target
from nghiquyet.targets.selectors import indicator_list

#: The fields a new catalogue indicator takes from the model's defaults: every one but
#: the name and the unit its row gives.
DEFAULTED = [
    field.name for field in Indicator._meta.concrete_fields if field.name not in ("name", "unit")
]


class Catalogue:
    """The indicators a row may name, by case-folded name; new ones are added in bulk."""

    def __init__(self, user: Any, document: Document):
        self.user = user
        self.province = document.province
        self.by_name: dict[str, Indicator] = {}
        # National first, so that the province's own indicator of a name wins.
        indicators = indicator_list(user=user, province=document.province).order_by("-province")
        for indicator in indicators:
            self.by_name.setdefault(indicator.name.casefold(), indicator)
        self.new: list[Indicator] = []

    def get(self, name: str, unit: str) -> Indicator:
        """The indicator of that name; a new, not yet saved one when the catalogue lacks it."""
        key = " ".join(name.split()).casefold()
        indicator = self.by_name.get(key)
        if indicator is None:
            # Built as the constructor builds it, at a fraction of its cost: a sheet of
            # a hundred thousand rows may name as many new indicators.
            indicator = new_row(
                Indicator, {"province": self.province}, name=" ".join(name.split()), unit=unit
            )
            # Only the two values the row gives are checked: the other fields hold the
            # model's defaults, the same valid ones for every new indicator.
            indicator.clean_fields(exclude=DEFAULTED)
            self.by_name[key] = indicator
            self.new.append(indicator)
        return indicator

    def save_new(self) -> None:
        if self.new:
            bulk_insert_with_history(Indicator, self.new, self.user)
            self.new = []


class Figures:
    """The figures in force and the open ones of the document's targets, loaded once."""

    def __init__(self, document: Document):
        by_target: dict[int, list[Actual]] = defaultdict(list)
        for actual in Actual.objects.filter(
            target__document=document, target__deleted_at__isnull=True
        ):
            by_target[actual.target_id].append(actual)
        self.in_force = {pk: latest_approved(actuals) for pk, actuals in by_target.items()}
        self.open = {
            (pk, a.period): a for pk, actuals in by_target.items() for a in actuals if a.is_open
        }

    def changed(self, target: Target, period: Period, figure: tuple[Decimal, bool]) -> bool:
        current = self.in_force.get(target.pk, {}).get(period)
        return current is None or (current.value, current.is_estimate) != figure
