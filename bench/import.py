"""Excel import and export of targets: time per row at 1,000, 10,000 and 100,000 rows.

Each size gets a resolution of its own and a sheet as an office types it: one row per
target, each with its own indicator (a commune breakdown), a half-year estimate and a
year figure. The province office imports it through the same function the page calls
(new indicators, targets and approved figures, with their history), then exports the
resolution and imports the export back unchanged (the re-import path: every row
matched by its code, nothing written). Goal from the issue: 100,000 rows imported in
under 60 s, and the time per row flat across sizes. The import's process CPU time,
the statements it sent and the machine's load average (1 minute) are printed beside
the elapsed time of each size: on a shared machine the elapsed time grows with the
load, the CPU time hardly, the statements not at all.
``--sizes 1000 10000`` measures fewer sizes.

A throwaway database, chosen by DATABASE_URL like the site's (a temporary SQLite
file, or a PostgreSQL test database created and dropped). Building the sheet is not
timed. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import time
from io import BytesIO
from typing import TextIO

from django.db import connection
from openpyxl import Workbook

from nghiquyet.core.benchmark import throwaway_database

SIZES = (1_000, 10_000, 100_000)
HEADERS = ["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu", "6 tháng 2024"]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sizes", type=int, nargs="+", default=list(SIZES), help="rows of each sheet"
    )


def run(out: TextIO, sizes: list[int] | None = None) -> None:
    with throwaway_database(out, "Excel import benchmark"):
        _measure(out, sizes or list(SIZES))


def sheet(rows: int) -> bytes:
    """Rows of commune targets with an estimate and a year figure, as offices type them."""
    book = Workbook(write_only=True)
    page = book.create_sheet("Chỉ tiêu")
    page.append(["CÁC CHỈ TIÊU CHỦ YẾU NĂM 2024"])
    page.append([*HEADERS, "Năm 2024"])
    for number in range(1, rows + 1):
        page.append(
            [
                number,
                f"Tỷ lệ hộ nghèo theo chuẩn đa chiều, xã số {number}",
                "%",
                "dưới 1,5",
                "Năm 2024",
                f"{1 + number % 90 / 100:.2f} (ước)".replace(".", ","),
                1 + number % 50 / 100,
            ]
        )
    buffer = BytesIO()
    book.save(buffer)
    return buffer.getvalue()


class _QueryCount:
    """Counts the statements sent to the database: unlike time, load does not change it."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def _measure(out: TextIO, sizes: list[int]) -> None:
    from nghiquyet.documents.models import Document, DocumentKind
    from nghiquyet.orgs.personas import province_setup
    from nghiquyet.orgs.places import places_load
    from nghiquyet.targets.excel import targets_export_xlsx
    from nghiquyet.targets.excel_import import targets_import_xlsx

    places_load()
    setup = province_setup("Đồng Tháp", username_prefix="bench", password="bench-not-a-login")
    office = setup.users["office"]
    # One write per line: a command's output ends every write with a new line.
    out.write(
        f"  {'rows':>8}  {'file':>8}  {'import':>9}  {'per row':>9}  {'cpu':>8}  "
        f"{'cpu/row':>9}  {'queries':>7}  {'load':>5}  {'export':>8}  {'per row':>9}  "
        f"{'re-import':>9}  {'per row':>9}  {'cpu':>8}\n"
    )
    for rows in sizes:
        content = sheet(rows)
        document = Document.objects.create(
            kind=DocumentKind.NGHI_QUYET,
            title=f"Nghị quyết đo hiệu năng, {rows} chỉ tiêu",
            issuer=setup.bodies["bch"],
            province=setup.province,
            status=Document.Status.ADOPTED,
        )
        queries = _QueryCount()
        started, cpu = time.perf_counter(), time.process_time()
        with connection.execute_wrapper(queries):
            report = targets_import_xlsx(user=office, document=document, file=content)
        imported, import_cpu = time.perf_counter() - started, time.process_time() - cpu
        if not report.ok or report.targets_created != rows:
            raise RuntimeError(f"the import of {rows} rows failed: {report.errors[:3]}")
        started = time.perf_counter()
        exported = targets_export_xlsx(user=office, document=document)
        export_time = time.perf_counter() - started
        started, cpu = time.perf_counter(), time.process_time()
        again = targets_import_xlsx(user=office, document=document, file=exported)
        reimported, reimport_cpu = time.perf_counter() - started, time.process_time() - cpu
        if not again.ok or again.changed:
            raise RuntimeError(f"re-importing the export of {rows} rows changed something")
        out.write(
            f"  {rows:>8,}  {len(content) / 2**20:6.1f}MB  {imported:8.1f}s  "
            f"{imported / rows * 1000:7.3f}ms  {import_cpu:7.1f}s  "
            f"{import_cpu / rows * 1000:7.3f}ms  {queries.count:>7,}  {os.getloadavg()[0]:5.1f}  "
            f"{export_time:7.1f}s  "
            f"{export_time / rows * 1000:7.3f}ms  {reimported:8.1f}s  "
            f"{reimported / rows * 1000:7.3f}ms  {reimport_cpu:7.1f}s\n"
        )
        out.flush()
    out.write("  goal: 100,000 rows imported in < 60 s, time per row flat\n")
    out.write(f"  machine load (1, 5, 15 min): {os.getloadavg()} on {os.cpu_count()} cores\n")
