"""Reading a targets sheet (the layout of :mod:`nghiquyet.targets.excel`) back in.

An import is all or nothing: if any row is refused, the transaction is rolled back and
the report names every refused row with its sheet row number and why. Rows are never
deleted by an import, and an empty cell leaves a figure as it is.

The cost is linear in the rows, in this order, each step for a reason:

1. The right to import into the document is checked before the file is opened: the
   office imports targets and figures, an agency reporter its agency's figures; anyone
   else is refused whatever the file holds.
2. The upload's size, the sheet's declared size and then its rows as they are read are
   held to ``TARGETS_IMPORT_MAX_BYTES`` and ``TARGETS_IMPORT_MAX_ROWS``: a larger sheet
   is refused with a message instead of holding a server thread for minutes.
3. The sheet is streamed one row at a time (:mod:`nghiquyet.targets.excel_read`).
4. Everything rows refer to (the document's targets, the catalogue, the province's
   agencies, the figures in force) is loaded once into dictionaries.
5. The office's new indicators, targets and figures are checked by the services'
   ``*_prepare`` functions and saved in a few bulk statements with their history.
   Changes to existing targets, figures still open in the workflow, and every figure an
   agency reporter sends (few, and subject to the reporting deadline) go through the
   ordinary services one by one.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, connections, router, transaction
from django.db.models import DateField, Field, Model
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, can, can_create, principal_for
from nghiquyet.targets import services
from nghiquyet.targets.excel_read import PROGRESS_EVERY, Progress, RowError, SheetRow, read_sheet
from nghiquyet.targets.judging import latest_approved
from nghiquyet.targets.models import Actual, Indicator, Target
from nghiquyet.targets.selectors import indicator_list
from nghiquyet.targets.verdicts import verdicts_batch, verdicts_refresh

#: Target.position is a small integer: rows past it share the last place, in row order.
MAX_POSITION = 32767


@dataclass
class ImportReport:
    """What an import did, or, when ``errors`` is not empty, every reason it did nothing."""

    errors: list[RowError] = field(default_factory=list)
    targets_created: int = 0
    targets_updated: int = 0
    figures_recorded: int = 0
    rows_unchanged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changed(self) -> bool:
        return bool(self.targets_created or self.targets_updated or self.figures_recorded)


def import_allowed(*, user: Any, document: Document) -> bool:
    """Whether ``user`` may import into ``document`` at all: decided before any reading.

    The office of the document's province may (targets and figures), and so may an
    agency reporter of that province (its agency's figures); leaders, users with no
    role and other provinces may not.
    """
    province = document.province
    if province is None or not can(user, Action.VIEW, document):
        return False
    agency_id = principal_for(user).agency_id
    return can_create(user, Target, province=province) or can_create(
        user, Actual, province=province, agency_id=agency_id
    )


# Applying -----------------------------------------------------------------------------


class _Catalogue:
    """The indicators a row may name, by case-folded name; new ones are added in bulk."""

    def __init__(self, user: Any, document: Document):
        self.user = user
        self.province = document.province
        self.by_name: dict[str, Indicator] = {}
        # National first, so that the province's own indicator of a name wins.
        indicators = indicator_list(user=user, province=document.province).order_by("-province")
        for indicator in indicators:
            self.by_name.setdefault(indicator.name.casefold(), indicator)
        self.new: list[Indicator] = []

    def get(self, name: str, unit: str) -> Indicator:
        """The indicator of that name; a new, not yet saved one when the catalogue lacks it."""
        key = " ".join(name.split()).casefold()
        indicator = self.by_name.get(key)
        if indicator is None:
            indicator = Indicator(name=" ".join(name.split()), unit=unit, province=self.province)
            indicator.full_clean(
                exclude=["province"], validate_unique=False, validate_constraints=False
            )
            self.by_name[key] = indicator
            self.new.append(indicator)
        return indicator

    def save_new(self) -> None:
        if self.new:
            save_with_history(Indicator, self.new, self.user)
            self.new = []


#: Rows whose history one INSERT … SELECT copies (well under every database's parameter limit).
HISTORY_CHUNK = 500
#: Rows one INSERT holds at most (the database's parameter limit may allow fewer).
INSERT_CHUNK = 500


def _insert(model: type[Model], objs: list[Model]) -> None:
    """Insert ``objs`` with one multi-row INSERT … RETURNING per chunk and set their keys.

    What ``bulk_create`` does, without its cost: Django's compiler passes every value
    through its generic expression handling, which took 40% of a large import. Here
    each value still goes through its field's own ``get_db_prep_save`` (so dates and
    decimals are stored exactly as ``bulk_create`` stores them) and the SQL of a chunk
    is written once. Two shortcuts keep the cost per row flat and small: an
    ``auto_now_add`` column takes one moment for the whole insert, as one import
    happens at once; and a value repeated down a column (the user, the period, the
    shared timestamp, a status) is converted once, while decimals, which are rarely
    repeated, are always converted. The keys come back in row order, which Django's
    own ``bulk_create`` relies on as well. The database's own connection is used, not
    the thread-local ``django.db.connection`` proxy, whose every attribute lookup
    would cost more than converting the value.
    """
    db = connections[router.db_for_write(model)]
    if not db.features.can_return_rows_from_bulk_insert:
        model._base_manager.bulk_create(objs)
        return
    fields = [field for field in model._meta.concrete_fields if not field.primary_key]
    stamped = [field for field in fields if _stamped(field)]
    relations = [field for field in fields if field.is_relation]
    quote = db.ops.quote_name
    size = max(1, min(INSERT_CHUNK, db.ops.bulk_batch_size(fields, objs)))
    row_sql = f"({', '.join(['%s'] * len(fields))})"
    head = (
        f"INSERT INTO {quote(model._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) VALUES "
    )
    tail = f" RETURNING {quote(model._meta.pk.column)}"
    now = timezone.now()
    # A field whose pre_save does more than read the value (a file to store) keeps it.
    columns = [(field, field.attname, {}, not _read_plainly(field)) for field in fields]
    with db.cursor() as cursor:
        for start in range(0, len(objs), size):
            chunk = objs[start : start + size]
            params = []
            for obj in chunk:
                for field in stamped:
                    setattr(obj, field.attname, now)
                for field in relations:
                    _take_related_key(obj, field)
                for field, attname, converted, own_pre_save in columns:
                    value = field.pre_save(obj, True) if own_pre_save else getattr(obj, attname)
                    if isinstance(value, Decimal):
                        params.append(field.get_db_prep_save(value, db))
                        continue
                    key = (type(value), value)
                    if key not in converted:
                        converted[key] = field.get_db_prep_save(value, db)
                    params.append(converted[key])
            cursor.execute(head + ", ".join([row_sql] * len(chunk)) + tail, params)
            for obj, (pk,) in zip(chunk, cursor.fetchall(), strict=True):
                obj.pk = pk
                obj._state.adding = False
                obj._state.db = db.alias


def _stamped(field: Any) -> bool:
    return isinstance(field, DateField) and bool(field.auto_now or field.auto_now_add)


def _read_plainly(field: Any) -> bool:
    """Whether the field's ``pre_save`` on insert is the attribute's value as it is."""
    if isinstance(field, DateField):
        return True  # an automatic date is stamped beforehand; any other is read as is
    return type(field).pre_save is Field.pre_save


def _take_related_key(obj: Model, field: Any) -> None:
    """The key of a related object saved after it was assigned (a new target's, say).

    What Django's save does before an insert: a related object still without a key
    is an error, never a silent NULL.
    """
    if not field.is_cached(obj):
        return
    related = field.get_cached_value(obj)
    if related is None:
        return
    if related.pk is None:
        raise ValueError(f"{field.name} of {obj!r} is not saved")
    if getattr(obj, field.attname) != related.pk:
        setattr(obj, field.attname, related.pk)


def save_with_history(model: type[Model], objs: list[Model], user: Any) -> None:
    """Insert ``objs`` in bulk, then their "created" history rows, naming ``user``.

    The history is copied by the database, one INSERT … SELECT per chunk of rows:
    simple-history's own bulk helper builds a historical instance per row in Python,
    which costs more than inserting the rows themselves.
    """
    if not objs:
        return
    _insert(model, objs)
    history = model.history.model
    quote = connection.ops.quote_name
    own = {field.column for field in model._meta.concrete_fields}
    fixed = {
        "history_date": timezone.now(),
        "history_type": "+",
        "history_user": user.pk,
        "history_change_reason": None,
    }
    columns, selected, params = [], [], []
    for column in history._meta.concrete_fields:
        if column.column in own:
            columns.append(quote(column.column))
            selected.append(quote(column.column))
        elif column.name in fixed:
            columns.append(quote(column.column))
            selected.append("%s")
            params.append(column.get_db_prep_save(fixed[column.name], connection))
    pks = [obj.pk for obj in objs]
    with connection.cursor() as cursor:
        for start in range(0, len(pks), HISTORY_CHUNK):
            chunk = pks[start : start + HISTORY_CHUNK]
            cursor.execute(
                f"INSERT INTO {quote(history._meta.db_table)} ({', '.join(columns)}) "
                f"SELECT {', '.join(selected)} FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [*params, *chunk],
            )


def _differs(current: Any, wanted: Any) -> bool:
    if isinstance(current, Decimal) or isinstance(wanted, Decimal):
        return current is None or wanted is None or Decimal(current) != Decimal(wanted)
    return (current or "") != (wanted or "")


def _wanted(row: SheetRow) -> dict[str, Any]:
    wanted = {
        "comparator": row.comparator,
        "value": row.value,
        "value_max": row.value_max,
        "unit": row.unit,
        "period": row.period.code,
    }
    if row.owner is not None:
        wanted["owner"] = row.owner
    return wanted


def _update_target(user: Any, catalogue: _Catalogue, row: SheetRow, report: ImportReport) -> Target:
    """Correct an existing target through the service when the row differs from it."""
    target = row.target
    changes = {
        name: value
        for name, value in _wanted(row).items()
        if (name == "owner" and value.pk != target.owner_id)
        or (name != "owner" and _differs(getattr(target, name), value))
    }
    if row.indicator_name.casefold() != target.indicator.name.casefold():
        indicator = catalogue.get(row.indicator_name, row.unit)
        catalogue.save_new()
        changes["indicator"] = indicator
    if not changes:
        return target
    report.targets_updated += 1
    return services.target_update(user=user, target=target, **changes)


def _record_figure(
    user: Any, target: Target, period: Period, figure: tuple[Decimal, bool], open_one, office
):
    """One figure through the services: an agency's, or one already open in the workflow."""
    value, estimate = figure
    if open_one is not None:
        actual = services.actual_update(
            user=user, actual=open_one, value=value, is_estimate=estimate, submit=not office
        )
    else:
        actual = services.actual_create(
            user=user,
            target=target,
            period=period.code,
            value=value,
            is_estimate=estimate,
            source=_("Excel import"),
            submit=not office,
        )
    if office:
        services.actual_approve(user=user, actual=actual)


class _Figures:
    """The figures in force and the open ones of the document's targets, loaded once."""

    def __init__(self, document: Document):
        by_target: dict[int, list[Actual]] = defaultdict(list)
        for actual in Actual.objects.filter(
            target__document=document, target__deleted_at__isnull=True
        ):
            by_target[actual.target_id].append(actual)
        self.in_force = {pk: latest_approved(actuals) for pk, actuals in by_target.items()}
        self.open = {
            (pk, a.period): a for pk, actuals in by_target.items() for a in actuals if a.is_open
        }

    def changed(self, target: Target, period: Period, figure: tuple[Decimal, bool]) -> bool:
        current = self.in_force.get(target.pk, {}).get(period)
        return current is None or (current.value, current.is_estimate) != figure


def _refusal(exc: Exception) -> list[str]:
    if isinstance(exc, PermissionDenied):
        return [_("you may not change this target or report its figures.")]
    return list(exc.messages)


def _apply(
    user: Any,
    document: Document,
    rows: list[SheetRow],
    report: ImportReport,
    progress: Progress | None,
) -> None:
    """Apply every row that read well, collecting each refusal; the caller rolls back."""
    office = can_create(user, Target, province=document.province)
    # One import is one moment: its figures are entered, sent and approved together.
    now = timezone.now()
    catalogue = _Catalogue(user, document)
    figures = _Figures(document)
    new_figures: list[Actual] = []
    new_targets: list[Target] = []
    province_ids = document.province.lineage_ids()
    last = document.targets.order_by("-position").values_list("position", flat=True).first()
    position = last or 0
    # No savepoint per row: each service call is atomic on its own, and any refusal
    # rolls the whole import back, so a row left half-applied is never kept.
    for done, row in enumerate(rows, start=1):
        before = (report.targets_created, report.targets_updated, report.figures_recorded)
        try:
            if row.target is None:
                if not office:
                    raise PermissionDenied
                position = min(position + 1, MAX_POSITION)
                target = services.target_prepare(
                    document=document,
                    indicator=catalogue.get(row.indicator_name, row.unit),
                    province_ids=province_ids,
                    position=position,
                    **_wanted(row),
                )
                new_targets.append(target)
                report.targets_created += 1
                for period, figure in row.figures.items():
                    new_figures.append(_prepared(user, target, period, figure, now))
                    report.figures_recorded += 1
                continue
            target = _update_target(user, catalogue, row, report)
            for period, figure in row.figures.items():
                if not figures.changed(target, period, figure):
                    continue
                report.figures_recorded += 1
                open_one = figures.open.get((target.pk, period.code))
                if office and open_one is None:
                    new_figures.append(_prepared(user, target, period, figure, now))
                else:
                    _record_figure(user, target, period, figure, open_one, office)
        except (ValidationError, PermissionDenied) as exc:
            report.errors.extend(RowError(row.number, m) for m in _refusal(exc))
        if before == (report.targets_created, report.targets_updated, report.figures_recorded):
            report.rows_unchanged += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress("checked", done)
    if report.errors or not office:
        return
    # Targets were given their new indicators before these had a key: bulk_create
    # takes the key from the saved indicator.
    catalogue.save_new()
    # The figures were given their new targets before these had a key, likewise.
    save_with_history(Target, new_targets, user)
    save_with_history(Actual, new_figures, user)
    touched = {target.pk for target in new_targets} | {actual.target_id for actual in new_figures}
    verdicts_refresh(document=document, targets=touched)
    if progress:
        progress("saved", len(rows))


def _prepared(
    user: Any, target: Target, period: Period, figure: tuple[Decimal, bool], now: datetime
) -> Actual:
    value, estimate = figure
    return services.actual_prepare(
        user=user,
        target=target,
        period=period.code,
        value=value,
        is_estimate=estimate,
        source=_("Excel import"),
        now=now,
    )


def targets_import_xlsx(
    *,
    user: Any,
    document: Document,
    file: IO[bytes] | bytes,
    progress: Progress | None = None,
) -> ImportReport:
    """Apply a sheet in the export's layout to ``document``: all rows, or none.

    The office's figures are approved as they are imported (it enters figures
    itself); an agency reporter's are submitted for the office to approve.
    ``progress(stage, rows)`` is told how far the import is, every thousand rows.
    """
    if not import_allowed(user=user, document=document):
        raise PermissionDenied
    report = ImportReport()
    try:
        rows = read_sheet(
            user=user, document=document, file=file, errors=report.errors, progress=progress
        )
    except ValidationError as exc:
        return ImportReport(errors=[RowError(0, message) for message in exc.messages])
    # Rows that read well are applied even when others did not, so that the report
    # names the rows the services refuse too; any error rolls everything back.
    # The services called row by row and the bulk inserts leave their verdicts to the
    # batch, which judges the document's changed targets once, at the end.
    with transaction.atomic():
        with verdicts_batch():
            _apply(user, document, rows, report, progress)
            if report.errors:
                transaction.set_rollback(True)
        if report.errors:
            return ImportReport(errors=sorted(report.errors, key=lambda error: error.row))
    return report


def report_lines(report: ImportReport) -> Iterable[str]:
    """The report as sentences for a page or a command."""
    if report.errors:
        yield from (str(error) for error in report.errors)
        return
    yield _(
        "%(created)s targets added, %(updated)s targets corrected, %(figures)s figures recorded."
    ) % {
        "created": report.targets_created,
        "updated": report.targets_updated,
        "figures": report.figures_recorded,
    }
