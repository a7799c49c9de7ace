"""Reads across provinces and communes: the national view of the targets.

A national or province leader looks at one indicator in every commune, or at how
many targets each province meets. Such reads cover hundreds of thousands of
targets, so they read plain values (figures in force, stored verdicts, the summary
per province and period), never model instances, and never judge a target at read
time.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from nghiquyet.core.periods import Period
from nghiquyet.orgs.access import Action, scope
from nghiquyet.orgs.models import Place
from nghiquyet.targets.judging import ApprovedFigure
from nghiquyet.targets.models import Actual, Indicator, ProvinceSummary
from nghiquyet.targets.selectors import as_period, target_list


@dataclass(frozen=True)
class CommuneFigure:
    """One commune's target on an indicator and its approved figure in force for a period."""

    target_id: int
    commune_id: int
    commune: str
    province_id: int
    figure: ApprovedFigure | None


def indicator_across_communes(
    *, user: Any, indicator: Indicator, period: Period | str
) -> list[CommuneFigure]:
    """Every visible commune target on ``indicator`` with its figure in force for ``period``.

    Ordered by province, then commune name. The figure in force is the latest
    approved one for the period, as judging counts it; a commune without one has
    ``figure`` None.
    """
    period = as_period(period)
    visible = target_list(user=user).filter(indicator=indicator, place__level=Place.Level.COMMUNE)
    targets = list(
        visible.order_by("document__province_id", "place__name", "pk").values_list(
            "pk", "place_id", "place__name", "document__province_id"
        )
    )
    # A subquery, not the list of ids: 3,321 literals cost more to plan than to run.
    approved = (
        Actual.objects.filter(
            target__in=visible.order_by().values("pk"),
            period=period.code,
            status=Actual.Status.APPROVED,
        )
        .order_by("target_id", "approved_at", "pk")
        .values_list("target_id", "pk", "period", "value", "is_estimate", "milestone")
    )
    # In order of approval, the last figure of each target is the one in force.
    in_force = {target_id: ApprovedFigure(*figure) for target_id, *figure in approved}
    return [
        CommuneFigure(
            target_id=pk,
            commune_id=place_id,
            commune=name,
            province_id=province_id,
            figure=in_force.get(pk),
        )
        for pk, place_id, name, province_id in targets
    ]


def province_shares(*, user: Any, period: Period | str) -> list[ProvinceSummary]:
    """The share of targets met in each province ``user`` may see, for ``period``.

    Read from the summary table (one row per province), as last refreshed from the
    stored verdicts; a province without a row has no verdict for the period.
    """
    period = as_period(period)
    summaries = ProvinceSummary.objects.filter(period=period.code).select_related("province")
    return list(scope(summaries, user, Action.VIEW).order_by("province__name"))
