"""Pages of the targets app: dashboards, a target's history, reporting and review.

Views stay thin: selectors read, services write, the access layer decides.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.core.periods import Period
from nghiquyet.core.templatetags.nghiquyet import period_label
from nghiquyet.documents.models import Document
from nghiquyet.evaluation import Status
from nghiquyet.orgs.access import Action, can, can_create, get_for
from nghiquyet.orgs.models import Body
from nghiquyet.orgs.selectors import working_province
from nghiquyet.targets import dashboard as dashboards
from nghiquyet.targets import dashboard_cache, selectors, services
from nghiquyet.targets import dashboard_table as tables
from nghiquyet.targets.forms import ActualForm, DashboardFilterForm, ReturnForm
from nghiquyet.targets.models import Actual, Target

#: Rows of a dashboard table per page: what a leader reads at once (about a screen);
#: the counts above the table and its filters lead to the rest.
DASHBOARD_PAGE_SIZE = 25


def _document(request: HttpRequest, document_id: int) -> Document:
    return get_for(
        Document.objects.select_related("issuer", "province"),
        request.user,
        Action.VIEW,
        pk=document_id,
    )


def _form_errors(form, exc: ValidationError) -> None:
    """Put a service's refusal on the form, by field when it says which."""
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


def document_list(request: HttpRequest) -> HttpResponse:
    """The resolutions with targets the user may see (public ones for visitors)."""
    documents = selectors.document_list_with_targets(user=request.user)
    return render(
        request,
        "targets/document_list.html",
        {"documents": documents, "is_office": selectors.is_office(user=request.user)},
    )


def dashboard(request: HttpRequest, document_id: int) -> HttpResponse:
    """Every target of a resolution judged for a period, filtered by status, agency, field.

    The summary sentence and the count of each verdict come first, each count a link
    to its targets; the table shows one page of the chosen targets, in the resolution's
    order or the unmet ones first. Everything is read from the stored verdicts, so a
    page judges nothing; with a shared cache the rendered body is kept until anything
    it shows changes (:mod:`nghiquyet.targets.dashboard_cache`). HTMX requests get the
    table only, so filtering and paging do not reload the page.
    """
    document = _document(request, document_id)
    body = dashboard_cache.dashboard_body(
        request, document.pk, lambda: _dashboard_body(request, document)
    )
    if request.htmx:
        return HttpResponse(body)
    context = {
        "document": document,
        "body": body,
        "can_add": document.province is not None
        and can_create(request.user, Target, province=document.province),
    }
    return render(request, "targets/dashboard.html", context)


def _dashboard_body(request: HttpRequest, document: Document) -> SafeString:
    """The dashboard below its heading (the filters, the summary, a page of the table),
    or the table alone for an HTMX request."""
    periods, default = dashboards.dashboard_periods(document=document, with_reviews=True)
    targets = selectors.target_list(user=request.user, document=document)
    owners = Body.objects.filter(pk__in=targets.values("owner")).order_by("name")
    data = request.GET.copy() if request.GET else None
    if data is not None and not data.get("period") and default is not None:
        data["period"] = default.code
    form = DashboardFilterForm(data, periods=periods, owners=owners, default=default)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    period = Period.parse(filters["period"]) if filters.get("period") else default
    if period is None:
        summary, sentence = None, ""
        page = Paginator([], DASHBOARD_PAGE_SIZE).get_page(1)
    else:
        summary, page = tables.dashboard_page(
            user=request.user,
            document=document,
            period=period,
            filters=tables.DashboardFilters(
                status=filters.get("status", ""),
                owner=filters.get("owner", ""),
                sector=filters.get("sector", ""),
                unmet_first=filters.get("order") == DashboardFilterForm.UNMET_FIRST,
            ),
            page_number=request.GET.get("page"),
            per_page=DASHBOARD_PAGE_SIZE,
        )
        sentence = dashboards.summary_sentence_of(summary)
    context = {
        "document": document,
        "form": form,
        "period": period,
        "rows": page.object_list,
        "page": page,
        "summary": summary,
        "counts": _status_counts(summary) if summary else [],
        "status_filter": filters.get("status", ""),
        "sentence": sentence,
    }
    template = "targets/_dashboard_rows.html" if request.htmx else "targets/_dashboard_body.html"
    return render_to_string(template, context, request=request)


def _status_counts(summary) -> list[tuple[Status, int]]:
    """Each verdict with how many targets have it, the unmet first, for the links that
    filter the table by verdict."""
    return [
        (status, summary.count(status)) for status in tables.UNMET_FIRST if summary.count(status)
    ]


