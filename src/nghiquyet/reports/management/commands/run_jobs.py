"""``nghiquyet run_jobs``: run the report generations waiting in the queue.

For ``REPORT_JOBS = "queue"``, or after a restart interrupted a threaded job; safe
to run from cron, since a job is claimed before it runs.
"""

from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from nghiquyet.reports.jobs import report_jobs_run_queued


class Command(BaseCommand):
    help = "Run the queued report generations."

    def handle(self, *args, **options) -> None:
        ran = report_jobs_run_queued()
        self.stdout.write(_("%(count)d report job(s) run.") % {"count": ran})
