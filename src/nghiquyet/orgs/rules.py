"""Object permissions for the admin, delegated to the one access layer."""

from nghiquyet.orgs.access import register_model_permissions
from nghiquyet.orgs.models import Body, Office, Term

for model in (Body, Office, Term):
    register_model_permissions(model)
