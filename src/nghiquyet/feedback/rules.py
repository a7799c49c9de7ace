"""Public comments answer Django's permission API through the access layer (see orgs.access)."""

from nghiquyet.orgs.access import register_model_permissions

from .models import PublicComment

register_model_permissions(PublicComment)
