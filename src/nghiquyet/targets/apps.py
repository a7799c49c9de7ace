from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TargetsConfig(AppConfig):
    name = "nghiquyet.targets"
    verbose_name = _("Targets")

    def ready(self) -> None:
        from nghiquyet.targets.dashboard_cache import connect_invalidation

        connect_invalidation()
