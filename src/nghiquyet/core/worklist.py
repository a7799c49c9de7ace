"""The home page's work list: what each user has to do now, gathered from the apps.

Core sits below the apps, so it does not import them: each app that has work to
show offers ``nghiquyet.<app>.work.sections(user=…, today=…)``, built from its own
selectors, and the home page lists what they return, in the order of the cycle.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from importlib import import_module
from typing import Any

APPS_WITH_WORK = ["targets", "tasks", "meetings"]

#: At most this many lines per section; the section links to its full page.
LIMIT = 8


@dataclass(frozen=True)
class WorkItem:
    """One thing to do: what, where to do it, by when (and whether that day is past)."""

    text: str
    url: str
    detail: str = ""
    due: dt.date | None = None
    late: bool = False
    #: Words before ``due`` when it is not a deadline ("on" for a meeting's day).
    due_label: str = ""


@dataclass(frozen=True)
class WorkSection:
    """A kind of work ("Figures to approve") with its first items and its full list."""

    title: str
    items: list[WorkItem] = field(default_factory=list)
    more_url: str = ""
    total: int = 0


def work_for(*, user: Any, today: dt.date) -> list[WorkSection]:
    """Every non-empty section of work for ``user``, targets first, meetings last."""
    if not getattr(user, "is_authenticated", False):
        return []
    sections: list[WorkSection] = []
    for app in APPS_WITH_WORK:
        sections += import_module(f"nghiquyet.{app}.work").sections(user=user, today=today)
    return [section for section in sections if section.items]
