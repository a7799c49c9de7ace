"""Report content built from the evaluation core on real figures: seed 001's 14 targets.

Đồng Tháp's 2024 resolution (seed 001) sets 14 main targets; the actuals below are
plausible six-month and year figures, chosen so that every status appears.
"""

import datetime as dt
import io

import pytest

from nghiquyet.evaluation import (
    Comparator,
    Direction,
    Kind,
    Observation,
    TargetSpec,
    judge,
    summarize,
    summary_sentence,
)
from nghiquyet.reports.content import (
    AgencyRow,
    ReportContent,
    ReportKind,
    TrendPoint,
    assessment_draft,
    limitations_from,
    target_row,
)
from nghiquyet.reports.heading import Issuer, header_for, recipients_for, signature_for

#: Seed 001's 14 main targets as its gold record reads them (indicator, comparator, value,
#: unit); kept here so that the report tests run without the seed articles, and checked
#: against the gold by test_content.py when the seeds are present.
SEED_001_TARGETS = [
    ("GRDP tăng trưởng", ">=", 8.5, "%"),
    ("GRDP bình quân đầu người", ">", 88, "triệu đồng"),
    ("tỷ trọng nông, lâm nghiệp, thủy sản", "~", 27, "%"),
    ("công nghiệp – xây dựng", ">", 36, "%"),
    ("dịch vụ", ">", 30, "%"),
    ("thuế sản phẩm", ">", 5, "%"),
    ("tổng vốn đầu tư toàn xã hội", "=", 34000, "tỷ đồng"),
    ("phát triển mới doanh nghiệp", "=", 520, "doanh nghiệp"),
    ("tỷ lệ đô thị hóa", ">", 31, "%"),
    ("thu ngân sách nội địa", ">", 6000, "tỷ đồng"),
    ("tạo việc làm mới", "=", 23000, "lao động"),
    ("tỷ lệ hộ được sử dụng điện", "=", 99.7, "%"),
    ("xã, phường, thị trấn vững mạnh về quốc phòng - an ninh", ">", 98, "%"),
    ("tỷ lệ bao phủ bảo hiểm y tế", "=", 94.95, "%"),
]

#: indicator → (year actual, estimate?); None: no figure reported yet.
ACTUALS = {
    "GRDP tăng trưởng": (7.2, True),
    "GRDP bình quân đầu người": (90.4, False),
    "tỷ trọng nông, lâm nghiệp, thủy sản": (27.3, False),
    "công nghiệp – xây dựng": (35.1, False),
    "dịch vụ": (31.2, False),
    "thuế sản phẩm": (5.4, False),
    "tổng vốn đầu tư toàn xã hội": (35100, True),
    "phát triển mới doanh nghiệp": (410, False),
    "tỷ lệ đô thị hóa": (31.5, False),
    "thu ngân sách nội địa": (6350, False),
    "tạo việc làm mới": (23500, False),
    "tỷ lệ hộ được sử dụng điện": (99.7, False),
    "xã, phường, thị trấn vững mạnh về quốc phòng - an ninh": (None, False),
    "tỷ lệ bao phủ bảo hiểm y tế": (93.1, False),
}
KINDS = {"GRDP tăng trưởng": Kind.GROWTH}


def seed_targets() -> list[dict]:
    keys = ("indicator", "comparator", "value", "unit")
    return [dict(zip(keys, row, strict=True)) for row in SEED_001_TARGETS]


def seed_judgements():
    judged = []
    for target in seed_targets():
        spec = TargetSpec(
            comparator=Comparator(target["comparator"]),
            value=target["value"],
            unit=target["unit"],
            direction=Direction.MORE_IS_BETTER,
            kind=KINDS.get(target["indicator"], Kind.LEVEL),
        )
        value, estimate = ACTUALS[target["indicator"]]
        observations = [] if value is None else [Observation(value=value, estimate=estimate)]
        judged.append((target["indicator"], judge(spec, observations)))
    return judged


