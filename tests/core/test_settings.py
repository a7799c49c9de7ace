"""Settings are safe by default and fail loudly on bad values."""

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


@pytest.mark.parametrize(
    "name,value",
    [
        ("DEBUG", "perhaps"),
        ("DATABASE_URL", "nosuchdb://x"),
        ("FEEDBACK_COMMENT_RATE", "five a minute"),
    ],
)
def test_it_refuses_to_start_on_an_unparseable_setting(tmp_path, name, value):
    result = run_check(NGHIQUYET_VAR_DIR=str(tmp_path), **{name: value})
    assert result.returncode != 0
