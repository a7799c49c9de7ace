"""Reads go to the replica when one is configured, writes and transactions to the primary.

The ``replica`` alias is set up here as Django's test runner sets up a TEST MIRROR
(the alias settings define when DATABASE_REPLICA_URL is given): a second connection
to the test database. The tests are transactional, so what one connection commits the
other reads, as a standby does once it has replayed the primary.
"""

import os
import subprocess
import sys
from decimal import Decimal

import pytest
from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.test.utils import CaptureQueriesContext

from nghiquyet.core.routers import REPLICA, ReplicaRouter
from nghiquyet.targets import dashboard, services
from nghiquyet.targets.models import Actual, Indicator, Target


@pytest.fixture(scope="module")
def replica(django_db_setup):
    """A ``replica`` alias mirroring the test database, removed after the module."""
    primary = connections[DEFAULT_DB_ALIAS].settings_dict
    connections.settings[REPLICA] = {**primary, "TEST": {**primary["TEST"], "MIRROR": "default"}}
    connections[REPLICA].creation.set_as_test_mirror(primary)
    yield REPLICA
    connections[REPLICA].close()
    del connections[REPLICA]
    del connections.settings[REPLICA]


@pytest.fixture
def figures(replica, places, dongthap, resolution):
    """A target of Đồng Tháp's resolution with an approved figure for 2024, committed."""
    office = dongthap.users["office"]
    indicator = Indicator.objects.create(
        name="Tỷ lệ hộ nghèo theo chuẩn nghèo đa chiều",
        unit="%",
        province=dongthap.province,
        direction="less_is_better",
    )
    target = services.target_create(
        user=office,
        document=resolution,
        indicator=indicator,
        comparator="<=",
        value="1,5",
        period="2024",
    )
    actual = services.actual_create(user=office, target=target, period="2024", value="1,2")
    services.actual_approve(user=office, actual=actual)
    return office, target


def queries_on(alias: str) -> CaptureQueriesContext:
    return CaptureQueriesContext(connections[alias])


pytestmark = pytest.mark.django_db(transaction=True, databases=[DEFAULT_DB_ALIAS, REPLICA])


def test_a_selector_outside_a_transaction_reads_the_replica(figures, resolution):
    office, target = figures
    with queries_on(DEFAULT_DB_ALIAS) as on_primary, queries_on(REPLICA) as on_replica:
        verdicts = dashboard.target_verdicts(user=office, document=resolution, period="2024")
    assert [verdict.target_id for verdict in verdicts] == [target.pk]
    assert verdicts[0].judgement.status == "exceeded"
    assert len(on_replica) > 0
    assert len(on_primary) == 0


def test_a_selector_inside_a_transaction_reads_the_primary(figures, resolution):
    office, target = figures
    with (
        queries_on(DEFAULT_DB_ALIAS) as on_primary,
        queries_on(REPLICA) as on_replica,
        transaction.atomic(),
    ):
        verdicts = dashboard.target_verdicts(user=office, document=resolution, period="2024")
    assert [verdict.target_id for verdict in verdicts] == [target.pk]
    assert len(on_primary) > 0
    assert len(on_replica) == 0


def test_a_service_writes_and_reads_on_the_primary_only(figures):
    office, target = figures
    with queries_on(DEFAULT_DB_ALIAS) as on_primary, queries_on(REPLICA) as on_replica:
        actual = services.actual_create(user=office, target=target, period="2024", value="1,1")
    assert len(on_replica) == 0
    assert any(query["sql"].startswith("INSERT") for query in on_primary.captured_queries)
    assert Actual.objects.using(DEFAULT_DB_ALIAS).get(pk=actual.pk).value == Decimal("1.1")


def test_a_plain_save_goes_to_the_primary(figures):
    _office, target = figures
    with queries_on(REPLICA) as on_replica:
        Target.objects.filter(pk=target.pk).update(source_text="Giảm tỷ lệ hộ nghèo còn 1,5%")
        target.refresh_from_db(using=DEFAULT_DB_ALIAS)
    assert len(on_replica) == 0
    assert target.source_text == "Giảm tỷ lệ hộ nghèo còn 1,5%"


def test_without_a_replica_the_router_leaves_reads_to_the_default(monkeypatch):
    monkeypatch.delitem(connections.settings, REPLICA, raising=False)
    assert ReplicaRouter().db_for_read(Target) is None
    assert ReplicaRouter().db_for_write(Target) == DEFAULT_DB_ALIAS


def test_sessions_stay_on_the_primary(replica):
    from django.contrib.sessions.models import Session

    assert ReplicaRouter().db_for_read(Session) is None
    assert ReplicaRouter().db_for_read(Target) == REPLICA


def test_the_replica_is_never_migrated(replica):
    assert ReplicaRouter().allow_migrate(REPLICA, "targets") is False
    assert ReplicaRouter().allow_migrate(DEFAULT_DB_ALIAS, "targets") is None


def settings_databases(**env: str) -> str:
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_REPLICA_URL"}
    environment.update(env)
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps({a: [d['NAME'], d['TEST'].get('MIRROR')] "
        "for a, d in settings.DATABASES.items()}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**environment, "DJANGO_SETTINGS_MODULE": "nghiquyet.settings"},
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_a_replica_url_adds_a_replica_alias_mirrored_in_tests(tmp_path):
    output = settings_databases(
        NGHIQUYET_VAR_DIR=str(tmp_path),
        DATABASE_REPLICA_URL="postgres://reader:secret@standby.example:5432/nghiquyet",
    )
    assert '"replica": ["nghiquyet", "default"]' in output


def test_without_a_replica_url_there_is_only_the_default_alias(tmp_path):
    output = settings_databases(NGHIQUYET_VAR_DIR=str(tmp_path))
    assert '"replica"' not in output
    assert '"default"' in output
