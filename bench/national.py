"""National scale on PostgreSQL: 34 provinces, 3,321 communes, up to tens of millions
of approved figures, and the roll-ups leaders read.

``nghiquyet bench national --figures N`` loads the current map (the place loader's
34 provinces and 3,321 communes), and for every province a term resolution
(2020–2025) of province targets and a breakdown of national-catalogue indicators to
each of its communes, each target with a monthly approved figure for 2021–2025.
Figures go in by COPY into the app's own tables, so that what is timed is the
app's own queries. Then it times, several runs each (p50 / p95):

- the national view: the share of targets met per province (stored verdicts);
- one indicator across all 3,321 communes;
- a province's dashboards (the selectors the dashboard page calls: its periods, the
  summary of every target and the table's first page), and every verdict as a list.

The verdicts are judged by the evaluation core and copied with the value they were
judged against; their trend and pace are left empty (a page of fifty lines reads
them, so their size does not change what is timed much).

The database is a throwaway one named after DATABASE_URL's (``<name>_bench``),
dropped at the end unless ``--keep``; ``--reuse`` times a kept one again without
loading. Prints figures; asserts nothing.
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from typing import Any, TextIO

from django.core.management.base import CommandError
from django.db import connection
from django.utils.translation import gettext as _

MONTHS = [f"{year}-{month:02d}" for year in range(2021, 2026) for month in range(1, 13)]
TERM = "2020/2025"
PROVINCE_TARGETS = 60
MEASURED_PROVINCE = "Đồng Tháp"
RUNS = 20
WARM_UP = 2
#: Stop timing one query after this long, once it has run MIN_RUNS times.
BUDGET_SECONDS = 40
MIN_RUNS = 5
SLOW_SECONDS = 3
SLOW_RUNS = 3
STAMP = "2026-01-15 09:00:00+07"
COMMUNE_INDICATORS = [
    "Tỷ lệ hộ nghèo",
    "Thu nhập bình quân đầu người",
    "Tỷ lệ dân số tham gia bảo hiểm y tế",
    "Tỷ lệ hộ dân sử dụng nước sạch",
    "Số tiêu chí nông thôn mới đạt được",
    "Tỷ lệ trẻ em trong độ tuổi đi học mầm non",
    "Tỷ lệ chất thải rắn sinh hoạt được thu gom, xử lý",
    "Tỷ lệ lao động qua đào tạo",
]
PROVINCE_INDICATORS = [
    "Tốc độ tăng trưởng kinh tế (GRDP)",
    "GRDP bình quân đầu người",
    "Tổng thu ngân sách nhà nước trên địa bàn",
    "Tổng vốn đầu tư toàn xã hội",
    "Tỷ lệ đô thị hóa",
    "Số bác sĩ trên một vạn dân",
    "Tỷ lệ che phủ rừng",
    "Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ",
]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--figures", type=int, default=4_000_000, help="how many approved figures, at most"
    )
    parser.add_argument("--runs", type=int, default=RUNS, help="timed runs of each query")
    parser.add_argument("--keep", action="store_true", help="keep the database at the end")
    parser.add_argument(
        "--reuse", action="store_true", help="time a database kept by --keep, without loading"
    )
    parser.add_argument(
        "--verdict-months",
        type=int,
        default=len(MONTHS),
        help="store verdicts for the last N months (and the term) only, to load faster",
    )
    parser.add_argument(
        "--no-choices",
        dest="choices",
        action="store_false",
        help="time the roll-ups as shipped only, not without or with each index",
    )
    parser.add_argument(
        "--partition",
        action="store_true",
        help="also time the figures partitioned by year (the table is converted in place)",
    )


def run(
    out: TextIO,
    *,
    figures: int,
    runs: int,
    keep: bool,
    reuse: bool,
    verdict_months: int,
    partition: bool,
    choices: bool,
) -> None:
    if connection.vendor != "postgresql":
        raise CommandError(
            _(
                "The national benchmark runs on PostgreSQL only: set DATABASE_URL to a "
                "PostgreSQL database (postgres://user:password@host:port/name)."
            )
        )
    settings_dict = connection.settings_dict
    old_name = settings_dict["NAME"]
    bench_name = f"{old_name}_bench"
    settings_dict.setdefault("TEST", {})["NAME"] = bench_name
    if reuse:
        connection.close()
        settings_dict["NAME"] = bench_name
        out.write(f"National benchmark on the kept database {bench_name}\n")
    else:
        started = time.perf_counter()
        connection.creation.create_test_db(verbosity=0, autoclobber=True)
        out.write(f"National benchmark on PostgreSQL (throwaway database {bench_name})\n")
        out.write(f"  schema created in {time.perf_counter() - started:.1f} s\n")
    try:
        if not reuse:
            _load(out, figures, verdict_months)
        _measure(out, runs, partition, choices)
    finally:
        if keep or reuse:
            connection.close()
            out.write(f"  database {bench_name} kept (drop it with --reuse left out)\n")
        else:
            connection.creation.destroy_test_db(old_name, verbosity=0)
            out.write("  throwaway database dropped\n")


# Loading ------------------------------------------------------------------------------


def _load(out: TextIO, figures: int, verdict_months: int) -> None:
    from nghiquyet.orgs.places import places_load
    from nghiquyet.targets.models import Verdict

    started = time.perf_counter()
    places_load()
    world = _world(figures)
    out.write(
        f"  {len(world.provinces)} provinces, {world.commune_count:,} communes, "
        f"{world.commune_indicators} national indicators broken down to communes; "
        f"set up in {time.perf_counter() - started:.1f} s\n"
    )
    started = time.perf_counter()
    targets = _copy_targets(world)
    out.write(f"  {len(targets):,} targets by COPY in {time.perf_counter() - started:.1f} s\n")
    from nghiquyet.targets.models import Actual

    started = time.perf_counter()
    with _indexes_dropped(Actual._meta.db_table) as rebuild:
        count = _copy(
            Actual,
            ["target_id", "period", "value"],
            (
                f"{pk}\t{month}\t{_figure(pk, m)}"
                for pk, *_ in targets
                for m, month in enumerate(MONTHS)
            ),
            status="approved",
            created_at=STAMP,
            first_submitted_at=STAMP,
            submitted_at=STAMP,
            approved_at=STAMP,
        )
        copied = time.perf_counter() - started
    out.write(
        f"  {count:,} approved figures by COPY in {copied:.1f} s "
        f"({count / copied:,.0f}/s), indexes and keys rebuilt in {rebuild.seconds:.1f} s\n"
    )
    started = time.perf_counter()
    with _indexes_dropped(Verdict._meta.db_table) as rebuild:
        count, checked = _copy_verdicts(verdict_months)
        copied = time.perf_counter() - started
    out.write(
        f"  {count:,} stored verdicts ({verdict_months} months and the term per target) "
        f"judged and copied in {copied:.1f} s, indexes and keys rebuilt in "
        f"{rebuild.seconds:.1f} s; {checked} sampled verdicts equal a full judging\n"
    )
    from nghiquyet.documents.models import Document
    from nghiquyet.targets.verdicts import periods_refresh

    started = time.perf_counter()
    documents = list(Document.objects.order_by("pk").values_list("pk", flat=True))
    for document_id in documents:
        periods_refresh(document=document_id)
    out.write(
        f"  periods offered stored for {len(documents)} documents (read from their figures "
        f"once) in {time.perf_counter() - started:.1f} s\n"
    )
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    out.write(f"  VACUUM ANALYZE in {time.perf_counter() - started:.1f} s\n")
    from nghiquyet.targets.summaries import province_summaries_refresh

    started = time.perf_counter()
    rows = province_summaries_refresh()
    out.write(
        f"  summary per province and period refreshed from the verdicts: {rows:,} rows "
        f"in {time.perf_counter() - started:.1f} s\n"
    )


def _figure(target_id: int, month: int) -> int:
    """A reproducible figure between 50 and 150 for a target of 100: some met, some not."""
    return 50 + (target_id * 7919 + month * 104729) % 101


class World:
    """What the loader set up before the bulk rows: places, documents, indicators."""

    def __init__(self) -> None:
        self.provinces: list[Any] = []
        self.communes: dict[int, list[int]] = {}
        self.documents: dict[int, tuple[int, int]] = {}
        self.province_indicators: dict[int, list[int]] = {}
        self.national_indicators: list[int] = []
        self.commune_targets = 0

    @property
    def commune_count(self) -> int:
        return sum(len(communes) for communes in self.communes.values())

    @property
    def commune_indicators(self) -> int:
        return len(self.national_indicators)


def _world(figures: int) -> World:
    """Provinces and communes of the current map, each province's bodies and documents,
    the indicators; the measured province gets its staff (the office reads its dashboard).
    """
    from django.contrib.auth import get_user_model

    from nghiquyet.documents.models import Document, DocumentKind
    from nghiquyet.orgs.models import Body, Place
    from nghiquyet.orgs.personas import province_setup
    from nghiquyet.targets.models import Indicator, Kind

    world = World()
    world.provinces = list(
        Place.objects.filter(map=Place.Map.CURRENT, level=Place.Level.PROVINCE).order_by("code")
    )
    for commune_id, parent_id in (
        Place.objects.filter(map=Place.Map.CURRENT, level=Place.Level.COMMUNE)
        .order_by("parent_id", "code")
        .values_list("pk", "parent_id")
    ):
        world.communes.setdefault(parent_id, []).append(commune_id)
    setup = province_setup(MEASURED_PROVINCE, username_prefix="bench", password="bench-not-a-login")
    get_user_model().objects.create(username="bench_national", is_superuser=True, is_staff=True)
    kinds = [Kind.LEVEL, Kind.SHARE, Kind.GROWTH, Kind.COUNT, Kind.CUMULATIVE]
    for province in world.provinces:
        issuer = (
            setup.bodies["bch"]
            if province.pk == setup.province.pk
            else Body.objects.create(
                province=province,
                kind=Body.Kind.EXECUTIVE_COMMITTEE,
                name=f"Ban Chấp hành Đảng bộ {province.name}",
                issuer_code="TU",
            )
        )
        resolution, breakdown = (
            Document.objects.create(
                kind=DocumentKind.NGHI_QUYET,
                title=title.format(p=province.name),
                issuer=issuer,
                province=province,
                status=Document.Status.ADOPTED,
            )
            for title in (
                "Nghị quyết Đại hội Đảng bộ {p} nhiệm kỳ 2020–2025",
                "Phân bổ chỉ tiêu nhiệm kỳ 2020–2025 cho các xã, phường của {p}",
            )
        )
        world.documents[province.pk] = (resolution.pk, breakdown.pk)
        world.province_indicators[province.pk] = [
            indicator.pk
            for indicator in Indicator.objects.bulk_create(
                Indicator(
                    name=_name(PROVINCE_INDICATORS, number, "Chỉ tiêu tỉnh"),
                    unit="%" if kinds[number % 5] in (Kind.SHARE, Kind.GROWTH) else "tỷ đồng",
                    kind=kinds[number % 5],
                    province=province,
                )
                for number in range(PROVINCE_TARGETS)
            )
        ]
    targets = figures // len(MONTHS)
    world.commune_targets = max(targets - PROVINCE_TARGETS * len(world.provinces), 0)
    needed = -(-world.commune_targets // max(world.commune_count, 1))
    # Level-like kinds only: a commune target is judged on the figure of the period.
    world.national_indicators = [
        indicator.pk
        for indicator in Indicator.objects.bulk_create(
            Indicator(
                name=_name(COMMUNE_INDICATORS, number, "Chỉ tiêu xã"),
                unit="%",
                kind=Kind.SHARE if number % 2 else Kind.LEVEL,
            )
            for number in range(needed)
        )
    ]
    return world


def _name(real: list[str], number: int, prefix: str) -> str:
    return real[number] if number < len(real) else f"{prefix} số {number + 1:03d}"


def _copy_targets(world: World) -> list[tuple[int, int, int]]:
    """The province targets and the commune targets, by COPY; (id, document, indicator) back.

    The first national indicators go to every commune, the last one to as many as the
    figure count allows, so the first indicator is always broken down to all of them.
    """
    from nghiquyet.targets.models import Target

    commune_order = [
        (province.pk, commune)
        for province in world.provinces
        for commune in world.communes.get(province.pk, [])
    ]

    def rows() -> Iterator[tuple]:
        position = 0
        for province in world.provinces:
            resolution, _breakdown = world.documents[province.pk]
            for number, indicator in enumerate(world.province_indicators[province.pk]):
                yield (resolution, province.pk, indicator, 2020 if number % 2 else None, number + 1)
        left = world.commune_targets
        for indicator in world.national_indicators:
            for province_id, commune in commune_order:
                if left == 0:
                    return
                left -= 1
                position += 1
                yield (world.documents[province_id][1], commune, indicator, None, position % 30000)

    def with_base(row: tuple) -> tuple:
        document, place, indicator, base_year, position = row
        base_value = 80 if base_year else None
        return (document, place, indicator, base_year, base_value, position)

    _copy(
        Target,
        ["document_id", "place_id", "indicator_id", "base_year", "base_value", "position"],
        (_line(*with_base(row)) for row in rows()),
        comparator=">=",
        value=Decimal(100),
        period=TERM,
    )
    return list(Target.objects.order_by("pk").values_list("pk", "document_id", "indicator_id"))


def _copy(model: Any, varying: list[str], lines: Iterable[str], **constant: Any) -> int:
    """COPY ``lines`` (the ``varying`` columns, tab-separated) into ``model``'s table.

    Every other column gets ``constant``'s value or the field's default, written once
    into the tail of each line: a line is one join, so 40 million of them take
    seconds of Python, and PostgreSQL's parsing is what costs.
    """
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    rest = [f for f in fields if f.column not in varying]
    tail = "".join(
        "\t" + _text(constant.get(f.column, constant.get(f.name, _default(f)))) for f in rest
    )
    tail += "\n"
    columns = ", ".join([*varying, *(f.column for f in rest)])
    count = 0
    sql = f"COPY {model._meta.db_table} ({columns}) FROM STDIN"
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        batch: list[str] = []
        for line in lines:
            batch.append(line + tail)
            if len(batch) == 50_000:
                copy.write("".join(batch))
                count += len(batch)
                batch.clear()
        copy.write("".join(batch))
        count += len(batch)
    return count


def _line(*values: Any) -> str:
    return "\t".join(map(_text, values))


def _default(field: Any) -> Any:
    return None if field.null and not field.has_default() else field.get_default()


def _text(value: Any) -> str:
    """A value in COPY's text format."""
    if value is None:
        return r"\N"
    if value is True or value is False:
        return "t" if value else "f"
    return (
        str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
        if isinstance(value, str)
        else str(value)
    )


