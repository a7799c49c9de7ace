"""How a task stands, derived from its records and never typed by hand.

The categories are the government's task-tracking ones (done on time, done late,
in progress within the deadline, overdue) plus not started and blocked.

Rules, so that every page, report and reminder judges alike:

- A task is done on the ``reported_on`` day of its first progress update at 100%.
- Deadlines move (a decision extends them); the task's history keeps every value.
  "Done late" compares the day the task was done with the deadline that was in
  force when the completion was recorded. An extension decided before the work
  was finished counts; an extension entered after the completion does not turn a
  late task into an on-time one.
- A task due today is not overdue until tomorrow.
- A recurring task (monthly, quarterly) owes one progress update per calendar
  month or quarter, due on its last day. Each occurrence is met by the first
  update reported on or after its first day; later than its last day, it is late.

Everything here works on plain values so that it can be checked without a database.
"""

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from itertools import pairwise

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress, within the deadline")
    BLOCKED = "blocked", _("Blocked")
    OVERDUE = "overdue", _("Overdue")
    DONE_ON_TIME = "done_on_time", _("Done on time")
    DONE_LATE = "done_late", _("Done late")


DONE = frozenset({Status.DONE_ON_TIME, Status.DONE_LATE})


@dataclass(frozen=True)
class UpdateFact:
    reported_on: date
    percent: int
    blocked: bool
    recorded_at: datetime


@dataclass(frozen=True)
class DeadlineFact:
    """The task's deadline from ``since`` (a history record's time) on."""

    since: datetime
    deadline: date | None


@dataclass(frozen=True)
class Obligation:
    """Something due on a day: a one-off task, or one occurrence of a recurring task."""

    start: date
    due: date
    done_on: date | None

    def is_done(self, as_of: date) -> bool:
        return self.done_on is not None and self.done_on <= as_of

    def days_late(self, as_of: date) -> int:
        """Days past due: until it was done, or until ``as_of`` while it is not."""
        end = self.done_on if self.is_done(as_of) else as_of
        return max(0, (end - self.due).days)

    def is_late(self, as_of: date) -> bool:
        return self.days_late(as_of) > 0


def _month_end(day: date) -> date:
    return date(day.year, day.month, calendar.monthrange(day.year, day.month)[1])


def occurrence_windows(start: date, until: date, months: int) -> list[tuple[date, date]]:
    """Calendar months (``months=1``) or quarters (3) from ``start``'s up to ``until``'s."""
    windows = []
    first_month = (start.month - 1) // months * months + 1
    cursor = date(start.year, first_month, 1)
    while cursor <= until:
        last_month = cursor.month + months - 1
        end = _month_end(date(cursor.year, last_month, 1))
        windows.append((max(cursor, start), end))
        cursor = end.replace(day=1)
        cursor = date(cursor.year + cursor.month // 12, cursor.month % 12 + 1, 1)
    return windows


RECURRENCE_MONTHS = {"monthly": 1, "quarterly": 3}


@dataclass(frozen=True)
class TaskFacts:
    """What the status of one task depends on, read from the database once."""

    start_on: date
    deadline: date | None
    recurrence: str
    updates: tuple[UpdateFact, ...]
    deadlines: tuple[DeadlineFact, ...] = ()

    def updates_until(self, as_of: date) -> list[UpdateFact]:
        return sorted(
            (u for u in self.updates if u.reported_on <= as_of),
            key=lambda u: (u.reported_on, u.recorded_at),
        )

    def completion(self, as_of: date) -> UpdateFact | None:
        """The first update at 100% reported by ``as_of``."""
        return next((u for u in self.updates_until(as_of) if u.percent >= 100), None)

    def deadline_at(self, moment: datetime) -> date | None:
        """The deadline in force at ``moment``; the current one when no history says otherwise."""
        in_force = [d for d in self.deadlines if d.since <= moment]
        if in_force:
            return max(in_force, key=lambda d: d.since).deadline
        if self.deadlines:
            return min(self.deadlines, key=lambda d: d.since).deadline
        return self.deadline

    def obligations(self, as_of: date) -> list[Obligation]:
        """What was due by ``as_of`` (and the one-off deadline even if later)."""
        done = self.completion(as_of)
        months = RECURRENCE_MONTHS.get(self.recurrence)
        if months is None:
            due = self.deadline_at(done.recorded_at) if done else self.deadline
            return [Obligation(self.start_on, due, done.reported_on if done else None)]
        until = min(d for d in (as_of, self.deadline, done and done.reported_on) if d)
        dates = [u.reported_on for u in self.updates_until(as_of)]
        obligations = []
        for start, end in occurrence_windows(self.start_on, until, months):
            due = min(end, self.deadline) if self.deadline else end
            done_on = next((d for d in dates if d >= start), None)
            obligations.append(Obligation(start, due, done_on))
        return obligations

    def done_on(self, as_of: date) -> date | None:
        """The day the whole task was done, if it was by ``as_of``."""
        if self.recurrence:
            finished = self.completion(as_of) or (
                self.deadline is not None and self.deadline < as_of
            )
            if not finished:
                return None
            obligations = self.obligations(as_of)
            if not obligations or not all(o.is_done(as_of) for o in obligations):
                return None
            return max(o.done_on for o in obligations)
        return self.obligations(as_of)[0].done_on

    def status(self, today: date) -> Status:
        obligations = self.obligations(today)
        if self.done_on(today) is not None:
            late = any(o.is_late(today) for o in obligations)
            return Status.DONE_LATE if late else Status.DONE_ON_TIME
        if any(not o.is_done(today) and o.due < today for o in obligations):
            return Status.OVERDUE
        updates = self.updates_until(today)
        if updates and updates[-1].blocked:
            return Status.BLOCKED
        if not updates or updates[-1].percent == 0:
            return Status.NOT_STARTED
        return Status.IN_PROGRESS

    def percent(self, today: date) -> int:
        updates = self.updates_until(today)
        return updates[-1].percent if updates else 0


def longest_gap(*, since: date, events: Iterable[date], window: tuple[date, date]) -> int:
    """The longest stretch in days, overlapping ``window``, with no event.

    The stretch before the first event starts on ``since`` (the task's start);
    the last one runs to the end of the window.
    """
    start, end = window
    points = sorted({since, *(d for d in events if since <= d <= end)})
    points.append(end)
    return max(
        ((b - a).days for a, b in pairwise(points) if b >= start),
        default=0,
    )
