"""``nghiquyet verify_verdicts``: judge every target again and compare with the stored verdicts.

A difference means a write path forgot to refresh them, or a database that predates
them: it is reported (and the command exits with status 1), and ``--fix`` writes the
fresh judgements. An upgrade runs ``verify_verdicts --fix`` once after ``migrate``;
``nghiquyet demo`` runs it too.
"""

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import gettext as _

from nghiquyet.documents.models import Document
from nghiquyet.targets.models import Target
from nghiquyet.targets.verdicts import verdicts_difference, verdicts_refresh

#: Differences listed per document before the rest are only counted.
SHOWN = 10


class Command(BaseCommand):
    help = _("Judge every target again and report stored verdicts that differ (--fix repairs).")

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--fix", action="store_true", help=_("Write the fresh verdicts in place of the stored.")
        )

    def handle(self, *args, fix: bool = False, verbosity: int = 1, **options) -> None:
        documents = Document._base_manager.filter(
            pk__in=Target.all_objects.values("document_id")
        ).order_by("pk")
        total = 0
        for document in documents:
            with transaction.atomic():
                difference = verdicts_difference(document=document)
                if difference and fix:
                    verdicts_refresh(document=document)
            if not difference:
                continue
            total += len(difference)
            self.stdout.write(
                _("%(document)s: %(count)s stored verdicts differ.")
                % {"document": document, "count": len(difference)}
            )
            if verbosity > 1 or not fix:
                lines = [
                    _("  missing: target %(target)s, %(period)s") % {"target": t, "period": p}
                    for t, p in difference.missing
                ]
                lines += [
                    _("  differs: target %(target)s, %(period)s: stored %(old)s, judged %(new)s")
                    % {"target": t, "period": p, "old": old[0], "new": new[0]}
                    for (t, p), (old, new) in difference.changed.items()
                ]
                lines += [
                    _("  not expected: target %(target)s, %(period)s") % {"target": t, "period": p}
                    for t, p in difference.extra
                ]
                lines += [
                    _("  dashboard period not in step: %(period)s") % {"period": p}
                    for p in difference.periods
                ]
                for line in lines[:SHOWN]:
                    self.stdout.write(line)
                if len(lines) > SHOWN:
                    self.stdout.write(_("  … and %(count)s more.") % {"count": len(lines) - SHOWN})
        if not total:
            if verbosity:
                self.stdout.write(_("Every stored verdict matches a fresh judgement."))
            return
        if fix:
            self.stdout.write(_("%(count)s stored verdicts repaired.") % {"count": total})
            return
        raise CommandError(
            _("%(count)s stored verdicts differ from a fresh judgement; run with --fix.")
            % {"count": total}
        )
