"""The spreadsheet pages of a resolution's targets: download them, upload them back.

The form lives here and not in ``forms.py`` because it is the whole of this
feature's input; the work is done by :mod:`nghiquyet.targets.excel`.
"""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.text import slugify
from django.utils.translation import gettext_lazy

from nghiquyet.core.models import Job
from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, get_for
from nghiquyet.targets.excel import targets_export_xlsx
from nghiquyet.targets.excel_import import import_allowed, report_lines, targets_import_xlsx
from nghiquyet.targets.excel_read import sheet_size
from nghiquyet.targets.jobs import KIND, targets_import_start

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class ExcelUploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Excel file (.xlsx)"),
        help_text=gettext_lazy("In the layout of the downloaded file: one row per target."),
    )


def _document(request: HttpRequest, document_id: int) -> Document:
    return get_for(Document.objects.all(), request.user, Action.VIEW, pk=document_id)


def targets_excel_export(request: HttpRequest, document_id: int) -> HttpResponse:
    """The targets and approved figures; ``?period=2024-H1&period=2024`` chooses the columns."""
    document = _document(request, document_id)
    periods = []
    for code in request.GET.getlist("period"):
        try:
            periods.append(Period.parse(code))
        except ValueError:
            continue
    content = targets_export_xlsx(user=request.user, document=document, periods=periods)
    name = slugify(f"chi-tieu {document.symbol or document.pk}") or "chi-tieu"
    response = HttpResponse(content, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
    return response


@login_required
def targets_excel_import(request: HttpRequest, document_id: int) -> HttpResponse:
    """Upload the sheet back: everything is applied, or nothing and every bad row is listed.

    A sheet declaring more than ``TARGETS_IMPORT_BACKGROUND_ROWS`` rows (or no size at
    all) is imported in the background, and the person follows its progress.
    """
    document = _document(request, document_id)
    if not import_allowed(user=request.user, document=document):
        raise PermissionDenied
    form = ExcelUploadForm(request.POST or None, request.FILES or None)
    problems: list[str] = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            data, rows = sheet_size(upload)
        except ValidationError as exc:
            problems = exc.messages
        else:
            if rows is None or rows > settings.TARGETS_IMPORT_BACKGROUND_ROWS:
                job = targets_import_start(
                    user=request.user, document=document, data=data, name=upload.name, rows=rows
                )
                return redirect("targets:excel_import_job", document_id=document.pk, pk=job.pk)
            report = targets_import_xlsx(user=request.user, document=document, file=data)
            if report.ok:
                messages.success(request, " ".join(report_lines(report)))
                return redirect("targets:dashboard", document_id=document.pk)
            problems = list(report_lines(report))
    status = 400 if problems else 200
    context = {"document": document, "form": form, "problems": problems}
    return render(request, "targets/excel_import.html", context, status=status)


@login_required
def targets_excel_import_job(request: HttpRequest, document_id: int, pk: int) -> HttpResponse:
    """A background import's progress; the page asks again every second until it ends."""
    document = _document(request, document_id)
    job = get_for(
        Job.objects.filter(kind=KIND, object_id=document.pk), request.user, Action.VIEW, pk=pk
    )
    context = {"document": document, "job": job}
    if request.htmx:
        return render(request, "targets/_import_job.html", context)
    return render(request, "targets/excel_import_job.html", context)
