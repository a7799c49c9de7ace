from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.core.demo import DEMO_PASSWORD, demo_load
from nghiquyet.meetings.demo import GUEST_USERNAME
from nghiquyet.orgs.models import Body


class Command(BaseCommand):
    help = "Load the demo province, its data and one login per role."

    def handle(self, *args, **options) -> None:
        setups = demo_load(as_of=timezone.localdate())
        # A database loaded before verdicts were stored gets them here; a fresh one has
        # them already, and the check costs one judgement of each resolution.
        call_command("verify_verdicts", fix=True, verbosity=0, stdout=self.stdout)
        self.stdout.write(
            _("Demo data loaded. Logins (password: %(password)s):") % {"password": DEMO_PASSWORD}
        )
        self.stdout.write(f"  {'admin':<20} – {_('System administrator')}")
        for setup in setups:
            for user in setup.users.values():
                membership = user.membership
                role = (
                    _("Inspection committee member")
                    if membership.body.kind == Body.Kind.INSPECTION_COMMITTEE
                    else membership.get_role_display()
                )
                self.stdout.write(f"  {user.username:<20} – {role}, {membership.body}")
        self.stdout.write(f"  {GUEST_USERNAME:<20} – {_('Guest invited to the coming conference')}")
