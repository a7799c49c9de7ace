"""Reads over indicators, targets and actuals, with the judgements computed on the way.

Every selector takes the acting ``user`` and narrows through the access layer, so
a page, the API, the Excel export and a report see the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from functools import cached_property
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import Judgement, Status, Summary, Trajectory, summarize, summary_sentence
from nghiquyet.orgs.access import Action, Role, get_for, principal_for, scope
from nghiquyet.orgs.models import Body, Place
from nghiquyet.targets.judging import (
    TrendPoint,
    counted_in_force,
    judgement_of,
    latest_approved,
    trajectory_in_force,
    trend_in_force,
)
from nghiquyet.targets.models import Actual, Indicator, PeriodLock, Target


def as_period(period: str | Period) -> Period:
    return period if isinstance(period, Period) else Period.parse(period)


# Indicators ---------------------------------------------------------------------------


def indicator_list(*, user: Any, province: Place | None = None) -> QuerySet[Indicator]:
    """The national catalogue and the province indicators ``user`` may see.

    ``province`` narrows the province part to one province (a form's choices).
    """
    own = scope(Indicator.objects.all(), user, Action.VIEW)
    if province is not None:
        own = own.filter(province=province)
    return Indicator.objects.filter(Q(province__isnull=True) | Q(pk__in=own.values("pk")))


# Targets ------------------------------------------------------------------------------


def target_list(
    *,
    user: Any,
    document: Document | None = None,
    owner: Body | int | None = None,
    sector: str | None = None,
    action: Action = Action.VIEW,
) -> QuerySet[Target]:
    """The live targets of live documents ``user`` may see (or change), in document order."""
    targets = Target.objects.filter(document__deleted_at__isnull=True).select_related(
        "indicator", "owner", "document", "place"
    )
    if document is not None:
        targets = targets.filter(document=document)
    if owner:
        targets = targets.filter(owner=owner)
    if sector:
        targets = targets.filter(indicator__sector=sector)
    return scope(targets, user, action).order_by("document", "position", "pk")


def target_get(*, user: Any, pk: int, action: Action = Action.VIEW) -> Target:
    """One target for ``user`` (404 when invisible, 403 when it may not be changed)."""
    return get_for(
        Target.objects.filter(document__deleted_at__isnull=True).select_related(
            "indicator", "owner", "document__province", "place"
        ),
        user,
        action,
        pk=pk,
    )


def document_list_with_targets(*, user: Any) -> QuerySet[Document]:
    """The live documents that hold targets ``user`` may see, with how many."""
    visible = Q(targets__pk__in=target_list(user=user).values("pk"))
    return (
        Document.objects.filter(visible)
        .annotate(target_count=Count("targets", filter=visible, distinct=True))
        .select_related("issuer")
        .order_by("-issued_on", "-pk")
    )


def document_periods(*, document: Document) -> list[Period]:
    """The periods a dashboard can show for ``document``: its targets' and the reported ones."""
    codes = set(Target.objects.filter(document=document).values_list("period", flat=True)) | set(
        Actual.objects.filter(
            target__document=document, target__deleted_at__isnull=True
        ).values_list("period", flat=True)
    )
    return sorted(Period.parse(code) for code in codes)


def default_period(*, document: Document) -> Period | None:
    """The period a dashboard opens on: the latest with approved figures, else the targets'."""
    approved = Actual.objects.filter(
        target__document=document, target__deleted_at__isnull=True, status=Actual.Status.APPROVED
    ).values_list("period", flat=True)
    periods = sorted({Period.parse(code) for code in approved})
    if periods:
        return periods[-1]
    targets = sorted(
        {Period.parse(code) for code in document.targets.values_list("period", flat=True)}
    )
    return targets[-1] if targets else None


@dataclass(frozen=True)
class TargetRow:
    """One line of a dashboard: the target, its verdict for the period, and its figures."""

    target: Target
    period: Period
    judgement: Judgement
    actual: Actual | None
    pending: Actual | None
    #: The figure in force for each reported period, from which the trend and the
    #: trajectory are drawn when a page shows them: a paged dashboard judges every
    #: target for the summary but draws only the rows it shows.
    in_force: dict[Period, Actual]

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


#: What judging a row reads of a figure (and a dashboard shows of it): a 1,000-target
#: dashboard loads 20,000 figures, and their other columns (three more timestamps, the
#: note, the source) cost more to convert than the judging itself.
ROW_ACTUAL_FIELDS = ("target", "period", "value", "is_estimate", "status", "approved_at")


def _with_actuals(targets: QuerySet[Target], *fields: str) -> QuerySet[Target]:
    """``targets`` with each one's figures in ``all_actuals`` (only ``fields`` when given)."""
    actuals = Actual.objects.order_by("approved_at", "pk")
    return targets.prefetch_related(
        Prefetch(
            "actuals", queryset=actuals.only(*fields) if fields else actuals, to_attr="all_actuals"
        )
    )


def target_row(target: Target, period: Period | str | None = None) -> TargetRow:
    """The dashboard line of one target for ``period`` (its own period by default).

    ``target`` may come from :func:`target_rows`' prefetch or straight from the database.
    """
    period = as_period(period) if period else target.period_obj
    actuals = getattr(target, "all_actuals", None)
    if actuals is None:
        actuals = list(target.actuals.order_by("approved_at", "pk"))
    in_force = latest_approved(actuals)
    counted = counted_in_force(target, in_force, period)
    pending = [a for a in actuals if a.is_open and a.period == period.code]
    return TargetRow(
        target=target,
        period=period,
        judgement=judgement_of(target, counted),
        actual=counted[-1] if counted else None,
        pending=pending[-1] if pending else None,
        in_force=in_force,
    )


def target_rows(
    *,
    user: Any,
    document: Document,
    period: Period | str,
    status: str | None = None,
    owner: Body | int | None = None,
    sector: str | None = None,
) -> list[TargetRow]:
    """Every visible target of ``document`` judged for ``period``, optionally filtered.

    ``status`` is a `nghiquyet.evaluation.Status` value ("exceeded", "not_achieved"…).
    """
    period = as_period(period)
    targets = _with_actuals(
        target_list(user=user, document=document, owner=owner, sector=sector), *ROW_ACTUAL_FIELDS
    )
    rows = [target_row(target, period) for target in targets]
    if status:
        rows = [row for row in rows if row.status == status]
    return rows


def document_summary(*, user: Any, document: Document, period: Period | str) -> Summary:
    """Counts per status of ``document``'s visible targets for ``period``."""
    return summarize(
        row.judgement for row in target_rows(user=user, document=document, period=period)
    )


def document_summary_sentence(
    *, user: Any, document: Document, period: Period | str, language: str | None = None
) -> str:
    """ "Có 7/24 chỉ tiêu đạt và vượt Nghị quyết (trong đó 3 chỉ tiêu vượt); …" for a period."""
    return summary_sentence_of(
        document_summary(user=user, document=document, period=period), language
    )


def rows_summary(rows: Iterable[TargetRow]) -> Summary:
    """The summary of rows already computed (a dashboard computes them once)."""
    return summarize(row.judgement for row in rows)


def summary_sentence_of(summary: Summary, language: str | None = None) -> str:
    """The report sentence of a summary, in the page's language by default."""
    return summary_sentence(summary, language=language or current_language())


# Actuals ------------------------------------------------------------------------------


def actual_list(*, user: Any, target: Target | None = None) -> QuerySet[Actual]:
    """The figures ``user`` may see, newest first: all states, for the history and review."""
    actuals = Actual.objects.filter(
        target__deleted_at__isnull=True, target__document__deleted_at__isnull=True
    ).select_related("target__indicator", "target__owner", "target__document", "submitted_by")
    if target is not None:
        actuals = actuals.filter(target=target)
    return scope(actuals, user, Action.VIEW).order_by("-created_at", "-pk")


def actual_get(*, user: Any, pk: int, action: Action = Action.VIEW) -> Actual:
    return get_for(
        Actual.objects.select_related(
            "target__indicator", "target__document__province", "target__owner"
        ),
        user,
        action,
        pk=pk,
    )


def actuals_to_review(*, user: Any) -> QuerySet[Actual]:
    """Submitted figures waiting for the office's decision, oldest first."""
    return (
        actual_list(user=user).filter(status=Actual.Status.SUBMITTED).order_by("submitted_at", "pk")
    )


def targets_to_report(*, user: Any) -> QuerySet[Target]:
    """The targets ``user`` may report on: a reporter's agency's, or all the office's."""
    return _with_actuals(target_list(user=user, action=Action.CHANGE).exclude(owner__isnull=True))


# Timeliness ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Timeliness:
    """How an agency reported for a period, as DHIS2 measures timeliness.

    ``expected`` targets needed a figure; ``submitted`` got one; ``on_time`` got it by
    the agency's deadline. The rate is on time ÷ expected, in percent (None when no
    deadline is set or nothing was expected).
    """

    body: Body
    period: Period
    deadline: dt.date | None
    expected: int
    submitted: int
    on_time: int

    @property
    def rate(self) -> Decimal | None:
        if self.deadline is None or not self.expected:
            return None
        return Decimal(self.on_time * 100) / Decimal(self.expected)


def period_deadline(*, province: Place, period: str, body: Body | None) -> dt.date | None:
    """The last day ``body`` may submit figures for ``period`` (None: no deadline set).

    An agency's exception extends the province's deadline, never shortens it.
    """
    lock = PeriodLock.objects.filter(province=province, period=period).first()
    if lock is None:
        return None
    exception = lock.exceptions.filter(body=body).first() if body is not None else None
    return max(exception.until, lock.deadline) if exception else lock.deadline


def timeliness(*, user: Any, province: Place, period: Period | str) -> list[Timeliness]:
    """The on-time reporting rate of each agency owning targets in ``province`` for ``period``.

    A target expects a figure for every period within its own period; a figure is on
    time when it was first submitted on or before the agency's deadline (the lock's,
    or the agency's exception).
    """
    period = as_period(period)
    targets = target_list(user=user).filter(document__province=province, owner__isnull=False)
    due: dict[int, list[Target]] = {}
    owners: dict[int, Body] = {}
    for target in targets:
        if target.period_obj.contains(period):
            due.setdefault(target.owner_id, []).append(target)
            owners[target.owner_id] = target.owner
    first_submissions: dict[int, Any] = {}
    for target_id, first in Actual.objects.filter(
        target__in=[t for group in due.values() for t in group],
        period=period.code,
        first_submitted_at__isnull=False,
    ).values_list("target_id", "first_submitted_at"):
        previous = first_submissions.get(target_id)
        first_submissions[target_id] = first if previous is None else min(previous, first)
    result = []
    for owner_id, group in due.items():
        deadline = period_deadline(province=province, period=period.code, body=owners[owner_id])
        submitted = [first_submissions[t.pk] for t in group if t.pk in first_submissions]
        on_time = [
            when
            for when in submitted
            if deadline is not None and timezone.localdate(when) <= deadline
        ]
        result.append(
            Timeliness(
                body=owners[owner_id],
                period=period,
                deadline=deadline,
                expected=len(group),
                submitted=len(submitted),
                on_time=len(on_time),
            )
        )
    return sorted(result, key=lambda row: row.body.name)


def is_office(*, user: Any) -> bool:
    """Whether ``user`` works in a province office (or administers the site): it approves."""
    principal = principal_for(user)
    return principal.is_admin or principal.role == Role.OFFICE
