"""Pages about documents: the register, one document with its links, and the office's forms.

Views read the request, call a selector or a service, and render; every decision
about who may do what is made in :mod:`nghiquyet.orgs.access` through them.
"""

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.documents import services
from nghiquyet.documents.export import documents_xlsx
from nghiquyet.documents.forms import (
    AdoptForm,
    AttachmentForm,
    DocumentCreateForm,
    DocumentForm,
    LinkForm,
    VersionForm,
    add_service_errors,
)
from nghiquyet.documents.models import Attachment, Document, DocumentKind, DocumentVersion
from nghiquyet.documents.selectors import (
    document_deleted,
    document_get,
    document_issuers,
    document_links,
    document_years,
)
from nghiquyet.documents.selectors import (
    document_list as select_documents,
)
from nghiquyet.orgs.access import Action, can, get_for

PAGE_SIZE = 50


def _filters(request: HttpRequest) -> dict[str, Any]:
    """The list's filters from the query string; anything unreadable is ignored."""

    def integer(name: str) -> int | None:
        value = request.GET.get(name, "")
        return int(value) if value.isdigit() else None

    return {
        "kind": request.GET.get("kind", "") if request.GET.get("kind") in DocumentKind else "",
        "status": request.GET.get("status", "")
        if request.GET.get("status") in Document.Status
        else "",
        "year": integer("year"),
        "issuer_id": integer("issuer"),
        "query": request.GET.get("q", "").strip(),
    }


def document_list(request: HttpRequest) -> HttpResponse:
    """The register of documents; the filters refresh only the table when HTMX is on."""
    filters = _filters(request)
    documents = select_documents(user=request.user, **filters)
    page = Paginator(documents, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "page": page,
        "filters": filters,
        "query_string": request.GET.copy().urlencode(),
        "kinds": DocumentKind.choices,
        "statuses": Document.Status.choices,
        "years": document_years(user=request.user),
        "issuers": document_issuers(user=request.user).filter(documents__isnull=False).distinct(),
        "can_add": request.user.has_perm("documents.add_document"),
    }
    if request.htmx and request.htmx.target == "document-table":
        return render(request, "documents/_table.html", context)
    return render(request, "documents/document_list.html", context)


def document_export(request: HttpRequest) -> HttpResponse:
    """The filtered register as a spreadsheet, for the office's own tables."""
    documents = select_documents(user=request.user, **_filters(request))
    response = HttpResponse(
        documents_xlsx(documents),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = 'attachment; filename="van-ban.xlsx"'
    return response


def _detail_context(request: HttpRequest, document: Document) -> dict[str, Any]:
    outgoing, incoming = document_links(user=request.user, document=document)
    may_change = can(request.user, Action.CHANGE, document)
    return {
        "document": document,
        "outgoing": outgoing,
        "incoming": incoming,
        "versions": document.versions.select_related("created_by"),
        "attachments": document.attachments.all(),
        "can_change": may_change,
        "link_form": LinkForm(user=request.user, document=document) if may_change else None,
        "version_form": VersionForm() if may_change else None,
        "attachment_form": AttachmentForm() if may_change else None,
        "adopt_form": AdoptForm() if may_change else None,
    }


def document_detail(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk)
    return render(request, "documents/document_detail.html", _detail_context(request, document))


@login_required
def document_create(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("documents.add_document"):
        raise PermissionDenied
    form = DocumentCreateForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_create(user=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The document has been recorded."))
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/document_form.html", {"form": form, "document": None})


@login_required
def document_edit(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = DocumentForm(
        request.POST or None, user=request.user, initial=DocumentForm.initial_for(document)
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.document_update(user=request.user, document=document, data=form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The changes have been saved."))
            return redirect("documents:detail", pk=document.pk)
    return render(request, "documents/document_form.html", {"form": form, "document": document})


@login_required
@require_POST
def document_adopt(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = AdoptForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors.get("issued_on", [_("Enter a valid date.")]))
        services.document_adopt(user=request.user, document=document, **form.cleaned_data)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The document is adopted."))
    return redirect("documents:detail", pk=pk)


@login_required
@require_POST
def document_publish(request: HttpRequest, pk: int) -> HttpResponse:
    """The office's button: publish the document on the public portal, or take it off."""
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    withdraw = request.POST.get("publish") == "0"
    service = services.document_unpublish if withdraw else services.document_publish
    try:
        service(user=request.user, document=document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The document is no longer public.")
            if withdraw
            else _("The document is published on the public portal."),
        )
    return redirect("documents:detail", pk=pk)


@login_required
@require_POST
def document_delete(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    services.document_delete(user=request.user, document=document)
    messages.success(
        request,
        _("“%(document)s” was moved to the deleted documents, where it can be restored.")
        % {"document": document},
    )
    return redirect("documents:list")


@login_required
def document_deleted_list(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("documents.add_document"):
        raise PermissionDenied
    return render(
        request,
        "documents/document_deleted.html",
        {"documents": document_deleted(user=request.user)},
    )


@login_required
@require_POST
def document_restore(request: HttpRequest, pk: int) -> HttpResponse:
    document = get_object_or_404(document_deleted(user=request.user), pk=pk)
    try:
        services.document_restore(user=request.user, document=document)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("documents:deleted")
    messages.success(request, _("The document has been restored."))
    return redirect("documents:detail", pk=pk)


def _links_response(request: HttpRequest, document: Document, form: LinkForm) -> HttpResponse:
    """The links section alone for HTMX, else the whole page."""
    context = _detail_context(request, document)
    context["link_form"] = form
    template = "documents/_links.html" if request.htmx else "documents/document_detail.html"
    return render(request, template, context, status=200 if not form.errors else 400)


@login_required
@require_POST
def document_link(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = LinkForm(request.POST, user=request.user, document=document)
    if form.is_valid():
        try:
            services.document_link(user=request.user, source=document, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            form = LinkForm(user=request.user, document=document)
    return _links_response(request, document, form)


@login_required
@require_POST
def document_unlink(request: HttpRequest, pk: int, link_pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    link = get_object_or_404(document.outgoing_links, pk=link_pk)
    services.document_unlink(user=request.user, link=link)
    return _links_response(request, document, LinkForm(user=request.user, document=document))


@login_required
@require_POST
def document_version_add(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = VersionForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            version = services.document_version_add(
                user=request.user, document=document, **form.cleaned_data
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("Version %(number)s has been added.") % {"number": version.number}
            )
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("documents:detail", pk=pk)


@login_required
@require_POST
def document_attach(request: HttpRequest, pk: int) -> HttpResponse:
    document = document_get(user=request.user, pk=pk, action=Action.CHANGE)
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_attach(user=request.user, document=document, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("The file has been attached."))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("documents:detail", pk=pk)


def _file_response(field) -> FileResponse:
    if not field:
        raise Http404
    return FileResponse(field.open("rb"), as_attachment=True, filename=field.name.rsplit("/")[-1])


def attachment_download(request: HttpRequest, pk: int) -> FileResponse:
    """A file is served only to those who may see its document (no public media URL)."""
    attachment = get_for(
        Attachment.objects.filter(document__deleted_at__isnull=True),
        request.user,
        Action.VIEW,
        pk=pk,
    )
    return _file_response(attachment.file)


def version_download(request: HttpRequest, pk: int) -> FileResponse:
    version = get_for(
        DocumentVersion.objects.filter(document__deleted_at__isnull=True),
        request.user,
        Action.VIEW,
        pk=pk,
    )
    return _file_response(version.file)
