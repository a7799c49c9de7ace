"""API over indicators, targets, actuals and their evaluations.

The operations call the same services and selectors as the pages, so an agency's
token can do exactly what its reporter can do on the pages: report, correct and
submit its own agency's figures; only the office approves or returns them.
Reading targets and evaluations of public resolutions needs no credentials.
"""

import datetime as dt
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from ninja import Query, Router, Schema
from ninja.pagination import paginate
from ninja.responses import Status

from nghiquyet.api.auth import READ_AUTH
from nghiquyet.api.inputs import FigureIn, OptionalFigureIn
from nghiquyet.api.pagination import Page
from nghiquyet.api.refusals import Refusal, refusal
from nghiquyet.core.language import current_language
from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, get_for
from nghiquyet.orgs.models import Body, Place
from nghiquyet.targets import dashboard, selectors, services
from nghiquyet.targets.models import Actual, Target

router = Router(tags=["targets"])


class IndicatorOut(Schema):
    id: int
    name: str
    unit: str
    kind: str
    direction: str
    sector: str
    province_id: int | None


class IndicatorIn(Schema):
    name: str
    unit: str = ""
    kind: str = "level"
    direction: str = "more_is_better"
    sector: str = "economy"
    province_id: int | None = None
    description: str = ""


class TargetOut(Schema):
    id: int
    document_id: int
    place_id: int
    indicator_id: int
    indicator_name: str
    comparator: str
    value: Decimal
    value_max: Decimal | None
    unit: str
    period: str
    base_year: int | None
    base_value: Decimal | None
    horizon: str
    tolerance: Decimal | None
    owner_id: int | None
    position: int
    source_text: str

    @staticmethod
    def resolve_indicator_name(obj: Target) -> str:
        return obj.indicator.name


class TargetIn(Schema):
    document_id: int
    indicator_id: int
    comparator: str
    value: FigureIn
    period: str
    value_max: OptionalFigureIn = None
    unit: str | None = None
    place_id: int | None = None
    base_year: int | None = None
    base_value: OptionalFigureIn = None
    horizon: str = "period"
    tolerance: OptionalFigureIn = None
    owner_id: int | None = None
    position: int | None = None
    source_text: str = ""


class TargetFilters(Schema):
    document_id: int | None = None
    owner_id: int | None = None
    sector: str = ""


class ActualOut(Schema):
    id: int
    target_id: int
    period: str
    value: Decimal
    milestone: str
    done_on: dt.date | None
    is_estimate: bool
    source: str
    note: str
    status: str
    return_reason: str
    first_submitted_at: dt.datetime | None
    submitted_at: dt.datetime | None
    approved_at: dt.datetime | None


class ActualIn(Schema):
    """A figure as officials write it: the fall for a reduction, the level for a target
    with a base value, the stage (``milestone``: not_started, in_progress, done) and
    ``done_on`` for a milestone, whose ``value`` is then the share done, if any."""

    period: str
    value: OptionalFigureIn = None
    milestone: str = ""
    done_on: dt.date | None = None
    is_estimate: bool = False
    source: str = ""
    note: str = ""
    submit: bool = False


class ActualUpdateIn(Schema):
    value: OptionalFigureIn = None
    milestone: str | None = None
    done_on: dt.date | None = None
    is_estimate: bool | None = None
    source: str | None = None
    note: str | None = None
    submit: bool = False


class ReturnIn(Schema):
    reason: str


class EvaluationRowOut(Schema):
    target_id: int
    indicator: str
    status: str
    completion: Decimal | None
    figure: Decimal | None
    estimate: bool
    rule: str
    actual_id: int | None
    pace: str | None
    pace_rule: str | None
    progress: Decimal | None
    to_date: bool
    milestone: str | None


class EvaluationOut(Schema):
    document_id: int
    period: str
    period_label: str
    sentence: str
    total: int
    exceeded: int
    achieved: int
    not_achieved: int
    no_data: int
    in_progress: int
    estimates: int
    lowest_completion: Decimal | None
    rows: list[EvaluationRowOut]


class EvaluationFilters(Schema):
    document_id: int
    period: str = ""


# Indicators ---------------------------------------------------------------------------


@router.get("/indicators", response=list[IndicatorOut])
@paginate(Page)
def indicator_list(request: HttpRequest):
    """The national catalogue and the indicators of the caller's province."""
    return selectors.indicator_list(user=request.user)


@router.post("/indicators", response={201: IndicatorOut, 400: Refusal})
def indicator_create(request: HttpRequest, payload: IndicatorIn):
    province = None
    if payload.province_id is not None:
        province = Place.objects.filter(pk=payload.province_id).first()
        if province is None:
            return refusal(ValidationError({"province_id": _("No such province.")}))
    data = payload.dict(exclude={"province_id"})
    try:
        indicator = services.indicator_create(user=request.user, province=province, **data)
    except ValidationError as error:
        return refusal(error)
    return Status(201, indicator)


# Targets ------------------------------------------------------------------------------


@router.get("/targets", response=list[TargetOut], auth=READ_AUTH)
@paginate(Page)
def target_list(request: HttpRequest, filters: Query[TargetFilters]):
    """The targets the caller may see, in document order."""
    targets = selectors.target_list(
        user=request.user, owner=filters.owner_id, sector=filters.sector or None
    )
    if filters.document_id is not None:
        targets = targets.filter(document_id=filters.document_id)
    return targets


@router.get("/targets/{target_id}", response=TargetOut, auth=READ_AUTH)
def target_detail(request: HttpRequest, target_id: int):
    return selectors.target_get(user=request.user, pk=target_id)


