"""The production web server as deploy/ ships it: gunicorn with the shipped configuration,
NGHIQUYET_PRODUCTION=1, static files collected and served by WhiteNoise."""

from __future__ import annotations

import gzip
import re
import runpy

from servers import DEPLOY, fetch

#: What nginx adds to every request it passes on after terminating TLS.
BEHIND_TLS = {"X-Forwarded-Proto": "https", "Accept-Language": "vi"}


def test_gunicorn_serves_the_home_page_in_vietnamese(site):
    page = fetch(site.url + "/", BEHIND_TLS)
    assert page.status == 200
    assert page.headers["Server"] == "gunicorn"
    assert "Đăng nhập" in page.body.decode()


def test_pages_link_static_files_by_their_hashed_names(site):
    html = fetch(site.url + "/", BEHIND_TLS).body.decode()
    assert re.search(r'/static/core/site\.[0-9a-f]{12}\.css"', html)


def test_a_hashed_static_file_is_served_compressed_from_static_root_for_a_year(site):
    html = fetch(site.url + "/", BEHIND_TLS).body.decode()
    path = re.search(r'/static/(core/site\.[0-9a-f]{12}\.css)"', html).group(1)
    asset = fetch(f"{site.url}/static/{path}", {**BEHIND_TLS, "Accept-Encoding": "gzip"})
    assert asset.status == 200
    assert asset.headers["Content-Type"].startswith("text/css")
    assert asset.headers["Content-Encoding"] == "gzip"
    cache = asset.headers["Cache-Control"]
    assert "immutable" in cache
    assert int(re.search(r"max-age=(\d+)", cache).group(1)) >= 365 * 24 * 3600
    assert gzip.decompress(asset.body) == (site.static_root / path).read_bytes()


def test_plain_http_is_sent_to_https(site):
    answer = fetch(site.url + "/", {"Accept-Language": "vi"})
    assert answer.status == 301
    assert answer.headers["Location"].startswith("https://127.0.0.1")


def test_behind_tls_cookies_are_secure_and_browsers_are_told_to_keep_to_https(site):
    login = fetch(site.url + "/login/", BEHIND_TLS)
    assert login.status == 200
    assert "Secure" in login.headers["Set-Cookie"]
    assert "max-age=31536000" in login.headers["Strict-Transport-Security"]


def test_a_host_name_not_configured_is_refused(site):
    answer = fetch(site.url + "/", {**BEHIND_TLS, "Host": "evil.example"})
    assert answer.status == 400


def shipped_settings(monkeypatch, **env: str) -> dict:
    """deploy/gunicorn.conf.py read as gunicorn reads it, under ``env``."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))


def test_the_server_runs_synchronous_processes_unless_threads_are_asked_for(monkeypatch):
    monkeypatch.delenv("GUNICORN_THREADS", raising=False)
    assert shipped_settings(monkeypatch)["worker_class"] == "sync"
    threaded = shipped_settings(monkeypatch, GUNICORN_THREADS="4")
    assert (threaded["worker_class"], threaded["threads"]) == ("gthread", 4)
