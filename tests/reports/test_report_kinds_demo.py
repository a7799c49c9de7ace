"""Every kind of review, generated from the demo province's live records.

The expected statuses are those the targets app's dashboard selector gives for the
same period, so the report can never disagree with the dashboard.
"""

import pytest

from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.render import render_docx, render_pdf
from nghiquyet.reports.services import report_create
from nghiquyet.targets.dashboard import document_summary_sentence, target_rows

pytestmark = pytest.mark.django_db

KINDS = [
    ("2024-Q2", "quarter", "quý II/2024"),
    ("2024-H1", "six_months", "6 tháng đầu năm 2024"),
    ("2024-9M", "nine_months", "9 tháng đầu năm 2024"),
    ("2024", "year", "năm 2024"),
    ("2020/2023", "mid_term", "sơ kết giữa nhiệm kỳ"),
    ("2020/2025", "end_of_term", "tổng kết nhiệm kỳ"),
]


@pytest.mark.parametrize(("period", "kind", "title_words"), KINDS)
def test_each_kind_of_review_carries_the_heading_the_results_and_the_summary(
    demo, demo_reports, read_docx, read_pdf, period, kind, title_words
):
    resolution = demo_reports[("TU", "2024")].resolution
    report = report_create(
        user=demo.office,
        body=demo.bodies["tinh_uy"],
        resolution=resolution,
        period=period,
        kind=kind,
    )
    content = report_content(report=report, user=demo.office)
    expected = [
        row.status.label("vi")
        for row in target_rows(user=demo.office, document=resolution, period=period)
    ]
    assert len(expected) == 14

    lines, tables = read_docx(render_docx(content))
    for line in ("ĐẢNG BỘ TỈNH ĐỒNG THÁP", "TỈNH ỦY", "ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO"):
        assert line in lines
    assert any(title_words in line for line in lines)
    results = next(t for t in tables if t[0][:2] == ["TT", "Chỉ tiêu"])
    assert [row[5] for row in results[1:]] == expected
    sentence = document_summary_sentence(
        user=demo.office, document=resolution, period=period, language="vi"
    )
    assert content.summary_sentence == sentence
    assert sentence in lines

    text = read_pdf(render_pdf(content))
    for phrase in (
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Tỷ lệ bao phủ bảo hiểm y tế",
    ):
        assert phrase in text
    assert " ".join(sentence.split()) in text


def test_the_year_report_of_the_demo_judges_what_the_agencies_reported(demo, demo_reports):
    content = report_content(report=demo_reports[("TU", "2024")], user=demo.office)
    assert content.summary.total == 14
    assert content.summary.met >= 1 and content.summary.not_achieved >= 1
    estimated = [row for row in content.target_rows if row.estimate]
    assert estimated and all(row.actual.endswith("(ước)") for row in estimated)
    assert any(row.startswith("Chỉ tiêu") and "chưa đạt" in row for row in content.limitations)
    assert [point.period for point in content.trend][-1] == "năm 2024"


def test_the_peoples_committee_report_is_in_the_state_format(demo, demo_reports, read_docx):
    content = report_content(report=demo_reports[("UBND", "2024")], user=demo.office)
    lines, _tables = read_docx(render_docx(content))
    for line in ("ỦY BAN NHÂN DÂN", "TỈNH ĐỒNG THÁP", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"):
        assert line in lines
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in lines
