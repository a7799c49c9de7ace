"""Real servers in subprocesses, configured as a production install is.

The test database of SQLite lives in memory with a shared cache, where locks behave
unlike a real file, and no other process can reach it: what a server does under load,
behind its own settings, is only seen against a real server on a database of its own
(a file in a temporary folder, or ``<name>_live`` on the PostgreSQL named by
DATABASE_URL).
"""

from __future__ import annotations

import os
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
NQ = [sys.executable, "-m", "nghiquyet"]
GUNICORN = [sys.executable, "-m", "gunicorn"]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_database(var_dir: Path, suffix: str = "_live") -> dict[str, str]:
    """The server's own database: a file in ``var_dir``, or ``<name><suffix>`` on PostgreSQL
    (servers alive at the same time take different suffixes)."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return {"DATABASE_URL": f"sqlite:///{var_dir / 'live.sqlite3'}"}
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + suffix
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}


def production_env(var_dir: Path, suffix: str = "_live", **extra: str) -> dict[str, str]:
    """The environment of a production install in ``var_dir``, on a fresh, migrated database."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "NGHIQUYET_VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(var_dir / "media"),
        "SECRET_KEY": "live-server-secret-key-for-the-security-tests",
        **server_database(var_dir, suffix),
        **extra,
    }
    subprocess.run([*NQ, "migrate", "--no-input", "-v0"], env=env, check=True)
    return env


def wait_for_port(port: int, server: subprocess.Popen, log: Path) -> None:
    """Return once the server accepts connections; its log if it died first."""
    for _ in range(1200):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            if server.poll() is not None:
                raise RuntimeError(log.read_text()) from None
            time.sleep(0.1)
    raise RuntimeError(f"no server on port {port} after two minutes:\n{log.read_text()}")


@contextmanager
def serving(command: list[str], env: dict[str, str], log: Path, port: int) -> Iterator[str]:
    """Run ``command`` until the block ends; yields its base URL once it answers."""
    with log.open("w") as out:
        server = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_for_port(port, server, log)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=60)


def gunicorn_command(env: dict[str, str], port: int, workers: int) -> list[str]:
    """gunicorn with the shipped configuration, on ``port`` with ``workers`` processes."""
    env.update({"GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_WORKERS": str(workers)})
    return [*GUNICORN, "--config", str(DEPLOY / "gunicorn.conf.py"), "nghiquyet.wsgi"]


def runserver_command(port: int) -> list[str]:
    return [*NQ, "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"]


@dataclass
class Fetched:
    status: int
    headers: dict[str, str]
    body: bytes


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(
    url: str,
    headers: dict[str, str],
    *,
    data: bytes | None = None,
    context: ssl.SSLContext | None = None,
) -> Fetched:
    """One request; the answer whatever its status, redirects not followed."""
    request = urllib.request.Request(url, headers=headers, data=data)
    handlers: list = [_NoRedirect()]
    if context is not None:
        handlers.append(urllib.request.HTTPSHandler(context=context))
    try:
        with urllib.request.build_opener(*handlers).open(request, timeout=60) as response:
            return Fetched(response.status, dict(response.headers), response.read())
    except urllib.error.HTTPError as error:
        return Fetched(error.code, dict(error.headers), error.read())


def redis_binary() -> str | None:
    """Debian's redis-server, if installed."""
    import shutil

    found = shutil.which("redis-server")
    return found or ("/usr/bin/redis-server" if os.path.exists("/usr/bin/redis-server") else None)


@contextmanager
def redis_server(binary: str, folder: Path) -> Iterator[str]:
    """A Redis server of the caller's own on a free port of 127.0.0.1; yields its URL."""
    import redis

    port = free_port()
    options = ["--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
    server = subprocess.Popen(
        [binary, *options, "--dir", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        client = redis.Redis(host="127.0.0.1", port=port)
        deadline = time.monotonic() + 30
        while True:
            try:
                client.ping()
                break
            except redis.ConnectionError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise RuntimeError("redis-server did not start") from None
                time.sleep(0.2)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        server.terminate()
        server.wait(timeout=30)
