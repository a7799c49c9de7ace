"""``nghiquyet bench NAME [OPTIONS]``: run a benchmark from the repository's ``bench/`` folder.

Benchmarks print figures and assert nothing: speed is measured here, never in a
test. Each ``bench/NAME.py`` exposes ``run(out)``; one that takes options also
exposes ``add_arguments(parser)`` and receives them as keywords of ``run``.
"""

import argparse
import importlib.util

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

BENCH_DIR = settings.BASE_DIR / "bench"


def available() -> list[str]:
    return sorted(p.stem for p in BENCH_DIR.glob("*.py") if not p.stem.startswith("_"))


class Command(BaseCommand):
    help = "Run a benchmark and print its figures."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", nargs="?", help=", ".join(available()))
        parser.add_argument(
            "options", nargs=argparse.REMAINDER, help=_("The benchmark's own options.")
        )

    def handle(self, *args, name: str | None = None, options=(), **rest) -> None:
        names = available()
        if name not in names:
            raise CommandError(
                _("Unknown benchmark %(name)r; choose one of: %(names)s")
                % {"name": name, "names": ", ".join(names) or "—"}
            )
        spec = importlib.util.spec_from_file_location(f"bench_{name}", BENCH_DIR / f"{name}.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if not hasattr(module, "add_arguments"):
            if options:
                raise CommandError(_("The benchmark %(name)r takes no options.") % {"name": name})
            module.run(self.stdout)
            return
        own = argparse.ArgumentParser(prog=f"nghiquyet bench {name}")
        module.add_arguments(own)
        try:
            parsed = own.parse_args(list(options))
        except SystemExit as exc:
            message = _("Bad options for the benchmark %(name)r.") % {"name": name}
            raise CommandError(message) from exc
        module.run(self.stdout, **vars(parsed))
