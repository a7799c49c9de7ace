"""Fixtures of the security tests.

Two provinces with their own resolution, target and approved figure, and the admin's
forms: the Đồng Tháp office (the ``office`` persona) is the one trying its luck; Lai
Châu's records are what it must not touch. ``admin_form`` reads a form the admin serves,
with its inlines, so a test changes one value and posts everything else as a browser would.

``live_site`` is a production-like server in a subprocess, on a database of its own
(tests/servers.py says why), served by runserver and by gunicorn.
"""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

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
from servers import free_port, gunicorn_command, production_env, runserver_command, serving


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


HERE = Path(__file__).resolve().parent
CSRF = "c" * 32


@dataclass
class Answer:
    status: int
    body: bytes


@dataclass
class LiveSite:
    url: str
    data: dict

    def request(
        self,
        method: str,
        path: str,
        *,
        key: str | None = None,
        session: str | None = None,
        json_body: dict | None = None,
        form: dict | None = None,
    ) -> Answer:
        """One request as a browser or a script sends it; never raises on an HTTP status."""
        headers = {"Accept-Language": "vi"}
        body = None
        if key:
            headers["Authorization"] = f"Bearer {key}"
        if session:
            headers["Cookie"] = f"sessionid={session}; csrftoken={CSRF}"
        if json_body is not None:
            body = json.dumps(json_body).encode()
            headers["Content-Type"] = "application/json"
        if form is not None:
            body = urlencode({**form, "csrfmiddlewaretoken": CSRF}).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        req = urllib.request.Request(self.url + path, data=body, method=method, headers=headers)
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(req, timeout=120) as response:
                return Answer(response.status, response.read())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read())


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


@pytest.fixture
def cli_env(tmp_path) -> dict[str, str]:
    """Runs ``nghiquyet`` commands as an operator would, on a database of their own."""
    return production_env(tmp_path)


@pytest.fixture(scope="module", params=["runserver", "gunicorn"])
def live_site(request, tmp_path_factory):
    """Migrate, fill and serve a fresh database; yields the site, stops the server after.

    Served twice: by Django's development server (one process, a thread per request),
    and by gunicorn with the shipped configuration and three processes, where writers
    in separate processes meet only in the database.
    """
    var_dir = tmp_path_factory.mktemp("live")
    env = production_env(var_dir)
    filled = subprocess.run(
        [sys.executable, str(HERE / "live_setup.py")],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    data = json.loads(filled.stdout.strip().splitlines()[-1])
    port = free_port()
    command = (
        gunicorn_command(env, port, workers=3)
        if request.param == "gunicorn"
        else runserver_command(port)
    )
    with serving(command, env, var_dir / "server.log", port) as url:
        yield LiveSite(url=url, data=data)
