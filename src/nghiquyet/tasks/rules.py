"""Object permissions for the admin, delegated to the one access layer."""

from nghiquyet.orgs.access import register_model_permissions
from nghiquyet.tasks.models import Check, CoordinationRequest, ProgressUpdate, Task, TaskGroup

for model in (TaskGroup, Task, ProgressUpdate, CoordinationRequest, Check):
    register_model_permissions(model)
