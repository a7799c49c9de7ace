"""Object permissions for the admin, delegated to the one access layer."""

from nghiquyet.orgs.access import register_model_permissions
from nghiquyet.reports.models import Report, ReportTemplate

for model in (Report, ReportTemplate):
    register_model_permissions(model)
