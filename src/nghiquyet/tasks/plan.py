"""A task plan in Excel: the task list out, and a plan in with all-or-nothing validation.

Export and import share their first columns, so an exported list can be edited
and imported into another document. Columns are read by position, not by
header, so a Vietnamese and an English sheet import alike. A file with any bad
row imports nothing and the report lists every bad row and why.
"""

import datetime as dt
from dataclasses import dataclass, field
from io import BytesIO
from typing import Any
from zipfile import BadZipFile

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils.exceptions import InvalidFileException

from nghiquyet.core.xlsx import append_row
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import can_create
from nghiquyet.orgs.models import Body
from nghiquyet.tasks import services
from nghiquyet.tasks.models import Task, TaskGroup
from nghiquyet.tasks.selectors import TaskRow


def plan_headers() -> list[str]:
    return [
        _("No."),
        _("Task group"),
        _("Task"),
        _("Lead agency"),
        _("Coordinating agencies"),
        _("Supervising body"),
        _("Start"),
        pgettext("task", "Deadline"),
        _("Recurrence"),
        _("Expected output"),
    ]


def tasks_xlsx(rows: list[TaskRow]) -> bytes:
    """The task list as shown, with the status of each task as of the day it was computed."""
    book = Workbook()
    sheet = book.active
    sheet.title = _("Tasks")[:31]
    append_row(
        sheet, [*plan_headers(), _("Status"), _("Percent complete"), _("Done on"), _("Days late")]
    )
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for row in rows:
        task = row.task
        append_row(
            sheet,
            [
                task.code,
                task.group.name if task.group else "",
                task.title,
                task.lead.name,
                "; ".join(b.name for b in task.coordinators.all()),
                task.supervisor.name if task.supervisor else "",
                task.start_on,
                task.deadline,
                str(task.get_recurrence_display()) if task.recurrence else "",
                task.expected_output,
                str(row.status.label),
                row.percent,
                row.done_on,
                row.days_late or None,
            ],
        )
    for column, width in zip(
        "ABCDEFGHIJKLMN", (6, 24, 60, 30, 40, 30, 12, 12, 12, 40, 22, 10, 12, 10), strict=True
    ):
        sheet.column_dimensions[column].width = width
    for cells in sheet.iter_rows(min_row=2):
        for cell in cells:
            if isinstance(cell.value, dt.date):
                cell.number_format = "DD/MM/YYYY"
    out = BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class RowError:
    row: int
    messages: list[str]


@dataclass
class ImportReport:
    created: list[Task] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


RECURRENCE_WORDS = {
    "": "",
    "monthly": "monthly",
    "hằng tháng": "monthly",
    "hàng tháng": "monthly",
    "tháng": "monthly",
    "quarterly": "quarterly",
    "hằng quý": "quarterly",
    "hàng quý": "quarterly",
    "quý": "quarterly",
    "one-off": "",
    "một lần": "",
}


def _text(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _date(value: Any, label: str, problems: list[str]) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    for pattern in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, pattern).date()
        except ValueError:
            continue
    problems.append(
        _("%(column)s: %(value)s is not a date (dd/mm/yyyy).") % {"column": label, "value": text}
    )
    return None


class _Bodies:
    """Finds an agency of the province by full name, short name or issuer code."""

    def __init__(self, document: Document):
        self.bodies = list(Body.objects.filter(province_id__in=document.province.lineage_ids()))

    def find(self, text: str) -> Body | None:
        wanted = text.casefold()
        for body in self.bodies:
            names = {body.name.casefold(), body.short_name.casefold(), body.issuer_code.casefold()}
            if wanted in names - {""}:
                return body
        return None


