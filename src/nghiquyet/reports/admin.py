from django.contrib import admin

from nghiquyet.orgs.admin import ScopedAdmin
from nghiquyet.reports.models import Report, ReportJob, ReportTemplate


@admin.register(Report)
class ReportAdmin(ScopedAdmin):
    list_display = ["kind", "period", "body", "resolution", "document"]
    list_filter = ["kind", "period"]
    raw_id_fields = ["body", "resolution", "term", "document", "created_by"]


@admin.register(ReportTemplate)
class ReportTemplateAdmin(ScopedAdmin):
    list_display = ["body", "file", "uploaded_at"]
    raw_id_fields = ["body", "uploaded_by"]


@admin.register(ReportJob)
class ReportJobAdmin(ScopedAdmin):
    """Read-only: jobs are started from the report page, the API or ``run_jobs``."""

    list_display = ["report", "status", "progress", "created_at", "finished_at"]
    list_filter = ["status"]
    readonly_fields = ["report", "status", "progress", "step", "error", "version", "created_by"]
