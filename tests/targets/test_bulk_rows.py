"""Rows an import inserts in bulk: built, saved and given their history as one by one."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Model

from nghiquyet.core.bulk import (
    Upsert,
    _consecutive,
    bulk_insert_with_history,
    insert_values,
    new_row,
)
from nghiquyet.targets.models import Actual, Indicator, Target
from nghiquyet.targets.models_verdict import Verdict

pytestmark = pytest.mark.django_db

MOMENT = dt.datetime(2024, 7, 15, 8, 30, tzinfo=dt.UTC)


def columns(obj: Model) -> dict:
    return {field.attname: getattr(obj, field.attname) for field in obj._meta.concrete_fields}


def figure_values(office) -> dict:
    return {
        "period": "2024-H1",
        "value": Decimal("3120.5"),
        "is_estimate": True,
        "source": "Báo cáo của Sở Tài chính",
        "status": Actual.Status.APPROVED,
        "created_by_id": office.pk,
        "approved_by_id": office.pk,
        "approved_at": MOMENT,
    }


def test_a_row_built_for_an_import_is_the_instance_the_constructor_builds(office, revenue):
    built = new_row(Actual, {"target": revenue}, **figure_values(office))
    constructed = Actual(target=revenue, **figure_values(office))
    assert columns(built) == columns(constructed)
    assert built.target is revenue and built._state.adding and built._state.db is None


def test_rows_built_for_an_import_are_saved_with_their_history(office, revenue):
    rows = [
        new_row(Actual, {"target": revenue}, **{**figure_values(office), "period": period})
        for period in ("2024-Q1", "2024-Q2", "2024-H1")
    ]
    bulk_insert_with_history(Actual, rows, office)
    saved = Actual.objects.filter(target=revenue).order_by("pk")
    assert [(a.period, a.value, a.source) for a in saved] == [
        (period, Decimal("3120.5"), "Báo cáo của Sở Tài chính")
        for period in ("2024-Q1", "2024-Q2", "2024-H1")
    ]
    history = Actual.history.filter(target=revenue, history_type="+")
    assert sorted(history.values_list("id", "history_user")) == [(a.pk, office.pk) for a in saved]
    assert all(a.created_at is not None for a in saved)


def test_the_history_of_many_rows_names_each_new_row_once_and_no_other(office, revenue):
    before = new_row(Actual, {"target": revenue}, **{**figure_values(office), "period": "2023"})
    bulk_insert_with_history(Actual, [before], office)
    rows = [
        new_row(Actual, {"target": revenue}, **{**figure_values(office), "value": Decimal(n)})
        for n in range(1, 1201)
    ]
    bulk_insert_with_history(Actual, rows, office)
    history = Actual.history.filter(target=revenue, history_type="+").order_by("id")
    assert list(history.values_list("id", "value")) == [
        (before.pk, Decimal("3120.5")),
        *((row.pk, Decimal(n)) for n, row in enumerate(rows, start=1)),
    ]


@pytest.mark.parametrize(
    ("keys", "consecutive"),
    [([7], True), ([7, 8, 9], True), ([7, 9, 10], False), ([9, 8, 7], False), ([7, 8.0], False)],
)
def test_only_keys_that_follow_each_other_are_copied_as_one_range(keys, consecutive):
    assert _consecutive(keys) is consecutive


def test_a_target_built_for_an_import_is_the_instance_the_constructor_builds(resolution):
    built = new_row(Target, {"document": resolution}, period="2024", value=Decimal("8.5"))
    constructed = Target(document=resolution, period="2024", value=Decimal("8.5"))
    assert columns(built) == columns(constructed)
    assert built.document is resolution


def test_an_indicator_built_for_an_import_is_the_instance_the_constructor_builds(dongthap):
    fields = {"name": "Tỷ lệ xã đạt chuẩn nông thôn mới nâng cao", "unit": "%"}
    built = new_row(Indicator, {"province": dongthap.province}, **fields)
    constructed = Indicator(province=dongthap.province, **fields)
    assert columns(built) == columns(constructed)
    assert built.province is dongthap.province


@pytest.fixture
def revenue_unjudged(revenue):
    """The target without the verdicts its creation stored."""
    Verdict.objects.filter(target=revenue).delete()
    return revenue


def verdict_row(target: Target, period: str) -> dict:
    return {
        "target_id": target.pk,
        "document_id": target.document_id,
        "period": period,
        "computed_at": MOMENT,
        "status": "not_achieved",
        "completion": Decimal("97.50"),
        "figure": Decimal("5850.000"),
        "estimate": True,
        "progress": None,
        "to_date": False,
        "milestone": "",
        "rule_key": "more_is_better",
        "against": Decimal("6000"),
        "against_max": None,
        "pace": "",
        "trend": [["2024-H1", "3120.5", True], ["2024", "5850.000", True]],
    }


def stored_verdicts(target: Target) -> list[tuple]:
    return list(
        Verdict.objects.filter(target=target)
        .order_by("period")
        .values_list(*(f.attname for f in Verdict._meta.concrete_fields if not f.primary_key))
    )


def test_plain_rows_are_stored_as_bulk_create_stores_instances(revenue_unjudged):
    revenue = revenue_unjudged
    rows = [verdict_row(revenue, period) for period in ("2024", "2024-H1")]
    Verdict.objects.bulk_create(Verdict(**row) for row in rows)
    by_bulk_create = stored_verdicts(revenue)
    Verdict.objects.filter(target=revenue).delete()
    insert_values(Verdict, list(rows[0]), [tuple(row.values()) for row in rows])
    assert stored_verdicts(revenue) == by_bulk_create
    stored = Verdict.objects.get(target=revenue, period="2024")
    assert (str(stored.completion), stored.trend) == ("97.50", rows[0]["trend"])


def test_plain_rows_overwrite_the_rows_they_collide_with_when_asked(revenue_unjudged):
    revenue = revenue_unjudged
    row = verdict_row(revenue, "2024")
    insert_values(Verdict, list(row), [tuple(row.values())])
    again = {**row, "status": "achieved", "completion": Decimal("100.2")}
    upsert = Upsert(unique=["target", "period"], update=["status", "completion"])
    insert_values(Verdict, list(again), [tuple(again.values())], upsert=upsert)
    assert Verdict.objects.filter(target=revenue).values_list("status", "completion").get() == (
        "achieved",
        Decimal("100.2"),
    )


def test_many_plain_rows_sharing_values_are_stored_and_overwritten_row_by_row(revenue_unjudged):
    revenue = revenue_unjudged
    periods = ["2024-Q1", "2024-Q2", "2024-H1", "2024"]
    rows = [verdict_row(revenue, period) for period in periods[:3]]
    insert_values(Verdict, list(rows[0]), [tuple(row.values()) for row in rows])
    again = [
        {**verdict_row(revenue, period), "completion": Decimal(f"{n}.5")}
        for n, period in enumerate(periods, start=90)
    ]
    upsert = Upsert(unique=["target", "period"], update=["completion"])
    insert_values(Verdict, list(again[0]), [tuple(row.values()) for row in again], upsert=upsert)
    stored = Verdict.objects.filter(target=revenue).order_by("period")
    assert list(stored.values_list("period", "completion", "status", "trend")) == sorted(
        (period, Decimal(f"{n}.5"), "not_achieved", verdict_row(revenue, period)["trend"])
        for n, period in enumerate(periods, start=90)
    )


def test_plain_rows_that_leave_a_column_out_are_refused(revenue_unjudged):
    revenue = revenue_unjudged
    row = verdict_row(revenue, "2024")
    del row["trend"]
    with pytest.raises(TypeError, match="trend"):
        insert_values(Verdict, list(row), [tuple(row.values())])
    assert not Verdict.objects.filter(target=revenue).exists()