def _parse_row(values: list[Any], bodies: _Bodies, problems: list[str]) -> dict[str, Any]:
    values = (list(values) + [None] * 10)[:10]
    code, group, title, lead, coordinators, supervisor, start, deadline, recurrence, output = values
    headers = plan_headers()
    parsed: dict[str, Any] = {
        "code": _text(code),
        "group_name": _text(group),
        "title": _text(title),
        "expected_output": _text(output),
    }
    if not parsed["title"]:
        problems.append(_("%(column)s is empty.") % {"column": headers[2]})

    def body(text: str, label: str) -> Body | None:
        found = bodies.find(text)
        if found is None:
            problems.append(
                _("%(column)s: no agency of the province is called %(value)s.")
                % {"column": label, "value": text}
            )
        return found

    if _text(lead):
        parsed["lead"] = body(_text(lead), headers[3])
    else:
        problems.append(_("%(column)s is empty.") % {"column": headers[3]})
    parsed["coordinators"] = [
        body(name.strip(), headers[4])
        for name in _text(coordinators).replace("\n", ";").split(";")
        if name.strip()
    ]
    parsed["supervisor"] = body(_text(supervisor), headers[5]) if _text(supervisor) else None
    parsed["start_on"] = _date(start, headers[6], problems)
    if parsed["start_on"] is None and not _text(start):
        problems.append(_("%(column)s is empty.") % {"column": headers[6]})
    parsed["deadline"] = _date(deadline, headers[7], problems)
    word = _text(recurrence).casefold()
    if word not in RECURRENCE_WORDS:
        problems.append(
            _("%(column)s: %(value)s is not monthly, quarterly or empty.")
            % {"column": headers[8], "value": _text(recurrence)}
        )
    parsed["recurrence"] = RECURRENCE_WORDS.get(word, "")
    if not parsed["recurrence"] and not _text(deadline):
        problems.append(
            _("%(column)s is empty: a one-off task needs one.") % {"column": headers[7]}
        )
    if parsed["start_on"] and parsed["deadline"] and parsed["deadline"] < parsed["start_on"]:
        problems.append(_("The deadline cannot be before the start."))
    return parsed


def task_plan_import(*, user: Any, document: Document, file: Any) -> ImportReport:
    """Import a task plan for ``document``: every row valid, or nothing at all."""
    if document.province is None or not can_create(user, TaskGroup, province=document.province):
        raise PermissionDenied
    try:
        sheet = load_workbook(file, read_only=True, data_only=True).worksheets[0]
    except (InvalidFileException, BadZipFile, KeyError, OSError, ValueError) as exc:
        raise ValidationError(_("This is not an Excel (.xlsx) file.")) from exc
    bodies = _Bodies(document)
    report = ImportReport()
    rows = []
    for number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        if all(_text(v) == "" for v in values):
            continue
        problems: list[str] = []
        rows.append((number, _parse_row(list(values), bodies, problems), problems))
    if not rows:
        raise ValidationError(_("The file has no task rows under its header."))
    titles = set(Task.objects.filter(document=document).values_list("title", flat=True))
    seen: set[str] = set()
    for _number, parsed, problems in rows:
        title = parsed["title"]
        if title in titles:
            problems.append(_("This document already has this task."))
        elif title and title in seen:
            problems.append(_("The same task appears twice in the file."))
        seen.add(title)
    with transaction.atomic():
        groups = {g.name: g for g in TaskGroup.objects.filter(document=document)}
        for number, parsed, problems in rows:
            if problems:
                report.errors.append(RowError(number, problems))
                continue
            try:
                report.created.append(_create(user, document, groups, parsed))
            except ValidationError as exc:
                report.errors.append(RowError(number, exc.messages))
        if report.errors:
            report.created = []
            transaction.set_rollback(True)
    return report


def _create(user: Any, document: Document, groups: dict[str, TaskGroup], parsed: dict) -> Task:
    name = parsed.pop("group_name")
    group = None
    if name:
        if name not in groups:
            groups[name] = services.task_group_create(
                user=user, document=document, name=name, position=len(groups) + 1
            )
        group = groups[name]
    return services.task_create(user=user, document=document, group=group, **parsed)
