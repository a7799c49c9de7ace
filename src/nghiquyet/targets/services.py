"""Writes on indicators, targets, actuals and period locks: one function per business action.

Every function takes the acting ``user``, asks :mod:`nghiquyet.orgs.access` whether
the action is allowed (``PermissionDenied`` if not), and refuses bad input with a
``ValidationError`` in the user's language before anything is saved. The history
rows name the user, whether the call came from a page, the API or a script.

An actual moves draft → submitted → approved, or submitted → returned → submitted
again. The owning agency (or the office) drafts and submits; only the office
approves or returns. A correction of an approved figure is a new actual for the
same period, so no approved value is ever overwritten.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.core.bulk import new_row
from nghiquyet.core.history import history_attribute
from nghiquyet.core.language import current_language as _language
from nghiquyet.core.periods import Period
from nghiquyet.core.validation import check_fields, figure
from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create
from nghiquyet.evaluation import TargetSpec
from nghiquyet.orgs.access import Action, can, can_create, principal_for, scope
from nghiquyet.orgs.models import Body, Place
from nghiquyet.targets.models import (
    Actual,
    Comparator,
    Direction,
    Horizon,
    Indicator,
    Kind,
    Milestone,
    PeriodLock,
    PeriodLockException,
    Sector,
    Target,
)
from nghiquyet.targets.proposals import Proposal
from nghiquyet.targets.selectors import is_office, period_deadline
from nghiquyet.targets.verdicts import verdicts_refresh

#: Evidence an agency may attach: scans, office documents, spreadsheets, images.
EVIDENCE_EXTENSIONS = (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ods", ".odt", ".jpg", ".png")
EVIDENCE_MAX_BYTES = 20 * 1024 * 1024

#: The fields ``target_update`` may change.
TARGET_FIELDS = (
    "indicator",
    "place",
    "comparator",
    "value",
    "value_max",
    "unit",
    "period",
    "base_year",
    "base_value",
    "horizon",
    "tolerance",
    "owner",
    "position",
    "source_text",
)


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _is_office_for(user: Any, obj: Any) -> bool:
    """The province office (or an administrator) that may change ``obj``: it approves."""
    return is_office(user=user) and can(user, Action.CHANGE, obj)


def _period_code(value: str, field: str = "period") -> str:
    try:
        return Period.parse(value).code
    except ValueError as exc:
        raise ValidationError(
            {
                field: _("%(code)s is not a period: write 2024, 2024-H1, 2024-Q2 or 2020/2025.")
                % {"code": value}
            }
        ) from exc


def _decimal(value: Any, field: str) -> Decimal:
    """Every figure and target value passes the one check of :mod:`nghiquyet.core.validation`."""
    return figure(value, field=field)


# Indicators ---------------------------------------------------------------------------


@transaction.atomic
def indicator_create(
    *,
    user: Any,
    name: str,
    unit: str = "",
    kind: str = Kind.LEVEL,
    direction: str = Direction.MORE_IS_BETTER,
    sector: str = Sector.ECONOMY,
    province: Place | None,
    description: str = "",
) -> Indicator:
    """Add an indicator to a province's catalogue (or, for an administrator, the national one)."""
    if province is None:
        _require(principal_for(user).is_admin)
    else:
        _require(can_create(user, Indicator, province=province))
    name = " ".join(name.split())
    _check_indicator(name=name, kind=kind, direction=direction, sector=sector, province=province)
    indicator = Indicator(
        name=name,
        unit=unit.strip(),
        kind=kind,
        direction=direction,
        sector=sector,
        province=province,
        description=description,
    )
    check_fields(indicator)
    history_attribute(indicator, user)
    indicator.save()
    return indicator


