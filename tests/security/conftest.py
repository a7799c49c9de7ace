"""Security tests: a production-like server in a subprocess, on a database of its own.

The test database of SQLite lives in memory with a shared cache, where locks behave
unlike a real file: concurrency is only meaningful against a real server on a real
file (or on the PostgreSQL server named by DATABASE_URL, in a database of its own).
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

import pytest

HERE = Path(__file__).resolve().parent
CSRF = "c" * 32


@dataclass
class Answer:
    status: int
    body: bytes


@dataclass
class LiveSite:
    url: str
    data: dict

    def request(
        self,
        method: str,
        path: str,
        *,
        key: str | None = None,
        session: str | None = None,
        json_body: dict | None = None,
        form: dict | None = None,
    ) -> Answer:
        """One request as a browser or a script sends it; never raises on an HTTP status."""
        headers = {"Accept-Language": "vi"}
        body = None
        if key:
            headers["Authorization"] = f"Bearer {key}"
        if session:
            headers["Cookie"] = f"sessionid={session}; csrftoken={CSRF}"
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": CSRF}).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(req, timeout=120) as response:
                return Answer(response.status, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _server_database(var_dir: Path) -> dict[str, str]:
    """The server's own database: a file in ``var_dir``, or ``<name>_live`` on PostgreSQL."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return {"DATABASE_URL": f"sqlite:///{var_dir / 'live.sqlite3'}"}
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/") + "_live"
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    return {"DATABASE_URL": urlunsplit(parts._replace(path=f"/{name}"))}


NQ = [sys.executable, "-m", "nghiquyet"]


def production_env(var_dir: Path) -> dict[str, str]:
    """The environment of a production install in ``var_dir``, on a fresh, migrated database."""
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECURE_SSL_REDIRECT": "0",
        "NGHIQUYET_VAR_DIR": str(var_dir),
        "MEDIA_ROOT": str(var_dir / "media"),
        "SECRET_KEY": "live-server-secret-key-for-the-security-tests",
        **_server_database(var_dir),
    }
    subprocess.run([*NQ, "migrate", "--no-input", "-v0"], env=env, check=True)
    return env


@pytest.fixture
def cli_env(tmp_path) -> dict[str, str]:
    """Runs ``nghiquyet`` commands as an operator would, on a database of their own."""
    return production_env(tmp_path)


@pytest.fixture(scope="module")
def live_site(tmp_path_factory):
    """Migrate, fill and serve a fresh database; yields the site, stops the server after."""
    var_dir = tmp_path_factory.mktemp("live")
    log = var_dir / "server.log"
    env = production_env(var_dir)
    nq = NQ
    filled = subprocess.run(
        [sys.executable, str(HERE / "live_setup.py")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(filled.stdout.strip().splitlines()[-1])
    port = _free_port()
    with log.open("w") as out:
        server = subprocess.Popen(
            [*nq, "runserver", f"127.0.0.1:{port}", "--noreload", "--skip-checks"],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    site = LiveSite(url=f"http://127.0.0.1:{port}", data=data)
    try:
        for _ in range(600):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if server.poll() is not None:
                    raise RuntimeError(log.read_text()) from None
                time.sleep(0.1)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=30)
