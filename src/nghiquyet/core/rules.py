"""Object permissions for the admin, delegated to the one access layer."""

from nghiquyet.core.models import Job
from nghiquyet.orgs.access import register_model_permissions

register_model_permissions(Job)
