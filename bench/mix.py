"""What each request kind of ``make loadtest`` costs the web server: CPU and queries.

The load test says how many requests per second the two cores serve; this says where
their CPU goes. It loads the demo province (as ``make loadtest`` does), then plays the
load test's mix (bench/loadtest/locustfile.py: the same users, weights, tasks and
paths) through Django's test client, one request at a time, and measures each
request's process CPU time (time.process_time, which the machine's load does not
distort) and its queries. A kind's share of the mix's CPU is what cutting it buys.

Runs in a throwaway database chosen by DATABASE_URL (a temporary SQLite file, or a
PostgreSQL test database created and dropped). Prints figures; asserts nothing.

    nghiquyet bench mix [--requests 1500] [--seed 15]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import re
import statistics
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from nghiquyet.core.benchmark import throwaway_database


def _public_pages() -> list[tuple[str, str]]:
    """The load test's public pages, from the one list the locustfile reads too (the
    locustfile itself cannot be imported here: Locust patches the standard library)."""
    path = Path(__file__).parent / "loadtest" / "public_pages.py"
    spec = importlib.util.spec_from_file_location("bench_public_pages", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.PUBLIC_PAGES


PUBLIC_PAGES = _public_pages()

AGENCY = "Sở Tài chính tỉnh Đồng Tháp"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--requests", type=int, default=1500, help="requests of the mix measured")
    parser.add_argument("--seed", type=int, default=15, help="the mix's random draw")


def run(out: TextIO, requests: int = 1500, seed: int = 15) -> None:
    with throwaway_database(out, "Load-test mix, CPU and queries per request kind"):
        _measure(out, requests, seed)


class Recorder:
    """Each request's CPU milliseconds and queries, by the load test's request name."""

    def __init__(self) -> None:
        self.cpu: dict[str, list[float]] = defaultdict(list)
        self.queries: dict[str, list[int]] = defaultdict(list)
        self.statuses: dict[str, set[int]] = defaultdict(set)
        self.on = False

    def __call__(self, name: str, send: Callable[[], object]):
        with CaptureQueriesContext(connection) as captured:
            started = time.process_time()
            response = send()
            used = time.process_time() - started
        if self.on:
            self.cpu[name].append(used * 1000)
            self.queries[name].append(len(captured.captured_queries))
            self.statuses[name].add(response.status_code)
        return response


def _ids(pattern: str, text: str) -> list[int]:
    return sorted({int(found) for found in re.findall(pattern, text)})


class Mix:
    """The load test's users as test clients; each ``task`` is one of the locustfile's."""

    def __init__(self, record: Recorder, tokens: dict[str, str], rng: random.Random) -> None:
        self.record, self.tokens, self.rng = record, tokens, rng
        self.clients = {
            role: self._signed_in(f"dongthap_{role}") for role in ("leader", "reporter", "office")
        }
        self.public = Client(HTTP_ACCEPT_LANGUAGE="vi")
        self._set_up()

    @staticmethod
    def _signed_in(username: str) -> Client:
        from nghiquyet.core.demo import DEMO_PASSWORD

        client = Client(HTTP_ACCEPT_LANGUAGE="vi")
        answer = client.post(
            "/login/", {"username": username, "password": DEMO_PASSWORD}, secure=True
        )
        if answer.status_code != 302:
            raise RuntimeError(f"{username} could not sign in: {answer.status_code}")
        return client

    def _get(self, role: str, path: str, name: str):
        client = self.public if role == "public" else self.clients[role]
        return self.record(name, lambda: client.get(path, secure=True))

    def _api(self, method: str, path: str, name: str, body: dict | None = None):
        # The reporter's signed-in browser session goes along, as in the load test.
        client = self.clients["reporter"]
        headers = {"Authorization": f"Bearer {self.tokens['dongthap_reporter']}"}
        send = getattr(client, method.lower())
        if body is None:
            return self.record(name, lambda: send(path, headers=headers, secure=True))
        return self.record(
            name,
            lambda: send(
                path,
                data=json.dumps(body),
                content_type="application/json",
                headers=headers,
                secure=True,
            ),
        )

    def _set_up(self) -> None:
        listing = self._get("leader", "/targets/", "leader: resolutions").content.decode()
        self.dashboards = _ids(r"/targets/documents/(\d+)/", listing)
        reports = self._get("leader", "/reports/", "leader: reports").content.decode()
        self.reports = _ids(r"/reports/(\d+)/", reports)
        bodies = self._api("GET", "/api/orgs/bodies?limit=1000", "reporter API").json()
        agency = next(b["id"] for b in bodies if b["name"] == AGENCY)
        targets = self._api(
            "GET", f"/api/targets/targets?owner_id={agency}&limit=1000", "reporter API: targets"
        ).json()
        self.targets = [t["id"] for t in targets if t["period"] == "2026"]
        documents = self._get("public", "/api/documents/?limit=1000", "public API: documents")
        self.documents = [d["id"] for d in documents.json()]

    # Leader -----------------------------------------------------------------------------

    def dashboard(self) -> None:
        document = self.rng.choice(self.dashboards)
        self._get("leader", f"/targets/documents/{document}/", "leader: dashboard")

    def resolutions(self) -> None:
        self._get("leader", "/targets/", "leader: resolutions")

    def home(self) -> None:
        self._get("leader", "/", "leader: home (worklist)")

    def excel(self) -> None:
        document = self.rng.choice(self.dashboards)
        self._get("leader", f"/targets/documents/{document}/excel/", "leader: download .xlsx")

    def report(self) -> None:
        if self.reports:
            report = self.rng.choice(self.reports)
            self._get("leader", f"/reports/{report}/file.docx", "leader: download report .docx")

    # Reporter ---------------------------------------------------------------------------

    def figure_page(self) -> None:
        target = self.rng.choice(self.targets)
        self._get("reporter", f"/targets/{target}/", "reporter: target page")

    def figure_by_form(self) -> None:
        target = self.rng.choice(self.targets)
        self._get("reporter", f"/targets/{target}/report/", "reporter: figure form")
        value = f"{self.rng.randint(5000, 7000)},5"
        client = self.clients["reporter"]
        self.record(
            "reporter: send figure (form)",
            lambda: client.post(
                f"/targets/{target}/report/",
                {"period": "2026-Q4", "value": value},
                secure=True,
            ),
        )

    def figure_by_api(self) -> None:
        target = self.rng.choice(self.targets)
        listed = self._api("GET", f"/api/targets/targets/{target}/actuals", "reporter API: list")
        open_ = [a for a in listed.json() if a["status"] in {"draft", "returned"}]
        value = str(self.rng.randint(5000, 7000))
        if open_:
            self._api(
                "PATCH",
                f"/api/targets/actuals/{open_[0]['id']}",
                "reporter API: correct + submit",
                {"value": value, "submit": True},
            )
        else:
            self._api(
                "POST",
                f"/api/targets/targets/{target}/actuals",
                "reporter API: new draft",
                {"period": "2026-Q4", "value": value},
            )

    # Office -----------------------------------------------------------------------------

    def review(self) -> None:
        page = self._get("office", "/targets/review/", "office: review list").content.decode()
        waiting = _ids(r"/targets/actuals/(\d+)/approve/", page)
        if waiting:
            client, actual = self.clients["office"], self.rng.choice(waiting)
            self.record(
                "office: approve figure",
                lambda: client.post(f"/targets/actuals/{actual}/approve/", {}, secure=True),
            )

    def timeliness(self) -> None:
        self._get("office", "/targets/timeliness/", "office: timeliness")

    # Public -----------------------------------------------------------------------------

    def read(self) -> None:
        name, path = self.rng.choice(PUBLIC_PAGES)
        self._get("public", path.format(document=self.rng.choice(self.documents)), name)

    def users(self) -> list[tuple[int, list[tuple[int, Callable[[], None]]]]]:
        """The locustfile's users (weight) and their tasks (weight)."""
        return [
            (
                3,
                [
                    (10, self.dashboard),
                    (3, self.resolutions),
                    (2, self.home),
                    (1, self.excel),
                    (1, self.report),
                ],
            ),
            (3, [(3, self.figure_page), (2, self.figure_by_form), (4, self.figure_by_api)]),
            (1, [(3, self.review), (1, self.timeliness)]),
            (3, [(1, self.read)]),
        ]


