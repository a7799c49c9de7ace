"""Public portal response times per page kind, at 1,000 published targets.

Two published resolutions of 500 targets each (one indicator per target, figures
approved for 2020–2024), plus one indicator broken down over 100 communes. Each
page kind is requested anonymously through Django's test client, in Vietnamese:
first once with the cache just emptied (what the first visitor after a
publication or an approval waits), then repeatedly from the cache, which is what
visitors get. Goal from the issue: p95 < 50 ms per page kind.

Runs in a throwaway database chosen by DATABASE_URL (a temporary SQLite file, or a
PostgreSQL test database created and dropped). Prints figures; asserts nothing.
"""

from __future__ import annotations

import datetime as dt
import statistics
import time
from decimal import Decimal
from typing import TextIO

from django.db import connection
from django.test import Client
from django.utils import timezone

from nghiquyet.core.benchmark import throwaway_database

RESOLUTIONS = 2
TARGETS_EACH = 500
YEARS = range(2020, 2025)
COMMUNES = 100
RUNS = 40
WARM_UP = 2


def run(out: TextIO) -> None:
    with throwaway_database(out, "Public portal benchmark"):
        _measure(out)


def _measure(out: TextIO) -> None:
    from nghiquyet.core.warmup import warm_up
    from nghiquyet.orgs.places import places_load
    from nghiquyet.portal.cache import invalidate

    started = time.perf_counter()
    places_load()
    documents, indicator, commune_indicator = _build()
    out.write(f"  data built in {time.perf_counter() - started:.1f} s: {_sizes()}\n")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    warm_up()
    kinds = {
        "home": "/public/",
        "progress summary": "/public/progress/",
        "resolution (500 targets)": f"/public/resolutions/{documents[0].pk}/",
        "indicator, chart tab": f"/public/indicators/{indicator.pk}/",
        "indicator, table tab": f"/public/indicators/{indicator.pk}/?tab=table",
        "indicator by 100 communes": f"/public/indicators/{commune_indicator.pk}/",
        "indicator CSV": f"/public/indicators/{indicator.pk}/data.csv",
        "indicator JSON": f"/public/indicators/{indicator.pk}/data.json",
        "widget (resolution)": f"/public/embed/resolutions/{documents[0].pk}/",
        "widget (indicator)": f"/public/embed/indicators/{indicator.pk}/",
        "province data zip": "/public/data.zip",
    }
    client = Client()
    out.write(f"  {'page kind':<28} {'first (built)':>14} {'median':>10} {'p95':>10}\n")
    worst = 0.0
    for kind, url in kinds.items():
        invalidate()
        started = time.perf_counter()
        _get(client, url)
        cold = time.perf_counter() - started
        for _ in range(WARM_UP):
            _get(client, url)
        timings = []
        for _ in range(RUNS):
            started = time.perf_counter()
            _get(client, url)
            timings.append(time.perf_counter() - started)
        p95 = _p95(timings)
        worst = max(worst, p95)
        out.write(
            f"  {kind:<28} {_ms(cold):>14} {_ms(statistics.median(timings)):>10} {_ms(p95):>10}\n"
        )
    out.write(f"  goal p95 < 50 ms for every page kind: {'met' if worst < 0.05 else 'NOT met'}\n")


def _get(client: Client, url: str) -> None:
    response = client.get(url, secure=True)
    if response.status_code != 200:
        raise RuntimeError(f"{url} answered {response.status_code}")


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def _p95(timings: list[float]) -> float:
    ordered = sorted(timings)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def _sizes() -> str:
    from nghiquyet.targets.models import Actual, Target

    return f"{Target.objects.count():,} published targets, {Actual.objects.count():,} figures"


def _build():
    """Two published resolutions of 500 targets with five years of approved figures each."""
    from nghiquyet.documents.models import Document, DocumentKind
    from nghiquyet.orgs.models import Place
    from nghiquyet.orgs.personas import province_setup
    from nghiquyet.targets.models import Actual, Indicator, Kind, Sector, Target

    setup = province_setup("Đồng Tháp", username_prefix="bench", password="bench-not-a-login")
    province = setup.province
    approved_at = timezone.make_aware(dt.datetime(2025, 3, 1, 9))
    sectors = [choice for choice, _label in Sector.choices]
    documents = []
    for number in range(1, RESOLUTIONS + 1):
        documents.append(
            Document.objects.create(
                kind=DocumentKind.NGHI_QUYET,
                symbol=f"{number}-NQ/TU",
                number=str(number),
                issuer=setup.bodies["tinh_uy"],
                province=province,
                issued_on=dt.date(2020, 10, number),
                title=f"Nghị quyết số {number} về phát triển kinh tế - xã hội 2021 - 2025",
                status=Document.Status.ADOPTED,
                is_public=True,
            )
        )
    indicators = Indicator.objects.bulk_create(
        Indicator(
            name=f"Chỉ tiêu thử số {i}",
            unit="%",
            kind=Kind.LEVEL,
            sector=sectors[i % len(sectors)],
            province=province,
        )
        for i in range(RESOLUTIONS * TARGETS_EACH + 1)
    )
    targets = Target.objects.bulk_create(
        Target(
            document=documents[i // TARGETS_EACH],
            place=province,
            indicator=indicators[i],
            comparator=">=",
            value=Decimal(100 + i % 50),
            unit="%",
            period="2024",
            position=i % TARGETS_EACH + 1,
        )
        for i in range(RESOLUTIONS * TARGETS_EACH)
    )
    communes = list(Place.objects.filter(level=Place.Level.COMMUNE)[:COMMUNES])
    commune_indicator = indicators[-1]
    targets += Target.objects.bulk_create(
        Target(
            document=documents[0],
            place=commune,
            indicator=commune_indicator,
            comparator=">=",
            value=Decimal(40),
            unit="%",
            period="2024",
            position=TARGETS_EACH + n,
        )
        for n, commune in enumerate(communes)
    )
    Actual.objects.bulk_create(
        Actual(
            target=target,
            period=str(year),
            value=target.value * Decimal(str(0.8 + 0.05 * (year - 2020) + (target.pk % 7) / 50)),
            status=Actual.Status.APPROVED,
            approved_at=approved_at,
            source="Cục Thống kê tỉnh",
        )
        for target in targets
        for year in YEARS
    )
    return documents, indicators[0], commune_indicator