def seed_content(kind: ReportKind = ReportKind.YEAR, issuer_kind: str = "party_committee"):
    judged = seed_judgements()
    rows = [target_row(n, name, j) for n, (name, j) in enumerate(judged, start=1)]
    summary = summarize(j for _, j in judged)
    sentence = summary_sentence(summary)
    agencies = [
        AgencyRow("Sở Tài chính", total=6, done=4, in_progress=1, late=1, not_done=1),
        AgencyRow("Sở Y tế", total=4, done=2, in_progress=2, late=0, unchecked=1),
        AgencyRow("Sở Công Thương", total=5, done=2, in_progress=1, late=2, slow_coordination=2),
    ]
    names = {
        "party_committee": "Tỉnh ủy Đồng Tháp",
        "peoples_committee": "Ủy ban nhân dân tỉnh Đồng Tháp",
        "department": "Sở Tài chính tỉnh Đồng Tháp",
    }
    codes = {"party_committee": "TU", "peoples_committee": "UBND", "department": "STC"}
    issuer = Issuer(issuer_kind, names[issuer_kind], codes[issuer_kind], "Đồng Tháp")
    signature = signature_for(issuer)
    resolution = "Nghị quyết số 15-NQ/TU ngày 12/12/2023 của Tỉnh ủy về nhiệm vụ năm 2024"
    period = "năm 2024"
    return ReportContent(
        kind=kind,
        header=header_for(issuer, number="45", issued_on=dt.date(2024, 12, 5)),
        subtitle=kind.subtitle(resolution, period),
        period_label=period,
        resolution_label=resolution,
        introduction=f"Thực hiện {resolution}, Ban Thường vụ Tỉnh ủy báo cáo như sau:",
        assessment=assessment_draft(kind, period, resolution, summary, sentence),
        target_rows=rows,
        summary=summary,
        summary_sentence=sentence,
        agency_rows=agencies,
        limitations=limitations_from(rows, agencies),
        next_tasks=[
            "Tập trung tháo gỡ khó khăn, đẩy nhanh giải ngân vốn đầu tư công.",
            "Khắc phục tình trạng “4 không” trong thực hiện nhiệm vụ được giao.",
        ],
        trend=[TrendPoint("Quý I", 5, 14), TrendPoint("6 tháng", 8, 14), TrendPoint("Năm", 10, 14)],
        signer_capacity=signature.capacity,
        signer_title=signature.title,
        signer_name="Lê Quốc Bình",
        recipients=recipients_for(issuer),
    )


@pytest.fixture
def seed_001_targets() -> list[dict]:
    return seed_targets()


@pytest.fixture
def content():
    return seed_content()


@pytest.fixture(autouse=True)
def report_settings(settings, tmp_path, immediate_tasks):
    """Tasks run inside the call, and generated files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def demo(places):
    """The demo province with every app's demo records, as ``make demo`` loads it."""
    from nghiquyet.core.demo import demo_load

    home, _other = demo_load()
    return home


@pytest.fixture
def demo_reports(demo):
    """The reviews the reports demo defines: Tỉnh ủy H1 and year, UBND year of 2024, and
    the term's nine-month, mid-term and end-of-term reviews."""
    from nghiquyet.reports.models import Report

    return {
        (report.body.issuer_code, report.period): report
        for report in Report.objects.select_related("body")
    }


def docx_text(data: bytes) -> tuple[list[str], list[list[list[str]]]]:
    """The paragraphs of a Word file (table cells included) and its tables as rows of cells."""
    from docx import Document as WordDocument

    document = WordDocument(io.BytesIO(data))
    lines = [p.text for p in document.paragraphs]
    tables = []
    for table in document.tables:
        rows = [[cell.text for cell in row.cells] for row in table.rows]
        tables.append(rows)
        lines += [p.text for row in table.rows for cell in row.cells for p in cell.paragraphs]
    return lines, tables


def pdf_text(data: bytes) -> str:
    """The text of a PDF as pypdf reads it back, lines joined by spaces."""
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture
def read_docx():
    return docx_text


@pytest.fixture
def read_pdf():
    return pdf_text


@pytest.fixture
def make_content():
    """Seed 001's report for a kind and an issuing body kind."""
    return seed_content