class _Rebuild:
    seconds = 0.0


@contextmanager
def _indexes_dropped(table: str) -> Iterator[_Rebuild]:
    """Drop ``table``'s secondary indexes and foreign keys for a bulk load, then rebuild
    them as they were: one sort per index and one check per key instead of a
    deferred trigger and an index insertion for every row."""
    rebuild = _Rebuild()
    with connection.cursor() as cursor:
        # Unique constraints first, so that foreign keys are added back after them.
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('u', 'f') ORDER BY contype DESC",
            [table],
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = %s "
            "AND indexname NOT IN (SELECT conname FROM pg_constraint "
            "WHERE conrelid = %s::regclass AND contype IN ('p', 'u'))",
            [table, table],
        )
        indexes = cursor.fetchall()
        for name, _definition in keys:
            cursor.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
        for name, _definition in indexes:
            cursor.execute(f'DROP INDEX "{name}"')
    yield rebuild
    started = time.perf_counter()
    with connection.cursor() as cursor:
        for _name, definition in indexes:
            cursor.execute(definition)
        for name, definition in keys:
            cursor.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
    rebuild.seconds = time.perf_counter() - started


def _copy_verdicts(months: int) -> tuple[int, int]:
    """Judge every target at each month and at the term with the evaluation core, and
    COPY the verdicts; returns how many, and how many sampled ones were checked.

    A level or share target without a base is judged on the figure of the period
    alone (its term on the latest month), so its judgement is computed once per
    distinct figure; every other target is judged on all its figures. A sample of the
    first kind is judged again on all its figures, to show the shortcut changes nothing.
    """
    import random

    from django.db.models import F

    from nghiquyet.core.periods import Period
    from nghiquyet.evaluation import Kind
    from nghiquyet.targets.judging import SPEC_PATHS, ApprovedFigure, judge_for, spec_of_values
    from nghiquyet.targets.models import Target, Verdict

    spec_paths = {name: F(path) for name, path in SPEC_PATHS.items() if name != path}
    own_paths = [path for name, path in SPEC_PATHS.items() if name == path]
    # Read before the COPY starts: the connection serves nothing else until it ends.
    targets = list(
        Target.objects.order_by("pk").values(
            "pk", "document_id", *own_paths, own_period=F("period"), **spec_paths
        )
    )
    term = Period.parse(TERM)
    periods = [(Period.parse(month), month) for month in MONTHS[-months:]] + [(term, TERM)]
    last = Period.parse(MONTHS[-1])
    month_index = {month: m for m, month in enumerate(MONTHS)}

    def figure(pk: int, month: str) -> ApprovedFigure:
        return ApprovedFigure(0, month, Decimal(_figure(pk, month_index[month])), False)

    def text(judgement: Any) -> str:
        return _line(
            judgement.status.value,
            judgement.completion,
            judgement.figure,
            judgement.estimate,
            judgement.progress,
            judgement.to_date,
            judgement.milestone.value if judgement.milestone else "",
            judgement.rule_key,
            judgement.spec.value,
            judgement.spec.value_max,
        )

    month_periods = {month: Period.parse(month) for month in MONTHS}

    def all_figures(pk: int) -> dict[Period, ApprovedFigure]:
        return {period: figure(pk, month) for month, period in month_periods.items()}

    def full(spec: Any, pk: int, period: Period) -> str:
        return text(judge_for(spec, term, all_figures(pk), period)[0])

    memo: dict[tuple, str] = {}
    simple_targets: list[tuple[Any, int]] = []

    def lines() -> Iterator[str]:
        for row in targets:
            spec, pk = spec_of_values(row), row["pk"]
            head = f"{pk}\t{row['document_id']}\t"
            simple = row["kind"] in (Kind.LEVEL, Kind.SHARE) and row["base_value"] is None
            if not simple:
                in_force = all_figures(pk)
                for period, code in periods:
                    judgement = judge_for(spec, term, in_force, period)[0]
                    yield f"{head}{code}\t{text(judgement)}"
                continue
            simple_targets.append((spec, pk))
            for period, code in periods:
                month = MONTHS[-1] if period == term else code
                value = _figure(pk, month_index[month])
                key = (spec, period == term, value)
                if key not in memo:
                    seen = last if period == term else period
                    in_force = {seen: figure(pk, month)}
                    memo[key] = text(judge_for(spec, term, in_force, period)[0])
                yield f"{head}{code}\t{memo[key]}"

    count = _copy(
        Verdict,
        [
            "target_id",
            "document_id",
            "period",
            "status",
            "completion",
            "figure",
            "estimate",
            "progress",
            "to_date",
            "milestone",
            "rule_key",
            "against",
            "against_max",
        ],
        lines(),
        computed_at=STAMP,
    )
    rng = random.Random(2025)
    sample = rng.sample(simple_targets, min(200, len(simple_targets)))
    for spec, pk in sample:
        period, code = rng.choice(periods)
        month = MONTHS[-1] if period == term else code
        key = (spec, period == term, _figure(pk, month_index[month]))
        if memo[key] != full(spec, pk, period):
            raise RuntimeError(f"the verdict of target {pk} at {code} differs from a full judging")
    return count, len(sample)


