"""Plain-value reads that judging at scale rests on: specs, figures in force, periods.

A dashboard of a thousand targets, the stored verdicts' refresh and the on-the-spot
judging of a period nobody stored all read the same things: each target's spec as a
``values()`` row, the approved figure in force for each period, and the periods a
document's figures give. Reading them as values, never model instances, keeps a
refresh of a thousand targets in a fraction of a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet

from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.documents.models import Document
from nghiquyet.targets.judging import SPEC_PATHS, ApprovedFigure, in_force_of
from nghiquyet.targets.models import Actual, Target


def spec_values(targets: QuerySet[Target], *fields: str, **expressions: Any) -> list[dict]:
    """``targets`` as ``values()`` rows that name each part of the spec as `TargetSpec`
    does (for :func:`~nghiquyet.targets.judging.spec_of_values`), with the target's own
    period as ``own_period``."""
    # Parts read through the indicator are aliased to the spec's names; a column may
    # not be aliased to its own name, so the target's own parts are named as they are.
    spec = {name: F(path) for name, path in SPEC_PATHS.items() if name != path}
    return list(
        targets.values(
            "pk",
            *fields,
            *(path for name, path in SPEC_PATHS.items() if name == path),
            own_period=F("period"),
            **spec,
            **expressions,
        )
    )


def approved_in_force(figures: QuerySet[Actual]) -> dict[int, dict[Period, ApprovedFigure]]:
    """Per target, the approved figure in force for each period among ``figures``.

    Read as plain values in order of approval, so the last one of a period wins
    without a timestamp being converted, as
    :func:`~nghiquyet.targets.judging.latest_approved` decides it.
    """
    approved = (
        figures.filter(status=Actual.Status.APPROVED)
        .order_by("target_id", "approved_at", "pk")
        .values_list("target_id", "pk", "period", "value", "is_estimate", "milestone")
    )
    by_target: dict[int, list[ApprovedFigure]] = {}
    figure = ApprovedFigure._make
    for row in approved:
        by_target.setdefault(row[0], []).append(figure(row[1:]))
    return {target_id: in_force_of(in_order) for target_id, in_order in by_target.items()}


@dataclass(frozen=True)
class PeriodsOffered:
    """The periods a document's dashboard offers, and why each one is there."""

    #: The targets' own periods.
    own: frozenset[Period]
    #: Every period with a figure sent to the office, and the targets' own.
    shown: frozenset[Period]
    #: Periods with an approved figure.
    approved: frozenset[Period]
    #: The term to date at each year with figures ("2020/2023", the mid-term review):
    #: a period to look at, not to report for.
    reviews: frozenset[Period]

    @property
    def default(self) -> Period | None:
        """The period a dashboard opens on: the latest with approved figures, else the
        targets' own latest."""
        return max(self.approved or self.own, default=None)


def periods_from_figures(*, document: Document | int) -> PeriodsOffered:
    """:class:`PeriodsOffered` read from ``document``'s targets and every figure sent.

    The stored verdicts' refresh calls it and stores the result with them
    (`targets.VerdictPeriod`), so a dashboard lists its periods without reading every
    figure of the document.
    """
    targets = Target.objects.filter(document=document).order_by().values_list("period")
    own = {Period.parse(code) for (code,) in targets.distinct()}
    # A reporter's unsent draft is the agency's own business: only figures sent to the
    # office give the office's dashboard (and its Excel columns) a period.
    reported = (
        Actual.objects.filter(target__document=document, target__deleted_at__isnull=True)
        .exclude(status=Actual.Status.DRAFT)
        .order_by()
        .values_list("period", "status")
        .distinct()
    )
    shown, approved = set(own), set()
    for code, status in reported:
        shown.add(Period.parse(code))
        if status == Actual.Status.APPROVED:
            approved.add(Period.parse(code))
    terms = [period for period in own if period.kind is PeriodKind.TERM]
    years = {period.end.year for period in shown}
    reviews = {
        Period(PeriodKind.TERM, term.start.year, end_year=year)
        for term in terms
        for year in years
        if term.start.year < year < term.end.year
    } - shown
    return PeriodsOffered(
        own=frozenset(own),
        shown=frozenset(shown),
        approved=frozenset(approved),
        reviews=frozenset(reviews),
    )
