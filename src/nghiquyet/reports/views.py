"""Pages of the reports app: the list, a report's preview with its downloads and drafts.

Views stay thin: forms read input, services write, selectors read, and `render`
turns the assembled content into the file asked for.
"""

import base64
import hashlib
import re

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.orgs.access import Action, can
from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.forms import AgendaForm, ReportForm, TemplateForm
from nghiquyet.reports.jobs import report_job_start, report_latest_job
from nghiquyet.reports.naming import report_file_name
from nghiquyet.reports.render import OutputFormat, render_html, render_output
from nghiquyet.reports.selectors import (
    report_get,
    report_job_get,
    report_job_version,
    report_list,
    report_versions,
    template_upload_allowed,
)
from nghiquyet.reports.services import (
    report_create,
    report_put_on_agenda,
    report_template_upload,
)
from nghiquyet.reports.templates_store import template_for


@login_required
def report_index(request: HttpRequest) -> HttpResponse:
    form = ReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            report = report_create(user=request.user, **form.cleaned_data)
        except ValidationError as exc:
            _attach(form, exc)
        else:
            return redirect("reports:detail", pk=report.pk)
    can_create = form.fields["body"].queryset.exists()
    return render(
        request,
        "reports/report_list.html",
        {"reports": report_list(user=request.user), "form": form, "can_create": can_create},
    )


@login_required
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get(user=request.user, pk=pk)
    content = report_content(report=report, user=request.user)
    job = report_latest_job(report=report)
    return render(
        request,
        "reports/report_detail.html",
        {
            "report": report,
            "sheet": render_html(content, standalone=False),
            "versions": report_versions(report=report),
            "job": job,
            "job_version": report_job_version(job=job),
            "can_change": can(request.user, Action.CHANGE, report),
            "can_upload_template": template_upload_allowed(user=request.user, body=report.body),
            "template_form": TemplateForm(),
            "agenda_form": AgendaForm(user=request.user, report=report),
        },
    )


@login_required
def report_download(request: HttpRequest, pk: int, output: str) -> HttpResponse:
    """The report rendered now from the live records, as DOCX, PDF or a printable page."""
    report = report_get(user=request.user, pk=pk)
    content = report_content(report=report, user=request.user)
    try:
        data = render_output(content, output, template_for(report.body))
    except ValidationError as exc:  # the body's Word template is refused: say why
        for message in exc.messages:
            messages.error(request, message)
        return redirect("reports:detail", pk=report.pk)
    response = HttpResponse(data, content_type=OutputFormat.MEDIA_TYPES[output])
    if output == OutputFormat.HTML:
        _allow_own_styles(response, data.decode())
    else:
        name = report_file_name(report, output)
        response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def sheet_stylesheet(request: HttpRequest) -> HttpResponse:
    """The report sheet's stylesheet, for the preview page: the same rules the PDF is printed
    with, served as a file because the Content-Security-Policy refuses inline styles."""
    css = render_to_string("reports/_sheet.css")
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = "max-age=3600"
    return response


STYLE_ELEMENT = re.compile(r"<style>(.*?)</style>", re.S)


def _allow_own_styles(response: HttpResponse, html: str) -> None:
    """The printable report carries its stylesheet inside (it is also saved and printed as one
    file), so its page allows exactly that stylesheet by hash and no other inline style."""
    hashes = [
        "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"
        for css in STYLE_ELEMENT.findall(html)
    ]
    if hashes:
        response._csp_update = {"style-src": hashes}


@login_required
@require_POST
def report_generate_draft(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get(user=request.user, pk=pk, action=Action.CHANGE)
    job = report_job_start(user=request.user, report=report)
    if request.htmx:
        context = {"job": job, "job_version": report_job_version(job=job)}
        return render(request, "reports/_job.html", context)
    return redirect("reports:detail", pk=report.pk)


@login_required
def report_job_status(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress of a generation; the page polls it until the job is finished."""
    job = report_job_get(user=request.user, pk=pk)
    context = {"job": job, "job_version": report_job_version(job=job)}
    return render(request, "reports/_job.html", context)


@login_required
@require_POST
def report_template_add(request: HttpRequest, pk: int) -> HttpResponse:
    report = report_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = TemplateForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            report_template_upload(user=request.user, body=report.body, **form.cleaned_data)
        except ValidationError as exc:
            for message in exc.messages:
                messages.error(request, message)
        else:
            messages.success(request, _("The template is saved; this body's reports use it now."))
    else:
        messages.error(request, _("Choose a Word file to upload."))
    return redirect("reports:detail", pk=report.pk)


@login_required
@require_POST
def report_to_agenda(request: HttpRequest, pk: int) -> HttpResponse:
    """Send the report's draft to a planned meeting (its agenda gets an item for it)."""
    report = report_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = AgendaForm(request.POST, user=request.user, report=report)
    if not form.is_valid():
        messages.error(request, _("Choose a planned meeting."))
        return redirect("reports:detail", pk=report.pk)
    meeting = form.cleaned_data["meeting"]
    try:
        report_put_on_agenda(user=request.user, report=report, meeting=meeting)
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        return redirect("reports:detail", pk=report.pk)
    messages.success(
        request, _("The draft is on the agenda of %(meeting)s.") % {"meeting": meeting}
    )
    return redirect("meetings:detail", pk=meeting.pk)


def _attach(form, exc: ValidationError) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)
