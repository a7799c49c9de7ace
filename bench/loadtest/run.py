"""``make loadtest``: the production stack on this machine under a realistic mix of users.

Starts PostgreSQL in a temporary folder as ``.ci/run`` does (or, with DATABASE_URL,
a fresh database ``<name>_loadtest`` on that server), migrates it, loads the demo
province, collects the static files, starts gunicorn with the shipped configuration,
a background worker when the ``db_worker`` command exists and redis-server when it is
installed, then runs Locust headless through the steps of users (1, 8, 32, 64 by
default) and prints, per step, requests per second, p50 / p95 / p99 and errors for
every kind of request, the load average and how the CPU was shared between the web
server, PostgreSQL, the worker, Redis, Locust and the rest of the machine (which
other work on a shared machine takes). Everything it started is stopped and its files removed, also
on Ctrl+C. Prints figures; asserts nothing.

    python bench/loadtest/run.py [--users 1,8,32,64] [--duration 60] [--workers 3] [--threads 1]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
BIN = Path(sys.executable).parent
NQ = [str(BIN / "nghiquyet")]
#: The logins of the demo (``nghiquyet demo`` prints them).
DEMO_PASSWORD = "demo-nghiquyet-2024"
TOKEN_USERS = ["dongthap_reporter", "dongthap_office"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, what: str, seconds: int = 120) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if process.poll() is not None:
                raise SystemExit(f"{what} stopped at start (exit {process.returncode})") from None
            time.sleep(0.2)
    raise SystemExit(f"{what} did not answer on port {port} within {seconds} s")


@contextmanager
def process(command: list[str], log: Path, env: dict[str, str] | None = None) -> Iterator:
    """Run ``command`` in its own process group until the block ends, then stop it."""
    with log.open("w") as out:
        proc = subprocess.Popen(
            command, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    try:
        yield proc
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def as_postgres(command: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root: root runs it as the postgres user."""
    return ["runuser", "-u", "postgres", "--", *command] if os.geteuid() == 0 else command


@contextmanager
def postgres(folder: Path) -> Iterator[str]:
    """A PostgreSQL server of its own in ``folder``, as .ci/run starts one; yields its URL."""
    versions = sorted(Path("/usr/lib/postgresql").glob("*/bin"), key=lambda p: int(p.parent.name))
    if not versions:
        raise SystemExit(
            "PostgreSQL is not installed (apt-get install postgresql), or set DATABASE_URL"
        )
    pgbin, data, port = versions[-1], folder / "pgdata", free_port()
    data.mkdir()
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
        shutil.chown(data, "postgres")
    quiet = {"check": True, "stdout": subprocess.DEVNULL}
    initdb = [
        str(pgbin / "initdb"),
        "-D",
        str(data),
        "-U",
        "postgres",
        "--auth=trust",
        "-E",
        "UTF8",
    ]
    subprocess.run(as_postgres(initdb), **quiet)
    options = f"-p {port} -k {data} -c listen_addresses=127.0.0.1 -c max_connections=200"
    pg_ctl = [str(pgbin / "pg_ctl"), "-D", str(data)]
    subprocess.run(
        as_postgres([*pg_ctl, "-o", options, "-w", "-l", str(data / "log"), "start"]), **quiet
    )
    try:
        psql = [str(pgbin / "psql"), "-h", "127.0.0.1", "-p", str(port), "-U", "postgres", "-qc"]
        subprocess.run(as_postgres([*psql, "CREATE DATABASE nghiquyet"]), **quiet)
        yield f"postgres://postgres@127.0.0.1:{port}/nghiquyet"
    finally:
        subprocess.run(as_postgres([*pg_ctl, "-m", "fast", "stop"]), stdout=subprocess.DEVNULL)


