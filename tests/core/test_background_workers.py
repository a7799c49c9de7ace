"""Background work end to end: real worker processes take the jobs the site queues.

A fresh database (a SQLite file, or a new PostgreSQL database when the tests run on
PostgreSQL) gets the map and the demo province through the ``nghiquyet`` command;
the jobs are queued through the same services the pages call, in a separate
process, and a worker process runs them:

- the database backend and ``nghiquyet db_worker``, as one office runs it;
- the RQ backend on a Redis server of our own and ``nghiquyet rqworker``, as several
  worker machines do (skipped when Debian's ``redis-server`` is not installed).

The tests wait for the outcome with a generous bound so that a broken worker fails
the test instead of hanging the suite; they measure no speed.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from servers import redis_binary, redis_server

#: Long enough for a loaded two-core machine; only a worker that never ends a job hits it.
PATIENCE = 600

QUEUE_JOBS = r"""
import json
from io import BytesIO

from django.contrib.auth import get_user_model
from openpyxl import Workbook

from nghiquyet.reports.jobs import report_job_start
from nghiquyet.reports.models import Report
from nghiquyet.targets.jobs import targets_import_start

office = get_user_model().objects.get(username="dongthap_office")
province = office.membership.body.province
# The latest year review of the province's annual resolutions, and that resolution's targets.
report = (
    Report.objects.filter(body__province=province, kind="year", body__issuer_code="TU")
    .order_by("-period")
    .first()
)
resolution = report.resolution
year = f"Năm {report.period}"
book = Workbook()
sheet = book.active
sheet.append(["STT", "Chỉ tiêu", "Đơn vị tính", "Chỉ tiêu NQ", "Kỳ chỉ tiêu", year])
for n in range(1, ROWS + 1):
    sheet.append([n, f"Tỷ lệ hộ nghèo xã số {n} (QUEUE)", "%", "dưới 1,5", year, "1,4"])
buffer = BytesIO()
book.save(buffer)
jobs = {"report": report_job_start(user=office, report=report).pk}
if IMPORT:
    jobs["import"] = targets_import_start(
        user=office, document=resolution, data=buffer.getvalue(), name="xa.xlsx", rows=ROWS
    ).pk
