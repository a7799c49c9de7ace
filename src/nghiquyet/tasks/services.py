"""Writes over tasks: assign, break down, report progress, ask and answer, check, move a deadline.

Each service checks permission through :mod:`nghiquyet.orgs.access`, validates
everything before it writes and runs in one transaction, so a refused or invalid
call changes nothing. Who may do what:

- the province office assigns tasks and groups and moves deadlines;
- an agency reporter proposes tasks of its own, breaks its tasks into sub-tasks,
  posts their progress and asks other agencies to coordinate;
- the addressed agency answers a coordination request (the office may record an
  answer given by another agency);
- the supervising body (or the office) records checks.
"""

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import transaction
from django.utils.translation import gettext as _

from nghiquyet.core.history import history_attribute
from nghiquyet.core.validation import check_fields
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, can, can_create, scope
from nghiquyet.orgs.models import Body, Place
from nghiquyet.targets.models import Target
from nghiquyet.tasks.models import Check, CoordinationRequest, ProgressUpdate, Task, TaskGroup
from nghiquyet.tasks.selectors import local_today

#: What officials attach as evidence of progress: signed scans, reports, tables, photos.
EVIDENCE_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".jpg", ".jpeg", ".png")
EVIDENCE_MAX_MB = 20


def _check_evidence(evidence: File | None) -> None:
    if evidence is None:
        return
    if not evidence.name.lower().endswith(EVIDENCE_EXTENSIONS):
        raise ValidationError({"evidence": _("Evidence must be a PDF, Word, Excel or image file.")})
    if evidence.size > EVIDENCE_MAX_MB * 1024 * 1024:
        raise ValidationError(
            {"evidence": _("Evidence files are limited to %(mb)d MB.") % {"mb": EVIDENCE_MAX_MB}}
        )


def _saved(obj: Any, user: Any) -> Any:
    """Save ``obj`` naming ``user`` in its history row (outside a request too), once
    every value fits its column."""
    check_fields(obj)
    history_attribute(obj, user)
    obj.save()
    return obj


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _require_office(user: Any, province: Place) -> None:
    """Only the office (or an administrator) decides for the whole province.

    Task groups belong to no agency, so the access layer lets only the office
    create them; the same answer says who may assign tasks and move deadlines.
    """
    _require(can_create(user, TaskGroup, province=province))


def _check_bodies_in(province: Place, bodies: Iterable[Body | None]) -> None:
    lineage = province.lineage_ids()
    for body in bodies:
        if body is not None and body.province_id not in lineage:
            raise ValidationError(
                _("%(body)s is not a body of %(province)s.") % {"body": body, "province": province}
            )


@transaction.atomic
def task_group_create(
    *, user: Any, document: Document, name: str, kind: str = TaskGroup.Kind.MAIN, position: int = 0
) -> TaskGroup:
    if document.province is None:
        raise ValidationError(_("Tasks are assigned by a document of a province."))
    _require_office(user, document.province)
    name = name.strip()
    if not name:
        raise ValidationError(_("A task group needs a name."))
    if TaskGroup.objects.filter(document=document, name=name).exists():
        raise ValidationError(_("This document already has a task group with this name."))
    group = TaskGroup(
        province=document.province, document=document, name=name, kind=kind, position=position
    )
    return _saved(group, user)


def _validate_dates(*, start_on: dt.date, deadline: dt.date | None, recurrence: str) -> None:
    if recurrence not in Task.Recurrence.values:
        raise ValidationError(_("Unknown recurrence %(value)s.") % {"value": recurrence})
    if not recurrence and deadline is None:
        raise ValidationError(_("A one-off task needs a deadline."))
    if deadline is not None and deadline < start_on:
        raise ValidationError(_("The deadline cannot be before the start."))


