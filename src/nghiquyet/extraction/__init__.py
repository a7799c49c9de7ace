"""Extraction: Vietnamese resolutions and news articles to structured records.

Pure Python (no Django): other apps call `extract` for a whole article, or the
narrower helpers for pasted fragments (`read_targets` for a resolution's target list,
with kinds, periods and base years; `extract_meeting` for a meeting report).
"""

from .api import extract_meeting, extract_targets
from .engine import extract
from .records import DocumentRef, Extraction, Figure, Meeting, Person, Summary, TaskGroup
from .target_text import TargetSpec, read_targets

__all__ = [
    "DocumentRef",
    "Extraction",
    "Figure",
    "Meeting",
    "Person",
    "Summary",
    "TargetSpec",
    "TaskGroup",
    "extract",
    "extract_meeting",
    "extract_targets",
    "read_targets",
]
