import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from nghiquyet.orgs.selectors import place_find_province
from nghiquyet.tasks.jobs import reminders_enqueue
from nghiquyet.tasks.reminders import reminders_send
from nghiquyet.tasks.selectors import local_today


class Command(BaseCommand):
    help = (
        "E-mail each agency its tasks due soon, its late tasks and the coordination requests "
        "it has not answered. Meant for a daily scheduler; a second run the same day sends nothing."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--days", type=int, default=7, help="Remind of deadlines this close.")
        parser.add_argument("--date", help="The day to act as (YYYY-MM-DD); today by default.")
        parser.add_argument("--province", help="Only this province (name).")
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Queue the reminders for a background worker instead of sending them now.",
        )

    def handle(
        self,
        *args,
        days: int,
        date: str | None,
        province: str | None,
        enqueue: bool = False,
        **options,
    ) -> None:
        if days < 0:
            raise CommandError(_("--days cannot be negative."))
        try:
            today = dt.date.fromisoformat(date) if date else local_today()
        except ValueError as exc:
            raise CommandError(_("--date must be YYYY-MM-DD.")) from exc
        place = place_find_province(province) if province else None
        if enqueue:
            job = reminders_enqueue(today=today, within_days=days, province=place)
            self.stdout.write(
                _("Reminders queued as background job %(id)s (%(status)s).")
                % {"id": job.pk, "status": job.get_status_display()}
            )
            return
        outcomes = reminders_send(today=today, within_days=days, province=place)
        for outcome in outcomes:
            state = _("sent") if outcome.sent else _("not sent: %s") % outcome.reason
            self.stdout.write(f"{outcome.reminder.agency.name}: {state}")
        sent = sum(o.sent for o in outcomes)
        self.stdout.write(
            _("%(sent)d of %(total)d reminders sent.") % {"sent": sent, "total": len(outcomes)}
        )
