"""Pages over tasks: the list, a task with its timeline and forms, requests, the "4 không".

Views read the request, call a selector or a service and render; who may do what
is decided in :mod:`nghiquyet.orgs.access` (through the services and ``get_for``).
Forms on the task page post with HTMX and get back the refreshed activity block.
"""

import datetime as dt
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Min
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, can, can_create, get_for, scope
from nghiquyet.orgs.models import Body, Place
from nghiquyet.orgs.selectors import working_province
from nghiquyet.tasks import services
from nghiquyet.tasks.forms import (
    AnswerForm,
    CheckForm,
    CoordinationRequestForm,
    DeadlineForm,
    ImportForm,
    ProgressForm,
    TaskFilterForm,
    TaskForm,
)
from nghiquyet.tasks.models import Check, CoordinationRequest, ProgressUpdate, Task, TaskGroup
from nghiquyet.tasks.plan import task_plan_import, tasks_xlsx
from nghiquyet.tasks.selectors import (
    TaskFilters,
    coordination_requests_for,
    four_failures_evidence,
    four_failures_of_agency,
    local_today,
    task_groups_visible,
    task_queryset,
    task_rows,
    task_timeline,
)
from nghiquyet.tasks.selectors import (
    task_detail as select_task,
)
from nghiquyet.tasks.selectors import (
    task_list as select_tasks,
)


def _today(request: HttpRequest) -> dt.date:
    """The day pages judge as of: ``?on=YYYY-MM-DD`` to look back, today otherwise."""
    try:
        return dt.date.fromisoformat(request.GET.get("on", ""))
    except ValueError:
        return local_today()


def _service_errors(form, error: ValidationError) -> None:
    """Show a service's refusal on the field it names, or above the form."""
    if hasattr(error, "error_dict"):
        for field, messages_ in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages_)
    else:
        form.add_error(None, error.messages)


def _filter_form(request: HttpRequest) -> TaskFilterForm:
    form = TaskFilterForm(
        request.GET or None,
        agencies=scope(Body.objects.exclude(kind=Body.Kind.CENTRAL), request.user),
        groups=task_groups_visible(user=request.user),
    )
    form.is_valid()
    return form


def _filters(form: TaskFilterForm) -> TaskFilters:
    data = getattr(form, "cleaned_data", {})
    return TaskFilters(
        agency=data["agency"].pk if data.get("agency") else None,
        status=data.get("status", ""),
        group=data["group"].pk if data.get("group") else None,
        due_from=data.get("due_from"),
        due_to=data.get("due_to"),
        query=data.get("q", ""),
    )


@login_required
def task_list(request: HttpRequest) -> HttpResponse:
    form = _filter_form(request)
    today = _today(request)
    context = {
        "form": form,
        "rows": select_tasks(user=request.user, today=today, filters=_filters(form)),
        "today": today,
        "query_string": request.GET.urlencode(),
        "can_import": _office_province(request.user) is not None,
        "can_add": _leads(request.user).exists(),
    }
    if request.htmx and request.htmx.target == "task-table":
        return render(request, "tasks/_task_table.html", context)
    return render(request, "tasks/task_list.html", context)


def _leads(user: Any):
    """The bodies ``user`` may make lead a new task: all for the office, its own for a reporter."""
    return scope(Body.objects.exclude(kind=Body.Kind.CENTRAL), user, Action.CHANGE)


