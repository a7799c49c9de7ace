"""The shipped systemd units (deploy/systemd) are valid and run what the README says.

``systemd-analyze verify`` reads each unit as systemd would and checks that the
programs it starts exist; the units name the install's paths under /opt/nghiquyet,
which here are this checkout's virtualenv.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from configparser import ConfigParser
from pathlib import Path

import pytest

from servers import DEPLOY

UNITS = DEPLOY / "systemd"
SYSTEMD_ANALYZE = shutil.which("systemd-analyze")


def unit(name: str) -> ConfigParser:
    parser = ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNITS / name)
    return parser


@pytest.mark.skipif(SYSTEMD_ANALYZE is None, reason="systemd-analyze is not installed")
def test_systemd_finds_nothing_wrong_in_the_units(tmp_path):
    venv_bin = f"{Path(sys.executable).parent}/"
    for source in UNITS.iterdir():
        text = source.read_text().replace("/opt/nghiquyet/.venv/bin/", venv_bin)
        name = source.name.replace("@.service", "@1.service")
        (tmp_path / name).write_text(text)
    names = sorted(p.name for p in tmp_path.iterdir())
    result = subprocess.run(
        [SYSTEMD_ANALYZE, "verify", *names], cwd=tmp_path, capture_output=True, text=True
    )
    assert (result.returncode, result.stderr) == (0, "")


def test_every_service_runs_as_the_service_user_with_the_server_settings():
    for path in UNITS.glob("*.service"):
        service = unit(path.name)["Service"]
        assert service["User"] == "nghiquyet", path.name
        assert service["EnvironmentFile"] == "/etc/nghiquyet/nghiquyet.env", path.name


def test_the_web_server_is_gunicorn_on_the_socket_nginx_reaches():
    service = unit("nghiquyet.service")
    assert (
        "gunicorn --config /opt/nghiquyet/deploy/gunicorn.conf.py nghiquyet.wsgi"
        in (service["Service"]["ExecStart"])
    )
    assert service["Unit"]["Requires"] == "nghiquyet.socket"
    socket = unit("nghiquyet.socket")["Socket"]["ListenStream"]
    assert f"server unix:{socket} " in (DEPLOY / "nginx" / "nghiquyet.conf").read_text()


def test_the_worker_and_the_reminders_run_their_commands_and_the_reminders_daily():
    worker = unit("nghiquyet-worker@.service")["Service"]["ExecStart"]
    assert worker.endswith("/bin/nghiquyet db_worker")
    assert unit("nghiquyet-remind.service")["Service"]["ExecStart"].endswith(
        "/bin/nghiquyet remind"
    )
    assert unit("nghiquyet-remind.timer")["Timer"]["OnCalendar"].startswith("*-*-* 07:00:00")
