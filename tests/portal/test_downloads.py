"""The CSV, JSON and zip downloads hold exactly the published targets and approved figures."""

import csv
import io
import json
import zipfile
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from nghiquyet.portal.selectors import approved_figures
from nghiquyet.targets.models import Actual

pytestmark = pytest.mark.django_db


def rows_of(content: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))


def test_the_indicator_csv_lists_its_approved_figures_in_force(published):
    grdp = published.targets["grdp"]
    response = Client().get(reverse("portal:indicator_csv", args=[grdp.indicator.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = rows_of(response.content)
    # The estimate 8,6 was corrected by the official 8,7; the returned Q3 figure is absent.
    assert [(r["period"], Decimal(r["value"]), r["estimate"]) for r in rows] == [
        ("2024-H1", Decimal("7.9"), "false"),
        ("2024", Decimal("8.7"), "false"),
    ]
    assert {r["source"] for r in rows} == {"Cục Thống kê tỉnh Đồng Tháp"}
    assert {r["document_symbol"] for r in rows} == {"12-NQ/TU"}


def test_the_indicator_json_gives_each_commune_its_figure(published):
    indicator = published.targets["commune_a"].indicator
    data = json.loads(Client().get(reverse("portal:indicator_json", args=[indicator.pk])).content)
    assert data["indicator"] == "Số doanh nghiệp thành lập mới"
    by_place = {row["place"]: Decimal(row["value"]) for row in data["figures"]}
    assert by_place == {
        published.communes[0].name: Decimal("46"),
        published.communes[1].name: Decimal("19"),
    }


def test_the_zip_holds_every_published_target_and_approved_figure_and_nothing_else(published):
    response = Client().get(reverse("portal:data_zip"))
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    assert set(archive.namelist()) == {
        "resolutions.csv",
        "targets.csv",
        "figures.csv",
        "data.json",
    }
    resolutions = rows_of(archive.read("resolutions.csv"))
    assert [(r["symbol"], r["targets"]) for r in resolutions] == [("12-NQ/TU", "5")]
    targets = rows_of(archive.read("targets.csv"))
    assert {int(r["target_id"]) for r in targets} == {t.pk for t in published.targets.values()}
    figures = rows_of(archive.read("figures.csv"))
    approved = Actual.objects.filter(
        target__document=published.document, status=Actual.Status.APPROVED
    )
    assert {(int(r["target_id"]), r["period"], Decimal(r["value"])) for r in figures} == {
        (a.target_id, a.period, a.value) for a in approved
    }
    assert approved_figures().count() == len(figures) == 7
    data = json.loads(archive.read("data.json"))
    assert len(data["figures"]) == 7 and len(data["targets"]) == 5


def test_the_widgets_may_be_framed_by_other_sites_and_no_other_page_may(published):
    client = Client()
    widget = client.get(reverse("portal:embed_resolution", args=[published.document.pk]))
    assert "frame-ancestors *" in widget["Content-Security-Policy"]
    assert "X-Frame-Options" not in widget
    page = client.get(reverse("portal:resolution", args=[published.document.pk]))
    assert "frame-ancestors 'none'" in page["Content-Security-Policy"]
    assert page["X-Frame-Options"] == "DENY"
