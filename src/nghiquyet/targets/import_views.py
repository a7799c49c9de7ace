"""Targets from text: paste or upload a resolution, check the proposals, confirm.

Three steps in one page, and nothing is saved before the last: the proposals travel
in the form, not in the database, so an abandoned import leaves no trace.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, can_create, get_for
from nghiquyet.orgs.models import Body, Place
from nghiquyet.orgs.selectors import working_province
from nghiquyet.targets import services
from nghiquyet.targets.forms import NewResolutionForm, ProposalFormSet, TextImportForm
from nghiquyet.targets.models import Target
from nghiquyet.targets.proposals import Proposal, propose_targets
from nghiquyet.targets.upload_text import text_of_upload


def _home_province(user) -> Place:
    province = working_province(user)
    if province is None or not can_create(user, Target, province=province):
        raise PermissionDenied
    return province


@login_required
def targets_from_text(request: HttpRequest, document_id: int | None = None) -> HttpResponse:
    """Propose targets from text for an existing resolution, or for a new one."""
    document = None
    if document_id is not None:
        document = get_for(Document, request.user, Action.VIEW, pk=document_id)
        province = document.province
        if province is None or not can_create(request.user, Target, province=province):
            raise PermissionDenied
    else:
        province = _home_province(request.user)
    owners = Body.objects.filter(province=province).order_by("name")
    issuers = owners.filter(issuer_code__gt="")
    data = request.POST if request.method == "POST" else None
    text_form = TextImportForm(data, request.FILES or None)
    resolution_form = (
        NewResolutionForm(data, issuers=issuers, prefix="doc") if document is None else None
    )
    formset = None
    step = request.POST.get("step", "read")
    resolution_ok = resolution_form is None or resolution_form.is_valid()
    if data is not None and step == "read" and text_form.is_valid() and resolution_ok:
        try:
            text = text_form.cleaned_data["text"] or text_of_upload(text_form.cleaned_data["file"])
        except ValidationError as exc:
            text_form.add_error("file", exc)
        else:
            year = text_form.cleaned_data["year"]
            proposals = propose_targets(text=text, year=year, province=province)
            formset = ProposalFormSet(
                initial=[p.as_initial() for p in proposals],
                form_kwargs={"owners": owners},
                prefix="t",
            )
            if not proposals:
                messages.warning(request, _("No targets were found in this text."))
    elif data is not None and step == "confirm":
        formset = ProposalFormSet(data, form_kwargs={"owners": owners}, prefix="t")
        if formset.is_valid() and resolution_ok:
            chosen = [
                Proposal(**{k: v for k, v in form.cleaned_data.items() if k != "include"})
                for form in formset
                if form.cleaned_data.get("include")
            ]
            try:
                document = services.targets_confirm(
                    user=request.user,
                    document=document,
                    new_document=resolution_form.cleaned_data if resolution_form else None,
                    proposals=chosen,
                )
            except ValidationError as exc:
                messages.error(request, " ".join(exc.messages))
            else:
                messages.success(
                    request, _("%(count)s targets were saved.") % {"count": len(chosen)}
                )
                return redirect("targets:dashboard", document_id=document.pk)
    context = {
        "document": document,
        "text_form": text_form,
        "resolution_form": resolution_form,
        "formset": formset,
    }
    return render(request, "targets/from_text.html", context)