# Timing -------------------------------------------------------------------------------


def _measure(out: TextIO, runs: int, partition: bool, choices: bool) -> None:
    from django.contrib.auth import get_user_model
    from django.db.models import Count

    from nghiquyet.documents.models import Document
    from nghiquyet.orgs.models import Membership
    from nghiquyet.targets import dashboard as dashboards
    from nghiquyet.targets import dashboard_table as tables
    from nghiquyet.targets import national
    from nghiquyet.targets.models import Actual, Indicator, Target, Verdict
    from nghiquyet.targets.summaries import province_summaries_refresh
    from nghiquyet.targets.views import DASHBOARD_PAGE_SIZE

    out.write(
        f"  {Target.objects.count():,} targets, {Actual.objects.count():,} approved figures, "
        f"{Verdict.objects.count():,} stored verdicts in the database\n"
    )
    leader = get_user_model().objects.get(username="bench_national")
    office = Membership.objects.get(user__username="bench_office").user
    province = office.membership.body.province
    resolution = Document.objects.filter(province=province).order_by("pk").first()
    breakdown = Document.objects.filter(province=province).order_by("pk").last()
    indicator = Indicator.objects.filter(province__isnull=True).order_by("pk").first()
    month = MONTHS[-1]

    def shares() -> int:
        rows = national.province_shares(user=leader, period=month)
        return len(rows)

    def counted() -> int:
        # What the summary saves: the national share counted from every stored verdict.
        return len(
            _share_counts(Verdict.objects.filter(period=month, target__deleted_at__isnull=True))
        )

    def across() -> int:
        rows = national.indicator_across_communes(user=leader, indicator=indicator, period=month)
        return len(rows)

    def dashboard(document: Document) -> Callable[[], int]:
        # What the dashboard page reads: its periods, the summary of every target, the
        # first page of the table with each line's stored pace and trend.
        def read() -> int:
            _periods, default = dashboards.dashboard_periods(document=document, with_reviews=True)
            summary, _page = tables.dashboard_page(
                user=office,
                document=document,
                period=default,
                filters=tables.DashboardFilters(),
                page_number=1,
                per_page=DASHBOARD_PAGE_SIZE,
            )
            return summary.total

        return read

    def every_verdict(document: Document) -> Callable[[], int]:
        # Every verdict as a list with its spec (what a report or the portal reads).
        def read() -> int:
            _periods, default = dashboards.dashboard_periods(document=document, with_reviews=True)
            verdicts = dashboards.target_verdicts(user=office, document=document, period=default)
            dashboards.rows_summary(verdicts)
            return len(verdicts)

        return read

    def stored(document: Document) -> Callable[[], int]:
        # What the dashboard's summary costs once it reads the stored verdicts.
        def read() -> int:
            counts = (
                Verdict.objects.filter(document=document, period=month)
                .order_by()
                .values("status")
                .annotate(count=Count("pk"))
            )
            return sum(row["count"] for row in counts)

        return read

    reads = {
        "share met per province (summary table)": shares,
        "share met per province (counted from verdicts)": counted,
        f"one indicator across all communes ({month})": across,
        f"{province.short_name}: term resolution dashboard": dashboard(resolution),
        f"{province.short_name}: term resolution, stored verdicts": stored(resolution),
        f"{province.short_name}: term resolution, every verdict": every_verdict(resolution),
        f"{province.short_name}: commune breakdown dashboard": dashboard(breakdown),
        f"{province.short_name}: commune breakdown, stored verdicts": stored(breakdown),
        f"{province.short_name}: commune breakdown, every verdict": every_verdict(breakdown),
    }
    out.write(f"  load average before timing: {_load_average()}\n")
    _table(out, "as shipped (migrations' indexes, summary refreshed)", reads, runs)
    if not choices:
        out.write(f"  load average after timing: {_load_average()}\n")
        return

    figures_reads = {k: v for k, v in reads.items() if "share" not in k and "stored" not in k}
    with _without_index("actual_approved_in_force"):
        _table(out, "without the covering index actual_approved_in_force", figures_reads, runs)
    covering = {"share met per province (counted from verdicts)": counted}
    with _extra_index(
        "CREATE INDEX bench_verdict_period_status ON targets_verdict (period, status) "
        "INCLUDE (document_id, target_id)",
        "bench_verdict_period_status",
    ):
        _table(out, "with a covering index verdict (period, status)", covering, runs)
    started = time.perf_counter()
    province_summaries_refresh(period=month)
    out.write(
        f"  refreshing the summary of one period ({month}): "
        f"{(time.perf_counter() - started) * 1000:.0f} ms\n"
    )
    if partition:
        started = time.perf_counter()
        _partition_figures_by_year()
        out.write(
            f"  figures partitioned by year in {time.perf_counter() - started:.1f} s "
            "(this database keeps them so)\n"
        )
        _table(out, "figures partitioned by year", figures_reads, runs)
    out.write(f"  load average after timing: {_load_average()}\n")


