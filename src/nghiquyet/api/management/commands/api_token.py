from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nghiquyet.api.services import api_token_create


class Command(BaseCommand):
    help = "Issue an API token for a user (printed once)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="script")

    def handle(self, *args, username: str, name: str, **options) -> None:
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(_("No user named %(name)s.") % {"name": username})
        _token, raw = api_token_create(user=user, name=name)
        self.stdout.write(raw)
