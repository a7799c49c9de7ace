"""Reads over indicators, targets and actuals; a dashboard's verdicts are read in
:mod:`nghiquyet.targets.dashboard`.

Every selector takes the acting ``user`` and narrows through the access layer, so
a page, the API, the Excel export and a report see the same rows.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import timezone

from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, Role, get_for, principal_for, scope
from nghiquyet.orgs.models import Body, Place
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


def _with_actuals(targets: QuerySet[Target]) -> QuerySet[Target]:
    """``targets`` with each one's figures, in every state, in ``all_actuals``."""
    actuals = Actual.objects.order_by("approved_at", "pk")
    return targets.prefetch_related(Prefetch("actuals", queryset=actuals, to_attr="all_actuals"))


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


def period_deadlines(*, province: Place, period: str) -> tuple[dt.date | None, dict[int, dt.date]]:
    """:func:`period_deadline` for every agency at once, in two queries: the province's
    deadline, and each agency's own when an exception extends it."""
    lock = PeriodLock.objects.filter(province=province, period=period).first()
    if lock is None:
        return None, {}
    extended = {
        body_id: max(until, lock.deadline)
        for body_id, until in lock.exceptions.values_list("body_id", "until")
    }
    return lock.deadline, extended


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
    province_deadline, extended = period_deadlines(province=province, period=period.code)
    for owner_id, group in due.items():
        deadline = extended.get(owner_id, province_deadline)
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
