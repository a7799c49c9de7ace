"""API list size and time for a resolution of 20,000 targets: the default page, the
largest page, and every page in turn.

Before lists were paged, ``GET /api/targets/targets`` answered all 20,000 targets in
one body. Runs in a throwaway database chosen by DATABASE_URL (a temporary SQLite
file, or a PostgreSQL test database created and dropped). Prints figures; asserts
nothing.
"""

from __future__ import annotations

import statistics
import time
from typing import TextIO

from django.test import Client

from nghiquyet.core.benchmark import throwaway_database

TARGETS = 20_000
RUNS = 5


def run(out: TextIO) -> None:
    with throwaway_database(out, "API list benchmark"):
        _measure(out)


def _measure(out: TextIO) -> None:
    from nghiquyet.api.pagination import DEFAULT_LIMIT, MAX_LIMIT
    from nghiquyet.documents.models import Document, DocumentKind
    from nghiquyet.orgs.personas import province_setup
    from nghiquyet.orgs.places import places_load
    from nghiquyet.targets.models import Indicator, Target

    places_load()
    setup = province_setup("Đồng Tháp", username_prefix="bench", password="bench-not-a-login")
    document = Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        title="Nghị quyết về các chỉ tiêu của xã, phường đến năm 2030",
        issuer=setup.bodies["bch"],
        province=setup.province,
        status=Document.Status.ADOPTED,
    )
    indicator = Indicator.objects.create(name="Số hộ sử dụng nước sạch", province=setup.province)
    Target.objects.bulk_create(
        (
            Target(
                document=document,
                place=setup.province,
                indicator=indicator,
                comparator=">=",
                value=number,
                period="2030",
                position=number % 30000,
            )
            for number in range(TARGETS)
        ),
        batch_size=2000,
    )
    client = Client()
    client.force_login(setup.office)
    url = "/api/targets/targets"

    def timed(query: dict) -> tuple[float, int]:
        timings, size = [], 0
        for _ in range(RUNS):
            started = time.perf_counter()
            response = client.get(url, {"document_id": document.pk, **query}, secure=True)
            timings.append(time.perf_counter() - started)
            size = len(response.content)
        return statistics.median(timings), size

    for label, query in (
        (f"default page ({DEFAULT_LIMIT})", {}),
        (f"largest page ({MAX_LIMIT})", {"limit": MAX_LIMIT}),
    ):
        seconds, size = timed(query)
        out.write(f"  {label}: median {seconds * 1000:.0f} ms, {size / 1024:.0f} KB\n")
    started = time.perf_counter()
    total = 0
    for offset in range(0, TARGETS, MAX_LIMIT):
        response = client.get(
            url, {"document_id": document.pk, "limit": MAX_LIMIT, "offset": offset}, secure=True
        )
        total += len(response.content)
    out.write(
        f"  all {TARGETS} targets in pages of {MAX_LIMIT}: "
        f"{time.perf_counter() - started:.1f} s, {total / 1024 / 1024:.1f} MB\n"
    )
