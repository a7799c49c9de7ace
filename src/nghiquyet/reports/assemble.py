"""A review report's content from the live records, through the other apps' selectors.

Targets are judged by `nghiquyet.targets.selectors` (approved actuals only, via the
evaluation core); tasks and the "4 không" come from `nghiquyet.tasks.selectors`.
Nothing here reads their tables directly, so a report can never judge a target
differently from the dashboard.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from nghiquyet.core.periods import Period, PeriodKind
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.evaluation import summarize, summary_sentence
from nghiquyet.reports.content import (
    AgencyRow,
    ReportContent,
    ReportKind,
    TrendPoint,
    assessment_draft,
    limitations_from,
    target_row,
)
from nghiquyet.reports.heading import Issuer, header_for, recipients_for, signature_for
from nghiquyet.reports.models import Report
from nghiquyet.targets.dashboard import document_periods, target_verdicts
from nghiquyet.tasks.selectors import (
    four_failures_by_agency,
    local_today,
    task_queryset,
    task_rows,
)
from nghiquyet.tasks.status import DONE
from nghiquyet.tasks.status import Status as TaskStatus

#: How a title names each kind of document, to write "Nghị quyết số 35-NQ/TU".
KIND_WORDS = {
    DocumentKind.NGHI_QUYET: "Nghị quyết",
    DocumentKind.NGHI_QUYET_DAI_HOI: "Nghị quyết",
    DocumentKind.CHUONG_TRINH: "Chương trình hành động",
    DocumentKind.KE_HOACH: "Kế hoạch",
    DocumentKind.CHI_THI: "Chỉ thị",
    DocumentKind.KET_LUAN: "Kết luận",
    DocumentKind.DE_AN: "Đề án",
}
#: Open tasks listed for the next period at most; the author trims or adds.
NEXT_TASKS_MAX = 12
ESTIMATE_NOTE = "(ước): số liệu ước thực hiện, sẽ cập nhật khi có số liệu chính thức."


def report_content(
    *, report: Report, user: Any, issued_on: dt.date | None = None, today: dt.date | None = None
) -> ReportContent:
    """Everything the report says, as `user` may see it, for the report's period.

    Tasks are judged as of the period's last day, or today while the period runs.
    `issued_on` dates the heading; a draft leaves the day blank for the office.
    """
    period = report.period_obj
    kind = ReportKind(report.kind)
    body = report.body
    documents = _documents(report)
    as_of = min(period.end, today or local_today())

    judged = []
    for document in documents:
        judged += [
            (verdict.indicator, verdict.judgement)
            for verdict in target_verdicts(user=user, document=document, period=period)
        ]
    rows = [target_row(n, name, judgement) for n, (name, judgement) in enumerate(judged, 1)]
    summary = summarize(judgement for _, judgement in judged)
    # "Ước đến hết nhiệm kỳ" when term targets were judged to date, as on the dashboard.
    sentence = summary_sentence(summary, language="vi")

    tasks = list(task_queryset(user=user, province=body.province).filter(document__in=documents))
    agencies = _agency_rows(task_rows(tasks, today=as_of), body, period, as_of, user)
    issuer = Issuer(body.kind, body.name, body.issuer_code, body.province.short_name)
    signature = signature_for(issuer)
    label = _resolution_label(report, documents)
    period_label = period.label("vi")
    header = header_for(issuer, issued_on=issued_on, year=period.end.year)
    return ReportContent(
        kind=kind,
        header=header,
        subtitle=kind.subtitle(label, period_label),
        period_label=period_label,
        resolution_label=label,
        introduction=_introduction(documents, body.name),
        assessment=assessment_draft(kind, period_label, label, summary, sentence),
        target_rows=rows,
        summary=summary,
        summary_sentence=sentence,
        agency_rows=agencies,
        limitations=limitations_from(rows, agencies),
        next_tasks=_next_tasks(tasks, as_of),
        trend=_trend(documents, period, user),
        signer_capacity=signature.capacity,
        signer_title=signature.title,
        recipients=recipients_for(issuer),
        estimate_note=ESTIMATE_NOTE if summary.estimates else "",
    )


def _documents(report: Report) -> list[Document]:
    """The reviewed resolution, or every live resolution the body's term adopted."""
    if report.resolution is not None:
        return [report.resolution]
    return list(
        Document.objects.filter(term=report.term, kind__in=list(KIND_WORDS)).order_by(
            "issued_on", "pk"
        )
    )


