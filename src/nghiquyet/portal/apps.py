from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "nghiquyet.portal"
    label = "portal"
    verbose_name = _("Public portal")

    def ready(self) -> None:
        # The cache of public pages is dropped when what they show changes.
        from nghiquyet.portal import cache

        cache.connect_invalidation()