def _check_indicator(
    *,
    name: str,
    kind: str,
    direction: str,
    sector: str,
    province: Place | None,
    pk: int | None = None,
) -> None:
    errors: dict[str, str] = {}
    if not name:
        errors["name"] = _("Enter the name of the indicator.")
    if kind not in Kind.values:
        errors["kind"] = _("Choose the kind of figure.")
    if direction not in Direction.values:
        errors["direction"] = _("Choose whether higher or lower is better.")
    if sector not in Sector.values:
        errors["sector"] = _("Choose the field.")
    namesakes = Indicator.objects.filter(province=province, name__iexact=name).exclude(pk=pk)
    if name and namesakes.exists():
        errors["name"] = _("The catalogue already has an indicator named %(name)s.") % {
            "name": name
        }
    if errors:
        raise ValidationError(errors)


#: The fields ``indicator_update`` may change; the province an indicator belongs to stays.
INDICATOR_FIELDS = ("name", "unit", "kind", "direction", "sector", "description")


@transaction.atomic
def indicator_update(*, user: Any, indicator: Indicator, **fields: Any) -> Indicator:
    """Correct an indicator (any of :data:`INDICATOR_FIELDS`).

    Its kind and direction decide how every target set on it is judged, in every
    resolution that uses it: their stored verdicts are judged again in the same
    transaction.
    """
    unknown = set(fields) - set(INDICATOR_FIELDS)
    if unknown:
        raise TypeError(f"indicator_update cannot change {sorted(unknown)}")
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if indicator.province_id is None:
        _require(principal_for(user).is_admin)
    else:
        _require(can(user, Action.CHANGE, indicator))
    for name, value in fields.items():
        if name == "name":
            value = " ".join(value.split())
        elif name in ("unit", "description"):
            value = (value or "").strip()
        setattr(indicator, name, value)
    _check_indicator(
        name=indicator.name,
        kind=indicator.kind,
        direction=indicator.direction,
        sector=indicator.sector,
        province=indicator.province,
        pk=indicator.pk,
    )
    check_fields(indicator)
    history_attribute(indicator, user)
    indicator.save()
    by_document: dict[int, list[int]] = {}
    for pk, document_id in indicator.targets.values_list("pk", "document_id"):
        by_document.setdefault(document_id, []).append(pk)
    for document_id, targets in by_document.items():
        verdicts_refresh(document=document_id, targets=targets)
    return indicator


# Targets ------------------------------------------------------------------------------


#: The allowed codes, built once: ``Choices.values`` builds a new list at each call,
#: which an import of a hundred thousand targets would pay for twice per row.
_COMPARATORS = frozenset(Comparator.values)
_HORIZONS = frozenset(Horizon.values)


def _check_target(target: Target, province_ids: set[int] | None = None) -> None:
    """Every problem with ``target`` as it would be saved, raised at once by field.

    ``province_ids`` (the document province's lineage) spares a query per target when
    many are checked at once.
    """
    errors: dict[str, str] = {}
    province = target.document.province
    if province is None:
        errors["document"] = _("Targets belong to a province's document.")
    if target.indicator.province_id not in (None, target.document.province_id):
        errors["indicator"] = _("The indicator belongs to another province's catalogue.")
    if target.owner_id and target.owner.province_id != target.document.province_id:
        errors["owner"] = _("The owning agency belongs to another province.")
    if province_ids is None and province is not None:
        province_ids = province.lineage_ids()
    if province is not None and target.place.province.pk not in province_ids:
        errors["place"] = _("The place lies outside the document's province.")
    if target.comparator not in _COMPARATORS:
        errors["comparator"] = _("Choose a comparator.")
    if target.base_year and target.base_year >= target.period_obj.end.year:
        errors["base_year"] = _("The base year must come before the target's period.")
    if target.horizon not in _HORIZONS:
        errors["horizon"] = _("Choose whether the figure is for each year or the whole period.")
    if target.tolerance is not None and not 0 <= target.tolerance <= 50:
        errors["tolerance"] = _("The tolerance of “khoảng” is a percentage from 0 to 50.")
    if (
        target.horizon == Horizon.PER_YEAR
        and target.indicator.kind == Kind.GROWTH
        and target.base_value is not None
        and not target.base_year
    ):
        errors["base_year"] = _("An average growth from a base value needs the base year.")
    if not errors and not _judgeable(
        target.comparator,
        target.value,
        target.value_max,
        target.indicator.kind,
        target.indicator.direction,
        target.base_value,
    ):
        if target.comparator == Comparator.RANGE:
            errors["value_max"] = _("A range needs an upper value not below the value.")
        else:
            errors["value_max"] = _("Only a range has an upper value.")
    if errors:
        raise ValidationError(errors)


