from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils.translation import gettext as _

from nghiquyet.orgs.admin import ScopedAdmin
from nghiquyet.reports.models import Report, ReportTemplate
from nghiquyet.reports.services import report_template_upload, report_template_validate


@admin.register(Report)
class ReportAdmin(ScopedAdmin):
    list_display = ["kind", "period", "body", "resolution", "document"]
    list_filter = ["kind", "period"]
    raw_id_fields = ["body", "resolution", "term", "document", "created_by"]


class ReportTemplateForm(forms.ModelForm):
    """The upload form of the admin, checked by the same service as the report page."""

    user = None  # set per request by the admin

    class Meta:
        model = ReportTemplate
        fields = ["body", "file", "note"]

    def clean(self) -> dict:
        cleaned = super().clean()
        body, file = cleaned.get("body"), cleaned.get("file")
        if body is None or file is None:
            return cleaned
        try:
            report_template_validate(user=self.user, body=body, file=file)
        except PermissionDenied as exc:
            raise ValidationError(
                {"body": _("You may not choose the Word template of this body's reports.")}
            ) from exc
        return cleaned


@admin.register(ReportTemplate)
class ReportTemplateAdmin(ScopedAdmin):
    """Templates are added through `report_template_upload` and never edited in place.

    Changing a stored file here would skip the checks; a new template is a new upload,
    and the body's reports use the newest one.
    """

    form = ReportTemplateForm
    list_display = ["body", "file", "uploaded_at"]
    raw_id_fields = ["body"]

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return []
        return ["body", "file", "note", "uploaded_by", "uploaded_at"]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.user = request.user
        return form

    def save_model(self, request, obj, form, change) -> None:
        if change:
            return
        saved = report_template_upload(
            user=request.user,
            body=form.cleaned_data["body"],
            file=form.cleaned_data["file"],
            note=form.cleaned_data.get("note", ""),
        )
        obj.pk, obj.file, obj.uploaded_by = saved.pk, saved.file, saved.uploaded_by
        obj.uploaded_at = saved.uploaded_at
