"""API over tasks: the list with derived statuses, progress, coordination, checks, the "4 không".

Every operation goes through the same selectors, services and access layer as
the pages; a refused write is a 403, an invisible record a 404, invalid input a 422.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from nghiquyet.api.pagination import Page
from nghiquyet.core.periods import Period
from nghiquyet.orgs.access import Action, get_for
from nghiquyet.orgs.models import Body, Place
from nghiquyet.orgs.selectors import province_of
from nghiquyet.tasks import services
from nghiquyet.tasks.selectors import (
    FourFailuresRow,
    TaskFilters,
    TaskRow,
    coordination_requests_for,
    four_failures_by_agency,
    four_failures_of_agency,
    local_today,
    task_detail,
    task_groups_visible,
    task_list,
    task_queryset,
)

router = Router(tags=["tasks"])


class TaskOut(Schema):
    id: int
    code: str
    title: str
    group_id: int | None
    document_id: int | None
    parent_id: int | None
    origin: str
    lead_id: int
    lead: str
    coordinator_ids: list[int]
    supervisor_id: int | None
    start_on: dt.date
    deadline: dt.date | None
    recurrence: str
    expected_output: str
    status: str
    percent: int
    done_on: dt.date | None
    days_late: int


def _task_out(row: TaskRow) -> TaskOut:
    task = row.task
    return TaskOut(
        id=task.pk,
        code=task.code,
        title=task.title,
        group_id=task.group_id,
        document_id=task.document_id,
        parent_id=task.parent_id,
        origin=task.origin,
        lead_id=task.lead_id,
        lead=task.lead.name,
        coordinator_ids=[b.pk for b in task.coordinators.all()],
        supervisor_id=task.supervisor_id,
        start_on=task.start_on,
        deadline=task.deadline,
        recurrence=task.recurrence,
        expected_output=task.expected_output,
        status=row.status.value,
        percent=row.percent,
        done_on=row.done_on,
        days_late=row.days_late,
    )


def _invalid(error: ValidationError) -> HttpError:
    return HttpError(422, " ".join(error.messages))


@router.get("/", response=list[TaskOut])
@paginate(Page)
def tasks(
    request: HttpRequest,
    agency: int | None = None,
    status: str = "",
    group: int | None = None,
    on: dt.date | None = None,
):
    """The tasks the caller may see, each with its status as of ``on`` (today by default)."""
    filters = TaskFilters(agency=agency, status=status, group=group)
    return [
        _task_out(r)
        for r in task_list(user=request.user, today=on or local_today(), filters=filters)
    ]


class TaskIn(Schema):
    title: str
    lead_id: int
    start_on: dt.date
    deadline: dt.date | None = None
    recurrence: str = ""
    group_id: int | None = None
    parent_id: int | None = None
    coordinator_ids: list[int] = []
    supervisor_id: int | None = None
    origin: str = "assigned"
    code: str = ""
    expected_output: str = ""


@router.post("/", response={201: TaskOut})
def task_create(request: HttpRequest, payload: TaskIn):
    """The office assigns; a reporter proposes (origin "proposed") or adds a sub-task to its own."""
    bodies = Body.objects.filter(pk__in=[payload.lead_id, payload.supervisor_id or 0])
    found = {b.pk: b for b in bodies}
    if payload.lead_id not in found or (
        payload.supervisor_id and payload.supervisor_id not in found
    ):
        raise HttpError(422, "unknown body")
    coordinators = list(Body.objects.filter(pk__in=payload.coordinator_ids))
    if len(coordinators) != len(set(payload.coordinator_ids)):
        raise HttpError(422, "unknown body")
    group = (
        get_for(
            task_groups_visible(user=request.user), request.user, Action.VIEW, pk=payload.group_id
        )
        if payload.group_id
        else None
    )
    parent = (
        get_for(task_queryset(), request.user, Action.VIEW, pk=payload.parent_id)
        if payload.parent_id
        else None
    )
    try:
        created = services.task_create(
            user=request.user,
            title=payload.title,
            lead=found[payload.lead_id],
            start_on=payload.start_on,
            deadline=payload.deadline,
            recurrence=payload.recurrence,
            group=group,
            parent=parent,
            coordinators=coordinators,
            supervisor=found.get(payload.supervisor_id),
            origin=payload.origin,
            code=payload.code,
            expected_output=payload.expected_output,
        )
    except ValidationError as error:
        raise _invalid(error) from error
    return Status(201, _task_out(task_detail(task=created, today=local_today())))


@router.get("/{int:task_id}", response=TaskOut)
def task(request: HttpRequest, task_id: int, on: dt.date | None = None):
    obj = get_for(task_queryset(), request.user, Action.VIEW, pk=task_id)
    return _task_out(task_detail(task=obj, today=on or local_today()))


class ProgressIn(Schema):
    reported_on: dt.date
    percent: int
    narrative: str
    results: str = ""
    blocked: bool = False


class ProgressOut(Schema):
    id: int
    task_id: int
    reported_on: dt.date
    percent: int
    narrative: str
    results: str
    blocked: bool


@router.post("/{int:task_id}/progress", response={201: ProgressOut})
def progress_add(request: HttpRequest, task_id: int, payload: ProgressIn):
    """The lead agency posts a progress update (evidence files go through the page)."""
    obj = get_for(task_queryset(), request.user, Action.VIEW, pk=task_id)
    try:
        update = services.task_progress_add(user=request.user, task=obj, **payload.dict())
    except ValidationError as error:
        raise _invalid(error) from error
    return Status(201, update)


class RequestOut(Schema):
    id: int
    task_id: int
    task: str
    requested_by_id: int
    requested_body_id: int
    subject: str
    requested_on: dt.date
    due_on: dt.date
    answered_on: dt.date | None
    answered_by_id: int | None
    answer: str

    @staticmethod
    def resolve_task(obj) -> str:
        return obj.task.title


class RequestIn(Schema):
    requested_body_id: int
    subject: str
    requested_on: dt.date
    due_on: dt.date


@router.post("/{int:task_id}/requests", response={201: RequestOut})
def request_create(request: HttpRequest, task_id: int, payload: RequestIn):
    obj = get_for(task_queryset(), request.user, Action.VIEW, pk=task_id)
    body = get_object_or_404(Body, pk=payload.requested_body_id)
    try:
        created = services.coordination_request_create(
            user=request.user,
            task=obj,
            requested_body=body,
            subject=payload.subject,
            requested_on=payload.requested_on,
            due_on=payload.due_on,
        )
    except ValidationError as error:
        raise _invalid(error) from error
    return Status(201, created)


@router.get("/requests", response=list[RequestOut])
@paginate(Page)
def requests(request: HttpRequest, unanswered: bool = False):
    """Requests the caller may see: a reporter sees those addressed to its agency."""
    found = coordination_requests_for(user=request.user)
    return found.filter(answered_on__isnull=True) if unanswered else found


class AnswerIn(Schema):
    answer: str
    answered_on: dt.date
    answered_by_id: int | None = None


@router.post("/requests/{int:request_id}/answer", response=RequestOut)
def request_answer(request: HttpRequest, request_id: int, payload: AnswerIn):
    obj = get_for(
        coordination_requests_for(user=request.user), request.user, Action.VIEW, pk=request_id
    )
    answered_by = (
        get_object_or_404(Body, pk=payload.answered_by_id) if payload.answered_by_id else None
    )
    try:
        return services.coordination_answer(
            user=request.user,
            request=obj,
            answer=payload.answer,
            answered_on=payload.answered_on,
            answered_by=answered_by,
        )
    except ValidationError as error:
        raise _invalid(error) from error


class CheckIn(Schema):
    kind: str
    checked_on: dt.date
    findings: str


class CheckOut(Schema):
    id: int
    task_id: int
    body_id: int
    kind: str
    checked_on: dt.date
    findings: str


@router.post("/{int:task_id}/checks", response={201: CheckOut})
def check_add(request: HttpRequest, task_id: int, payload: CheckIn):
    obj = get_for(task_queryset(), request.user, Action.VIEW, pk=task_id)
    try:
        return Status(201, services.task_check_add(user=request.user, task=obj, **payload.dict()))
    except ValidationError as error:
        raise _invalid(error) from error


def _province_and_period(request: HttpRequest, province: int | None, period: str) -> tuple:
    try:
        parsed = Period.parse(period)
    except ValueError as error:
        raise HttpError(422, str(error)) from error
    if province is None:
        own = province_of(request.user)
        if own is None:
            raise HttpError(422, "province is required")
        return own, parsed
    return get_object_or_404(Place, pk=province, level=Place.Level.PROVINCE), parsed


@router.get("/four-failures", response=list[FourFailuresRow])
@paginate(Page)
def four_failures(
    request: HttpRequest, period: str, province: int | None = None, on: dt.date | None = None
):
    """The ranked "4 không" of the province (the caller's by default) from what the caller sees."""
    place, parsed = _province_and_period(request, province, period)
    rows: list[FourFailuresRow] = four_failures_by_agency(
        province=place, period=parsed, today=on or local_today(), user=request.user
    )
    return rows


class GapOut(Schema):
    task_id: int
    kind: str
    gap_days: int
    interval_days: int
    last_on: dt.date | None


class LateOut(Schema):
    task_id: int
    due: dt.date
    done_on: dt.date | None
    days_late: int


class CoordinationOut(Schema):
    request_id: int
    due_on: dt.date
    answered_on: dt.date | None
    answered_by_id: int | None
    days_late: int


class EvidenceOut(Schema):
    agency_id: int
    failures: int
    proposed_task_ids: list[int]
    assigned_task_ids: list[int]
    late: list[LateOut]
    coordination: list[CoordinationOut]
    gaps: list[GapOut]


@router.get("/four-failures/{int:agency_id}", response=EvidenceOut)
def four_failures_agency(
    request: HttpRequest,
    agency_id: int,
    period: str,
    province: int | None = None,
    on: dt.date | None = None,
):
    """One agency's figures with the records behind them."""
    agency = get_for(Body, request.user, Action.VIEW, pk=agency_id)
    place, parsed = _province_and_period(request, province, period)
    e = four_failures_of_agency(
        province=place, agency=agency, period=parsed, today=on or local_today(), user=request.user
    )
    return EvidenceOut(
        agency_id=agency.pk,
        failures=e.failures,
        proposed_task_ids=[t.pk for t in e.proposed],
        assigned_task_ids=[t.pk for t in e.assigned],
        late=[
            LateOut(
                task_id=i.task.pk,
                due=i.obligation.due,
                done_on=i.obligation.done_on if i.done else None,
                days_late=i.days_late,
            )
            for i in e.late
        ],
        coordination=[
            CoordinationOut(
                request_id=i.request.pk,
                due_on=i.request.due_on,
                answered_on=i.request.answered_on if i.answered else None,
                answered_by_id=i.request.answered_by_id if i.answered else None,
                days_late=i.days_late,
            )
            for i in e.coordination
        ],
        gaps=[
            GapOut(
                task_id=g.task.pk,
                kind=g.kind,
                gap_days=g.gap_days,
                interval_days=g.interval_days,
                last_on=g.last_on,
            )
            for g in e.gaps
        ],
    )
