"""Rows an import inserts in bulk: built, saved and given their history as one by one."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import Model

from nghiquyet.core.bulk import bulk_insert_with_history, new_row
from nghiquyet.targets.models import Actual, Target

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


def test_a_target_built_for_an_import_is_the_instance_the_constructor_builds(resolution):
    built = new_row(Target, {"document": resolution}, period="2024", value=Decimal("8.5"))
    constructed = Target(document=resolution, period="2024", value=Decimal("8.5"))
    assert columns(built) == columns(constructed)
    assert built.document is resolution
