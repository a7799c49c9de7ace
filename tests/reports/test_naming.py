"""A review's title and file names in the reader's language, Vietnamese or English, unmixed.

The six kinds of review each named in both languages; then the names a reader
actually gets from the pages, the API and a generated draft, in each language.
"""

import re

import pytest
from django.conf import settings

from nghiquyet.documents.models import Document
from nghiquyet.reports.models import Report
from nghiquyet.reports.naming import report_file_name, report_title

NAMES = [
    (
        "quarter",
        "2024-Q2",
        "Báo cáo kết quả quý II/2024",
        "bao-cao-ket-qua-quy-ii-2024-35-nq-tu",
        "Quarterly review, Q2 2024",
        "quarterly-review-q2-2024-35-nq-tu",
    ),
    (
        "six_months",
        "2024-H1",
        "Báo cáo sơ kết 6 tháng đầu năm 2024",
        "bao-cao-so-ket-6-thang-dau-nam-2024-35-nq-tu",
        "Six-month review, first half of 2024",
        "six-month-review-first-half-of-2024-35-nq-tu",
    ),
    (
        "nine_months",
        "2024-9M",
        "Báo cáo kết quả 9 tháng đầu năm 2024",
        "bao-cao-ket-qua-9-thang-dau-nam-2024-35-nq-tu",
        "Nine-month review, first nine months of 2024",
        "nine-month-review-first-nine-months-of-2024-35-nq-tu",
    ),
    (
        "year",
        "2024",
        "Báo cáo tổng kết năm 2024",
        "bao-cao-tong-ket-nam-2024-35-nq-tu",
        "Year-end review, 2024",
        "year-end-review-2024-35-nq-tu",
    ),
    (
        "mid_term",
        "2020/2023",
        "Báo cáo sơ kết giữa nhiệm kỳ 2020–2023",
        "bao-cao-so-ket-giua-nhiem-ky-2020-2023-35-nq-tu",
        "Mid-term review, term 2020–2023",
        "mid-term-review-term-2020-2023-35-nq-tu",
    ),
    (
        "end_of_term",
        "2020/2025",
        "Báo cáo tổng kết nhiệm kỳ 2020–2025",
        "bao-cao-tong-ket-nhiem-ky-2020-2025-35-nq-tu",
        "End-of-term review, term 2020–2025",
        "end-of-term-review-term-2020-2025-35-nq-tu",
    ),
]
#: Words of the other language that must never appear in a name.
ENGLISH_WORDS = {"review", "month", "year", "term", "quarterly", "half", "first", "nine"}
VIETNAMESE_WORDS = {"bao", "cao", "thang", "nam", "quy", "nhiem", "ky", "ket", "qua", "so"}


@pytest.mark.parametrize(("kind", "period", "vi_title", "vi_file", "en_title", "en_file"), NAMES)
def test_each_review_is_named_wholly_in_vietnamese_or_wholly_in_english(
    kind, period, vi_title, vi_file, en_title, en_file
):
    report = Report(kind=kind, period=period, resolution=Document(symbol="35-NQ/TU"))
    assert report_title(report, "vi") == vi_title
    assert report_title(report, "en") == en_title
    assert report_file_name(report, "docx", "vi") == f"{vi_file}.docx"
    assert report_file_name(report, "pdf", "en") == f"{en_file}.pdf"
    assert not ENGLISH_WORDS & set(vi_file.split("-"))
    assert not VIETNAMESE_WORDS & set(en_file.split("-"))


def test_a_review_of_every_resolution_of_the_term_is_named_without_a_number():
    report = Report(kind="end_of_term", period="2020/2025")
    assert report_file_name(report, "docx", "vi") == "bao-cao-tong-ket-nhiem-ky-2020-2025.docx"


def in_language(client, language: str):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def attachment_name(response) -> str:
    return re.search(r'filename="([^"]+)"', response["Content-Disposition"])[1]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "title", "name"),
    [
        ("vi", "Báo cáo kết quả 9 tháng đầu năm 2024", "bao-cao-ket-qua-9-thang-dau-nam-2024"),
        (
            "en",
            "Nine-month review, first nine months of 2024",
            "nine-month-review-first-nine-months-of-2024",
        ),
    ],
)
def test_the_pages_the_api_and_a_generated_draft_name_the_review_in_the_readers_language(
    demo,
    demo_reports,
    client_for,
    language,
    title,
    name,
    immediate_tasks,
    django_capture_on_commit_callbacks,
):
    resolution = demo_reports[("TU", "2024")].resolution
    report = Report.objects.create(
        body=demo.bodies["tinh_uy"], resolution=resolution, period="2024-9M", kind="nine_months"
    )
    client = in_language(client_for(demo.office), language)
    expected = f"{name}-{resolution.symbol.lower().replace('/', '-')}"
    assert title in client.get("/reports/").content.decode()
    assert f"<h1>{title}</h1>" in client.get(f"/reports/{report.pk}/").content.decode()
    for output in ("docx", "pdf"):
        response = client.get(f"/reports/{report.pk}/file.{output}")
        assert attachment_name(response) == f"{expected}.{output}"
    api = client.get(f"/api/reports/{report.pk}/file", {"format": "pdf"})
    assert attachment_name(api) == f"{expected}.pdf"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/reports/{report.pk}/generate/")
    report.refresh_from_db()
    version = report.document.versions.get()
    assert version.file.name.rsplit("/", 1)[-1].startswith(expected)
    assert version.file.name.endswith(".docx")
