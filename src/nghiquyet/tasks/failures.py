"""The "4 không" of an agency in a period, computed from its task records.

The Secretary's four failures (seed ``001``) and how each is measured, as of the
period's last day or today if the period is still running:

1. No initiative: among the agency's tasks active in the period, none that it
   proposed itself (every one was assigned to it).
2. Assigned but not done, or late: obligations (a task's deadline, or one
   occurrence of a recurring task) that fell due by then and were done late, or
   are still not done after their day. Something done before the period belongs
   to an earlier period.
3. No or slow coordination: requests addressed to the agency that were answered
   after the agreed day, or not answered after it. An answer recorded from
   another agency closes the request (the requester has what it needed) and the
   evidence names who answered; only its date is judged.
4. Deployed without checking or tracking progress: tasks the agency leads with a
   stretch longer than the expected interval without a progress update
   (:data:`UPDATE_INTERVAL_DAYS`), and tasks it supervises with a stretch longer
   than :data:`CHECK_INTERVAL_DAYS` without a check. When a task names no
   supervising body, checking falls to its lead agency.

A task is active in the period when it started by the as-of day and was not done
before the period began.
"""

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from nghiquyet.core.periods import Period
from nghiquyet.orgs.models import Body
from nghiquyet.tasks.models import CoordinationRequest, Task
from nghiquyet.tasks.status import Obligation, TaskFacts, longest_gap

#: The longest a task may go without a progress update, by recurrence.
UPDATE_INTERVAL_DAYS = {"": 31, "monthly": 31, "quarterly": 92}
#: The longest a task may go without a check (kiểm tra, giám sát): a quarter.
CHECK_INTERVAL_DAYS = 92


@dataclass(frozen=True)
class LateItem:
    task: Task
    obligation: Obligation
    days_late: int
    done: bool


@dataclass(frozen=True)
class CoordinationItem:
    request: CoordinationRequest
    days_late: int
    answered: bool

    @property
    def answered_by_another(self) -> bool:
        r = self.request
        return r.answered_by_id is not None and r.answered_by_id != r.requested_body_id


@dataclass(frozen=True)
class GapItem:
    task: Task
    kind: str  # "update" or "check"
    gap_days: int
    interval_days: int
    last_on: dt.date | None


@dataclass
class AgencyEvidence:
    """Each of the four figures of one agency with the records behind it."""

    agency: Body
    proposed: list[Task] = field(default_factory=list)
    assigned: list[Task] = field(default_factory=list)
    late: list[LateItem] = field(default_factory=list)
    due_count: int = 0
    requests_count: int = 0
    coordination: list[CoordinationItem] = field(default_factory=list)
    gaps: list[GapItem] = field(default_factory=list)

    @property
    def no_initiative(self) -> bool:
        return bool(self.assigned) and not self.proposed

    @property
    def not_done(self) -> list[LateItem]:
        return [i for i in self.late if not i.done]

    @property
    def done_late(self) -> list[LateItem]:
        return [i for i in self.late if i.done]

    @property
    def unanswered(self) -> list[CoordinationItem]:
        return [i for i in self.coordination if not i.answered]

    @property
    def answered_late(self) -> list[CoordinationItem]:
        return [i for i in self.coordination if i.answered]

    @property
    def no_update(self) -> list[GapItem]:
        return [g for g in self.gaps if g.kind == "update"]

    @property
    def no_check(self) -> list[GapItem]:
        return [g for g in self.gaps if g.kind == "check"]

    @property
    def flags(self) -> tuple[bool, bool, bool, bool]:
        """Which of the four failures the agency shows, in the Secretary's order."""
        return (self.no_initiative, bool(self.late), bool(self.coordination), bool(self.gaps))

    @property
    def failures(self) -> int:
        return sum(self.flags)

    @property
    def items(self) -> int:
        return len(self.late) + len(self.coordination) + len(self.gaps)

    @property
    def days_late(self) -> int:
        return sum(i.days_late for i in self.late)


def as_of_day(period: Period, today: dt.date) -> dt.date:
    return min(period.end, today)


def evaluate(
    *,
    tasks: Iterable[Task],
    facts: Mapping[int, TaskFacts],
    check_dates: Mapping[int, list[dt.date]],
    requests: Iterable[CoordinationRequest],
    period: Period,
    today: dt.date,
) -> dict[int, AgencyEvidence]:
    """The evidence per agency id; agencies with nothing in the period are absent."""
    as_of = as_of_day(period, today)
    evidence: dict[int, AgencyEvidence] = {}

    def of(body: Body) -> AgencyEvidence:
        return evidence.setdefault(body.pk, AgencyEvidence(agency=body))

    for task in tasks:
        fact = facts[task.pk]
        done_on = fact.done_on(as_of)
        if task.start_on > as_of or (done_on is not None and done_on < period.start):
            continue
        lead = of(task.lead)
        (lead.proposed if task.origin == Task.Origin.PROPOSED else lead.assigned).append(task)
        for obligation in fact.obligations(as_of):
            if obligation.due > as_of or (
                obligation.is_done(as_of) and obligation.done_on < period.start
            ):
                continue
            lead.due_count += 1
            if obligation.is_late(as_of):
                days, done = obligation.days_late(as_of), obligation.is_done(as_of)
                lead.late.append(LateItem(task, obligation, days, done))
        window = (max(period.start, task.start_on), min(as_of, done_on or as_of))
        interval = UPDATE_INTERVAL_DAYS[task.recurrence]
        updates = [u.reported_on for u in fact.updates_until(as_of)]
        gap = longest_gap(since=task.start_on, events=updates, window=window)
        if gap > interval:
            last = max((d for d in updates if d <= window[1]), default=None)
            lead.gaps.append(GapItem(task, "update", gap, interval, last))
        checks = check_dates.get(task.pk, [])
        gap = longest_gap(since=task.start_on, events=checks, window=window)
        if gap > CHECK_INTERVAL_DAYS:
            checker = of(task.supervisor or task.lead)
            last = max((d for d in checks if d <= window[1]), default=None)
            checker.gaps.append(GapItem(task, "check", gap, CHECK_INTERVAL_DAYS, last))

    for request in requests:
        obligation = Obligation(request.requested_on, request.due_on, request.answered_on)
        if request.requested_on > as_of or (
            obligation.is_done(as_of) and obligation.done_on < period.start
        ):
            continue
        addressed = of(request.requested_body)
        addressed.requests_count += 1
        if obligation.is_late(as_of):
            addressed.coordination.append(
                CoordinationItem(request, obligation.days_late(as_of), obligation.is_done(as_of))
            )
    return evidence


def ranked(evidence: Iterable[AgencyEvidence]) -> list[AgencyEvidence]:
    """Most failures first, then most failing records, then the longest delays, then by name."""
    return sorted(evidence, key=lambda e: (-e.failures, -e.items, -e.days_late, e.agency.name))
