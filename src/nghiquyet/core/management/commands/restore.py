"""``nghiquyet restore PATH``: put a backup made by ``nghiquyet backup`` back in place.

Everything written since the backup is replaced, so the command asks first unless
``--no-input`` is given (scripts and tests).
"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nghiquyet.core.backup import database_restore


class Command(BaseCommand):
    help = "Replace the whole database by a backup made with `nghiquyet backup`."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="Do not ask first."
        )

    def handle(self, *args, path: Path, interactive: bool = True, **options) -> None:
        if interactive:
            answer = input(
                _("Everything written since the backup will be lost. Type 'yes' to go on: ")
            )
            if answer.strip().lower() not in {"yes", "có", "co"}:
                raise CommandError(_("Restore cancelled; nothing was changed."))
        try:
            database_restore(path=path)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(_("Database restored from %(path)s.") % {"path": path})
