"""Reads of a resolution's dashboard: its periods, every target's verdict, the page's rows.

A dashboard counts every target of a resolution for the summary and draws one page of
them. Both come from what :mod:`nghiquyet.targets.verdicts` stores in the same
transaction as every change: the verdicts with each line's pace and trend, and the
periods offered (`targets.VerdictPeriod`). A read judges nothing, except a period no
dashboard offers (a report asking for a period nobody reported), judged on the spot.

The live judgement of one target with its figures (:func:`target_row`, its own page,
the portal, the reports) is here too: the stored rows must always equal it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache, reduce
from operator import or_
from typing import Any, NamedTuple

from django.core.paginator import Page, Paginator
from django.db.models import Case, F, FilteredRelation, IntegerField, Q, Value, When

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import (
    Horizon,
    Judgement,
    Kind,
    Pace,
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
from nghiquyet.targets.models_verdict import Verdict as StoredVerdict
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


@dataclass(frozen=True)
class DashboardRow:
    """One line of a dashboard's page, drawn from a stored verdict: nothing judged.

    ``pace`` and ``trend`` are what the stored row keeps beside the verdict; ``pending``
    is the figure of the period still waiting for the office, if any.
    """

    target: Target
    verdict: Verdict
    pace: Pace | None
    trend: list[TrendPoint]
    pending: Actual | None

    @property
    def judgement(self) -> Judgement:
        return self.verdict.judgement

    @property
    def status(self) -> Status:
        return self.verdict.status

    @property
    def completion(self) -> Decimal | None:
        return self.verdict.completion


def dashboard_rows(
    *, user: Any, document: Document, period: Period | str, verdicts: Iterable[Verdict]
) -> list[DashboardRow]:
    """The page's lines for ``verdicts`` (a page of :func:`target_verdicts`), in their order.

    Three queries whatever the page's length: the targets, the stored pace and trend,
    the figures of the period still open. A verdict judged on the spot (a period no
    dashboard offers) has no stored line: its pace and trend are computed as its own
    page does.
    """
    period = as_period(period)
    verdicts = list(verdicts)
    pks = [verdict.target_id for verdict in verdicts]
    targets = target_list(user=user, document=document).filter(pk__in=pks).in_bulk()
    shown = {
        target_id: (pace, trend)
        for target_id, pace, trend in StoredVerdict.objects.filter(
            document=document, period=period.code, target_id__in=pks
        ).values_list("target_id", "pace", "trend")
    }
    pending = {
        actual.target_id: actual
        for actual in Actual.objects.filter(target_id__in=pks, period=period.code).exclude(
            status=Actual.Status.APPROVED
        )
    }
    live = {
        row.target.pk: row
        for row in (
            target_rows(
                user=user,
                document=document,
                period=period,
                pks=[pk for pk in pks if pk not in shown],
            )
            if len(shown) < len(pks)
            else []
        )
    }
    rows = []
    for verdict in verdicts:
        if verdict.target_id in shown:
            pace, trend = shown[verdict.target_id]
            rows.append(
                DashboardRow(
                    target=targets[verdict.target_id],
                    verdict=verdict,
                    pace=Pace(pace) if pace else None,
                    trend=_trend(trend),
                    pending=pending.get(verdict.target_id),
                )
            )
        elif verdict.target_id in live:
            row = live[verdict.target_id]
            rows.append(
                DashboardRow(
                    target=row.target,
                    verdict=verdict,
                    pace=row.trajectory.pace if row.trajectory else None,
                    trend=row.trend,
                    pending=row.pending,
                )
            )
    return rows


#: The order of verdicts when the unmet targets come first: what needs action, then
#: what is still unknown, then what is done.
UNMET_FIRST = [
    Status.NOT_ACHIEVED,
    Status.IN_PROGRESS,
    Status.NO_DATA,
    Status.ACHIEVED,
    Status.EXCEEDED,
]


@dataclass(frozen=True)
class DashboardFilters:
    """What a dashboard's table is narrowed to, as its filter form reads it."""

    status: str = ""
    owner: str = ""
    sector: str = ""
    unmet_first: bool = False


class _Counted(NamedTuple):
    """A verdict as a summary counts it (`nghiquyet.evaluation.summary.Judged`)."""

    status: Status
    completion: Decimal | None
    estimate: bool
    to_date: bool


