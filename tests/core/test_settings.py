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


def test_an_unknown_task_backend_is_refused_with_the_choices(tmp_path):
    result = run_check(NGHIQUYET_VAR_DIR=str(tmp_path), TASKS_BACKEND="celery")
    assert result.returncode != 0
    assert "TASKS_BACKEND must be one of database, rq, immediate" in result.stderr


def test_the_redis_queue_is_chosen_by_the_environment_and_passes_the_checks(tmp_path):
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "nghiquyet",
            "shell",
            "--no-imports",
            "-c",
            "from django_tasks import task_backends; from django_rq import get_queue;"
            "print(type(task_backends['default']).__name__, get_queue('default').connection"
            ".connection_pool"
            ".connection_kwargs['port'])",
        ],
        capture_output=True,
        text=True,
        env={
            **os.environ,
            "NGHIQUYET_VAR_DIR": str(tmp_path),
            "TASKS_BACKEND": "rq",
            "REDIS_URL": "redis://127.0.0.1:6390/0",
        },
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["RQBackend", "6390"]
    assert run_check(NGHIQUYET_VAR_DIR=str(tmp_path), TASKS_BACKEND="rq").returncode == 0


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
