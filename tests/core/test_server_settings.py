"""What a server with several processes shares: its cache (Redis through CACHE_URL),
the sessions kept in it, and the database connection each process keeps."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from servers import redis_binary, redis_server

SHOW = (
    "from django.conf import settings as s; d = s.DATABASES['default'];"
    "print(s.CACHES['default']['BACKEND'], s.SESSION_ENGINE.rsplit('.', 1)[1],"
    " d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'])"
)


def django(code: str, tmp_path, **env: str) -> str:
    """Run ``code`` with Django set up in a fresh process, with ``env``; its output."""
    environment = {k: v for k, v in os.environ.items() if k not in {"CACHE_URL", "CONN_MAX_AGE"}}
    environment.update({"NGHIQUYET_VAR_DIR": str(tmp_path), **env})
    script = f"import django; django.setup(); {code}"
    result = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        env={**environment, "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"},
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_the_embedded_install_keeps_its_cache_in_memory_and_sessions_in_the_database(tmp_path):
    assert django(f"{SHOW}", tmp_path).split() == [
        "django.core.cache.backends.locmem.LocMemCache",
        "db",
        "0",
        "True",
    ]


def test_an_empty_database_or_cache_url_in_the_environment_file_means_the_default(tmp_path):
    shown = django(
        f"{SHOW}; print(s.DATABASES['default']['ENGINE'])", tmp_path, DATABASE_URL="", CACHE_URL=" "
    ).split()
    assert shown == [
        "django.core.cache.backends.locmem.LocMemCache",
        "db",
        "0",
        "True",
        "django.db.backends.sqlite3",
    ]


def test_a_production_server_keeps_its_database_connection_between_requests(tmp_path):
    production = {
        "NGHIQUYET_PRODUCTION": "1",
        "SECRET_KEY": "a-production-key-of-the-province-0123456789-abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "nghiquyet.dongthap.gov.vn",
    }
    assert django(SHOW, tmp_path, **production).split()[2:] == ["600", "True"]
    assert django(SHOW, tmp_path, **production, CONN_MAX_AGE="0").split()[2] == "0"


def test_a_redis_cache_url_shares_the_cache_and_keeps_sessions_in_it(tmp_path):
    shown = django(SHOW, tmp_path, CACHE_URL="redis://127.0.0.1:6379/1").split()
    assert shown[:2] == ["nghiquyet.core.cache.RedisCache", "cached_db"]


CLIENTS_BUILT = (
    "import redis; built = []; init = redis.Redis.__init__;"
    "redis.Redis.__init__ = lambda self, *a, **k: built.append(1) or init(self, *a, **k);"
    "from django.core.cache import cache; cache.set('luot', 1);"
    "[cache.get('luot') for _ in range(10)]; cache.incr('luot');"
    "print(cache.get('luot'), cache.get_many(['luot', 'khong']), len(built))"
)


@pytest.fixture
def redis_url(tmp_path):
    """A redis-server of the test's own, as production runs one; the URL of its database 0."""
    binary = redis_binary()
    if binary is None:
        pytest.skip("redis-server is not installed (apt-get install redis-server)")
    with redis_server(binary, tmp_path) as url:
        yield url


def test_the_redis_cache_builds_one_client_for_all_its_calls(tmp_path, redis_url):
    shown = django(CLIENTS_BUILT, tmp_path, CACHE_URL=redis_url.replace("/0", "/2"))
    # Fourteen calls answered right by one client; Django's own backend built fourteen.
    assert shown == "2 {'luot': 2} 1"


PORTAL_PAGE = (
    "from nghiquyet.portal.cache import cached, invalidate; "
    "print(cached('progress', 1, build=lambda: '{built}')); {then}"
)


def test_an_approval_in_one_server_process_empties_the_portal_page_in_another(tmp_path, redis_url):
    shared = {"CACHE_URL": redis_url.replace("/0", "/1")}

    def process(built: str, then: str = "") -> str:
        return django(PORTAL_PAGE.format(built=built, then=then), tmp_path, **shared)

    assert process("Tiến độ 50%") == "Tiến độ 50%"
    # Another process serves the page the first one built.
    assert process("Tiến độ 75%", then="invalidate()") == "Tiến độ 50%"
    # The invalidation in that process reached every process.
    assert process("Tiến độ 75%") == "Tiến độ 75%"