@login_required
def task_new(request: HttpRequest) -> HttpResponse:
    """The office assigns a task in a group; a reporter proposes one or breaks its task down."""
    parent = None
    if request.GET.get("parent", "").isdigit():
        parent = _task(request, int(request.GET["parent"]))
    province = parent.province if parent else _province(request)
    leads = _leads(request.user).filter(province_id__in=province.lineage_ids())
    if not leads.exists():
        raise PermissionDenied
    office = can_create(request.user, TaskGroup, province=province)
    groups = task_groups_visible(user=request.user) if office and parent is None else None
    form = TaskForm(
        request.POST or None,
        leads=leads,
        agencies=Body.objects.filter(province_id__in=province.lineage_ids()),
        groups=groups,
        initial={"start_on": local_today(), "lead": parent.lead_id if parent else None},
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        proposed = not office and parent is None
        try:
            task = services.task_create(
                user=request.user,
                parent=parent,
                origin=Task.Origin.PROPOSED if proposed else Task.Origin.ASSIGNED,
                **data,
            )
        except ValidationError as error:
            _service_errors(form, error)
        else:
            messages.success(request, _("Saved."))
            return redirect("tasks:detail", pk=task.pk)
    return render(
        request, "tasks/task_form.html", {"form": form, "parent": parent, "office": office}
    )


@login_required
def task_export(request: HttpRequest) -> HttpResponse:
    rows = select_tasks(
        user=request.user, today=_today(request), filters=_filters(_filter_form(request))
    )
    response = HttpResponse(
        tasks_xlsx(rows),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="nhiem-vu.xlsx"'
    return response


def _agencies(task: Task):
    return Body.objects.filter(province_id__in=task.province.lineage_ids()).exclude(pk=task.lead_id)


def _activity(request: HttpRequest, task: Task, **forms: Any) -> dict[str, Any]:
    """What the task page shows under its header: the timeline and the forms this user may use."""
    user, today = request.user, local_today()
    may_report = can_create(
        user, ProgressUpdate, province=task.province, agency_id=task.lead_id
    ) and can(user, Action.CHANGE, task)
    may_request = can(user, Action.CHANGE, task)
    may_check = task.supervisor_id is not None and can_create(
        user, Check, province=task.province, agency_id=task.supervisor_id
    )
    may_move = can_create(user, TaskGroup, province=task.province)
    initial = {"reported_on": today, "requested_on": today, "checked_on": today}
    return {
        "task": task,
        "row": select_task(task=task, today=today),
        "timeline": task_timeline(task=task),
        "progress_form": (forms.get("progress") or ProgressForm(initial=initial))
        if may_report
        else None,
        "request_form": (
            forms.get("request")
            or CoordinationRequestForm(
                initial={**initial, "due_on": today + dt.timedelta(days=7)},
                agencies=_agencies(task),
            )
        )
        if may_request
        else None,
        "check_form": (forms.get("check") or CheckForm(initial=initial)) if may_check else None,
        "deadline_form": (
            forms.get("deadline") or DeadlineForm(initial={"deadline": task.deadline})
        )
        if may_move
        else None,
    }


def _task(request: HttpRequest, pk: int) -> Task:
    return get_for(task_queryset(), request.user, Action.VIEW, pk=pk)


@login_required
def task_detail(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    subtasks = task_rows(task_queryset(user=request.user).filter(parent=task), today=local_today())
    context = {**_activity(request, task), "subtasks": subtasks}
    context["coordinators"] = task.coordinators.all()
    context["targets"] = task.targets.all()
    context["can_break_down"] = can(request.user, Action.CHANGE, task)
    return render(request, "tasks/task_detail.html", context)


def _respond(request: HttpRequest, task: Task, saved: bool, **forms: Any) -> HttpResponse:
    if request.htmx:
        return render(request, "tasks/_activity.html", _activity(request, task, **forms))
    if saved:
        messages.success(request, _("Saved."))
        return redirect("tasks:detail", pk=task.pk)
    context = {
        **_activity(request, task, **forms),
        "subtasks": [],
        "coordinators": task.coordinators.all(),
    }
    return render(request, "tasks/task_detail.html", context, status=400)


@login_required
@require_POST
def task_progress(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = ProgressForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.task_progress_add(user=request.user, task=task, **form.cleaned_data)
            return _respond(request, task, True)
        except ValidationError as error:
            _service_errors(form, error)
    return _respond(request, task, False, progress=form)


@login_required
@require_POST
def task_request(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = CoordinationRequestForm(request.POST, agencies=_agencies(task))
    if form.is_valid():
        try:
            services.coordination_request_create(user=request.user, task=task, **form.cleaned_data)
            return _respond(request, task, True)
        except ValidationError as error:
            _service_errors(form, error)
    return _respond(request, task, False, request=form)


@login_required
@require_POST
def task_check(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = CheckForm(request.POST)
    if form.is_valid():
        try:
            services.task_check_add(user=request.user, task=task, **form.cleaned_data)
            return _respond(request, task, True)
        except ValidationError as error:
            _service_errors(form, error)
    return _respond(request, task, False, check=form)


@login_required
@require_POST
def task_deadline(request: HttpRequest, pk: int) -> HttpResponse:
    task = _task(request, pk)
    form = DeadlineForm(request.POST)
    if form.is_valid():
        try:
            services.task_deadline_move(user=request.user, task=task, **form.cleaned_data)
            return _respond(request, task, True)
        except ValidationError as error:
            _service_errors(form, error)
    return _respond(request, task, False, deadline=form)


def _answer_form(request_obj: CoordinationRequest, data=None) -> AnswerForm:
    agencies = Body.objects.filter(province_id__in=request_obj.task.province.lineage_ids())
    return AnswerForm(data, agencies=agencies, initial={"answered_on": local_today()})


def _request_items(user: Any, requests) -> list[dict[str, Any]]:
    return [
        {
            "request": r,
            "form": _answer_form(r)
            if r.answered_on is None and can(user, Action.CHANGE, r)
            else None,
        }
        for r in requests
    ]


@login_required
def request_list(request: HttpRequest) -> HttpResponse:
    items = _request_items(request.user, coordination_requests_for(user=request.user))
    return render(request, "tasks/request_list.html", {"items": items, "today": local_today()})


@login_required
@require_POST
def request_answer(request: HttpRequest, pk: int) -> HttpResponse:
    obj = get_for(coordination_requests_for(user=request.user), request.user, Action.VIEW, pk=pk)
    form = _answer_form(obj, request.POST)
    if form.is_valid():
        try:
            services.coordination_answer(user=request.user, request=obj, **form.cleaned_data)
            obj.refresh_from_db()
            form = None
        except ValidationError as error:
            _service_errors(form, error)
    if not request.htmx:
        if form is None:
            messages.success(request, _("Answer recorded."))
            return redirect("tasks:requests")
        items = [{"request": obj, "form": form}]
        return render(
            request, "tasks/request_list.html", {"items": items, "today": local_today()}, status=400
        )
    item = {"request": obj, "form": form}
    return render(request, "tasks/_request_row.html", {"item": item, "today": local_today()})


def _office_province(user: Any) -> Place | None:
    """The province whose plan this user may import (the office's own)."""
    province = working_province(user)
    return province if province and can_create(user, TaskGroup, province=province) else None


def _province(request: HttpRequest) -> Place:
    """The user's province; an administrator names one with ``?province=<id>``."""
    if province := working_province(request.user, request.GET.get("province")):
        return province
    raise Http404


def _period(request: HttpRequest, today: dt.date) -> Period:
    try:
        return Period.parse(request.GET.get("period", ""))
    except ValueError:
        return Period.parse(f"{today.year}-Q{(today.month - 1) // 3 + 1}")


def _period_choices(today: dt.date, first: dt.date | None) -> list[Period]:
    """Years, halves and quarters from the first task's year to today, latest first."""
    codes = []
    for year in range((first or today).year, today.year + 1):
        codes += [str(year), f"{year}-H1", f"{year}-H2"] + [f"{year}-Q{n}" for n in range(1, 5)]
    periods = (Period.parse(code) for code in codes)
    return sorted((p for p in periods if p.start <= today), reverse=True)


@login_required
def four_failures(request: HttpRequest) -> HttpResponse:
    """The ranked "4 không" table of the province for a period."""
    province, today = _province(request), _today(request)
    period = _period(request, today)
    evidence = four_failures_evidence(
        province=province, period=period, today=today, user=request.user
    )
    # A reporter sees every agency's figures but opens the records of its own only.
    readable_agencies = set(
        scope(
            Body.objects.filter(pk__in=[e.agency.pk for e in evidence]), request.user
        ).values_list("pk", flat=True)
    )
    return render(
        request,
        "tasks/four_failures.html",
        {
            "evidence": evidence,
            "readable_agencies": readable_agencies,
            "period": period,
            "periods": _period_choices(
                today, task_queryset(user=request.user).aggregate(first=Min("start_on"))["first"]
            ),
            "today": today,
            "province": province,
            "query_string": request.GET.urlencode(),
        },
    )


@login_required
def four_failures_agency(request: HttpRequest, agency_pk: int) -> HttpResponse:
    """One agency's "4 không" with every record behind each number."""
    agency = get_for(Body, request.user, Action.VIEW, pk=agency_pk)
    province, today = _province(request), _today(request)
    if agency.province_id != province.pk:
        raise Http404
    period = _period(request, today)
    evidence = four_failures_of_agency(
        province=province, agency=agency, period=period, today=today, user=request.user
    )
    return render(
        request,
        "tasks/four_failures_agency.html",
        {"e": evidence, "period": period, "today": today, "query_string": request.GET.urlencode()},
    )


@login_required
def plan_import(request: HttpRequest) -> HttpResponse:
    """The office imports a task plan from Excel: every row valid, or nothing imported."""
    province = _office_province(request.user)
    if province is None:
        raise PermissionDenied
    documents = scope(Document.objects.filter(province=province), request.user, Action.CHANGE)
    form = ImportForm(request.POST or None, request.FILES or None, documents=documents)
    report = None
    status = 200
    if request.method == "POST" and form.is_valid():
        try:
            report = task_plan_import(
                user=request.user,
                document=form.cleaned_data["document"],
                file=form.cleaned_data["file"],
            )
        except ValidationError as error:
            _service_errors(form, error)
        if report is not None and report.ok:
            messages.success(
                request, _("%(count)d tasks imported.") % {"count": len(report.created)}
            )
            return redirect("tasks:list")
        status = 400
    return render(
        request, "tasks/plan_import.html", {"form": form, "report": report}, status=status
    )
