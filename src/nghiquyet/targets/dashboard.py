"""Reads of a resolution's verdicts: the periods its dashboard offers, every target's
verdict for a period, and the summary of them.

They come from what :mod:`nghiquyet.targets.verdicts` stores in the same transaction
as every change: the verdicts, and the periods offered (`targets.VerdictPeriod`). A
read judges nothing, except a period no dashboard offers (a report asking for a period
nobody reported), judged on the spot. The page itself (the summary and a page of
lines) is read by :mod:`nghiquyet.targets.dashboard_table`.

The live judgement of one target with its figures (:func:`target_row`, its own page,
the portal, the reports) is here too: the stored rows must always equal it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, reduce
from operator import or_
from typing import Any

from django.db.models import F, FilteredRelation, Q

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import (
    Horizon,
    Judgement,
    Kind,
    Status,
    Summary,
    Trajectory,
    summarize,
    summary_sentence,
)
from nghiquyet.targets.in_force import (
    PeriodsOffered,
    approved_in_force,
    periods_from_figures,
    spec_values,
)
from nghiquyet.targets.judging import (
    Counted,
    TrendPoint,
    judge_for,
    latest_approved,
    spec_of_values,
    target_spec,
    trajectory_in_force,
    trend_in_force,
)
from nghiquyet.targets.models import Actual, Target
from nghiquyet.targets.models_verdict import PARTS, VerdictPeriod, judgement_of_parts
from nghiquyet.targets.selectors import as_period, target_list


def stored_periods(*, document: Document | int) -> PeriodsOffered:
    """The periods ``document``'s dashboard offers, from the rows stored with its verdicts.

    A document whose verdicts were never stored (a database loaded behind the
    services' back, before ``verify_verdicts --fix``) has no rows: its figures are read.
    """
    rows = list(
        VerdictPeriod.objects.filter(document=document).values_list(
            "period", "own", "approved", "review"
        )
    )
    if not rows:
        return periods_from_figures(document=document)
    parsed = [(Period.parse(code), own, approved, review) for code, own, approved, review in rows]
    return PeriodsOffered(
        own=frozenset(period for period, own, _a, _r in parsed if own),
        shown=frozenset(period for period, _o, _a, review in parsed if not review),
        approved=frozenset(period for period, _o, approved, _r in parsed if approved),
        reviews=frozenset(period for period, _o, _a, review in parsed if review),
    )


def document_periods(*, document: Document) -> list[Period]:
    """The periods a dashboard can show for ``document``: its targets' and the reported ones."""
    return dashboard_periods(document=document)[0]


def default_period(*, document: Document) -> Period | None:
    """The period a dashboard opens on: the latest with approved figures, else the targets'."""
    return dashboard_periods(document=document)[1]


def dashboard_periods(
    *, document: Document | int, with_reviews: bool = False
) -> tuple[list[Period], Period | None]:
    """:func:`document_periods` and :func:`default_period` from one read.

    ``with_reviews`` adds, for each term target, the term to date at every year with
    figures ("2021/2023", the mid-term review): a period to look at, not to report for.
    """
    offered = stored_periods(document=document)
    shown = offered.shown | offered.reviews if with_reviews else offered.shown
    return sorted(shown), offered.default


@dataclass(frozen=True)
class TargetRow:
    """One line of a dashboard: the target, its verdict for the period, and its figures."""

    target: Target
    period: Period
    judgement: Judgement
    actual: Counted | None
    pending: Actual | None
    #: The figure in force for each reported period, from which the trend and the
    #: trajectory are drawn when a page shows them (approved figures read as values).
    in_force: dict[Period, Counted]

    @cached_property
    def trend(self) -> list[TrendPoint]:
        return trend_in_force(self.in_force, until=self.period)

    @cached_property
    def trajectory(self) -> Trajectory | None:
        return trajectory_in_force(self.target, self.in_force, self.period)

    @property
    def status(self) -> Status:
        return self.judgement.status

    @property
    def completion(self) -> Decimal | None:
        return self.judgement.completion


def target_row(target: Target, period: Period | str | None = None) -> TargetRow:
    """The dashboard line of one target for ``period`` (its own period by default).

    ``target`` may come from :func:`targets_to_report`' prefetch or straight from the
    database.
    """
    period = as_period(period) if period else target.period_obj
    actuals = getattr(target, "all_actuals", None)
    if actuals is None:
        actuals = list(target.actuals.order_by("approved_at", "pk"))
    pending = [a for a in actuals if a.is_open and a.period == period.code]
    return _row(target, period, latest_approved(actuals), pending[-1] if pending else None)


def _row(
    target: Target, period: Period, in_force: dict[Period, Counted], pending: Actual | None
) -> TargetRow:
    judgement, counted = judge_for(target_spec(target), target.period_obj, in_force, period)
    return TargetRow(
        target=target,
        period=period,
        judgement=judgement,
        actual=counted[-1] if counted else None,
        pending=pending,
        in_force=in_force,
    )


def target_rows(
    *,
    user: Any,
    document: Document,
    period: Period | str,
    pks: Iterable[int] | None = None,
) -> list[TargetRow]:
    """Every visible target of ``document`` judged for ``period``, with its figures.

    ``pks`` keeps only those targets (the page of a table whose verdicts are known).
    """
    period = as_period(period)
    targets = target_list(user=user, document=document)
    if pks is not None:
        targets = targets.filter(pk__in=list(pks))
    # The approved figures as plain values (a row draws its trend from every period's),
    # and model instances only for the few figures still open for ``period``.
    figures = Actual.objects.filter(target__in=targets.values("pk"))
    in_force = approved_in_force(figures)
    pending = {
        actual.target_id: actual
        for actual in figures.filter(period=period.code).exclude(status=Actual.Status.APPROVED)
    }
    return [
        _row(target, period, in_force.get(target.pk, {}), pending.get(target.pk))
        for target in targets
    ]


@dataclass(frozen=True)
class Verdict:
    """A target's judgement for a period and what a table filters it by, nothing more.

    Read from a stored verdict, the status and what a summary counts are at hand, and
    the full `Judgement` (with the target's spec, for the rule text) is built only when
    asked: a dashboard counts a thousand targets and draws a hundred.
    """

    target_id: int
    indicator: str
    owner_id: int | None
    sector: str
    status: Status
    completion: Decimal | None
    estimate: bool
    to_date: bool
    #: The target's spec parts and the stored parts, or the judgement itself.
    source: tuple[dict[str, Any], tuple[Any, ...]] | Judgement = field(repr=False)

    @classmethod
    def judged(cls, row: dict[str, Any], judgement: Judgement) -> Verdict:
        return cls(
            target_id=row["pk"],
            indicator=row["indicator_name"],
            owner_id=row["owner_id"],
            sector=row["sector"],
            status=judgement.status,
            completion=judgement.completion,
            estimate=judgement.estimate,
            to_date=judgement.to_date,
            source=judgement,
        )

    @classmethod
    def stored(cls, row: dict[str, Any], parts: tuple[Any, ...]) -> Verdict:
        stored = dict(zip(PARTS, parts, strict=True))
        return cls(
            target_id=row["pk"],
            indicator=row["indicator_name"],
            owner_id=row["owner_id"],
            sector=row["sector"],
            status=Status(stored["status"]),
            completion=stored["completion"],
            estimate=stored["estimate"],
            to_date=stored["to_date"],
            source=(row, parts),
        )

    @cached_property
    def judgement(self) -> Judgement:
        if isinstance(self.source, Judgement):
            return self.source
        row, parts = self.source
        return judgement_of_parts(spec_of_values(row), parts)


def target_verdicts(*, user: Any, document: Document, period: Period | str) -> list[Verdict]:
    """Every visible target of ``document`` judged for ``period``, in document order.

    The same judgements as :func:`target_rows`, read from the stored verdicts
    (:mod:`nghiquyet.targets.verdicts` keeps them in step with every change) in one
    query with the targets. A period the dashboard never shows has no stored rows: its
    targets are judged on the spot, from only the figures that count for it.
    """
    period = as_period(period)
    targets = target_list(user=user, document=document).alias(
        stored=FilteredRelation("verdicts", condition=Q(verdicts__period=period.code))
    )
    values = spec_values(
        targets,
        "owner_id",
        indicator_name=F("indicator__name"),
        sector=F("indicator__sector"),
        **{f"stored_{part}": F(f"stored__{part}") for part in PARTS},
    )
    unstored = [row for row in values if row["stored_status"] is None]
    judged = judge_values(unstored, document=document, period=period) if unstored else {}
    return [
        Verdict.judged(row, judged[row["pk"]])
        if row["pk"] in judged
        else Verdict.stored(row, tuple(row[f"stored_{part}"] for part in PARTS))
        for row in values
    ]


def judge_values(
    values: list[dict[str, Any]], *, document: Document, period: Period
) -> dict[int, Judgement]:
    """Judge at ``period`` the targets of ``document`` read by :func:`spec_values`, loading
    only the approved figures that count for it."""
    in_force = approved_in_force(
        Actual.objects.filter(
            target__document=document, target__deleted_at__isnull=True, period=period.code
        )
    )
    wider = [row["pk"] for row in values if _needs_other_periods(row, period)]
    if wider:
        # Term totals and per-year targets add up the years of their term to date, and
        # annual targets seen in-year need the year's estimate. Every period code starts
        # with its first year ("2024-Q4", "2020/2025"), so these hold all of them;
        # judging keeps only those that count. A query of its own, so that the one
        # above stays a lookup in the (target, period, status) index.
        first = min(Period.parse(row["own_period"]).start.year for row in values)
        years = range(min(first, period.start.year), period.end.year + 1)
        within = reduce(or_, (Q(period__startswith=str(year)) for year in years))
        in_force |= approved_in_force(Actual.objects.filter(within, target__in=wider))
    return {
        row["pk"]: judge_for(
            spec_of_values(row),
            Period.parse(row["own_period"]),
            in_force.get(row["pk"], {}),
            period,
        )[0]
        for row in values
    }


def _needs_other_periods(row: dict[str, Any], period: Period) -> bool:
    """Whether judging ``row``'s target at ``period`` reads figures of other periods."""
    own = Period.parse(row["own_period"])
    return (
        row["kind"] == Kind.CUMULATIVE
        or row["horizon"] == Horizon.PER_YEAR
        # "đến năm 2025": a term target seen at its term takes the latest figure within it.
        or (own == period and own.kind is PeriodKind.TERM)
        or (own != period and (own.contains(period) or period.contains(own)))
    )


def document_summary(*, user: Any, document: Document, period: Period | str) -> Summary:
    """Counts per status of ``document``'s visible targets for ``period``."""
    return rows_summary(target_verdicts(user=user, document=document, period=period))


def document_summary_sentence(
    *, user: Any, document: Document, period: Period | str, language: str | None = None
) -> str:
    """ "Có 7/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 3 chỉ tiêu vượt); …" for a period."""
    return summary_sentence_of(
        document_summary(user=user, document=document, period=period), language
    )


def rows_summary(rows: Iterable[TargetRow | Verdict]) -> Summary:
    """The summary of rows or verdicts already computed (a dashboard computes them once)."""
    return summarize(row if isinstance(row, Verdict) else row.judgement for row in rows)


def summary_sentence_of(summary: Summary, language: str | None = None) -> str:
    """The report sentence of a summary, in the page's language by default."""
    return summary_sentence(summary, language=language or current_language())
