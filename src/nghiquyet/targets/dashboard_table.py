"""One page of a resolution's dashboard: the summary of every target and a page of lines.

A dashboard counts every target of a resolution and draws one page of them. Both are
read from what :mod:`nghiquyet.targets.verdicts` stores in the same transaction as
every change (the verdicts, with each line's pace and trend), with small queries: the
summary from four columns of each stored row, the page filtered, ordered and sliced in
SQL, so a page costs the same for fifty targets or two thousand. Nothing is judged,
except a period no dashboard offers, judged on the spot as
:func:`~nghiquyet.targets.dashboard.target_verdicts` does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import Case, Count, F, IntegerField, QuerySet, Value, When

from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import Judgement, Pace, Status, Summary, summarize_groups
from nghiquyet.targets.dashboard import (
    Verdict,
    rows_summary,
    target_rows,
    target_verdicts,
)
from nghiquyet.targets.judging import TrendPoint, target_spec
from nghiquyet.targets.models import Actual, Target
from nghiquyet.targets.models_verdict import PARTS, VerdictPeriod, judgement_of_parts
from nghiquyet.targets.models_verdict import Verdict as StoredVerdict
from nghiquyet.targets.selectors import as_period, target_list


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
    summary = _summary(rows)
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


def _summary(rows: QuerySet[StoredVerdict]) -> Summary:
    """The summary of ``rows`` counted by the database in one query: a row per status,
    estimate and term-to-date, split further only by the completions of the targets not
    met (the lowest of which the sentence names), rather than a row per target."""
    shortfall = Case(
        When(status=Status.NOT_ACHIEVED.value, then=F("completion")),
        output_field=StoredVerdict._meta.get_field("completion"),
    )
    groups = [
        (Status(status), estimate, to_date, completion, count)
        for status, estimate, to_date, completion, count in rows.annotate(shortfall=shortfall)
        .values_list("status", "estimate", "to_date", "shortfall")
        .annotate(count=Count("pk"))
    ]
    return summarize_groups(
        ((status, estimate, to_date, count) for status, estimate, to_date, _c, count in groups),
        [completion for status, *_e, completion, _n in groups if status is Status.NOT_ACHIEVED],
    )


def _stored_rows(
    *, user: Any, document: Document, period: Period, rows: Iterable[tuple[Any, ...]]
) -> list[DashboardRow]:
    """The page's lines from its stored rows (target id, parts, pace, trend).

    The rows were read through the access layer already, so their targets are fetched
    by key alone: the access filter's joins would only repeat what the rows settled.
    """
    rows = list(rows)
    pks = [row[0] for row in rows]
    targets = Target.objects.select_related("indicator", "owner").in_bulk(pks)
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
