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
3. The sheet is streamed one row at a time (:mod:`nghiquyet.targets.excel_read`,
   :mod:`nghiquyet.targets.excel_sheet`).
4. Everything rows refer to (the document's targets, the catalogue, the province's
   agencies, the figures in force) is loaded once into dictionaries
   (:mod:`nghiquyet.targets.excel_import_lookups`).
5. Full garbage collections wait until the rows are saved (:mod:`nghiquyet.core.gc_hold`).
6. The office's new indicators, targets and figures are checked by the services'
   ``*_prepare`` functions and saved in a few bulk statements with their history
   (:mod:`nghiquyet.core.bulk`), the progress told after each chunk. Changes to
   existing targets, figures still open in the workflow, and every figure an agency
   reporter sends (few, and subject to the reporting deadline) go through the ordinary
   services one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from nghiquyet.core.bulk import bulk_insert_with_history
from nghiquyet.core.gc_hold import full_collections_held
from nghiquyet.core.periods import Period
from nghiquyet.documents.models import Document
from nghiquyet.orgs.access import Action, can, can_create, principal_for
from nghiquyet.targets import services
from nghiquyet.targets.excel_import_lookups import Catalogue, Figures
from nghiquyet.targets.excel_read import PROGRESS_EVERY, Progress, RowError, SheetRow, read_sheet
from nghiquyet.targets.models import Actual, Target
from nghiquyet.targets.verdicts import verdicts_batch, verdicts_refresh

#: Targets touched by an import past which the verdicts of the whole document are judged.
JUDGE_ALL_ABOVE = 2000
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


def _update_target(user: Any, catalogue: Catalogue, row: SheetRow, report: ImportReport) -> Target:
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


def _refusal(exc: Exception) -> list[str]:
    if isinstance(exc, PermissionDenied):
        return [_("you may not change this target or report its figures.")]
    return list(exc.messages)


def _apply_to_existing(
    catalogue: Catalogue,
    figures: Figures,
    row: SheetRow,
    report: ImportReport,
    office: bool,
    entry: _Entry,
    new_figures: list[Actual],
) -> None:
    """Correct the row's target where it differs and record the figures that changed.

    The office's new figures for a period with none open wait for the bulk insert;
    the others go through the ordinary services at once.
    """
    user = entry.user
    target = _update_target(user, catalogue, row, report)
    for period, figure in row.figures.items():
        if not figures.changed(target, period, figure):
            continue
        report.figures_recorded += 1
        open_one = figures.open.get((target.pk, period.code))
        if office and open_one is None:
            new_figures.append(_prepared(entry, target, period, figure))
        else:
            _record_figure(user, target, period, figure, open_one, office)


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
    entry = _Entry(user, timezone.now(), _("Excel import"))
    catalogue = Catalogue(user, document)
    figures = Figures(document)
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
                    new_figures.append(_prepared(entry, target, period, figure))
                    report.figures_recorded += 1
            else:
                _apply_to_existing(catalogue, figures, row, report, office, entry, new_figures)
        except (ValidationError, PermissionDenied) as exc:
            report.errors.extend(RowError(row.number, m) for m in _refusal(exc))
        if before == (report.targets_created, report.targets_updated, report.figures_recorded):
            report.rows_unchanged += 1
        if progress and done % PROGRESS_EVERY == 0:
            progress("checked", done)
    if report.errors or not office:
        return
    _save(user, document, new_targets, new_figures, catalogue, progress, len(rows))


def _save(
    user: Any,
    document: Document,
    new_targets: list[Target],
    new_figures: list[Actual],
    catalogue: Catalogue,
    progress: Progress | None,
    rows: int,
) -> None:
    """Insert the new indicators, targets and figures with their history, then judge them.

    ``progress("saving", …)`` is told after each chunk, in sheet rows (the share of
    the records saved), so that a bar keeps moving through the longest step.
    """
    # Targets were given their new indicators before these had a key, and figures
    # their new targets: each insert takes the key from the rows saved before it.
    catalogue.save_new()
    total = max(len(new_targets) + len(new_figures), 1)

    def saved_after(before: int) -> Callable[[int], None] | None:
        if progress is None:
            return None
        return lambda done: progress("saving", rows * (before + done) // total)

    bulk_insert_with_history(Target, new_targets, user, saved=saved_after(0))
    bulk_insert_with_history(Actual, new_figures, user, saved=saved_after(len(new_targets)))
    touched = {target.pk for target in new_targets} | {actual.target_id for actual in new_figures}
    # Past a few thousand targets, judging the whole document costs less than naming
    # every target (a new document's periods are judged once, not twice), and keeps
    # the queries within PostgreSQL's 65,535 parameters.
    verdicts_refresh(
        document=document, targets=touched if len(touched) <= JUDGE_ALL_ABOVE else None
    )
    if progress:
        progress("saved", rows)


@dataclass(frozen=True)
class _Entry:
    """Who enters the office's new figures of an import, when, and the source they name:
    one for the whole import (the source's translation too, looked up once)."""

    user: Any
    now: datetime
    source: str


def _prepared(
    entry: _Entry, target: Target, period: Period, figure: tuple[Decimal, bool]
) -> Actual:
    value, estimate = figure
    return services.actual_prepare(
        user=entry.user,
        target=target,
        period=period.code,
        value=value,
        is_estimate=estimate,
        source=entry.source,
        now=entry.now,
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
    # The rows stay alive until they are saved: full collections would walk them again
    # and again for no garbage (:mod:`nghiquyet.core.gc_hold`).
    with full_collections_held():
        return _import(user, document, file, progress)


def _import(
    user: Any, document: Document, file: IO[bytes] | bytes, progress: Progress | None
) -> ImportReport:
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
