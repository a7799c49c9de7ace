"""Daily reminders to agencies, sent through Django's mail framework.

A scheduler runs ``nghiquyet remind`` every morning; running it again the same
day (a retry, a second cron line) must not send twice. Each agency's message is
recorded in :class:`~nghiquyet.tasks.models.ReminderSent` in the same
transaction that sends it: if sending fails, nothing is recorded and the next run
tries again; once recorded, that agency is skipped for the rest of the day.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from nghiquyet.orgs.models import Place
from nghiquyet.tasks.models import ReminderSent
from nghiquyet.tasks.selectors import Reminder, reminders_for


@dataclass(frozen=True)
class ReminderOutcome:
    reminder: Reminder
    recipients: tuple[str, ...]
    sent: bool
    reason: str = ""


def recipients_of(reminder: Reminder) -> tuple[str, ...]:
    """The e-mail addresses of the people who work for the agency."""
    users = (
        get_user_model()
        .objects.filter(membership__body=reminder.agency, is_active=True)
        .exclude(email="")
    )
    return tuple(sorted(users.values_list("email", flat=True)))


def reminders_send(
    *, today: dt.date, within_days: int = 7, province: Place | None = None
) -> list[ReminderOutcome]:
    """Send each agency with something pending its reminder for ``today``, once."""
    outcomes = []
    with translation.override(settings.LANGUAGE_CODE):
        for reminder in reminders_for(today=today, within_days=within_days, province=province):
            outcomes.append(_send_one(reminder, today=today, within_days=within_days))
    return outcomes


def _send_one(reminder: Reminder, *, today: dt.date, within_days: int) -> ReminderOutcome:
    recipients = recipients_of(reminder)
    if not recipients:
        return ReminderOutcome(
            reminder, (), False, _("nobody of this agency has an e-mail address")
        )
    if ReminderSent.objects.filter(body=reminder.agency, sent_on=today).exists():
        return ReminderOutcome(reminder, recipients, False, _("already sent today"))
    subject = _("Tasks to act on, %(day)s: %(agency)s") % {
        "day": today.strftime("%d/%m/%Y"),
        "agency": reminder.agency.short_name or reminder.agency.name,
    }
    body = render_to_string(
        "tasks/email/reminder.txt",
        {"reminder": reminder, "today": today, "within_days": within_days},
    )
    try:
        with transaction.atomic():
            ReminderSent.objects.create(
                body=reminder.agency,
                sent_on=today,
                recipients=", ".join(recipients),
                subject=subject,
            )
            send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, list(recipients))
    except IntegrityError:
        # Another run recorded this agency's reminder between our check and our insert.
        return ReminderOutcome(reminder, recipients, False, _("already sent today"))
    return ReminderOutcome(reminder, recipients, True)
