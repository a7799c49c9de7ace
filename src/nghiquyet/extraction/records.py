"""Typed records of one extracted article; `to_dict()` gives exactly the JSON contract
(shared/extraction/CONTRACT.md), so other apps and the CLI share one shape.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass
class Meeting:
    kind: str  # dai_hoi | bch | btv | thuong_truc | hdnd | ubnd | other
    session: int | None = None
    term: str | None = None
    extended: bool = False
    date: str | None = None  # ISO, or "--MM-DD" when the year is unknown
    venue: str | None = None
    duration_days: float | int | None = None
    chairs: list[str] = field(default_factory=list)


@dataclass
class Person:
    name: str
    positions: list[str] = field(default_factory=list)


@dataclass
class DocumentRef:
    type: str
    number: str | None = None
    symbol: str | None = None
    congress: str | None = None
    level: str | None = None  # tw | tinh, for congress resolutions
    date: str | None = None
    issuer: str | None = None
    text: str = ""


@dataclass
class Figure:
    indicator: str
    comparator: str  # >= > <= < ~ = range
    value: float | int
    value_max: float | int | None
    unit: str
    year: int | None
    text: str


@dataclass
class Summary:
    total: int
    achieved: int | None
    exceeded: int | None
    rest_min_percent: float | int | None
    text: str


@dataclass
class TaskGroup:
    count: int
    label: str
    text: str


@dataclass
class Extraction:
    document: str | None = None
    title: str | None = None
    published: str | None = None
    province: str | None = None
    meetings: list[Meeting] = field(default_factory=list)
    people: list[Person] = field(default_factory=list)
    documents: list[DocumentRef] = field(default_factory=list)
    targets: list[Figure] = field(default_factory=list)
    results: list[Figure] = field(default_factory=list)
    summaries: list[Summary] = field(default_factory=list)
    task_groups: list[TaskGroup] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The contract's JSON object, keys in the contract's order."""
        return asdict(self)
