"""``nghiquyet backup PATH``: a consistent copy of the database, while the site runs."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nghiquyet.core.backup import database_backup


class Command(BaseCommand):
    help = "Write a consistent copy of the database to PATH (SQLite or PostgreSQL)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("path", type=Path)

    def handle(self, *args, path: Path, **options) -> None:
        try:
            written = database_backup(path=path)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from None
        self.stdout.write(_("Backup written to %(path)s.") % {"path": written})
