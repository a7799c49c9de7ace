"""Dashboard render time against the raw SQL aggregate it rests on, in one run.

A province gets a term resolution of 1,000 targets, each with approved figures for
20 quarters (2020–2024), and a commune breakdown of 100 communes × 50 indicators
with 12 monthly figures each: 80,000 figures in all. The targets dashboard of the
resolution is rendered through Django's test client as the province office; the raw
SQL aggregate is one query that picks each target's figure in force for the period.
Goal from the issue: dashboard p95 under 100 ms and within 3× of the raw query.

The page is timed three ways: with nothing kept between requests (a per-process cache,
the embedded default), and with a shared cache as a server of several processes runs
(here the process's own cache, which is exact for one process): cold, the first render
after a change, and warm, the page kept since the last change. Each line gives the
median process CPU time and the queries of a render, which other people's load on the
machine does not distort, and the load average.

Everything happens in a throwaway database, chosen by DATABASE_URL like the site's:
for SQLite a temporary file, for PostgreSQL a test database the benchmark creates
and drops. Rows are bulk-inserted, since what is measured is reading, not the
services that record figures; the stored verdicts are then computed as
``verify_verdicts --fix`` computes them for a database loaded behind the services'
back, and that time is printed too. Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import random
import statistics
import time
from collections.abc import Callable
from decimal import Decimal
from typing import NamedTuple, TextIO

from django.db import connection
from django.template.base import Template
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone

from nghiquyet.core.benchmark import throwaway_database

TARGETS = 1000
QUARTERS = [f"{year}-Q{q}" for year in range(2020, 2025) for q in range(1, 5)]
COMMUNES = 100
COMMUNE_INDICATORS = 50
MONTHS = [f"2024-{month:02d}" for month in range(1, 13)]
RUNS = 30
WARM_UP = 3
#: A slow dashboard stops being rendered after this long (at least MIN_RUNS renders).
BUDGET_SECONDS = 60
MIN_RUNS = 5
PERIOD = "2024-Q4"
#: How a server draws a template, kept before the throwaway database instruments it.
_SERVER_RENDER = Template._render

RAW_AGGREGATE = """
SELECT target_id, value, is_estimate FROM (
    SELECT a.target_id, a.value, a.is_estimate,
           ROW_NUMBER() OVER (PARTITION BY a.target_id ORDER BY a.approved_at DESC, a.id DESC) AS n
    FROM targets_actual a
    JOIN targets_target t ON t.id = a.target_id
    WHERE t.document_id = %s AND t.deleted_at IS NULL
      AND a.period = %s AND a.status = 'approved'
) latest WHERE n = 1
"""


def run(out: TextIO) -> None:
    with throwaway_database(out, "Dashboard benchmark"):
        _measure(out)


class Timed(NamedTuple):
    """Wall-clock and process CPU seconds of each run (the machine is shared, so
    wall-clock figures carry other people's load; CPU time and queries do not)."""

    wall: list[float]
    cpu: list[float]


def _measure(out: TextIO) -> None:
    from nghiquyet.core.warmup import warm_up
    from nghiquyet.orgs.places import places_load
    from nghiquyet.targets.dashboard_cache import dashboards_forget

    started = time.perf_counter()
    places_load()
    document, office = _build()
    out.write(f"  data built in {time.perf_counter() - started:.1f} s: {_sizes()}\n")
    _store_verdicts(out)
    if connection.vendor == "postgresql":
        # What autovacuum does within a minute of a bulk load: planner statistics and
        # the visibility map, without which the first renders measure a cold database.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    # As the WSGI entry does before a server's first request.
    warm_up()
    # The throwaway database installed the test client's template instrumentation (a
    # signal and a copy of the context for every template drawn), which no server runs.
    Template._render = _SERVER_RENDER

    client = Client()
    client.force_login(office)
    url = f"/targets/documents/{document.pk}/?period={PERIOD}"

    def render() -> bytes:
        response = client.get(url, secure=True)
        if response.status_code != 200:
            raise RuntimeError(f"dashboard answered {response.status_code}")
        return response.content

    def aggregate() -> None:
        with connection.cursor() as cursor:
            cursor.execute(RAW_AGGREGATE, [document.pk, PERIOD])
            if len(cursor.fetchall()) != TARGETS:
                raise RuntimeError("the raw aggregate did not find a figure for every target")

    out.write(f"  load average before timing: {_load_average()}\n")
    raw = _timings(aggregate)
    out.write(f"  raw SQL aggregate (figure in force per target), {len(raw.wall)} runs:\n")
    out.write(f"    {_figures(raw)}\n")
    shown = render().count(b"<tr data-status=")
    out.write(
        f"  dashboard of {TARGETS} targets for {PERIOD} (all counted for the summary, "
        f"{shown} rows in the table's first page):\n"
    )
    with override_settings(SHARED_CACHE=False):
        fresh = _page(out, "every render from the stored verdicts (nothing kept)", render, raw)
    with override_settings(SHARED_CACHE=True):
        cold = "shared cache, cold: the first render after a change"
        _page(out, cold, render, raw, before=lambda: dashboards_forget(document.pk))
        _page(out, "shared cache, warm: the page kept since the last change", render, raw)
    out.write(f"  load average after timing: {_load_average()}\n")
    with override_settings(SHARED_CACHE=False):
        reads = _selectors(out, document, office, raw)
        _breakdown(out, render, fresh, reads)


def _page(
    out: TextIO,
    title: str,
    render: Callable[[], bytes],
    raw: Timed,
    before: Callable[[], object] | None = None,
) -> Timed:
    """Time ``render`` (each run after ``before``, untimed) and print it against ``raw``."""
    page = _timings(render, before=before)
    if before:
        before()
    with CaptureQueriesContext(connection) as queries:
        render()
    ratio = _p95(page.wall) / _p95(raw.wall)
    out.write(f"    {title}, {len(page.wall)} renders, {len(queries.captured_queries)} queries:\n")
    out.write(f"      {_figures(page)}\n")
    out.write(
        f"      p95 goal < 100 ms: {'met' if _p95(page.wall) < 0.1 else 'NOT met'}; "
        f"page / raw = {ratio:.1f}× (goal ≤ 3×): {'met' if ratio <= 3 else 'NOT met'}; "
        f"{_cpu_ratio(page, raw)}load {_load_average()}\n"
    )
    return page


def _cpu_ratio(page: Timed, raw: Timed) -> str:
    """The ratio of CPU times, which the load does not distort; only on SQLite, whose
    queries run in this process (PostgreSQL's run in the server's)."""
    if connection.vendor != "sqlite":
        return ""
    return f"CPU page / raw = {statistics.median(page.cpu) / statistics.median(raw.cpu):.1f}×; "


def _figures(timed: Timed) -> str:
    return (
        f"median {_ms(statistics.median(timed.wall))}  p95 {_ms(_p95(timed.wall))}  "
        f"median CPU {_ms(statistics.median(timed.cpu))}"
    )


def _selectors(out: TextIO, document, office, raw: Timed) -> Timed:
    """The page's reads alone, the summary from the stored verdicts, and judged on the
    spot as it was before they were stored, in the same run so the machine's load weighs
    on all. Returns the timings of the page's reads."""
    from nghiquyet.targets import dashboard as dashboards
    from nghiquyet.targets import dashboard_table as tables
    from nghiquyet.targets.views import DASHBOARD_PAGE_SIZE

    period = dashboards.as_period(PERIOD)

    def stored() -> None:
        verdicts = dashboards.target_verdicts(user=office, document=document, period=period)
        dashboards.rows_summary(verdicts)

    def page_reads() -> None:
        dashboards.dashboard_periods(document=document, with_reviews=True)
        tables.dashboard_page(
            user=office,
            document=document,
            period=period,
            filters=tables.DashboardFilters(),
            page_number=1,
            per_page=DASHBOARD_PAGE_SIZE,
        )

    reads = _timings(page_reads)
    judged = _timings(on_the_spot(office, document, period))
    for name, timed in (
        ("the page's reads: periods, summary of all, first page", reads),
        (f"all {TARGETS} stored verdicts as a list and the summary", _timings(stored)),
        (f"all {TARGETS} judged on the spot and the summary", judged),
    ):
        out.write(
            f"  {name}: {_figures(timed)} "
            f"({_p95(timed.wall) / _p95(raw.wall):.1f}× the raw aggregate's p95)\n"
        )
    return reads


def on_the_spot(office, document, period) -> Callable[[], None]:
    """Every target judged from its figures and summarised, as before verdicts were stored."""
    from nghiquyet.targets import dashboard as dashboards

    def judge() -> None:
        targets = dashboards.target_list(user=office, document=document)
        judged = dashboards.judge_values(
            dashboards.spec_values(targets), document=document, period=period
        )
        dashboards.summarize(judged.values())

    return judge


def _store_verdicts(out: TextIO) -> None:
    """Each document's verdicts judged and stored in one go, as a repair or an import does."""
    from nghiquyet.targets.models import Target, Verdict
    from nghiquyet.targets.verdicts import verdicts_refresh

    started = time.perf_counter()
    for document_id in Target.objects.order_by().values_list("document", flat=True).distinct():
        verdicts_refresh(document=document_id)
    out.write(
        f"  {Verdict.objects.count():,} stored verdicts computed in "
        f"{time.perf_counter() - started:.1f} s\n"
    )


def _timings(action: Callable[[], object], before: Callable[[], object] | None = None) -> Timed:
    """Times of ``action``, each run after ``before`` (not timed) when given."""
    for _ in range(WARM_UP):
        action()
    timed = Timed([], [])
    while len(timed.wall) < RUNS and (
        len(timed.wall) < MIN_RUNS or sum(timed.wall) < BUDGET_SECONDS
    ):
        if before:
            before()
        started, cpu = time.perf_counter(), time.process_time()
        action()
        timed.wall.append(time.perf_counter() - started)
        timed.cpu.append(time.process_time() - cpu)
    return timed


def _load_average() -> str:
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


def _breakdown(out: TextIO, render: Callable[[], bytes], fresh: Timed, reads: Timed) -> None:
    """Where a render with nothing kept spends its time: SQL, the page's reads (timed
    above, not again), and the rest (middleware, templates, session and user)."""
    with CaptureQueriesContext(connection) as queries:
        render()
    captured = queries.captured_queries
    sql = sum(float(q["time"]) for q in captured)
    total = statistics.median(fresh.cpu)
    read = statistics.median(reads.cpu)
    out.write("  a render with nothing kept, median CPU:\n")
    out.write(f"    total {_ms(total)}; {len(captured)} SQL queries, {_ms(sql)} waiting for them\n")
    out.write(f"    the page's reads (periods, summary, the page's lines) {_ms(read)}\n")
    out.write(f"    templates, middleware, session and user ≈ {_ms(max(total - read, 0))}\n")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _sizes() -> str:
    from nghiquyet.targets.models import Actual, Target

    return f"{Target.objects.count():,} targets, {Actual.objects.count():,} approved figures"


def _build():
    """The province, the resolution with its 1,000 targets, and the commune breakdown."""
    from nghiquyet.documents.models import Document, DocumentKind
    from nghiquyet.orgs.personas import province_setup
    from nghiquyet.orgs.selectors import place_communes
    from nghiquyet.targets.models import Actual, Comparator, Indicator, Kind, Target

    setup = province_setup("Đồng Tháp", username_prefix="bench", password="bench-not-a-login")
    province = setup.province
    rng = random.Random(2024)
    approved_at = timezone.make_aware(dt.datetime(2025, 1, 15, 9, 0))
    owners = [setup.bodies[key] for key in ("so_tai_chinh", "so_y_te", "so_nong_nghiep")]

    def document(title: str) -> Document:
        return Document.objects.create(
            kind=DocumentKind.NGHI_QUYET,
            title=title,
            issuer=setup.bodies["bch"],
            province=province,
            status=Document.Status.ADOPTED,
        )

    def indicators(prefix: str, count: int) -> list[Indicator]:
        kinds = [Kind.LEVEL, Kind.SHARE, Kind.GROWTH, Kind.COUNT, Kind.CUMULATIVE]
        return Indicator.objects.bulk_create(
            Indicator(
                name=f"{prefix} {number:04d}",
                unit="%" if kinds[number % 5] in (Kind.SHARE, Kind.GROWTH) else "tỷ đồng",
                kind=kinds[number % 5],
                province=province,
            )
            for number in range(count)
        )

    def figures(targets: list[Target], periods: list[str]) -> None:
        Actual.objects.bulk_create(
            (
                Actual(
                    target=target,
                    period=period,
                    value=Decimal(rng.randint(50, 150)),
                    status=Actual.Status.APPROVED,
                    approved_at=approved_at,
                    submitted_at=approved_at,
                    first_submitted_at=approved_at,
                )
                for target in targets
                for period in periods
            ),
            batch_size=5000,
        )

    resolution = document("Nghị quyết Đại hội Đảng bộ tỉnh (bản đo hiệu năng)")
    targets = Target.objects.bulk_create(
        Target(
            document=resolution,
            place=province,
            indicator=indicator,
            comparator=Comparator.GE,
            value=Decimal(100),
            unit=indicator.unit,
            period="2020/2025",
            base_year=2019 if number % 2 else None,
            base_value=Decimal(80) if number % 2 else None,
            owner=owners[number % len(owners)],
            position=number + 1,
        )
        for number, indicator in enumerate(indicators("Chỉ tiêu tỉnh", TARGETS))
    )
    figures(targets, QUARTERS)

    breakdown = document("Phân bổ chỉ tiêu cho xã, phường (bản đo hiệu năng)")
    communes = list(place_communes(province)[:COMMUNES])
    commune_indicators = indicators("Chỉ tiêu xã", COMMUNE_INDICATORS)
    commune_targets = Target.objects.bulk_create(
        (
            Target(
                document=breakdown,
                place=commune,
                indicator=indicator,
                comparator=Comparator.GE,
                value=Decimal(100),
                unit=indicator.unit,
                period="2024",
                position=number + 1,
            )
            for number, (commune, indicator) in enumerate(
                (c, i) for c in communes for i in commune_indicators
            )
        ),
        batch_size=5000,
    )
    figures(commune_targets, MONTHS)
    return resolution, setup.office
