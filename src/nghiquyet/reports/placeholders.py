"""The placeholders a Word template may use, and their values for one report.

`PLACEHOLDERS` is the whole vocabulary of a template, as documented in
``report_templates/README.md``: the check of an uploaded template accepts nothing
else, and the values handed to the renderer are plain strings, numbers, lists and
dicts built here, never the live objects behind them. A template can therefore
only print report data; there is no object whose methods or globals it could reach.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docxtpl import RichText

from nghiquyet.reports.content import ReportContent


class Leaf:
    """A value a template prints as it is: a text, a number, a yes/no, a picture."""


TEXT = Leaf()
NUMBER = Leaf()
FLAG = Leaf()
PICTURE = Leaf()


@dataclass(frozen=True)
class ListOf:
    """A list a template may loop over (``{%tr for row in target_rows %}``)."""

    item: Any


#: A record is a dict of its documented fields.
Schema = Leaf | ListOf | dict[str, Any]

TARGET_ROW: dict[str, Schema] = {
    "number": NUMBER,
    "indicator": TEXT,
    "target": TEXT,
    "actual": TEXT,
    "completion": TEXT,
    "status_label": TEXT,
    "estimate": FLAG,
    "note": TEXT,
}
AGENCY_ROW: dict[str, Schema] = {
    "agency": TEXT,
    "total": NUMBER,
    "done": NUMBER,
    "in_progress": NUMBER,
    "late": NUMBER,
    "no_initiative": NUMBER,
    "not_done": NUMBER,
    "slow_coordination": NUMBER,
    "unchecked": NUMBER,
    "four_no_total": NUMBER,
}
HEADINGS = ("assessment", "targets", "tasks", "limitations", "next_tasks")

PLACEHOLDERS: dict[str, Schema] = {
    "header_upper": TEXT,
    "header": {
        name: TEXT
        for name in ("upper", "issuer", "symbol", "place_date", "national_name", "motto_line")
    },
    "title": TEXT,
    "subtitle": TEXT,
    "introduction": TEXT,
    "kind": TEXT,
    "period_label": TEXT,
    "resolution_label": TEXT,
    "headings": dict.fromkeys(HEADINGS, TEXT),
    "assessment": ListOf(TEXT),
    "summary_sentence": TEXT,
    "estimate_note": TEXT,
    "target_rows": ListOf(TARGET_ROW),
    "status_chart": PICTURE,
    "trend_chart": PICTURE,
    "agency_rows": ListOf(AGENCY_ROW),
    "limitations": ListOf(TEXT),
    "next_tasks": ListOf(TEXT),
    "signer_capacity": TEXT,
    "signer_title": TEXT,
    "signer_name": TEXT,
    "recipients": ListOf(TEXT),
}
#: Inside a loop, ``loop`` numbers the rows (``{{ loop.index }}``).
LOOP: dict[str, Schema] = dict.fromkeys(
    ("index", "index0", "revindex", "revindex0", "first", "last", "length"), NUMBER
)
#: The pictures are drawn by the renderer, which needs the Word document for them.
PICTURES = ("status_chart", "trend_chart")


def placeholder_values(content: ReportContent) -> dict[str, Any]:
    """Every placeholder but the pictures, as plain values taken from `content`."""
    header = content.header
    return {
        # Bold or not depends on the organ, so the first heading line is a styled run.
        "header_upper": RichText(header.upper, bold=header.upper_bold, size=26),
        "header": {name: str(getattr(header, name)) for name in PLACEHOLDERS["header"]},
        "title": content.title,
        "subtitle": content.subtitle,
        "introduction": content.introduction,
        "kind": content.kind.value,
        "period_label": content.period_label,
        "resolution_label": content.resolution_label,
        "headings": {name: content.headings[name] for name in HEADINGS},
        "assessment": list(content.assessment),
        "summary_sentence": content.summary_sentence,
        "estimate_note": content.estimate_note,
        "target_rows": [_record(row, TARGET_ROW) for row in content.target_rows],
        "agency_rows": [_record(row, AGENCY_ROW) for row in content.agency_rows],
        "limitations": list(content.limitations),
        "next_tasks": list(content.next_tasks),
        "signer_capacity": content.signer_capacity,
        "signer_title": content.signer_title,
        "signer_name": content.signer_name,
        "recipients": list(content.recipients),
    }


def placeholder_sample() -> dict[str, Any]:
    """A value for every placeholder, lists of one row: a template is tried on it at upload."""
    return {name: _sample(schema) for name, schema in PLACEHOLDERS.items()}


def _record(row: Any, fields: dict[str, Schema]) -> dict[str, Any]:
    return {name: getattr(row, name) for name in fields}


def _sample(schema: Schema) -> Any:
    if isinstance(schema, ListOf):
        return [_sample(schema.item)]
    if isinstance(schema, dict):
        return {name: _sample(field) for name, field in schema.items()}
    return {TEXT: "…", NUMBER: 1, FLAG: False, PICTURE: ""}[schema]
