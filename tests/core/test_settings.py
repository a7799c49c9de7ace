"""Settings are safe by default and fail loudly on bad values.

A production server (NGHIQUYET_PRODUCTION=1) starts only with what it cannot invent:
its secret key and its host names.
"""

import os
import subprocess
import sys

import pytest


def run_check(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        k: v
        for k, v in os.environ.items()
        if k not in {"DEBUG", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-m", "nghiquyet", "check", *args],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )


def test_deploy_check_passes_with_debug_off(tmp_path):
    result = run_check("--deploy", "--fail-level", "WARNING", NGHIQUYET_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr


def test_a_secret_key_is_generated_once_and_kept(tmp_path):
    run_check(NGHIQUYET_VAR_DIR=str(tmp_path))
    first = (tmp_path / "secret_key").read_text()
    run_check(NGHIQUYET_VAR_DIR=str(tmp_path))
    assert (tmp_path / "secret_key").read_text() == first
    assert len(first) >= 50


@pytest.mark.parametrize("name,value", [("DEBUG", "perhaps"), ("DATABASE_URL", "nosuchdb://x")])
def test_it_refuses_to_start_on_an_unparseable_setting(tmp_path, name, value):
    result = run_check(NGHIQUYET_VAR_DIR=str(tmp_path), **{name: value})
    assert result.returncode != 0


KEY = "a-production-key-of-the-province-0123456789-abcdefghijklmnopqrstuvwxyz"


def production(tmp_path, **env: str) -> dict[str, str]:
    return {
        "NGHIQUYET_PRODUCTION": "1",
        "NGHIQUYET_VAR_DIR": str(tmp_path),
        "ALLOWED_HOSTS": "nghiquyet.dongthap.gov.vn",
        "SECRET_KEY": KEY,
        **env,
    }


def test_a_production_server_refuses_to_start_without_a_secret_key(tmp_path):
    result = run_check(**production(tmp_path, SECRET_KEY=""))
    assert result.returncode != 0
    assert "Thiếu SECRET_KEY" in result.stderr
    assert "SECRET_KEY is not set" in result.stderr
    assert not (tmp_path / "secret_key").exists()


def test_a_production_server_refuses_to_start_without_its_host_names(tmp_path):
    result = run_check(**production(tmp_path, ALLOWED_HOSTS=""))
    assert result.returncode != 0
    assert "ALLOWED_HOSTS is not set" in result.stderr


def test_a_production_server_refuses_debug_mode(tmp_path):
    result = run_check(**production(tmp_path, DEBUG="1"))
    assert result.returncode != 0
    assert "DEBUG=1" in result.stderr


def test_a_configured_production_server_passes_the_deploy_check(tmp_path):
    result = run_check("--deploy", "--fail-level", "WARNING", **production(tmp_path))
    assert result.returncode == 0, result.stderr


def test_the_embedded_install_still_starts_with_no_configuration_at_all(tmp_path):
    result = run_check(NGHIQUYET_VAR_DIR=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "secret_key").exists()