def _load_demo() -> dict[str, str]:
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from django.utils import timezone

    from nghiquyet.api.services import api_token_create
    from nghiquyet.core.demo import demo_load

    demo_load(as_of=timezone.localdate())
    call_command("verify_verdicts", fix=True, verbosity=0)
    tokens = {}
    for username in ("dongthap_reporter", "dongthap_office"):
        _token, raw = api_token_create(
            user=get_user_model().objects.get(username=username), name="bench"
        )
        tokens[username] = raw
    return tokens


def _measure(out: TextIO, requests: int, seed: int) -> None:
    started = time.perf_counter()
    tokens = _load_demo()
    out.write(f"  demo loaded in {time.perf_counter() - started:.1f} s\n")
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    record = Recorder()
    rng = random.Random(seed)
    mix = Mix(record, tokens, rng)
    users = mix.users()
    # A first pass fills the caches a running server has warm; the second is measured.
    for measured in (False, True):
        record.on = measured
        done = 0
        while done < (requests if measured else requests // 5):
            _weights, tasks = rng.choices(users, weights=[w for w, _t in users])[0]
            _weight, task = rng.choices(tasks, weights=[w for w, _t in tasks])[0]
            before = sum(len(v) for v in record.cpu.values())
            task()
            done += sum(len(v) for v in record.cpu.values()) - before if measured else 1
    _print(out, record)


def _print(out: TextIO, record: Recorder) -> None:
    total_cpu = sum(sum(v) for v in record.cpu.values())
    total = sum(len(v) for v in record.cpu.values())
    out.write(f"  load average {os.getloadavg()[0]:.2f}; {total} requests measured\n")
    out.write(
        f"  {'request kind':<34}{'share':>6}{'CPU ms':>8}{'p95':>7}{'queries':>8}"
        f"{'% CPU':>7}  answers\n"
    )
    for name in sorted(record.cpu, key=lambda n: -sum(record.cpu[n])):
        cpu, queries = record.cpu[name], record.queries[name]
        cuts = statistics.quantiles(cpu, n=20)[18] if len(cpu) > 1 else cpu[0]
        out.write(
            f"  {name:<34}{len(cpu) * 100 / total:>5.1f}%{statistics.mean(cpu):>8.1f}"
            f"{cuts:>7.1f}{statistics.mean(queries):>8.1f}"
            f"{sum(cpu) * 100 / total_cpu:>6.1f}%  {sorted(record.statuses[name])}\n"
        )
    out.write(f"  mean over the mix: {total_cpu / total:.1f} ms of CPU per request\n")
