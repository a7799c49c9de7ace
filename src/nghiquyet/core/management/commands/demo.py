from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from nghiquyet.core.demo import DEMO_PASSWORD, demo_load


class Command(BaseCommand):
    help = "Load the demo province, its data and one login per role."

    def handle(self, *args, **options) -> None:
        setups = demo_load()
        self.stdout.write(
            _("Demo data loaded. Logins (password: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        self.stdout.write(f"  admin  – {_('System administrator')}")
        for setup in setups:
            for user in setup.users.values():
                membership = user.membership
                self.stdout.write(
                    f"  {user.username:<18} – {membership.get_role_display()}, {membership.body}"
                )