def _resolution_label(report: Report, documents: list[Document]) -> str:
    """ "Nghị quyết số 35-NQ/TU ngày 04/01/2024 của Tỉnh ủy Đồng Tháp về nhiệm vụ … năm 2024"."""
    if report.resolution is None:
        term = report.term
        years = f" nhiệm kỳ {term.start_year} - {term.end_year}" if term else ""
        return f"các nghị quyết của {report.body.name}{years}"
    document = documents[0]
    word = KIND_WORDS.get(document.kind, document.get_kind_display())
    rest = document.title
    if rest.lower().startswith(word.lower()):
        rest = rest[len(word) :].strip()
    parts = [word]
    if document.symbol:
        parts.append(f"số {document.symbol}")
    if document.issued_on:
        parts.append(f"ngày {document.issued_on:%d/%m/%Y}")
    if document.issuer:
        parts.append(f"của {document.issuer.name}")
    if rest:
        parts.append(rest)
    return " ".join(parts)


def _introduction(documents: list[Document], body_name: str) -> str:
    if not documents:
        return f"{body_name} báo cáo như sau:"
    return (
        f"Căn cứ kết quả thực hiện các chỉ tiêu, nhiệm vụ do các cơ quan, đơn vị báo cáo, "
        f"{body_name} báo cáo như sau:"
    )


def _agency_rows(task_list, body, period: Period, as_of: dt.date, user: Any) -> list[AgencyRow]:
    """Per agency: its tasks of the resolution by status, and its "4 không" of the period."""
    counts: dict[int, dict[str, Any]] = defaultdict(
        lambda: {"name": "", "total": 0, "done": 0, "in_progress": 0, "late": 0}
    )
    for row in task_list:
        entry = counts[row.task.lead_id]
        entry["name"] = row.task.lead.name
        entry["total"] += 1
        if row.status in DONE:
            entry["done"] += 1
        elif row.status == TaskStatus.OVERDUE:
            entry["late"] += 1
        else:
            entry["in_progress"] += 1
    failures = {
        row.agency_id: row
        for row in four_failures_by_agency(
            province=body.province, period=period, today=as_of, user=user
        )
    }
    rows = []
    for agency_id in list(counts) + [pk for pk in failures if pk not in counts]:
        entry, failure = counts[agency_id], failures.get(agency_id)
        rows.append(
            AgencyRow(
                agency=entry["name"] or failure.agency,
                total=entry["total"],
                done=entry["done"],
                in_progress=entry["in_progress"],
                late=entry["late"],
                no_initiative=int(failure.no_initiative) if failure else 0,
                not_done=failure.not_done + failure.done_late if failure else 0,
                slow_coordination=failure.unanswered + failure.answered_late if failure else 0,
                unchecked=failure.no_update + failure.no_check if failure else 0,
            )
        )
    return sorted(rows, key=lambda row: (-row.four_no_total, -row.late, row.agency))


def _next_tasks(tasks, as_of: dt.date) -> list[str]:
    """The tasks still open, soonest deadline first: what the next period must finish."""
    open_rows = [row for row in task_rows(tasks, today=as_of) if row.status not in DONE]
    open_rows.sort(key=lambda row: (row.task.deadline or dt.date.max, row.task.pk))
    lines = []
    for row in open_rows[:NEXT_TASKS_MAX]:
        task = row.task
        deadline = f"; hạn {task.deadline:%d/%m/%Y}" if task.deadline else ""
        lines.append(f"{task.title} ({task.lead.name}{deadline}).")
    return lines


def _trend(documents: list[Document], period: Period, user: Any) -> list[TrendPoint]:
    """Targets met in each reported period up to this one, within the same year or term."""
    within = period if period.kind is PeriodKind.TERM else Period.of_year(period.year)
    periods = sorted(
        {
            p
            for document in documents
            for p in document_periods(document=document)
            if within.contains(p) and p.end <= period.end and p.kind is not PeriodKind.MONTH
        }
    )
    points = []
    for point in periods:
        judgements = [
            verdict.judgement
            for document in documents
            for verdict in target_verdicts(user=user, document=document, period=point)
        ]
        summary = summarize(judgements)
        if summary.total and summary.total != summary.no_data:
            points.append(TrendPoint(point.label("vi"), summary.met, summary.total))
    return points
