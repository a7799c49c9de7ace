"""The production stack of deploy/, started once for the deploy tests: gunicorn with the
shipped configuration on a migrated database, NGHIQUYET_PRODUCTION=1, static files
collected into STATIC_ROOT."""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from servers import NQ, free_port, gunicorn_command, production_env, serving


@dataclass
class Site:
    url: str
    port: int
    static_root: Path


@pytest.fixture(scope="session")
def site(tmp_path_factory):
    var_dir = tmp_path_factory.mktemp("production")
    static_root = var_dir / "static"
    env = production_env(
        var_dir,
        "_deploy",
        NGHIQUYET_PRODUCTION="1",
        ALLOWED_HOSTS="127.0.0.1,nghiquyet.dongthap.gov.vn",
        SECURE_SSL_REDIRECT="1",
        STATIC_ROOT=str(static_root),
    )
    subprocess.run([*NQ, "collectstatic", "--no-input", "-v0"], env=env, check=True)
    port = free_port()
    command = gunicorn_command(env, port, workers=2)
    with serving(command, env, var_dir / "gunicorn.log", port) as url:
        yield Site(url, port, static_root)
