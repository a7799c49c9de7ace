"""The demo's dates, moved to the day it is loaded.

The demo is written as the province stood on 1 December 2024 (the year's figures
being collected, the second quarter's tasks reviewed). Loaded years later, those
dates would make every period locked and every task hundreds of days late, so each
app's demo asks :func:`demo_calendar` for its dates, periods and years: loaded on
another day, everything moves by the whole years between, and the written year
becomes the current one (the previous one before 1 July, while its year's figures
are still what the office is after).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

#: The day the demo's records were written for.
AUTHORED_ON = dt.date(2024, 12, 1)

_YEAR = re.compile(r"(?<!\d)(20[0-4]\d)(?!\d)")


@dataclass(frozen=True)
class DemoCalendar:
    """Moves the demo's written dates, periods and years by ``years``."""

    years: int = 0
    today: dt.date = AUTHORED_ON

    def on(self, day: dt.date) -> dt.date:
        """The day ``day`` becomes (29 February falls back to the 28th)."""
        try:
            return day.replace(year=day.year + self.years)
        except ValueError:
            return day.replace(year=day.year + self.years, day=28)

    def open_until(self, day: dt.date) -> dt.date:
        """A deadline moved, but never sooner than two weeks from the day of loading."""
        return max(self.on(day), self.today + dt.timedelta(days=14))

    def done_on(self, day: dt.date) -> dt.date:
        """A day something was done, moved; yesterday at the latest when loaded today.

        The written demo dates a few submissions after its 1 December; moved to the
        day of loading they would lie in the future.
        """
        moved = self.on(day)
        if self.today == AUTHORED_ON:
            return moved
        return min(moved, self.today - dt.timedelta(days=1))

    def year(self, year: int) -> int:
        return year + self.years

    def text(self, text: str) -> str:
        """A period code ("2024-H1") or a sentence ("năm 2024") with its years moved."""
        if not self.years:
            return text
        return _YEAR.sub(lambda match: str(int(match.group(1)) + self.years), text)


def calendar_for(today: dt.date) -> DemoCalendar:
    """The calendar that makes the written year this year (the last one before July)."""
    year = today.year if today.month >= 7 else today.year - 1
    return DemoCalendar(years=year - AUTHORED_ON.year, today=today)


_current: ContextVar[DemoCalendar | None] = ContextVar("demo_calendar", default=None)


def demo_calendar() -> DemoCalendar:
    """The calendar of the demo being loaded; the written dates outside :func:`demo_as_of`."""
    return _current.get() or DemoCalendar()


@contextmanager
def demo_as_of(today: dt.date) -> Iterator[DemoCalendar]:
    """Load the demo as of ``today`` inside this block."""
    token = _current.set(calendar_for(today))
    try:
        yield calendar_for(today)
    finally:
        _current.reset(token)
