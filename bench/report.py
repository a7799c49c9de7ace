"""Time to generate the year report of a 1,000-target resolution: assembly, DOCX, PDF.

Goals: DOCX under 2 s, PDF under 2 s (WeasyPrint took 6.8–8 s of CPU for the PDF, 10 s
through its public API; Typst typesets it). Typst memoizes layout within a process, so
the PDF's first rendering, with nothing cached, is the figure to read; the best of
the later ones shows what re-rendering an unchanged report costs. The resolution, its targets and
their approved actuals are written into the configured database inside a transaction
that is rolled back at the end, so nothing stays behind; the map must be loaded
(``nghiquyet load_places``). Rows are bulk-inserted because the benchmark measures
the report, not the services that record figures. Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from decimal import Decimal
from typing import TextIO

from django.db import transaction
from django.utils import timezone

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.orgs.models import Place
from nghiquyet.orgs.personas import province_setup
from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.models import Report
from nghiquyet.reports.render import render_docx, render_pdf
from nghiquyet.targets.models import Actual, Indicator, Target

TARGETS = 1000
RUNS = 3


class _Rollback(Exception):
    """Raised to leave the benchmark's transaction without keeping its rows."""


def run(out: TextIO) -> None:
    if not Place.objects.filter(level="province").exists():
        out.write("The map is not loaded: run `nghiquyet migrate` and `nghiquyet load_places`.\n")
        return
    try:
        with transaction.atomic():
            _measure(out)
            raise _Rollback
    except _Rollback:
        out.write("(benchmark rows rolled back)\n")


def _measure(out: TextIO) -> None:
    setup = province_setup("Đồng Tháp", username_prefix="bench", password="bench-not-a-login")
    report = _resolution_with_targets(setup)
    user = setup.office
    out.write(f"Year report of a {TARGETS}-target resolution, best of {RUNS} runs\n")
    # Wall time is what a user waits; CPU time shows the cost on a machine that is busy.
    timings: dict[str, list[tuple[float, float]]] = {"assemble": [], "docx": [], "pdf": []}
    for _ in range(RUNS):
        content = _timed(timings["assemble"], lambda: report_content(report=report, user=user))
        docx = _timed(timings["docx"], lambda: render_docx(content))  # noqa: B023
        pdf = _timed(timings["pdf"], lambda: render_pdf(content))  # noqa: B023
    best = {key: min(values) for key, values in timings.items()}
    best["pdf"] = timings["pdf"][0]
    again = min(timings["pdf"][1:])
    sizes = {
        "assemble": "",
        "docx": f" {len(docx) / 1024:,.0f} KiB",
        "pdf": f" {len(pdf) / 1024:,.0f} KiB",
    }
    for key, label in (
        ("assemble", "assemble from the database"),
        ("docx", "render DOCX"),
        ("pdf", "render PDF (first)"),
    ):
        wall, cpu = best[key]
        out.write(f"  {label:<28} {wall:6.2f} s wall {cpu:6.2f} s CPU{sizes[key]}\n")
    out.write(f"  {'render PDF again (cached)':<28} {again[0]:6.2f} s wall {again[1]:6.2f} s CPU\n")
    for key, goal in (("docx", 2), ("pdf", 2)):
        wall = best["assemble"][0] + best[key][0]
        cpu = best["assemble"][1] + best[key][1]
        out.write(
            f"  {key.upper()} in total: {wall:.2f} s wall, {cpu:.2f} s CPU (goal < {goal} s)\n"
        )
    out.write(f"  {content.summary_sentence}\n")


def _timed(runs: list[tuple[float, float]], call):
    """Run `call`, appending its (wall, CPU) seconds to `runs`, and return its result."""
    wall, cpu = time.perf_counter(), time.process_time()
    result = call()
    runs.append((time.perf_counter() - wall, time.process_time() - cpu))
    return result


def _resolution_with_targets(setup) -> Report:
    body = setup.bodies["tinh_uy"]
    document = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        title="Nghị quyết về nhiệm vụ năm 2024 (bản đo hiệu năng)",
        symbol="9999-NQ/TU",
        issuer=body,
        province=setup.province,
        issued_on=dt.date(2024, 1, 4),
        status=Document.Status.ADOPTED,
    )
    rng = random.Random(2024)
    indicators = Indicator.objects.bulk_create(
        Indicator(name=f"Chỉ tiêu đo hiệu năng số {n}", unit="%", province=setup.province)
        for n in range(TARGETS)
    )
    targets = Target.objects.bulk_create(
        Target(
            document=document,
            place=setup.province,
            indicator=indicator,
            comparator=">=",
            value=Decimal(rng.randint(50, 99)),
            unit="%",
            period="2024",
            owner=setup.bodies["so_tai_chinh"],
            position=n,
        )
        for n, indicator in enumerate(indicators)
    )
    now = timezone.now()
    Actual.objects.bulk_create(
        Actual(
            target=target,
            period=period,
            value=target.value * Decimal(rng.uniform(0.8, 1.15)).quantize(Decimal("0.01")),
            status=Actual.Status.APPROVED,
            approved_at=now,
            is_estimate=period == "2024" and n % 7 == 0,
        )
        for n, target in enumerate(targets)
        for period in ("2024-H1", "2024")
        if not (period == "2024" and n % 23 == 0)
    )
    return Report.objects.create(body=body, resolution=document, period="2024", kind="year")
