"""The tasks' part of the home page's work list: tasks due or late, requests to answer."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.urls import reverse
from django.utils.translation import gettext as _

from nghiquyet.core.worklist import LIMIT, WorkItem, WorkSection
from nghiquyet.orgs.access import principal_for
from nghiquyet.orgs.models import Membership
from nghiquyet.tasks.selectors import TaskFilters, coordination_requests_for, task_list
from nghiquyet.tasks.status import DONE, Status

#: Tasks due within this many days are listed with the late ones.
HORIZON_DAYS = 31


def sections(*, user: Any, today: dt.date) -> list[WorkSection]:
    principal = principal_for(user)
    if not (principal.is_admin or principal.is_member):
        return []
    # A reporter answers for its own agency's tasks; the office and leaders follow all.
    own = principal.agency_id if principal.role == Membership.Role.REPORTER else None
    return [_tasks(user, today, own), _requests(user, today, own)]


def _tasks(user: Any, today: dt.date, agency: int | None) -> WorkSection:
    horizon = today + dt.timedelta(days=HORIZON_DAYS)
    rows = [
        row
        for row in task_list(user=user, today=today, filters=TaskFilters(agency=agency))
        if row.status not in DONE
        and row.task.deadline is not None
        and (row.status == Status.OVERDUE or row.task.deadline <= horizon)
    ]
    rows.sort(key=lambda row: row.task.deadline)
    items = [
        WorkItem(
            text=row.task.title,
            url=reverse("tasks:detail", args=[row.task.pk]),
            detail=f"{row.task.lead} · {row.status.label}",
            due=row.task.deadline,
            late=row.task.deadline < today,
        )
        for row in rows[:LIMIT]
    ]
    return WorkSection(_("Tasks due and late"), items, reverse("tasks:list"), total=len(rows))


def _requests(user: Any, today: dt.date, agency: int | None) -> WorkSection:
    waiting = coordination_requests_for(user=user).filter(answered_on__isnull=True)
    if agency is not None:
        waiting = waiting.filter(requested_body_id=agency)
    waiting = waiting.order_by("due_on", "pk")
    items = [
        WorkItem(
            text=request.subject,
            url=reverse("tasks:requests"),
            detail=f"{request.requested_body} · {request.task.title}",
            due=request.due_on,
            late=bool(request.due_on and request.due_on < today),
        )
        for request in waiting[:LIMIT]
    ]
    return WorkSection(
        _("Coordination requests to answer"), items, reverse("tasks:requests"), waiting.count()
    )