def dashboard_page(
    *,
    user: Any,
    document: Document,
    period: Period | str,
    filters: DashboardFilters,
    page_number: Any,
    per_page: int,
) -> tuple[Summary, Page]:
    """The summary of every visible target of ``document`` at ``period``, and one page of
    the table (its ``object_list`` is :class:`DashboardRow`) narrowed by ``filters``.

    When the period's verdicts are stored, both are read from them with small queries:
    the summary from a few columns of each row, the page by an SQL filter, order and
    slice, so the page's cost does not grow with the resolution. A period no dashboard
    offers is judged on the spot (:func:`target_verdicts`).
    """
    period = as_period(period)
    offered = VerdictPeriod.objects.filter(document=document, period=period.code).exists()
    if not offered:
        return _judged_page(
            user=user,
            document=document,
            period=period,
            filters=filters,
            page_number=page_number,
            per_page=per_page,
        )
    visible = target_list(user=user, document=document).order_by().values("pk")
    rows = StoredVerdict.objects.filter(
        document=document, period=period.code, target__in=visible
    ).order_by()
    summary = summarize(
        _Counted(Status(status), completion, estimate, to_date)
        for status, completion, estimate, to_date in rows.values_list(
            "status", "completion", "estimate", "to_date"
        )
    )
    if filters.status:
        rows = rows.filter(status=filters.status)
    if filters.owner:
        rows = rows.filter(target__owner_id=filters.owner)
    if filters.sector:
        rows = rows.filter(target__indicator__sector=filters.sector)
    order = ["target__position", "target_id"]
    if filters.unmet_first:
        rank = Case(
            *(When(status=status.value, then=Value(i)) for i, status in enumerate(UNMET_FIRST)),
            output_field=IntegerField(),
        )
        rows = rows.alias(rank=rank)
        order = ["rank", *order]
    paginator = Paginator(
        rows.order_by(*order).values_list("target_id", *PARTS, "pace", "trend"), per_page
    )
    if not (filters.status or filters.owner or filters.sector):
        # The whole table: the summary has counted its rows already.
        paginator.count = summary.total
    page = paginator.get_page(page_number)
    page.object_list = _stored_rows(user=user, document=document, period=period, rows=page)
    return summary, page


def _stored_rows(
    *, user: Any, document: Document, period: Period, rows: Iterable[tuple[Any, ...]]
) -> list[DashboardRow]:
    """The page's lines from its stored rows (target id, parts, pace, trend)."""
    rows = list(rows)
    pks = [row[0] for row in rows]
    targets = target_list(user=user, document=document).filter(pk__in=pks).in_bulk()
    pending = {
        actual.target_id: actual
        for actual in Actual.objects.filter(target_id__in=pks, period=period.code).exclude(
            status=Actual.Status.APPROVED
        )
    }
    lines = []
    for target_id, *parts, pace, trend in rows:
        target = targets[target_id]
        judgement = judgement_of_parts(target_spec(target), tuple(parts))
        lines.append(
            DashboardRow(
                target=target,
                verdict=Verdict(
                    target_id=target_id,
                    indicator=target.indicator.name,
                    owner_id=target.owner_id,
                    sector=target.indicator.sector,
                    status=judgement.status,
                    completion=judgement.completion,
                    estimate=judgement.estimate,
                    to_date=judgement.to_date,
                    source=judgement,
                ),
                pace=Pace(pace) if pace else None,
                trend=_trend(trend),
                pending=pending.get(target_id),
            )
        )
    return lines


def _trend(stored: list[list[Any]]) -> list[TrendPoint]:
    return [TrendPoint(_period(code), Decimal(value), estimate) for code, value, estimate in stored]


@lru_cache(maxsize=1024)
def _period(code: str) -> Period:
    """A period code parsed once: a page of trends names the same twenty periods fifty
    times (a `Period` is immutable, so one instance serves them all)."""
    return Period.parse(code)


def _judged_page(
    *,
    user: Any,
    document: Document,
    period: Period,
    filters: DashboardFilters,
    page_number: Any,
    per_page: int,
) -> tuple[Summary, Page]:
    """:func:`dashboard_page` for a period whose verdicts are not stored."""
    verdicts = target_verdicts(user=user, document=document, period=period)
    summary = rows_summary(verdicts)
    verdicts = [
        verdict
        for verdict in verdicts
        if (not filters.status or verdict.status == filters.status)
        and (not filters.owner or str(verdict.owner_id) == filters.owner)
        and (not filters.sector or verdict.sector == filters.sector)
    ]
    if filters.unmet_first:
        verdicts.sort(key=lambda verdict: UNMET_FIRST.index(verdict.status))
    page = Paginator(verdicts, per_page).get_page(page_number)
    page.object_list = dashboard_rows(
        user=user, document=document, period=period, verdicts=page.object_list
    )
    return summary, page