@contextmanager
def database(folder: Path) -> Iterator[str]:
    """The given server's fresh ``<name>_loadtest`` database, or a server of our own."""
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        with postgres(folder) as url:
            yield url
        return
    import psycopg

    parts = urlsplit(given)
    name = parts.path.lstrip("/") + "_loadtest"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path=f"/{name}"))
    finally:
        with psycopg.connect(admin, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def command_exists(env: dict[str, str], name: str) -> bool:
    listed = subprocess.run([*NQ, "help", "--commands"], env=env, capture_output=True, text=True)
    return name in listed.stdout.split()


def prepare(env: dict[str, str]) -> dict[str, str]:
    """Migrate, collect the static files, load the demo; API tokens for the scripts."""
    for step in (["migrate", "--no-input", "-v0"], ["collectstatic", "--no-input", "-v0"]):
        subprocess.run([*NQ, *step], env=env, check=True)
    shown = subprocess.run([*NQ, "demo"], env=env, check=True, capture_output=True, text=True)
    logins = re.findall(r"^\s+(\w+)\s+–", shown.stdout, re.MULTILINE)
    tokens = {
        user: subprocess.run(
            [*NQ, "api_token", user, "--name", "loadtest"],
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
        for user in TOKEN_USERS
    }
    print(f"demo loaded: {len(logins)} logins; API tokens for {', '.join(tokens)}", flush=True)
    return tokens


def uptime() -> str:
    return subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip()


def cpu_line(cpu: dict[str, float], seconds: float, requests: int) -> str:
    """How many of the machine's cores each part kept busy during a step."""
    if not cpu:
        return "CPU: not measured"
    ours = {name: used for name, used in cpu.items() if name != "machine"}
    rest = max(cpu.get("machine", 0.0) - sum(ours.values()), 0.0)
    parts = ", ".join(f"{name} {used / seconds:.2f}" for name, used in ours.items())
    per_request = cpu.get("web", 0.0) * 1000 / max(requests, 1)
    return (
        f"CPU, cores busy of {os.cpu_count()}: {parts}, rest of the machine {rest / seconds:.2f}; "
        f"web server {per_request:.1f} ms of CPU per request"
    )


def print_table(results: dict) -> None:
    """One table per step: each request kind's throughput, latency and errors."""
    for step in results["steps"]:
        kinds, duration = step["kinds"], step["seconds"] or 1
        total = sum(k["count"] for k in kinds.values())
        errors = sum(k["errors"] for k in kinds.values())
        print(
            f"\n== {step['users']} users: {total / duration:.1f} req/s, "
            f"{errors} errors in {total} requests; load at the end: {step['load']}"
        )
        print(cpu_line(step.get("cpu", {}), duration, total))
        print(f"{'request kind':<34}{'req/s':>7}{'p50':>7}{'p95':>7}{'p99':>7}{'err':>6}{'ref':>6}")
        for name, k in sorted(kinds.items()):
            print(
                f"{name:<34}{k['count'] / duration:>7.1f}{k['p50']:>7.0f}{k['p95']:>7.0f}"
                f"{k['p99']:>7.0f}{k['errors']:>6}{k['refused']:>6}"
            )
    print("\n(times in ms; err: failed requests, 5xx or unexpected answers; ref: clear refusals")
    print(
        " of a write, e.g. two reporters editing one figure; logins happen in each step's warm-up"
    )
    print(" and are not counted)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", default="1,8,32,64", help="users at each step")
    parser.add_argument("--duration", type=int, default=60, help="seconds measured per step")
    parser.add_argument(
        "--warmup", type=int, default=60, help="at most this long for a step's users to sign in"
    )
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--threads", type=int, default=1, help="gunicorn threads per worker")
    args = parser.parse_args()
    steps = [int(n) for n in args.users.split(",")]

    with ExitStack() as stack:
        folder = Path(tempfile.mkdtemp(prefix="nghiquyet-loadtest-"))
        stack.callback(shutil.rmtree, folder, ignore_errors=True)
        url = stack.enter_context(database(folder))
        var_dir = folder / "var"
        port = free_port()
        env = {
            **os.environ,
            "DATABASE_URL": url,
            "NGHIQUYET_PRODUCTION": "1",
            "DEBUG": "0",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1",
            "NGHIQUYET_VAR_DIR": str(var_dir),
            "MEDIA_ROOT": str(var_dir / "media"),
            "STATIC_ROOT": str(var_dir / "static"),
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "GUNICORN_WORKERS": str(args.workers),
            "GUNICORN_THREADS": str(args.threads),
            "GUNICORN_ACCESS_LOG": "",
        }
        print(f"database: {url}", flush=True)
        tokens = prepare(env)
        # The processes whose CPU each step reports; PostgreSQL only when it is our own.
        watched: dict[str, int] = {}
        if (pidfile := folder / "pgdata" / "postmaster.pid").exists():
            watched["database"] = int(pidfile.read_text().split()[0])
        if redis := shutil.which("redis-server"):
            redis_port = free_port()
            server = stack.enter_context(
                process(
                    [redis, "--port", str(redis_port), "--bind", "127.0.0.1", "--save", ""],
                    folder / "redis.log",
                )
            )
            wait_for_port(redis_port, server, "redis-server")
            watched["redis"] = server.pid
            env["REDIS_URL"] = f"redis://127.0.0.1:{redis_port}/0"
            # gunicorn's processes share the portal's pages, rate limits and sessions.
            env["CACHE_URL"] = f"redis://127.0.0.1:{redis_port}/1"
            print(f"redis-server on port {redis_port}, the shared cache", flush=True)
        if command_exists(env, "db_worker"):
            worker = stack.enter_context(process([*NQ, "db_worker"], folder / "worker.log", env))
            watched["worker"] = worker.pid
            print("background worker: nghiquyet db_worker", flush=True)
        else:
            print("background worker: none (no db_worker command in this version)", flush=True)
        gunicorn = [str(BIN / "gunicorn"), "--config", str(ROOT / "deploy" / "gunicorn.conf.py")]
        server = stack.enter_context(
            process([*gunicorn, "nghiquyet.wsgi"], folder / "gunicorn.log", env)
        )
        wait_for_port(port, server, "gunicorn")
        watched["web"] = server.pid
        print(
            f"gunicorn: {args.workers} workers x {args.threads} threads on port {port}; {uptime()}",
            flush=True,
        )

        results = folder / "results.json"
        locust_env = {
            **env,
            "LOADTEST_STEPS": ",".join(map(str, steps)),
            "LOADTEST_DURATION": str(args.duration),
            "LOADTEST_WARMUP": str(args.warmup),
            "LOADTEST_RESULTS": str(results),
            "LOADTEST_PASSWORD": DEMO_PASSWORD,
            "LOADTEST_TOKENS": json.dumps(tokens),
            "LOADTEST_PROCESSES": json.dumps(watched),
        }
        total = len(steps) * (args.duration + args.warmup)
        print(
            f"locust: steps {steps}, {args.duration} s each after its users signed in", flush=True
        )
        locust = [str(BIN / "locust"), "-f", str(HERE / "locustfile.py"), "--headless"]
        options = "--only-summary --loglevel WARNING --stop-timeout 10"
        subprocess.run(
            [*locust, "--host", f"http://127.0.0.1:{port}", *options.split()],
            env=locust_env,
            check=False,
            timeout=total + 120,
        )
        if not results.exists():
            print((folder / "gunicorn.log").read_text()[-3000:])
            raise SystemExit("Locust wrote no results")
        print_table(json.loads(results.read_text()))
        server_log = (folder / "gunicorn.log").read_text()
        tracebacks = server_log.count("Traceback")
        print(
            f"\ngunicorn log: {tracebacks} tracebacks; workers timed out: "
            f"{server_log.count('WORKER TIMEOUT')}"
        )


if __name__ == "__main__":
    main()
