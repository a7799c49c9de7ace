"""The published data as files: an indicator as CSV or JSON, the province's whole data as a zip.

Files are data for reuse, so they use plain machine forms (dot decimals, ISO
dates, period codes) and stable English column names, whatever the page's
language; names of indicators, places and documents stay in Vietnamese. They
hold exactly what the pages show: published targets and approved figures.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable
from typing import Any

from nghiquyet.documents.models import Document
from nghiquyet.portal.selectors import (
    Series,
    approved_figures,
    published_resolutions,
    published_targets,
)

FIGURE_COLUMNS = [
    "document_symbol",
    "indicator",
    "unit",
    "place",
    "target_period",
    "comparator",
    "target_value",
    "target_value_max",
    "period",
    "value",
    "estimate",
    "source",
]
TARGET_COLUMNS = [
    "target_id",
    "document_id",
    "document_symbol",
    "indicator_id",
    "indicator",
    "sector",
    "unit",
    "place",
    "period",
    "comparator",
    "value",
    "value_max",
    "base_year",
    "base_value",
    "text",
]
RESOLUTION_COLUMNS = ["document_id", "symbol", "title", "kind", "issued_on", "province", "targets"]


def _number(value: Any) -> str:
    return "" if value is None else format(value, "f")


def series_records(series: Iterable[Series]) -> list[dict[str, str]]:
    """One record per approved figure of the targets in ``series``."""
    return [
        {
            "document_symbol": item.target.document.symbol,
            "indicator": item.target.indicator.name,
            "unit": item.target.unit,
            "place": item.target.place.name,
            "target_period": item.target.period,
            "comparator": item.target.comparator,
            "target_value": _number(item.target.value),
            "target_value_max": _number(item.target.value_max),
            "period": point.period.code,
            "value": _number(point.value),
            "estimate": "true" if point.estimate else "false",
            "source": point.source,
        }
        for item in series
        for point in item.points
    ]


def to_csv(records: list[dict[str, Any]], columns: list[str]) -> bytes:
    """CSV in UTF-8 with a byte-order mark, so that Excel reads Vietnamese letters right."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(records)
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def to_json(payload: Any) -> bytes:
    return json.dumps(payload, ensure_ascii=False, indent=1).encode("utf-8")


def _resolution_records(documents: list[Document]) -> list[dict[str, Any]]:
    return [
        {
            "document_id": document.pk,
            "symbol": document.symbol,
            "title": document.title,
            "kind": document.kind,
            "issued_on": document.issued_on.isoformat() if document.issued_on else "",
            "province": document.province.name,
            "targets": document.target_count,
        }
        for document in documents
    ]


def _target_records() -> list[dict[str, Any]]:
    targets = published_targets().select_related("document", "indicator", "place")
    return [
        {
            "target_id": target.pk,
            "document_id": target.document_id,
            "document_symbol": target.document.symbol,
            "indicator_id": target.indicator_id,
            "indicator": target.indicator.name,
            "sector": target.indicator.sector,
            "unit": target.unit,
            "place": target.place.name,
            "period": target.period,
            "comparator": target.comparator,
            "value": _number(target.value),
            "value_max": _number(target.value_max),
            "base_year": target.base_year or "",
            "base_value": _number(target.base_value),
            "text": target.source_text,
        }
        for target in targets.order_by("document", "position", "pk")
    ]


def _figure_records() -> list[dict[str, Any]]:
    figures = approved_figures().values_list(
        "target_id", "period", "value", "is_estimate", "source", "approved_at"
    )
    return [
        {
            "target_id": target_id,
            "period": period,
            "value": _number(value),
            "estimate": "true" if estimate else "false",
            "source": source,
            "approved_on": approved_at.date().isoformat() if approved_at else "",
        }
        for target_id, period, value, estimate, source, approved_at in figures
    ]


FIGURE_FILE_COLUMNS = ["target_id", "period", "value", "estimate", "source", "approved_on"]


def province_zip() -> bytes:
    """Every published resolution, target and approved figure, as CSV files and one JSON.

    ``figures.csv`` keeps every figure ever approved with its day of approval, so a
    corrected estimate shows beside its correction; the indicator files give the
    figure in force for each period only.
    """
    resolutions = _resolution_records(published_resolutions())
    targets = _target_records()
    figures = _figure_records()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("resolutions.csv", to_csv(resolutions, RESOLUTION_COLUMNS))
        archive.writestr("targets.csv", to_csv(targets, TARGET_COLUMNS))
        archive.writestr("figures.csv", to_csv(figures, FIGURE_FILE_COLUMNS))
        archive.writestr(
            "data.json",
            to_json({"resolutions": resolutions, "targets": targets, "figures": figures}),
        )
    return buffer.getvalue()
