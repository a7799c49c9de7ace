"""The targets' part of the home page's work list: figures to approve and to send."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from nghiquyet.core.periods import Period
from nghiquyet.core.templatetags.nghiquyet import period_label
from nghiquyet.core.worklist import LIMIT, WorkItem, WorkSection
from nghiquyet.orgs.access import principal_for
from nghiquyet.orgs.models import Membership
from nghiquyet.targets.models import Actual, PeriodLock
from nghiquyet.targets.selectors import actuals_to_review, period_deadline, targets_to_report


def sections(*, user: Any, today: dt.date) -> list[WorkSection]:
    principal = principal_for(user)
    found = []
    if principal.is_admin or principal.role == Membership.Role.OFFICE:
        found.append(_to_approve(user))
    if principal.role == Membership.Role.REPORTER:
        found.append(_to_send(user, today))
    return found


def _to_approve(user: Any) -> WorkSection:
    waiting = actuals_to_review(user=user).select_related("target__indicator", "target__owner")
    items = [
        WorkItem(
            text=actual.target.indicator.name,
            url=reverse("targets:target_detail", args=[actual.target_id]),
            detail=f"{actual.target.owner} · {period_label(actual.period)}",
        )
        for actual in waiting[:LIMIT]
    ]
    return WorkSection(
        _("Figures to approve"), items, reverse("targets:review"), total=waiting.count()
    )


def _to_send(user: Any, today: dt.date) -> WorkSection:
    """Targets of the reporter's agency with no figure sent yet for a period still open."""
    targets = list(targets_to_report(user=user).select_related("indicator", "owner", "document"))
    provinces = {t.document.province_id for t in targets}
    open_periods = list(
        PeriodLock.objects.filter(province_id__in=provinces, deadline__gte=today).values_list(
            "province_id", "period"
        )
    )
    sent = set(
        Actual.objects.filter(
            target__in=targets, status__in=[Actual.Status.SUBMITTED, Actual.Status.APPROVED]
        ).values_list("target_id", "period")
    )
    items = []
    for target in targets:
        for province_id, period in open_periods:
            if province_id != target.document.province_id or (target.pk, period) in sent:
                continue
            if not _within(target.period, period):
                continue
            deadline = period_deadline(
                province=target.document.province, period=period, body=target.owner
            )
            items.append(
                WorkItem(
                    text=target.indicator.name,
                    url=reverse("targets:actual_create", args=[target.pk]),
                    detail=period_label(period),
                    due=deadline,
                    late=bool(deadline and deadline < today),
                )
            )
    items.sort(key=lambda item: (item.due or dt.date.max, item.text))
    return WorkSection(
        _("Figures to send"), items[:LIMIT], reverse("targets:report"), total=len(items)
    )


def _within(target_period: str, period: str) -> bool:
    """Whether a figure for ``period`` is asked of a target set for ``target_period``."""
    try:
        return Period.parse(target_period).contains(Period.parse(period))
    except ValueError:
        return False
