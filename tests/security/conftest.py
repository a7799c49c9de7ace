"""Two provinces with their own resolution, target and approved figure, and the admin's forms.

The Đồng Tháp office (the ``office`` persona) is the one trying its luck; Lai Châu's
records are what it must not touch. ``admin_form`` reads a form the admin serves, with
its inlines, so a test changes one value and posts everything else as a browser would.
"""

import datetime as dt
from dataclasses import dataclass
from typing import Any

import pytest
from django import forms
from django.db.models import Model
from django.test import Client
from django.utils import translation

from nghiquyet.documents.models import Document, DocumentKind
from nghiquyet.documents.services import document_create
from nghiquyet.orgs.personas import ProvinceSetup
from nghiquyet.targets import services
from nghiquyet.targets.models import Actual, Direction, Indicator, Kind, Sector, Target


@dataclass
class Records:
    """What one province's office has entered: a public resolution, a target, a figure."""

    setup: ProvinceSetup
    resolution: Document
    indicator: Indicator
    target: Target
    approved: Actual


def records_of(setup: ProvinceSetup, symbol: str) -> Records:
    office = setup.office
    resolution = document_create(
        user=office,
        kind=DocumentKind.NGHI_QUYET,
        symbol=symbol,
        issuer=setup.bodies["tinh_uy"],
        issued_on=dt.date(2024, 12, 10),
        status=Document.Status.ADOPTED,
        is_public=True,
        title=f"Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội tỉnh {setup.province.short_name}"
        " năm 2025",
    )
    indicator = services.indicator_create(
        user=office,
        province=setup.province,
        name="Thu ngân sách nội địa",
        unit="tỷ đồng",
        kind=Kind.LEVEL,
        direction=Direction.MORE_IS_BETTER,
        sector=Sector.ECONOMY,
    )
    target = services.target_create(
        user=office,
        document=resolution,
        indicator=indicator,
        comparator=">",
        value="6000",
        period="2025",
        owner=setup.bodies["so_tai_chinh"],
        source_text="thu ngân sách nội địa trên 6.000 tỷ đồng",
    )
    figure = services.actual_create(user=office, target=target, period="2025", value="6210.5")
    approved = services.actual_approve(user=office, actual=figure)
    return Records(setup, resolution, indicator, target, approved)


@pytest.fixture(autouse=True)
def vietnamese():
    """The admin answers in Vietnamese, the site's language, whatever ran before."""
    with translation.override("vi"):
        yield


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def home(dongthap) -> Records:
    return records_of(dongthap, "01-NQ/TU")


@pytest.fixture
def foreign(laichau) -> Records:
    """Lai Châu's records: public, so the Đồng Tháp office reads them and changes none."""
    return records_of(laichau, "02-NQ/TU")


@pytest.fixture
def office_client(office, client_for) -> Client:
    return client_for(office)


@pytest.fixture
def root(django_user_model):
    return django_user_model.objects.create_superuser("quantri", "quantri@tinhuy.vn", "root-pw-1")


def _posted(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, list | tuple):
        return [_posted(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def _fields_of(form, data: dict) -> None:
    for name in form.fields:
        value = form[name].value()
        if not value and isinstance(form.fields[name], forms.ModelMultipleChoiceField):
            continue
        if isinstance(value, bool):
            if value:
                data[form.add_prefix(name)] = "on"
            continue
        data[form.add_prefix(name)] = _posted(value)


def admin_form(client: Client, url: str) -> dict[str, Any]:
    """The values an admin add or change page would post back unchanged, inlines included."""
    response = client.get(url)
    assert response.status_code == 200, response.status_code
    data: dict[str, Any] = {}
    _fields_of(response.context["adminform"].form, data)
    for inline in response.context.get("inline_admin_formsets", []):
        formset = inline.formset
        existing = formset.initial_forms
        prefix = formset.prefix
        data[f"{prefix}-TOTAL_FORMS"] = str(len(existing))
        data[f"{prefix}-INITIAL_FORMS"] = str(len(existing))
        data[f"{prefix}-MIN_NUM_FORMS"] = "0"
        data[f"{prefix}-MAX_NUM_FORMS"] = "1000"
        for form in existing:
            _fields_of(form, data)
    return data


def add_inline_row(data: dict[str, Any], prefix: str, **values: Any) -> None:
    """Append one new row to the inline ``prefix`` of a form read by :func:`admin_form`."""
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    for name, value in values.items():
        data[f"{prefix}-{index}-{name}"] = _posted(value)
