"""News items answer Django's permission API through the access layer (see orgs.access)."""

from nghiquyet.orgs.access import register_model_permissions

from .models import NewsItem

register_model_permissions(NewsItem)