@functools.lru_cache(maxsize=4096)
def _judgeable(
    comparator: str,
    value: Decimal,
    value_max: Decimal | None,
    kind: str,
    direction: str,
    base_value: Decimal | None,
) -> bool:
    """Whether the evaluation core accepts the target as set. Its answer rests on the
    numbers' values alone, so equal values share it: an import of a commune breakdown
    asks the same question for every row."""
    try:
        TargetSpec(
            comparator=comparator,
            value=value,
            value_max=value_max,
            kind=kind,
            direction=direction,
            base_value=base_value,
        )
    except ValueError:
        return False
    return True


def _assign(target: Target, fields: dict[str, Any]) -> None:
    for name, value in fields.items():
        if name == "period":
            value = _period_code(value)
        elif name in ("value", "value_max", "base_value", "tolerance") and value is not None:
            value = _decimal(value, name)
        elif name in ("unit", "source_text"):
            value = (value or "").strip()
        setattr(target, name, value)


@transaction.atomic
def target_create(
    *,
    user: Any,
    document: Document,
    indicator: Indicator,
    comparator: str,
    value: Any,
    period: str,
    value_max: Any = None,
    unit: str | None = None,
    place: Place | None = None,
    base_year: int | None = None,
    base_value: Any = None,
    horizon: str = Horizon.PERIOD,
    tolerance: Any = None,
    owner: Body | None = None,
    position: int | None = None,
    source_text: str = "",
) -> Target:
    """Add a target to a document; the place defaults to the document's province.

    The unit defaults to the indicator's, and the position to the end of the list.
    """
    _require(document.province is not None and can_create(user, Target, province=document.province))
    target = Target(document=document)
    if position is None:
        last = document.targets.aggregate(last=Max("position"))["last"]
        position = (last or 0) + 1
    _assign(
        target,
        {
            "indicator": indicator,
            "place": place or document.province,
            "comparator": comparator,
            "value": value,
            "value_max": value_max,
            "unit": indicator.unit if unit is None else unit,
            "period": period,
            "base_year": base_year,
            "base_value": base_value,
            "horizon": horizon or Horizon.PERIOD,
            "tolerance": tolerance,
            "owner": owner,
            "position": position,
            "source_text": source_text,
        },
    )
    _check_target(target)
    check_fields(target)
    history_attribute(target, user)
    target.save()
    verdicts_refresh(document=target.document_id, targets=[target.pk])
    return target


def target_prepare(
    *,
    document: Document,
    indicator: Indicator,
    province_ids: set[int],
    position: int,
    **fields: Any,
) -> Target:
    """An unsaved target, checked exactly as :func:`target_create` checks one.

    For imports that save many targets in one statement: the caller has already
    asked :func:`can_create` once for the document's province, and passes its lineage.
    """
    unknown = set(fields) - set(TARGET_FIELDS)
    if unknown:
        raise TypeError(f"target_prepare cannot set {sorted(unknown)}")
    fields.setdefault("unit", indicator.unit)
    # The related rows go in as new_row sets them: the model's descriptors asked the
    # database router about each one, for every target of the import.
    related = {"document": document, "indicator": indicator}
    for name, default in (("place", document.province), ("owner", None)):
        other = fields.pop(name, default)
        if other is not None:
            related[name] = other
    target = new_row(Target, related)
    _assign(target, {**fields, "position": position})
    _check_target(target, province_ids)
    # The column checks target_create makes, with no query: the bulk insert checks none.
    check_fields(target)
    return target


