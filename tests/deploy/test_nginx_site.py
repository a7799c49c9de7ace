"""The shipped nginx site (deploy/nginx/nghiquyet.conf) is valid and lets every upload in.

nginx refuses a body over ``client_max_body_size`` with 413 before the site sees it, so
the limit must admit the largest file any page accepts, and not much more: past it,
nginx is what keeps a huge upload from reaching a worker.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from nghiquyet.documents.services import ATTACHMENT_MAX_BYTES
from nghiquyet.reports.word_template import TEMPLATE_MAX_BYTES
from nghiquyet.targets.services import EVIDENCE_MAX_BYTES
from nghiquyet.targets.upload_text import MAX_UPLOAD_BYTES
from nghiquyet.tasks.services import EVIDENCE_MAX_MB
from servers import DEPLOY

SITE = DEPLOY / "nginx" / "nghiquyet.conf"
MB = 1024 * 1024
NGINX = shutil.which("nginx") or next(
    (p for p in ("/usr/sbin/nginx", "/sbin/nginx") if Path(p).exists()), None
)
OPENSSL = shutil.which("openssl")


def body_size_limit() -> int:
    [value] = re.findall(r"client_max_body_size\s+(\d+)m;", SITE.read_text())
    return int(value) * MB


def test_nginx_admits_the_largest_upload_the_site_accepts():
    largest = max(
        ATTACHMENT_MAX_BYTES,
        EVIDENCE_MAX_BYTES,
        EVIDENCE_MAX_MB * MB,
        settings.TARGETS_IMPORT_MAX_BYTES,
        TEMPLATE_MAX_BYTES,
        MAX_UPLOAD_BYTES,
    )
    assert largest < body_size_limit() <= largest + 10 * MB


def test_nginx_waits_for_the_server_longer_than_gunicorn_lets_a_request_run():
    text = SITE.read_text()
    gunicorn = (DEPLOY / "gunicorn.conf.py").read_text()
    [read] = re.findall(r"proxy_read_timeout\s+(\d+)s;", text)
    [timeout] = re.findall(r'"GUNICORN_TIMEOUT", (\d+)\)', gunicorn)
    assert int(read) > int(timeout)


def test_requests_to_the_server_are_buffered_and_carry_the_scheme():
    text = SITE.read_text()
    assert "proxy_request_buffering on;" in text
    assert "proxy_set_header X-Forwarded-Proto $scheme;" in text
    assert "return 301 https://$host$request_uri;" in text


def tls_certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for the site's name, valid one day."""
    cert, key = folder / "fullchain.pem", folder / "privkey.pem"
    request = "req -x509 -newkey rsa:2048 -nodes -days 1 -subj /CN=nghiquyet.dongthap.gov.vn"
    subprocess.run(
        [OPENSSL, *request.split(), "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


@pytest.mark.skipif(NGINX is None, reason="nginx is not installed (apt-get install nginx)")
@pytest.mark.skipif(OPENSSL is None, reason="openssl is not installed (apt-get install openssl)")
def test_nginx_accepts_the_shipped_site_with_a_certificate_in_place(tmp_path):
    cert, key = tls_certificate(tmp_path)
    site = (
        SITE.read_text()
        .replace("/etc/nghiquyet/tls/fullchain.pem", str(cert))
        .replace("/etc/nghiquyet/tls/privkey.pem", str(key))
    )
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\n{site}\n}}\n"
    )
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr
