"""Reads over tasks: lists with their derived status, a task's timeline, reminders.

Every selector that answers "as of when" takes ``today`` so that pages, commands
and tests agree on the day; :func:`local_today` gives the day in Vietnam.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils import timezone

from nghiquyet.core.periods import Period
from nghiquyet.orgs.access import Action, scope
from nghiquyet.orgs.models import Body, Place
from nghiquyet.tasks.failures import AgencyEvidence, evaluate, ranked
from nghiquyet.tasks.models import Check, CoordinationRequest, ProgressUpdate, Task, TaskGroup
from nghiquyet.tasks.status import DONE, DeadlineFact, Status, TaskFacts, UpdateFact


def local_today() -> dt.date:
    """Today in Asia/Ho_Chi_Minh (the project's time zone), whatever the server's clock zone."""
    return timezone.localdate()


def task_queryset(*, user: Any = None, province: Place | None = None) -> QuerySet[Task]:
    """Live tasks, narrowed to what ``user`` may see and to ``province`` (with its predecessors)."""
    tasks = Task.objects.select_related("lead", "supervisor", "group", "document", "parent")
    if province is not None:
        tasks = tasks.filter(province_id__in=province.lineage_ids())
    if user is not None:
        tasks = scope(tasks, user, Action.VIEW)
    return tasks


def task_facts(tasks: Iterable[Task]) -> dict[int, TaskFacts]:
    """The facts each task's status depends on, in three queries whatever the number of tasks."""
    tasks = list(tasks)
    ids = [t.pk for t in tasks]
    updates: dict[int, list[UpdateFact]] = defaultdict(list)
    for task_id, reported_on, percent, blocked, created_at in ProgressUpdate.objects.filter(
        task_id__in=ids
    ).values_list("task_id", "reported_on", "percent", "blocked", "created_at"):
        updates[task_id].append(UpdateFact(reported_on, percent, blocked, created_at))
    deadlines: dict[int, list[DeadlineFact]] = defaultdict(list)
    for task_id, since, deadline in Task.history.filter(id__in=ids).values_list(
        "id", "history_date", "deadline"
    ):
        deadlines[task_id].append(DeadlineFact(since, deadline))
    return {
        t.pk: TaskFacts(
            start_on=t.start_on,
            deadline=t.deadline,
            recurrence=t.recurrence,
            updates=tuple(updates[t.pk]),
            deadlines=tuple(deadlines[t.pk]),
        )
        for t in tasks
    }


@dataclass
class TaskRow:
    """A task with what its records say about it on a given day."""

    task: Task
    status: Status
    percent: int
    done_on: dt.date | None
    days_late: int


def task_rows(tasks: Iterable[Task], *, today: dt.date) -> list[TaskRow]:
    tasks = list(tasks)
    facts = task_facts(tasks)
    rows = []
    for task in tasks:
        fact = facts[task.pk]
        obligations = fact.obligations(today)
        rows.append(
            TaskRow(
                task=task,
                status=fact.status(today),
                percent=fact.percent(today),
                done_on=fact.done_on(today),
                days_late=max((o.days_late(today) for o in obligations), default=0),
            )
        )
    return rows


@dataclass(frozen=True)
class TaskFilters:
    agency: int | None = None
    status: str = ""
    group: int | None = None
    due_from: dt.date | None = None
    due_to: dt.date | None = None
    query: str = ""


def task_list(*, user: Any, today: dt.date, filters: TaskFilters = TaskFilters()) -> list[TaskRow]:
    """The tasks ``user`` may see, filtered, each with its derived status."""
    tasks = task_queryset(user=user)
    if filters.agency:
        tasks = tasks.filter(lead_id=filters.agency)
    if filters.group:
        tasks = tasks.filter(group_id=filters.group)
    if filters.due_from:
        tasks = tasks.filter(deadline__gte=filters.due_from)
    if filters.due_to:
        tasks = tasks.filter(deadline__lte=filters.due_to)
    if filters.query:
        tasks = tasks.filter(title__icontains=filters.query)
    rows = task_rows(tasks.prefetch_related("coordinators"), today=today)
    if filters.status:
        rows = [r for r in rows if r.status == filters.status]
    return sorted(rows, key=_plan_order)


def _plan_order(row: TaskRow) -> tuple:
    """As the plan reads: by document, then group, then number (1, 1.1, 1.2, 2 … 10).

    The database orders codes as text ("10" before "2") and mixes the groups of
    different documents that share a position; tasks outside any group come last.
    """
    task, group = row.task, row.task.group
    number = tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part) for part in task.code.split(".")
    )
    place = (0, group.position, group.pk) if group else (1, 0, 0)
    return (task.document_id or 0, place, number, task.pk)


def task_groups_visible(*, user: Any) -> QuerySet[TaskGroup]:
    return scope(TaskGroup.objects.select_related("document"), user, Action.VIEW)


def task_detail(*, task: Task, today: dt.date) -> TaskRow:
    return task_rows([task], today=today)[0]


@dataclass(frozen=True)
class TimelineEvent:
    """One dated line of a task's timeline: a deadline, an update, a request, an answer, a check."""

    day: dt.date
    kind: str
    record: Any
    body: Body | None = None
    late: bool = False


def task_timeline(*, task: Task) -> list[TimelineEvent]:
    """Everything that happened to the task, oldest first, deadline moves included."""
    events = [TimelineEvent(task.start_on, "start", task, task.lead)]
    previous = None
    for record in task.history.order_by("history_date", "history_id"):
        if previous is not None and record.deadline != previous:
            moved_on = timezone.localdate(record.history_date)
            events.append(TimelineEvent(moved_on, "deadline", record))
        previous = record.deadline
    for update in task.updates.select_related("created_by"):
        events.append(TimelineEvent(update.reported_on, "update", update, task.lead))
    for request in task.coordination_requests.select_related(
        "requested_body", "answered_by", "requested_by"
    ):
        events.append(TimelineEvent(request.requested_on, "request", request, request.requested_by))
        if request.answered_on:
            events.append(
                TimelineEvent(
                    request.answered_on,
                    "answer",
                    request,
                    request.answered_by,
                    late=request.answered_on > request.due_on,
                )
            )
    for check in task.checks.select_related("body"):
        events.append(TimelineEvent(check.checked_on, "check", check, check.body))
    order = {"start": 0, "deadline": 1, "request": 2, "answer": 3, "update": 4, "check": 5}
    return sorted(events, key=lambda e: (e.day, order[e.kind]))


def coordination_requests_for(*, user: Any) -> QuerySet[CoordinationRequest]:
    """The requests ``user`` may see: for a reporter, those addressed to its agency."""
    return scope(
        CoordinationRequest.objects.select_related(
            "task", "requested_body", "requested_by", "answered_by"
        ),
        user,
        Action.VIEW,
    ).order_by("answered_on", "due_on", "pk")


@dataclass
class Reminder:
    """What one agency should hear about today."""

    agency: Body
    due_soon: list[TaskRow] = field(default_factory=list)
    late: list[TaskRow] = field(default_factory=list)
    unanswered: list[CoordinationRequest] = field(default_factory=list)

    def is_empty(self) -> bool:
        return not (self.due_soon or self.late or self.unanswered)


def reminders_for(
    *, today: dt.date, within_days: int, province: Place | None = None
) -> list[Reminder]:
    """Per agency: open tasks due within ``within_days``, late tasks, unanswered requests."""
    reminders: dict[int, Reminder] = {}

    def reminder(body: Body) -> Reminder:
        return reminders.setdefault(body.pk, Reminder(agency=body))

    horizon = today + dt.timedelta(days=within_days)
    tasks = task_queryset(province=province).filter(start_on__lte=horizon)
    facts = task_facts(tasks)
    for row in task_rows(tasks, today=today):
        fact = facts[row.task.pk]
        if row.status == Status.OVERDUE:
            reminder(row.task.lead).late.append(row)
        elif row.status not in DONE and any(
            today <= o.due <= horizon and not o.is_done(today) for o in fact.obligations(horizon)
        ):
            reminder(row.task.lead).due_soon.append(row)
    requests = CoordinationRequest.objects.filter(
        answered_on__isnull=True, task__deleted_at__isnull=True, requested_on__lte=today
    ).select_related("task", "requested_body", "requested_by")
    if province is not None:
        requests = requests.filter(task__province_id__in=province.lineage_ids())
    for request in requests.order_by("due_on", "pk"):
        reminder(request.requested_body).unanswered.append(request)
    return sorted((r for r in reminders.values() if not r.is_empty()), key=lambda r: r.agency.name)


def four_failures_evidence(
    *, province: Place, period: Period, today: dt.date, user: Any = None
) -> list[AgencyEvidence]:
    """The "4 không" of every agency of ``province`` in ``period``, worst first, with evidence.

    Without ``user`` every record of the province counts (for generated reports);
    with one, only what that user may see.
    """
    tasks = list(task_queryset(user=user, province=province).filter(start_on__lte=today))
    check_dates: dict[int, list[dt.date]] = defaultdict(list)
    for task_id, checked_on in Check.objects.filter(task__in=tasks).values_list(
        "task_id", "checked_on"
    ):
        check_dates[task_id].append(checked_on)
    requests = CoordinationRequest.objects.filter(
        task__province_id__in=province.lineage_ids(), task__deleted_at__isnull=True
    ).select_related("task", "requested_body", "answered_by")
    if user is not None:
        requests = scope(requests, user, Action.VIEW)
    evidence = evaluate(
        tasks=tasks,
        facts=task_facts(tasks),
        check_dates=check_dates,
        requests=requests,
        period=period,
        today=today,
    )
    return ranked(evidence.values())


@dataclass(frozen=True)
class FourFailuresRow:
    """One line of the ranked "4 không" table, in plain values (for reports and the API)."""

    rank: int
    agency_id: int
    agency: str
    failures: int
    proposed: int
    assigned: int
    no_initiative: bool
    due: int
    not_done: int
    done_late: int
    days_late: int
    requests: int
    unanswered: int
    answered_late: int
    no_update: int
    no_check: int


def four_failures_by_agency(
    *, province: Place, period: Period, today: dt.date, user: Any = None
) -> list[FourFailuresRow]:
    """The ranked "4 không" table: one plain row per agency with something in the period."""
    return [
        FourFailuresRow(
            rank=rank,
            agency_id=e.agency.pk,
            agency=e.agency.name,
            failures=e.failures,
            proposed=len(e.proposed),
            assigned=len(e.assigned),
            no_initiative=e.no_initiative,
            due=e.due_count,
            not_done=len(e.not_done),
            done_late=len(e.done_late),
            days_late=e.days_late,
            requests=e.requests_count,
            unanswered=len(e.unanswered),
            answered_late=len(e.answered_late),
            no_update=len(e.no_update),
            no_check=len(e.no_check),
        )
        for rank, e in enumerate(
            four_failures_evidence(province=province, period=period, today=today, user=user),
            start=1,
        )
    ]


def four_failures_of_agency(
    *, province: Place, agency: Body, period: Period, today: dt.date, user: Any = None
) -> AgencyEvidence:
    """One agency's "4 không" with the records behind each number (empty when it has none)."""
    for evidence in four_failures_evidence(
        province=province, period=period, today=today, user=user
    ):
        if evidence.agency.pk == agency.pk:
            return evidence
    return AgencyEvidence(agency=agency)