@transaction.atomic
def task_create(
    *,
    user: Any,
    title: str,
    lead: Body,
    start_on: dt.date,
    deadline: dt.date | None = None,
    recurrence: str = "",
    document: Document | None = None,
    group: TaskGroup | None = None,
    parent: Task | None = None,
    coordinators: Iterable[Body] = (),
    supervisor: Body | None = None,
    targets: Iterable[Target] = (),
    origin: str = Task.Origin.ASSIGNED,
    code: str = "",
    description: str = "",
    expected_output: str = "",
) -> Task:
    """Assign a task (office), propose one (its own agency), or break a task down (its lead).

    A reporter may create only tasks its own agency leads, and only as a proposal
    or as a sub-task of a task it may change: assignment comes from above.
    """
    if group is not None:
        document = document or group.document
        if group.document_id != document.pk:
            raise ValidationError(_("The task group belongs to another document."))
    if parent is not None:
        document = document or parent.document
        group = group or parent.group
    province = (
        parent.province
        if parent is not None
        else (document.province if document is not None else lead.province)
    )
    if province is None:
        raise ValidationError(_("Tasks are assigned by a document of a province."))
    _require(can_create(user, Task, province=province, agency_id=lead.pk))
    if not can_create(user, TaskGroup, province=province):
        if parent is not None:
            _require(can(user, Action.CHANGE, parent))
        elif origin != Task.Origin.PROPOSED:
            raise PermissionDenied
    title = title.strip()
    if not title:
        raise ValidationError(_("A task needs a title."))
    if origin not in Task.Origin.values:
        raise ValidationError(_("Unknown origin %(value)s.") % {"value": origin})
    if origin == Task.Origin.ASSIGNED and document is None:
        raise ValidationError(_("An assigned task names the document that assigns it."))
    _validate_dates(start_on=start_on, deadline=deadline, recurrence=recurrence)
    coordinators = list(coordinators)
    _check_bodies_in(province, [lead, supervisor, *coordinators])
    targets = list(targets)
    lineage = province.lineage_ids()
    if any(t.document.province_id not in lineage for t in targets):
        raise ValidationError(_("A task can only serve targets of its own province."))
    if lead in coordinators:
        raise ValidationError(_("The lead agency cannot also coordinate its own task."))
    task = Task(
        province=province,
        document=document,
        group=group,
        parent=parent,
        code=code.strip(),
        title=title,
        description=description,
        origin=origin,
        lead=lead,
        supervisor=supervisor,
        start_on=start_on,
        deadline=deadline,
        recurrence=recurrence,
        expected_output=expected_output,
    )
    _saved(task, user)
    task.coordinators.set(coordinators)
    task.targets.set(targets)
    return task


@transaction.atomic
def task_deadline_move(*, user: Any, task: Task, deadline: dt.date, reason: str) -> Task:
    """Move a deadline; the history keeps the old one and says why (see ``status``)."""
    _require_office(user, task.province)
    if not reason.strip():
        raise ValidationError(_("Say why the deadline moves."))
    _validate_dates(start_on=task.start_on, deadline=deadline, recurrence=task.recurrence)
    task.deadline = deadline
    task._change_reason = reason.strip()
    return _saved(task, user)


@transaction.atomic
def task_progress_add(
    *,
    user: Any,
    task: Task,
    reported_on: dt.date,
    percent: int,
    narrative: str,
    results: str = "",
    blocked: bool = False,
    evidence: File | None = None,
    today: dt.date | None = None,
) -> ProgressUpdate:
    """The lead agency reports progress; 100% marks the task done on ``reported_on``."""
    _require(
        can_create(user, ProgressUpdate, province=task.province, agency_id=task.lead_id)
        and can(user, Action.CHANGE, task)
    )
    today = today or local_today()
    if not 0 <= percent <= 100:
        raise ValidationError(_("Progress is a percentage from 0 to 100."))
    if reported_on > today:
        raise ValidationError(_("Progress cannot be reported for a future day."))
    if reported_on < task.start_on:
        raise ValidationError(_("Progress cannot be reported before the task starts."))
    if not narrative.strip():
        raise ValidationError(_("Describe the progress."))
    if blocked and percent >= 100:
        raise ValidationError(_("A finished task cannot be blocked."))
    _check_evidence(evidence)
    update = ProgressUpdate(
        task=task,
        reported_on=reported_on,
        percent=percent,
        narrative=narrative.strip(),
        results=results.strip(),
        blocked=blocked,
        created_by=user if user.is_authenticated else None,
    )
    if evidence is not None:
        update.evidence.save(evidence.name, evidence, save=False)
    return _saved(update, user)