@transaction.atomic
def target_update(*, user: Any, target: Target, **fields: Any) -> Target:
    """Correct a target's particulars (any of :data:`TARGET_FIELDS`)."""
    unknown = set(fields) - set(TARGET_FIELDS)
    if unknown:
        raise TypeError(f"target_update cannot change {sorted(unknown)}")
    target = Target.objects.select_for_update().get(pk=target.pk)
    _require(_is_office_for(user, target))
    _assign(target, fields)
    _check_target(target)
    check_fields(target)
    history_attribute(target, user)
    target.save()
    verdicts_refresh(document=target.document_id, targets=[target.pk])
    return target


@transaction.atomic
def target_delete(*, user: Any, target: Target) -> None:
    """Remove a target; it stays restorable with its actuals."""
    _require(_is_office_for(user, target))
    history_attribute(target, user)
    target.soft_delete()
    verdicts_refresh(document=target.document_id, targets=[target.pk])


@transaction.atomic
def target_restore(*, user: Any, target: Target) -> Target:
    """Bring back a deleted target with the figures it kept."""
    _require(
        is_office(user=user)
        and scope(Target.all_objects.filter(pk=target.pk), user, Action.CHANGE).exists()
    )
    history_attribute(target, user)
    target.restore()
    verdicts_refresh(document=target.document_id, targets=[target.pk])
    return target


@transaction.atomic
def targets_create_from_proposals(
    *, user: Any, document: Document, proposals: Sequence[Proposal]
) -> list[Target]:
    """Save the targets a person confirmed after reading them from text, all or none.

    A proposal without a catalogue indicator adds one to the province's catalogue
    (or reuses the one of the same name another proposal just added).
    """
    _require(document.province is not None and can_create(user, Target, province=document.province))
    targets: list[Target] = []
    errors: list[str] = []
    for number, proposal in enumerate(proposals, start=1):
        try:
            targets.append(_target_from_proposal(user, document, proposal))
        except ValidationError as exc:
            messages = "; ".join(exc.messages)
            errors.append(
                _("Target %(number)s: %(messages)s") % {"number": number, "messages": messages}
            )
    if errors:
        raise ValidationError(errors)
    return targets


@transaction.atomic
def targets_confirm(
    *,
    user: Any,
    document: Document | None,
    new_document: dict[str, Any] | None,
    proposals: Sequence[Proposal],
) -> Document:
    """Save confirmed proposals, creating the resolution first when it is new.

    ``new_document`` holds ``title``, ``issuer`` and optionally ``symbol`` and
    ``issued_on``; the resolution is recorded as adopted, since its targets are set.
    Nothing kept is refused: a resolution without targets would be an empty shell.
    """
    if not proposals:
        raise ValidationError(_("No target is kept: keep at least one, or go back to the text."))
    if document is None:
        fields = new_document or {}
        document = document_create(
            user=user,
            kind=DocumentKind.NGHI_QUYET,
            title=fields.get("title", ""),
            issuer=fields["issuer"],
            symbol=fields.get("symbol") or "",
            issued_on=fields.get("issued_on"),
            status=Document.Status.ADOPTED,
        )
    targets_create_from_proposals(user=user, document=document, proposals=proposals)
    return document


def _target_from_proposal(user: Any, document: Document, proposal: Proposal) -> Target:
    province = document.province
    name = " ".join(proposal.indicator_name.split())
    indicator = None
    if proposal.indicator_id:
        indicator = Indicator.objects.filter(pk=proposal.indicator_id).first()
    if indicator is not None and (
        indicator.name.casefold() != name.casefold() or indicator.kind != proposal.kind
    ):
        # The person renamed the matched indicator or changed its kind: the edit names
        # another indicator, which is found or added rather than silently ignored.
        indicator = None
    if indicator is None:
        indicator = Indicator.objects.filter(province=province, name__iexact=name).first()
        if indicator is not None and indicator.kind != proposal.kind:
            raise ValidationError(
                _(
                    "The indicator %(name)s is already a %(kind)s in the catalogue: keep "
                    "that kind or give the indicator another name."
                )
                % {"name": indicator.name, "kind": indicator.get_kind_display()}
            )
    if indicator is None:
        indicator = indicator_create(
            user=user,
            name=proposal.indicator_name,
            unit=proposal.unit,
            kind=proposal.kind,
            direction=proposal.direction,
            sector=proposal.sector,
            province=province,
        )
    owner = None
    if proposal.owner_id:
        owner = Body.objects.filter(pk=proposal.owner_id, province=province).first()
    return target_create(
        user=user,
        document=document,
        indicator=indicator,
        comparator=proposal.comparator,
        value=proposal.value,
        value_max=proposal.value_max,
        unit=proposal.unit,
        period=proposal.period,
        base_year=proposal.base_year,
        base_value=proposal.base_value,
        owner=owner,
        source_text=proposal.source_text,
    )


