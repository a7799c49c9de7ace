"""The shipped nginx site (deploy/nginx/nghiquyet.conf) is valid and lets every upload in.

nginx refuses a body over ``client_max_body_size`` with 413 before the site sees it, so
the limit must admit the largest file any page accepts, and not much more: past it,
nginx is what keeps a huge upload from reaching a worker.
"""

from __future__ import annotations

import http.client
import os
import re
import shutil
import ssl
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from nghiquyet.documents.services import ATTACHMENT_MAX_BYTES
from nghiquyet.reports.word_template import TEMPLATE_MAX_BYTES
from nghiquyet.targets.services import EVIDENCE_MAX_BYTES
from nghiquyet.targets.upload_text import MAX_UPLOAD_BYTES
from nghiquyet.tasks.services import EVIDENCE_MAX_MB
from servers import DEPLOY, fetch, free_port, serving

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


def nginx_conf(folder: Path, site: str) -> Path:
    """A main nginx.conf around ``site`` that keeps every file nginx writes in ``folder``."""
    cert, key = tls_certificate(folder)
    site = site.replace("/etc/nghiquyet/tls/fullchain.pem", str(cert)).replace(
        "/etc/nghiquyet/tls/privkey.pem", str(key)
    )
    temp = " ".join(
        f"{kind}_temp_path {folder}/{kind};" for kind in ("client_body", "proxy", "fastcgi")
    )
    # Run by root, nginx's workers would become nobody, who cannot read the test's folders.
    user = "user root;\n" if os.geteuid() == 0 else ""
    main = folder / "nginx.conf"
    main.write_text(
        f"{user}pid {folder}/nginx.pid;\nerror_log {folder}/error.log;\nevents {{}}\n"
        f"http {{\ninclude /etc/nginx/mime.types;\naccess_log off;\n{temp}\n{site}\n}}\n"
    )
    return main


needs_nginx = pytest.mark.skipif(
    NGINX is None or OPENSSL is None,
    reason="nginx or openssl is not installed (apt-get install nginx openssl)",
)


@needs_nginx
def test_nginx_accepts_the_shipped_site_with_a_certificate_in_place(tmp_path):
    main = nginx_conf(tmp_path, SITE.read_text())
    result = subprocess.run(
        [NGINX, "-t", "-p", str(tmp_path), "-c", str(main)], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "test is successful" in result.stderr


NAME = "nghiquyet.dongthap.gov.vn"


@pytest.fixture(scope="module")
def proxy(site, tmp_path_factory):
    """nginx with the shipped site in front of the production gunicorn, on free ports."""
    folder = tmp_path_factory.mktemp("nginx")
    http_port, https_port = free_port(), free_port()
    text = SITE.read_text()
    text = re.sub(r"\n\s*listen \[::\]:\d+[^;]*;", "", text)
    text = (
        text.replace("listen 80;", f"listen 127.0.0.1:{http_port};")
        .replace("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl")
        .replace("unix:/run/nghiquyet/gunicorn.sock", f"127.0.0.1:{site.port}")
        .replace("/var/lib/nghiquyet/static/", f"{site.static_root}/")
    )
    main = nginx_conf(folder, text)
    command = [NGINX, "-p", str(folder), "-c", str(main), "-g", "daemon off;"]
    with serving(command, dict(os.environ), folder / "nginx.log", https_port):
        yield http_port, https_port


def tls() -> ssl.SSLContext:
    """Encrypted as a browser's link is; the test's own certificate is not checked."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


@needs_nginx
def test_nginx_sends_plain_http_to_https(proxy):
    http_port, _ = proxy
    answer = fetch(f"http://127.0.0.1:{http_port}/documents/", {"Host": NAME})
    assert answer.status == 301
    assert answer.headers["Location"] == f"https://{NAME}/documents/"


@needs_nginx
def test_nginx_passes_pages_to_the_site_which_knows_it_is_behind_tls(proxy):
    _, https_port = proxy
    page = fetch(f"https://127.0.0.1:{https_port}/login/", {"Host": NAME}, context=tls())
    assert page.status == 200
    assert "Đăng nhập" in page.body.decode()
    assert "Secure" in page.headers["Set-Cookie"]
    assert "Strict-Transport-Security" in page.headers


@needs_nginx
def test_nginx_serves_hashed_static_files_itself_compressed_and_cached_a_year(proxy, site):
    _, https_port = proxy
    base = f"https://127.0.0.1:{https_port}"
    html = fetch(base + "/", {"Host": NAME}, context=tls()).body.decode()
    path = re.search(r'(/static/core/site\.[0-9a-f]{12}\.css)"', html).group(1)
    asset = fetch(base + path, {"Host": NAME, "Accept-Encoding": "gzip"}, context=tls())
    assert asset.status == 200
    assert asset.headers["Server"] == "nginx"
    assert "Content-Security-Policy" not in asset.headers  # not passed on to the site
    assert asset.headers["Content-Encoding"] == "gzip"
    assert "max-age=31536000" in asset.headers["Cache-Control"]
    assert "immutable" in asset.headers["Cache-Control"]


@needs_nginx
def test_nginx_refuses_an_upload_over_its_limit_before_the_site_reads_it(proxy):
    _, https_port = proxy
    connection = http.client.HTTPSConnection("127.0.0.1", https_port, context=tls(), timeout=30)
    connection.putrequest("POST", "/documents/new/", skip_host=True)
    connection.putheader("Host", NAME)
    connection.putheader("Content-Type", "multipart/form-data; boundary=x")
    connection.putheader("Content-Length", str(body_size_limit() + MB))
    connection.endheaders()
    assert connection.getresponse().status == 413
    connection.close()
