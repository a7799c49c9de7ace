"""API over review reports: define one, download it, generate its draft as a job."""

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from ninja import Router, Schema, Status
from ninja.pagination import paginate

from nghiquyet.api.pagination import Page
from nghiquyet.core.models import Job
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, get_for
from nghiquyet.orgs.models import Body
from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.jobs import report_job_start
from nghiquyet.reports.naming import report_file_name
from nghiquyet.reports.render import OutputFormat, render_output
from nghiquyet.reports.selectors import report_get, report_job_get, report_list
from nghiquyet.reports.services import report_create
from nghiquyet.reports.templates_store import template_for

router = Router(tags=["reports"])


class ReportIn(Schema):
    body_id: int
    resolution_id: int
    period: str
    kind: str = ""


class ReportOut(Schema):
    id: int
    body_id: int
    resolution_id: int | None
    period: str
    kind: str
    document_id: int | None


class ErrorOut(Schema):
    detail: dict[str, list[str]]


class JobOut(Schema):
    """A generation as the Tasks framework names its states: READY, RUNNING, SUCCESSFUL, FAILED."""

    id: int
    report_id: int
    status: str
    progress: int
    step: str
    error: str
    attempts: int
    version_id: int | None

    @staticmethod
    def resolve_report_id(job: Job) -> int:
        return job.object_id

    @staticmethod
    def resolve_version_id(job: Job) -> int | None:
        return (job.outcome or {}).get("version_id")


@router.get("/", response=list[ReportOut])
@paginate(Page)
def reports(request: HttpRequest):
    return report_list(user=request.user)


@router.post("/", response={201: ReportOut, 422: ErrorOut})
def report_add(request: HttpRequest, data: ReportIn):
    body = get_for(Body, request.user, Action.VIEW, pk=data.body_id)
    resolution = get_for(Document, request.user, Action.VIEW, pk=data.resolution_id)
    try:
        report = report_create(
            user=request.user, body=body, resolution=resolution, period=data.period, kind=data.kind
        )
    except ValidationError as exc:
        return Status(422, {"detail": exc.message_dict})
    return Status(201, report)


@router.get("/{report_id}", response=ReportOut)
def report_detail(request: HttpRequest, report_id: int):
    return report_get(user=request.user, pk=report_id)


@router.get("/{report_id}/file", response={200: None, 422: ErrorOut})
def report_file(request: HttpRequest, report_id: int, format: str = OutputFormat.DOCX):
    """The report rendered now from the live records: ``format`` docx, pdf or html.

    422 names the placeholder when the body's Word template is refused.
    """
    if format not in OutputFormat.CHOICES:
        return HttpResponse(status=400)
    report = report_get(user=request.user, pk=report_id)
    try:
        data = render_output(
            report_content(report=report, user=request.user), format, template_for(report.body)
        )
    except ValidationError as exc:
        return Status(422, {"detail": {"template": exc.messages}})
    response = HttpResponse(data, content_type=OutputFormat.MEDIA_TYPES[format])
    response["Content-Disposition"] = f'attachment; filename="{report_file_name(report, format)}"'
    return response


@router.post("/{report_id}/jobs", response={202: JobOut})
def report_job_add(request: HttpRequest, report_id: int):
    """Generate a new draft version in the background; poll the job for its progress."""
    report = report_get(user=request.user, pk=report_id, action=Action.CHANGE)
    return Status(202, report_job_start(user=request.user, report=report))


@router.get("/jobs/{job_id}", response=JobOut)
def report_job(request: HttpRequest, job_id: int):
    return report_job_get(user=request.user, pk=job_id)