@transaction.atomic
def coordination_request_create(
    *,
    user: Any,
    task: Task,
    requested_body: Body,
    subject: str,
    requested_on: dt.date,
    due_on: dt.date,
    today: dt.date | None = None,
) -> CoordinationRequest:
    """The lead agency (or the office) asks another agency for its part of a task."""
    _require(can(user, Action.CHANGE, task))
    today = today or local_today()
    _check_bodies_in(task.province, [requested_body])
    if requested_body.pk == task.lead_id:
        raise ValidationError(_("The lead agency cannot ask itself to coordinate."))
    if not subject.strip():
        raise ValidationError(_("Say what is asked."))
    if requested_on > today:
        raise ValidationError(_("A request cannot be dated in the future."))
    if due_on < requested_on:
        raise ValidationError(_("The answer cannot be due before the request."))
    request = CoordinationRequest(
        task=task,
        requested_by=task.lead,
        requested_body=requested_body,
        subject=subject.strip(),
        requested_on=requested_on,
        due_on=due_on,
        created_by=user if user.is_authenticated else None,
    )
    return _saved(request, user)


@transaction.atomic
def coordination_answer(
    *,
    user: Any,
    request: CoordinationRequest,
    answer: str,
    answered_on: dt.date,
    answered_by: Body | None = None,
    today: dt.date | None = None,
) -> CoordinationRequest:
    """The addressed agency answers; the office may record that another agency answered."""
    _require(can(user, Action.CHANGE, request))
    today = today or local_today()
    answered_by = answered_by or request.requested_body
    if answered_by.pk != request.requested_body_id:
        _require_office(user, request.task.province)
    _check_bodies_in(request.task.province, [answered_by])
    if request.answered_on is not None:
        raise ValidationError(_("This request has already been answered."))
    if not answer.strip():
        raise ValidationError(_("Write the answer."))
    if answered_on > today:
        raise ValidationError(_("An answer cannot be dated in the future."))
    if answered_on < request.requested_on:
        raise ValidationError(_("An answer cannot come before the request."))
    request.answer = answer.strip()
    request.answered_on = answered_on
    request.answered_by = answered_by
    return _saved(request, user)


@transaction.atomic
def task_check_add(
    *,
    user: Any,
    task: Task,
    kind: str,
    checked_on: dt.date,
    findings: str,
    body: Body | None = None,
    today: dt.date | None = None,
) -> Check:
    """The supervising body records an inspection or supervision and what it found."""
    body = body or task.supervisor
    if body is None:
        raise ValidationError(_("Name the body that checked the task."))
    _require(can_create(user, Check, province=task.province, agency_id=body.pk))
    _check_bodies_in(task.province, [body])
    today = today or local_today()
    if kind not in Check.Kind.values:
        raise ValidationError(_("Unknown kind of check %(value)s.") % {"value": kind})
    if checked_on > today:
        raise ValidationError(_("A check cannot be dated in the future."))
    if not findings.strip():
        raise ValidationError(_("Write the findings."))
    check = Check(
        task=task,
        body=body,
        kind=kind,
        checked_on=checked_on,
        findings=findings.strip(),
        created_by=user if user.is_authenticated else None,
    )
    return _saved(check, user)


# Delete and restore: tasks and groups are kept, so a mistaken deletion can be undone ---


def _require_office_over(user: Any, obj: Task | TaskGroup) -> None:
    """The office of the record's province (deleted rows included) decides on it."""
    rows = type(obj).all_objects.filter(pk=obj.pk)
    _require(scope(rows, user, Action.CHANGE).exists())
    _require_office(user, obj.province)


@transaction.atomic
def task_delete(*, user: Any, task: Task) -> None:
    """Move a task (with its progress, requests and checks) to the deleted records."""
    _require_office_over(user, task)
    history_attribute(task, user)
    task.soft_delete()


@transaction.atomic
def task_restore(*, user: Any, task: Task) -> Task:
    """Bring back a deleted task with everything reported on it."""
    _require_office_over(user, task)
    history_attribute(task, user)
    task.restore()
    return task


@transaction.atomic
def task_group_delete(*, user: Any, group: TaskGroup) -> None:
    """Move a task group to the deleted records; its tasks stay where they are."""
    _require_office_over(user, group)
    history_attribute(group, user)
    group.soft_delete()


@transaction.atomic
def task_group_restore(*, user: Any, group: TaskGroup) -> TaskGroup:
    """Bring back a deleted group, unless a live one of the same document took its name."""
    _require_office_over(user, group)
    if TaskGroup.objects.filter(document=group.document_id, name=group.name).exists():
        raise ValidationError(
            _("The document has another group named %(name)s since; rename one first.")
            % {"name": group.name}
        )
    history_attribute(group, user)
    group.restore()
    return group
