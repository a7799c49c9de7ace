from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from nghiquyet.orgs.models import Place
from nghiquyet.orgs.places import places_load


class Command(BaseCommand):
    help = "Load the administrative map before and after 1 July 2025, with successor links."

    def handle(self, *args, **options) -> None:
        result = places_load()
        counts = {
            (m, lvl): Place.objects.filter(map=m, level=lvl).count()
            for m in Place.Map
            for lvl in Place.Level
        }
        self.stdout.write(
            _("Places: %(created)d created, %(updated)d updated, %(successors)d successor links.")
            % {
                "created": result.created,
                "updated": result.updated,
                "successors": result.successors,
            }
        )
        for (m, lvl), n in counts.items():
            if n:
                self.stdout.write(f"  {Place.Map(m).label} – {Place.Level(lvl).label}: {n}")