# Period locks -------------------------------------------------------------------------


def _require_period_open(user: Any, actual: Actual) -> None:
    """Agencies submit until the deadline; the office may still enter late figures."""
    if is_office(user=user):
        return
    target = actual.target
    deadline = period_deadline(
        province=target.document.province, period=actual.period, body=target.owner
    )
    if deadline is not None and timezone.localdate() > deadline:
        raise ValidationError(
            _("Reporting for %(period)s closed on %(deadline)s; ask the office to enter it.")
            % {"period": actual.period_obj.label(_language()), "deadline": f"{deadline:%d/%m/%Y}"}
        )


@transaction.atomic
def period_lock_set(*, user: Any, province: Place, period: str, deadline: dt.date) -> PeriodLock:
    """Set (or move) the deadline of a period for a province's agencies."""
    _require(can_create(user, PeriodLock, province=province))
    code = _period_code(period)
    lock = PeriodLock.objects.filter(province=province, period=code).first() or PeriodLock(
        province=province, period=code
    )
    lock.deadline = deadline
    check_fields(lock)
    history_attribute(lock, user)
    lock.save()
    return lock


@transaction.atomic
def period_lock_exception_set(
    *, user: Any, lock: PeriodLock, body: Body, until: dt.date, reason: str = ""
) -> PeriodLockException:
    """Let one agency submit after the deadline, until ``until``."""
    _require(can(user, Action.CHANGE, lock))
    if body.province_id != lock.province_id:
        raise ValidationError({"body": _("The agency belongs to another province.")})
    if until < lock.deadline:
        raise ValidationError({"until": _("An exception must end after the deadline.")})
    exception = lock.exceptions.filter(body=body).first() or PeriodLockException(
        lock=lock, body=body
    )
    exception.until = until
    exception.reason = reason.strip()
    check_fields(exception)
    history_attribute(exception, user)
    exception.save()
    return exception


# Actuals ------------------------------------------------------------------------------


def _check_evidence(evidence: UploadedFile | None) -> None:
    if evidence is None:
        return
    name = evidence.name.lower()
    if not name.endswith(EVIDENCE_EXTENSIONS):
        raise ValidationError({"evidence": _("Attach a PDF, Word, Excel or image file.")})
    if evidence.size > EVIDENCE_MAX_BYTES:
        raise ValidationError({"evidence": _("The evidence file is larger than 20 MB.")})


def _check_actual_period(target: Target, code: str) -> None:
    if not target.span.contains(Period.parse(code)):
        raise ValidationError(
            {
                "period": _("The target is set for %(target)s; report a period within it.")
                % {"target": target.period_obj.label(_language())}
            }
        )


def _figure(target: Target, value: Any, milestone: str) -> tuple[Decimal, str]:
    """The stored figure and stage of a report: a milestone's figure is the share done,
    100 when done; any other target needs a number, and has no stage."""
    if target.indicator.kind != Kind.MILESTONE:
        if value is None or value == "":
            raise ValidationError({"value": _("Enter a number.")})
        return _decimal(value, "value"), ""
    if milestone not in Milestone.values:
        raise ValidationError(
            {"milestone": _("Choose the stage: not started, in progress or done.")}
        )
    if milestone == Milestone.DONE:
        return Decimal(100), milestone
    share = Decimal(0) if value is None or value == "" else _decimal(value, "value")
    if not 0 <= share < 100:
        raise ValidationError(
            {"value": _("The share done of a milestone not yet done is from 0 to below 100.")}
        )
    return (Decimal(0) if milestone == Milestone.NOT_STARTED else share), milestone