print("JOBS=" + json.dumps(jobs))
"""


class Site:
    """A database of its own, driven through the ``nghiquyet`` command."""

    def __init__(self, env: dict[str, str]):
        self.env = env

    def command(self, *args: str, extra: dict[str, str] | None = None) -> str:
        done = subprocess.run(
            [sys.executable, "-m", "nghiquyet", *args],
            env={**self.env, **(extra or {})},
            capture_output=True,
            text=True,
            timeout=PATIENCE,
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout

    def worker(self, *args: str, extra: dict[str, str] | None = None) -> subprocess.Popen:
        return subprocess.Popen(
            [sys.executable, "-m", "nghiquyet", *args],
            env={**self.env, **(extra or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )

    def queue_jobs(self, *, rows: int, with_import: bool, extra: dict[str, str]) -> dict:
        script = QUEUE_JOBS.replace("ROWS", str(rows)).replace("QUEUE", extra["TASKS_BACKEND"])
        script = script.replace("IMPORT", str(with_import))
        out = self.command("shell", "--no-imports", "-c", script, extra=extra)
        return json.loads(out.split("JOBS=")[-1])

    def query(self, sql: str, *params) -> list[tuple]:
        url = urlparse(self.env["DATABASE_URL"])
        if url.scheme == "sqlite":
            with sqlite3.connect(url.path) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()
        import psycopg

        with psycopg.connect(self.env["DATABASE_URL"]) as db:
            return db.execute(sql, params).fetchall()

    def wait_for(self, job_id: int, worker: subprocess.Popen) -> tuple[str, str]:
        deadline = time.monotonic() + PATIENCE
        while time.monotonic() < deadline:
            status, error = self.query("SELECT status, error FROM core_job WHERE id = %s", job_id)[
                0
            ]
            if status in ("SUCCESSFUL", "FAILED"):
                return status, error
            assert worker.poll() is None, worker.stderr.read()[-3000:]
            time.sleep(1)
        pytest.fail(f"job {job_id} did not end within {PATIENCE} s")


def _postgres_database(url: str):
    """A new database beside the test database, dropped afterwards."""
    import psycopg

    parsed = urlparse(url)
    name = f"nq_workers_{os.getpid()}"
    admin = parsed._replace(path="/postgres").geturl()
    with psycopg.connect(admin, autocommit=True) as db:
        db.execute(f'DROP DATABASE IF EXISTS "{name}"')
        db.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        with psycopg.connect(admin, autocommit=True) as db:
            db.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return parsed._replace(path=f"/{name}").geturl(), drop


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("workers")
    base = os.environ.get("DATABASE_URL", "")
    drop = None
    if base.startswith("postgres"):
        url, drop = _postgres_database(base)
    else:
        url = f"sqlite:///{folder / 'nghiquyet.sqlite3'}"
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "MEDIA_ROOT": str(folder / "media"),
        "TASKS_BACKEND": "database",
    }
    site = Site(env)
    site.command("migrate", "--no-input", "-v0")
    site.command("load_places")
    site.command("demo")
    yield site
    if drop is not None:
        drop()


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        worker.send_signal(signal.SIGTERM)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            worker.kill()
            worker.wait()


def test_a_db_worker_process_generates_the_report_and_finishes_the_import(site):
    worker = site.worker("db_worker", "--interval", "0.5", "--no-reload")
    try:
        jobs = site.queue_jobs(rows=60, with_import=True, extra={"TASKS_BACKEND": "database"})
        assert site.wait_for(jobs["report"], worker) == ("SUCCESSFUL", "")
        assert site.wait_for(jobs["import"], worker) == ("SUCCESSFUL", "")
    finally:
        _stop(worker)
    (outcome,) = site.query("SELECT outcome FROM core_job WHERE id = %s", jobs["report"])[0]
    version_id = (json.loads(outcome) if isinstance(outcome, str) else outcome)["version_id"]
    (name,) = site.query("SELECT file FROM documents_documentversion WHERE id = %s", version_id)[0]
    word = Path(site.env["MEDIA_ROOT"]) / name
    assert word.read_bytes()[:2] == b"PK"
    imported = site.query(
        "SELECT COUNT(*) FROM targets_indicator WHERE name LIKE %s", "%(database)%"
    )[0][0]
    assert imported == 60
    # Besides the report and the import, approvals queue national summary refreshes; the
    # worker may stop before the last of those has run, but none may have failed.
    ran = site.query("SELECT task_path, status FROM django_tasks_database_dbtaskresult")
    assert "FAILED" not in {status for _path, status in ran}
    others = sorted(
        (path.rsplit(".", 1)[-1], status) for path, status in ran if "summary" not in path
    )
    assert others == [
        ("report_generate_task", "SUCCESSFUL"),
        ("targets_import_task", "SUCCESSFUL"),
    ]


@pytest.fixture
def redis_url(tmp_path):
    """A Redis server of the test's own on a free port of 127.0.0.1, stopped afterwards."""
    binary = redis_binary()
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with redis_server(binary, tmp_path) as url:
        yield url


def test_an_rq_worker_on_redis_generates_the_report_and_finishes_the_import(site, redis_url):
    rq = {"TASKS_BACKEND": "rq", "REDIS_URL": redis_url}
    worker = site.worker("rqworker", "--job-class", "django_tasks_rq.Job", "default", extra=rq)
    try:
        jobs = site.queue_jobs(rows=40, with_import=True, extra=rq)
        assert site.wait_for(jobs["report"], worker) == ("SUCCESSFUL", "")
        assert site.wait_for(jobs["import"], worker) == ("SUCCESSFUL", "")
    finally:
        _stop(worker)
    imported = site.query("SELECT COUNT(*) FROM targets_indicator WHERE name LIKE %s", "%(rq)%")
    assert imported[0][0] == 40
    task_ids = site.query(
        "SELECT task_result_id FROM core_job WHERE id IN (%s, %s)", *jobs.values()
    )
    assert all(len(task_id) > 10 for (task_id,) in task_ids)
