"""Test personas, as in the demo: a province office clerk, an agency reporter and a
leader of Đồng Tháp, and the office clerk of another province (Lai Châu).

The administrative map is loaded once per test session from the real package data.
"""

import pytest
from django.conf import settings as django_settings
from django.core.cache import cache
from django.test import Client
from django.utils import translation

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.orgs.personas import ProvinceSetup, province_setup
from nghiquyet.orgs.places import places_load

PASSWORD = "persona-password-1"


def pytest_configure(config):
    """The test client and the live server speak plain HTTP: no redirect to HTTPS."""
    from django.conf import settings

    settings.SECURE_SSL_REDIRECT = False


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        places_load()


@pytest.fixture(autouse=True)
def test_settings(settings):
    """A fast password hash: the tests create many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language.

    A request in English leaves English active in the thread that served it, so
    without this a later test's Vietnamese messages would depend on test order.
    """
    with translation.override(django_settings.LANGUAGE_CODE):
        yield


IMMEDIATE_TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def immediate_tasks(settings):
    """Background tasks run inside the call that queues them, on Django's immediate backend.

    A task is queued once the transaction commits: in a test's transaction, wrap the
    call in ``django_capture_on_commit_callbacks(execute=True)``.
    """
    settings.TASKS = IMMEDIATE_TASKS


@pytest.fixture
def run_database_worker():
    """Run the tasks waiting in the database one by one, as ``nghiquyet db_worker`` does.

    Inside the test's transaction, with the command's own worker: the command itself
    closes the database connection between tasks, which on PostgreSQL would end the
    test's transaction. The real command runs as a process in
    ``tests/core/test_background_workers.py``. Returns how many tasks ran.
    """
    from django_tasks_db.management.commands.db_worker import Worker
    from django_tasks_db.models import DBTaskResult

    def run() -> int:
        worker = Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        )
        ran = 0
        while (result := DBTaskResult.objects.ready().get_locked()) is not None:
            result.claim(worker.worker_id)
            worker.run_task(result)
            ran += 1
        return ran

    return run


@pytest.fixture
def places(db):
    """The full map; transactional tests (browser) flush it, so they load it again."""
    from nghiquyet.orgs.models import Place

    if not Place.objects.exists():
        places_load()


@pytest.fixture
def password() -> str:
    """The password of every persona."""
    return PASSWORD


@pytest.fixture
def dongthap(places) -> ProvinceSetup:
    return province_setup("Đồng Tháp", username_prefix="dongthap", password=PASSWORD)


@pytest.fixture
def laichau(places) -> ProvinceSetup:
    return province_setup("Lai Châu", username_prefix="laichau", password=PASSWORD)


@pytest.fixture
def office(dongthap):
    return dongthap.users["office"]


@pytest.fixture
def reporter(dongthap):
    return dongthap.users["reporter"]


@pytest.fixture
def leader(dongthap):
    return dongthap.users["leader"]


@pytest.fixture
def outsider(laichau):
    """The office clerk of another province."""
    return laichau.users["office"]


@pytest.fixture
def client_for():
    """A logged-in test client for a persona."""

    def make(user) -> Client:
        client = Client()
        client.force_login(user)
        return client

    return make


@pytest.fixture
def resolution(dongthap):
    """Đồng Tháp's adopted resolution of the year, with no targets yet: tests add their own."""
    return Document.objects.create(
        kind=DocumentKind.NGHI_QUYET,
        symbol="12-NQ/TU",
        number="12",
        issuer=dongthap.bodies["tinh_uy"],
        province=dongthap.province,
        title="Nghị quyết về nhiệm vụ năm 2024",
        status=Document.Status.ADOPTED,
    )


@pytest.fixture
def shared_cache(settings):
    """A cache every server process shares, as Redis is in production: what the
    principal and the dashboards keep only there is kept."""
    settings.SHARED_CACHE = True
    cache.clear()
    yield
    cache.clear()