def _share_counts(verdicts: Any) -> list[dict]:
    from django.db.models import Count, Q

    met = Q(status__in=["exceeded", "achieved"])
    return list(
        verdicts.order_by()
        .values("document__province_id")
        .annotate(targets=Count("pk"), met=Count("pk", filter=met))
    )


def _table(out: TextIO, title: str, reads: dict[str, Callable[[], int]], runs: int) -> None:
    out.write(f"  -- {title}\n")
    out.write(f"  {'roll-up':<52} {'rows':>7} {'runs':>5} {'p50':>10} {'p95':>10}\n")
    for label, action in reads.items():
        started = time.perf_counter()
        rows = action()
        # A read of many seconds is timed a few times only, without warming up again.
        slow = time.perf_counter() - started > SLOW_SECONDS
        timings = _timings(action, SLOW_RUNS if slow else runs, warm_up=0 if slow else WARM_UP)
        out.write(
            f"  {label:<52} {rows:>7,} {len(timings):>5} "
            f"{_ms(statistics.median(timings))} {_ms(_p95(timings))}\n"
        )


def _load_average() -> str:
    with open("/proc/loadavg") as handle:
        return " ".join(handle.read().split()[:3])


@contextmanager
def _without_index(name: str) -> Iterator[None]:
    """Time without one of the migrations' indexes, then build it again as it was."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT indexdef FROM pg_indexes WHERE indexname = %s", [name])
        (definition,) = cursor.fetchone()
        cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(definition)
            cursor.execute("ANALYZE targets_actual")


@contextmanager
def _extra_index(definition: str, name: str) -> Iterator[None]:
    """Time with an index the migrations do not make, then drop it."""
    with connection.cursor() as cursor:
        cursor.execute(definition)
        cursor.execute("VACUUM ANALYZE targets_verdict")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f'DROP INDEX "{name}"')


def _partition_figures_by_year() -> None:
    """Rebuild the figures table partitioned by the year each period code starts with.

    Every code starts with its first year ("2024", "2024-Q4", "2020/2025"), so a range
    of codes from "2024" to "2025" holds one year's figures. The primary key must
    include the partition key, so it becomes (id, period).
    """
    from nghiquyet.targets.models import Actual

    table = Actual._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexdef FROM pg_indexes WHERE tablename = %s AND indexname NOT LIKE %s",
            [table, "%pkey"],
        )
        indexes = [row[0] for row in cursor.fetchall()]
        cursor.execute(f"ALTER TABLE {table} RENAME TO {table}_flat")
        for definition in indexes:
            name = definition.split()[2] if definition.startswith("CREATE INDEX") else None
            name = name or definition.split()[3]
            cursor.execute(f'ALTER INDEX "{name}" RENAME TO "{name}_flat"')
        cursor.execute(
            f"CREATE TABLE {table} (LIKE {table}_flat INCLUDING DEFAULTS) "
            "PARTITION BY RANGE (period)"
        )
        for year in range(2019, 2031):
            cursor.execute(
                f"CREATE TABLE {table}_{year} PARTITION OF {table} "
                f"FOR VALUES FROM ('{year}') TO ('{year + 1}')"
            )
        cursor.execute(f"CREATE TABLE {table}_other PARTITION OF {table} DEFAULT")
        cursor.execute(f"INSERT INTO {table} SELECT * FROM {table}_flat")
        cursor.execute(f"DROP TABLE {table}_flat CASCADE")
        cursor.execute(f"ALTER TABLE {table} ADD PRIMARY KEY (id, period)")
        for definition in indexes:
            cursor.execute(definition.replace(" ONLY ", " "))
        cursor.execute(f"VACUUM ANALYZE {table}")


def _timings(action: Callable[[], object], runs: int, warm_up: int = WARM_UP) -> list[float]:
    for _run in range(warm_up):
        action()
    timings: list[float] = []
    least = min(MIN_RUNS, runs)
    while len(timings) < runs and (len(timings) < least or sum(timings) < BUDGET_SECONDS):
        started = time.perf_counter()
        action()
        timings.append(time.perf_counter() - started)
    return timings


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:7.1f} ms"


def _p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