@transaction.atomic
def actual_create(
    *,
    user: Any,
    target: Target,
    period: str,
    value: Any = None,
    is_estimate: bool = False,
    source: str = "",
    note: str = "",
    evidence: UploadedFile | None = None,
    submit: bool = False,
    milestone: str = "",
    done_on: dt.date | None = None,
) -> Actual:
    """Draft a figure for a target and period: the owning agency's reporter or the office.

    Figures are typed as officials write them: the fall for a reduction (1,2 for a fall
    of 1,2 points), the level for a target with a base value, the stage (and the day
    it was done) for a milestone. Only one figure per target and period may be open at
    a time; a correction of an approved figure starts a new draft beside it. ``submit``
    sends it at once, and nothing is saved if that is refused (after the deadline).
    """
    _require(
        can(user, Action.VIEW, target)
        and can_create(user, Actual, province=target.document.province, agency_id=target.owner_id)
    )
    code = _period_code(period)
    _check_actual_period(target, code)
    number, stage = _figure(target, value, milestone or "")
    _check_evidence(evidence)
    already_open = ValidationError(
        _("A figure for %(period)s is already being reported; edit that one.")
        % {"period": Period.parse(code).label(_language())}
    )
    if target.actuals.filter(period=code).exclude(status=Actual.Status.APPROVED).exists():
        raise already_open
    actual = Actual(
        target=target,
        period=code,
        value=number,
        milestone=stage,
        done_on=done_on if stage == Milestone.DONE else None,
        is_estimate=is_estimate,
        source=source.strip(),
        note=note.strip(),
        created_by=user if getattr(user, "is_authenticated", False) else None,
    )
    if evidence is not None:
        actual.evidence = evidence
    check_fields(actual)
    history_attribute(actual, user)
    try:
        # Two simultaneous clicks both pass the check above on PostgreSQL; the
        # one-open-figure constraint stops the second, which gets the same refusal.
        with transaction.atomic():
            actual.save()
    except IntegrityError:
        raise already_open from None
    return actual_submit(user=user, actual=actual) if submit else actual


def actual_prepare(
    *,
    user: Any,
    target: Target,
    period: str,
    value: Any,
    is_estimate: bool,
    source: str,
    now: dt.datetime | None = None,
) -> Actual:
    """An unsaved figure the office enters already approved, checked as :func:`actual_create`
    and :func:`actual_approve` check one.

    For imports that save many figures in one statement: the caller has already made
    sure ``user`` is the target province's office and that no figure is open for the period.
    ``now`` dates every figure of one import alike (entered, sent and approved together).
    """
    code = _period_code(period)
    _check_actual_period(target, code)
    now = now or timezone.now()
    # The user by key: the bulk insert reads only keys, and an import sets hundreds of
    # thousands of these.
    actual = new_row(
        Actual,
        {"target": target},
        period=code,
        value=_decimal(value, "value"),
        is_estimate=is_estimate,
        source=source.strip(),
        status=Actual.Status.APPROVED,
        created_by_id=user.pk,
        submitted_by_id=user.pk,
        submitted_at=now,
        first_submitted_at=now,
        approved_by_id=user.pk,
        approved_at=now,
    )
    # The column checks actual_create makes, with no query: the bulk insert checks none.
    check_fields(actual)
    return actual


def _locked_actual(user: Any, actual: Actual) -> Actual:
    """The row, locked for the rest of the transaction, after a change-permission check.

    The figure, its target and the target's document are locked, as ever; the province,
    agency and indicator that the checks read come in the same query, unlocked.
    """
    actual = (
        Actual.objects.select_for_update(of=("self", "target", "target__document"))
        .select_related("target__document__province", "target__owner", "target__indicator")
        .get(pk=actual.pk)
    )
    _require(can(user, Action.CHANGE, actual))
    return actual


def _require_status(actual: Actual, *allowed: str) -> None:
    if actual.status not in allowed:
        raise ValidationError(
            _("This figure is %(status)s and cannot be changed this way.")
            % {"status": actual.get_status_display()}
        )


