from django.apps import AppConfig
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class OrgsConfig(AppConfig):
    name = "nghiquyet.orgs"
    verbose_name = _("Places and bodies")

    def ready(self) -> None:
        # Principals kept in the cache are forgotten when what they are made of changes.
        from nghiquyet.orgs.access import forget_principals
        from nghiquyet.orgs.models import Body, Membership, Place

        for model in (Membership, Body, Place):
            for signal in (post_save, post_delete):
                signal.connect(
                    forget_principals, sender=model, dispatch_uid=f"access:{model.__name__}"
                )