@router.post("/targets", response={201: TargetOut, 400: Refusal})
def target_create(request: HttpRequest, payload: TargetIn):
    """Add a target to a resolution (the office)."""
    document = get_for(Document, request.user, Action.VIEW, pk=payload.document_id)
    indicator = selectors.indicator_list(user=request.user).filter(pk=payload.indicator_id).first()
    if indicator is None:
        return refusal(ValidationError({"indicator_id": _("No such indicator.")}))
    related = {"place": None, "owner": None}
    if payload.place_id is not None:
        related["place"] = Place.objects.filter(pk=payload.place_id).first()
        if related["place"] is None:
            return refusal(ValidationError({"place_id": _("No such place.")}))
    if payload.owner_id is not None:
        related["owner"] = Body.objects.filter(
            pk=payload.owner_id, province=document.province
        ).first()
        if related["owner"] is None:
            return refusal(ValidationError({"owner_id": _("No such agency in this province.")}))
    data = payload.dict(exclude={"document_id", "indicator_id", "place_id", "owner_id"})
    try:
        target = services.target_create(
            user=request.user, document=document, indicator=indicator, **related, **data
        )
    except ValidationError as error:
        return refusal(error)
    return Status(201, target)


# Actuals ------------------------------------------------------------------------------


@router.get("/targets/{target_id}/actuals", response=list[ActualOut])
@paginate(Page)
def actual_list(request: HttpRequest, target_id: int):
    """Every figure reported on a target, in any state, newest first."""
    target = selectors.target_get(user=request.user, pk=target_id)
    # Every field answered is the figure's own: the joins the pages use would build five
    # more objects for each of up to a thousand figures.
    return selectors.actual_list(user=request.user, target=target).select_related(None)


@router.post("/targets/{target_id}/actuals", response={201: ActualOut, 400: Refusal})
def actual_create(request: HttpRequest, target_id: int, payload: ActualIn):
    """Report a figure for a period (the owning agency or the office); submit it with submit."""
    target = selectors.target_get(user=request.user, pk=target_id)
    try:
        actual = services.actual_create(user=request.user, target=target, **payload.dict())
    except ValidationError as error:
        return refusal(error)
    return Status(201, actual)


def _actual(request: HttpRequest, actual_id: int) -> Actual:
    return selectors.actual_get(user=request.user, pk=actual_id, action=Action.CHANGE)


@router.patch("/actuals/{actual_id}", response={200: ActualOut, 400: Refusal})
def actual_update(request: HttpRequest, actual_id: int, payload: ActualUpdateIn):
    """Correct a draft or returned figure."""
    actual = _actual(request, actual_id)
    try:
        return services.actual_update(user=request.user, actual=actual, **payload.dict())
    except ValidationError as error:
        return refusal(error)


@router.post("/actuals/{actual_id}/submit", response={200: ActualOut, 400: Refusal})
def actual_submit(request: HttpRequest, actual_id: int):
    actual = _actual(request, actual_id)
    try:
        return services.actual_submit(user=request.user, actual=actual)
    except ValidationError as error:
        return refusal(error)


@router.post("/actuals/{actual_id}/approve", response={200: ActualOut, 400: Refusal})
def actual_approve(request: HttpRequest, actual_id: int):
    """Accept a submitted figure (the office): it counts from now on."""
    actual = _actual(request, actual_id)
    try:
        return services.actual_approve(user=request.user, actual=actual)
    except ValidationError as error:
        return refusal(error)


@router.post("/actuals/{actual_id}/return", response={200: ActualOut, 400: Refusal})
def actual_return(request: HttpRequest, actual_id: int, payload: ReturnIn):
    """Send a submitted figure back to the agency with the reason (the office)."""
    actual = _actual(request, actual_id)
    try:
        return services.actual_return(user=request.user, actual=actual, reason=payload.reason)
    except ValidationError as error:
        return refusal(error)


# Evaluations --------------------------------------------------------------------------


@router.get("/evaluations", response={200: EvaluationOut, 400: Refusal}, auth=READ_AUTH)
def evaluation(request: HttpRequest, filters: Query[EvaluationFilters]):
    """Every visible target of a resolution judged for a period, and the report sentence."""
    document = get_for(Document, request.user, Action.VIEW, pk=filters.document_id)
    try:
        period = (
            Period.parse(filters.period)
            if filters.period
            else dashboard.default_period(document=document)
        )
    except ValueError:
        return refusal(ValidationError({"period": _("Not a period code.")}))
    if period is None:
        return refusal(ValidationError({"period": _("The resolution has no targets yet.")}))
    language = current_language()
    rows = dashboard.target_rows(user=request.user, document=document, period=period)
    summary = dashboard.rows_summary(rows)
    return {
        "document_id": document.pk,
        "period": period.code,
        "period_label": period.label(language),
        "sentence": dashboard.summary_sentence_of(summary, language),
        "total": summary.total,
        "exceeded": summary.exceeded,
        "achieved": summary.achieved,
        "not_achieved": summary.not_achieved,
        "no_data": summary.no_data,
        "in_progress": summary.in_progress,
        "estimates": summary.estimates,
        "lowest_completion": summary.lowest_completion,
        "rows": [
            {
                "target_id": row.target.pk,
                "indicator": row.target.indicator.name,
                "status": row.status.value,
                "completion": row.completion,
                "figure": row.judgement.figure,
                "estimate": row.judgement.estimate,
                "rule": row.judgement.explain(language),
                "actual_id": row.actual.pk if row.actual else None,
                "pace": row.trajectory.pace.value if row.trajectory else None,
                "pace_rule": row.trajectory.explain(language) if row.trajectory else None,
                "progress": row.judgement.progress,
                "to_date": row.judgement.to_date,
                "milestone": row.judgement.milestone.value if row.judgement.milestone else None,
            }
            for row in rows
        ],
    }