@transaction.atomic
def actual_update(
    *,
    user: Any,
    actual: Actual,
    value: Any = None,
    is_estimate: bool | None = None,
    source: str | None = None,
    note: str | None = None,
    evidence: UploadedFile | None = None,
    submit: bool = False,
    milestone: str | None = None,
    done_on: dt.date | None = None,
) -> Actual:
    """Correct a draft or returned figure; submitted and approved ones are frozen.

    ``submit`` sends it at once, and nothing is saved if that is refused.
    """
    actual = _locked_actual(user, actual)
    _require_status(actual, Actual.Status.DRAFT, Actual.Status.RETURNED)
    if actual.target.indicator.kind == Kind.MILESTONE:
        if milestone or value is not None:
            actual.value, actual.milestone = _figure(
                actual.target, value, milestone or actual.milestone
            )
        actual.done_on = done_on if actual.milestone == Milestone.DONE else None
    elif value is not None:
        actual.value = _decimal(value, "value")
    if is_estimate is not None:
        actual.is_estimate = is_estimate
    if source is not None:
        actual.source = source.strip()
    if note is not None:
        actual.note = note.strip()
    _check_evidence(evidence)
    if evidence is not None:
        actual.evidence = evidence
    check_fields(actual)
    history_attribute(actual, user)
    actual.save()
    # Locked and checked above: sent on without reading it again.
    return _submit(user, actual) if submit else actual


@transaction.atomic
def actual_submit(*, user: Any, actual: Actual) -> Actual:
    """Send a draft (or a returned figure) to the office, before the period's deadline."""
    return _submit(user, _locked_actual(user, actual))


def _submit(user: Any, actual: Actual) -> Actual:
    """:func:`actual_submit` on a row already locked by :func:`_locked_actual`."""
    _require_status(actual, Actual.Status.DRAFT, Actual.Status.RETURNED)
    _require_period_open(user, actual)
    now = timezone.now()
    actual.status = Actual.Status.SUBMITTED
    actual.submitted_at = now
    actual.first_submitted_at = actual.first_submitted_at or now
    actual.submitted_by = user
    check_fields(actual)
    history_attribute(actual, user)
    actual.save()
    # A figure sent to the office makes the dashboard offer its period: every target of
    # the document gets a verdict there. The judgements themselves wait for approval.
    verdicts_refresh(document=actual.target.document_id, targets=())
    return actual


@transaction.atomic
def actual_approve(*, user: Any, actual: Actual) -> Actual:
    """Accept a submitted figure (the office): from now on it counts in judgements.

    The office may also approve its own draft directly, as it enters figures itself.
    """
    # Only the figure is locked; its target comes along for the refresh below.
    actual = (
        Actual.objects.select_for_update(of=("self",)).select_related("target").get(pk=actual.pk)
    )
    _require(_is_office_for(user, actual))
    _require_status(actual, Actual.Status.SUBMITTED, Actual.Status.DRAFT)
    now = timezone.now()
    if actual.status == Actual.Status.DRAFT:
        actual.submitted_at = actual.first_submitted_at = now
        actual.submitted_by = user
    actual.status = Actual.Status.APPROVED
    actual.approved_at = now
    actual.approved_by = user
    actual.return_reason = ""
    check_fields(actual)
    history_attribute(actual, user)
    actual.save()
    verdicts_refresh(document=actual.target.document_id, targets=[actual.target_id])
    return actual


@transaction.atomic
def actual_return(*, user: Any, actual: Actual, reason: str) -> Actual:
    """Send a submitted figure back to the agency (the office), saying what to fix."""
    actual = Actual.objects.select_for_update().get(pk=actual.pk)
    _require(_is_office_for(user, actual))
    _require_status(actual, Actual.Status.SUBMITTED)
    if not reason.strip():
        raise ValidationError({"reason": _("Say why the figure is returned.")})
    actual.status = Actual.Status.RETURNED
    actual.return_reason = reason.strip()
    actual.returned_at = timezone.now()
    actual.returned_by = user
    check_fields(actual)
    history_attribute(actual, user)
    actual.save()
    return actual
