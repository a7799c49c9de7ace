"""Back-office views of tasks: scoped choices, checked saves, the soft delete of the services."""

from django.contrib import admin

from nghiquyet.orgs.scoped_admin import ScopedAdmin
from nghiquyet.tasks import services
from nghiquyet.tasks.models import Check, CoordinationRequest, ProgressUpdate, Task, TaskGroup

#: What ``task_create`` takes from the admin's form.
TASK_FIELDS = (
    "title", "lead", "start_on", "deadline", "recurrence", "document", "group", "parent",
    "coordinators", "supervisor", "targets", "origin", "code", "description", "expected_output",
)  # fmt: skip


@admin.register(TaskGroup)
class TaskGroupAdmin(ScopedAdmin):
    list_display = ["name", "kind", "document", "province"]
    list_filter = ["kind"]
    raw_id_fields = ["province", "document"]

    def service_delete(self, request, obj):
        services.task_group_delete(user=request.user, group=obj)

    def service_restore(self, request, obj):
        services.task_group_restore(user=request.user, group=obj)


@admin.register(Task)
class TaskAdmin(ScopedAdmin):
    list_display = ["__str__", "lead", "start_on", "deadline", "recurrence", "origin"]
    list_filter = ["origin", "recurrence"]
    search_fields = ["title", "code"]
    raw_id_fields = ["document", "group", "parent", "lead", "supervisor"]
    filter_horizontal = ["coordinators"]
    readonly_fields = ["province"]

    def service_save(self, request, obj, form, change):
        """A new task is assigned by ``task_create``, which takes its province from the document."""
        if change:
            return super().service_save(request, obj, form, change)
        data = form.cleaned_data
        return services.task_create(
            user=request.user,
            **{name: data[name] for name in TASK_FIELDS if name in data},
        )

    def service_delete(self, request, obj):
        services.task_delete(user=request.user, task=obj)

    def service_restore(self, request, obj):
        services.task_restore(user=request.user, task=obj)


@admin.register(ProgressUpdate)
class ProgressUpdateAdmin(ScopedAdmin):
    list_display = ["task", "reported_on", "percent", "blocked"]
    raw_id_fields = ["task"]


@admin.register(CoordinationRequest)
class CoordinationRequestAdmin(ScopedAdmin):
    list_display = ["task", "requested_body", "requested_on", "due_on", "answered_on"]
    raw_id_fields = ["task", "requested_by", "requested_body", "answered_by"]


@admin.register(Check)
class CheckAdmin(ScopedAdmin):
    list_display = ["task", "body", "kind", "checked_on"]
    raw_id_fields = ["task", "body"]
