"""Narrow entry points for apps that hold a fragment rather than a whole article."""

from __future__ import annotations

from .engine import extract
from .records import Figure, Meeting


def extract_targets(text: str, *, year: int | None = None) -> list[Figure]:
    """Targets in pasted resolution text ("GRDP tăng 8,5% trở lên; thu ngân sách trên
    6.000 tỷ đồng…"). Pasted target lists often lack the words that mark a plan, so
    every figure is taken as a target; `year` fills in figures that state none.
    """
    found = extract(text, html=False, fragment=True)
    figures = found.targets + found.results
    for figure in figures:
        if figure.year is None:
            figure.year = year
    return figures


def extract_meeting(text: str, *, html: bool | None = None) -> Meeting | None:
    """The meeting an article reports, or None."""
    meetings = extract(text, html=html).meetings
    return meetings[0] if meetings else None
