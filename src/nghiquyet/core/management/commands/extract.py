"""``nghiquyet extract PATH... [--format jsonl|json] [--html]``: a thin wrapper.

The logic lives in the pure-Python ``nghiquyet.extraction.cli`` so that it runs
without a database or Django set-up; this command only hands it the raw arguments
and the process's streams, and skips the system checks so a clean install works.
"""

import sys

from django.core.management.base import BaseCommand, CommandError

from nghiquyet.extraction.cli import main


class Command(BaseCommand):
    help = "Trích xuất hội nghị, chỉ tiêu, kết quả từ bài viết / Extract records from articles."
    requires_system_checks = []
    requires_migrations_checks = False

    def run_from_argv(self, argv: list[str]) -> None:
        """Pass everything after ``extract`` straight to the extraction CLI."""
        sys.exit(main(argv[2:], sys.stdout, sys.stderr))

    def add_arguments(self, parser) -> None:
        parser.add_argument("paths", nargs="+", metavar="PATH")
        parser.add_argument("--format", choices=["jsonl", "json"], default="jsonl")
        parser.add_argument("--html", action="store_true")

    def handle(self, *args, paths: list[str], format: str, html: bool, **options) -> None:
        """Used by ``call_command``: same arguments, Django's output wrappers."""
        argv = [*paths, "--format", format, *(["--html"] if html else [])]
        if main(argv, self.stdout, self.stderr):
            raise CommandError("Một số tệp không đọc được / Some files could not be read")
