from django.contrib import admin

from nghiquyet.core.models import Job
from nghiquyet.orgs.scoped_admin import ScopedAdmin


@admin.register(Job)
class JobAdmin(ScopedAdmin):
    """Read-only: jobs are asked for from the pages, the API and the commands."""

    list_display = ["title", "kind", "status", "progress", "attempts", "created_at", "finished_at"]
    list_filter = ["kind", "status"]
    readonly_fields = [
        "kind",
        "key",
        "title",
        "status",
        "progress",
        "step",
        "error",
        "attempts",
        "outcome",
        "created_by",
        "created_at",
        "finished_at",
    ]
    fields = readonly_fields

    def has_add_permission(self, request) -> bool:
        return False