def target_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A target, its verdict for each reported period and every figure ever entered."""
    target = selectors.target_get(user=request.user, pk=pk)
    # The target is at hand: of each figure's relations only who sent it is shown. A
    # target collects many figures over the years, and each joined row cost five objects.
    visible = selectors.actual_list(user=request.user, target=target)
    actuals = list(visible.select_related(None).select_related("submitted_by"))
    periods = sorted({a.period_obj for a in actuals} | {target.period_obj}, reverse=True)
    # Every period's verdict is judged on all the target's figures, read once for all
    # rows (the list above holds only those the user may see).
    target.all_actuals = list(target.actuals.order_by("approved_at", "pk"))
    rows = [dashboards.target_row(target, period) for period in periods]
    context = {
        "target": target,
        "rows": rows,
        "actuals": actuals,
        "can_report": can(request.user, Action.CHANGE, target),
        "is_office": selectors.is_office(user=request.user),
        "return_form": ReturnForm(),
    }
    return render(request, "targets/target_detail.html", context)


@login_required
def actual_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Enter a figure for one of the agency's own targets, and submit it if asked."""
    target = selectors.target_get(user=request.user, pk=pk)
    if not can_create(
        request.user, Actual, province=target.document.province, agency_id=target.owner_id
    ):
        raise PermissionDenied
    form = ActualForm(
        request.POST or None,
        request.FILES or None,
        initial={"period": target.period},
        target=target,
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.actual_create(
                user=request.user,
                target=target,
                submit="submit" in request.POST,
                **form.cleaned_data,
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The figure was saved."))
            return redirect("targets:target_detail", pk=target.pk)
    return render(request, "targets/actual_form.html", {"target": target, "form": form})


@login_required
def actual_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Correct a draft or returned figure, and submit it if asked."""
    actual = selectors.actual_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = ActualForm.for_actual(actual, request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "period"}
        try:
            services.actual_update(
                user=request.user, actual=actual, submit="submit" in request.POST, **data
            )
        except ValidationError as exc:
            _form_errors(form, exc)
        else:
            messages.success(request, _("The figure was saved."))
            return redirect("targets:target_detail", pk=actual.target_id)
    context = {"target": actual.target, "form": form, "actual": actual}
    return render(request, "targets/actual_form.html", context)


def _decide(request: HttpRequest, pk: int, decision, done: str) -> HttpResponse:
    """Apply a decision on a figure and say what happened (``done`` names the figure)."""
    actual = selectors.actual_get(user=request.user, pk=pk, action=Action.CHANGE)
    try:
        decision(actual)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(
            request,
            done
            % {"indicator": actual.target.indicator.name, "period": period_label(actual.period)},
        )
    next_url = request.POST.get("next")
    if next_url and next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect("targets:target_detail", pk=actual.target_id)


@login_required
@require_POST
def actual_submit(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda a: services.actual_submit(user=request.user, actual=a),
        _("The figure for %(indicator)s, %(period)s, was sent to the office for approval."),
    )


@login_required
@require_POST
def actual_approve(request: HttpRequest, pk: int) -> HttpResponse:
    return _decide(
        request,
        pk,
        lambda a: services.actual_approve(user=request.user, actual=a),
        _("The figure for %(indicator)s, %(period)s, is approved and now counts."),
    )


@login_required
@require_POST
def actual_return(request: HttpRequest, pk: int) -> HttpResponse:
    reason = request.POST.get("reason", "")
    return _decide(
        request,
        pk,
        lambda a: services.actual_return(user=request.user, actual=a, reason=reason),
        _("The figure for %(indicator)s, %(period)s, was returned to its agency."),
    )


@login_required
def report(request: HttpRequest) -> HttpResponse:
    """The targets the user reports on, with the state of their latest figure."""
    targets = selectors.targets_to_report(user=request.user)
    rows = [dashboards.target_row(target) for target in targets]
    return render(request, "targets/report.html", {"rows": rows})


@login_required
def review(request: HttpRequest) -> HttpResponse:
    """The office's queue: submitted figures waiting for approval or return."""
    if not selectors.is_office(user=request.user):
        raise PermissionDenied
    actuals = selectors.actuals_to_review(user=request.user)
    return render(request, "targets/review.html", {"actuals": actuals, "return_form": ReturnForm()})


@login_required
def timeliness(request: HttpRequest) -> HttpResponse:
    """On-time reporting rate per agency for a period of the user's province."""
    province = working_province(request.user, request.GET.get("province"))
    if province is None:
        raise Http404
    locks = list(province.period_locks.order_by("-deadline"))
    code = request.GET.get("period") or (locks[0].period if locks else "")
    try:
        period = Period.parse(code) if code else None
    except ValueError as exc:
        raise Http404 from exc
    rows = (
        selectors.timeliness(user=request.user, province=province, period=period) if period else []
    )
    context = {"province": province, "locks": locks, "period": period, "rows": rows}
    return render(request, "targets/timeliness.html", context)
