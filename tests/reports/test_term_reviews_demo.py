"""The term demo's nine-month, mid-term and end-of-term reports read as real reviews."""

import pytest

from nghiquyet.reports.assemble import report_content
from nghiquyet.reports.models import Report
from nghiquyet.targets import demo_term

pytestmark = pytest.mark.django_db


@pytest.fixture
def term_reports(demo):
    return {
        report.period: report
        for report in Report.objects.filter(resolution__symbol=demo_term.SYMBOL)
    }


def content_of(term_reports, period, office):
    return report_content(report=term_reports[period], user=office)


def test_the_mid_term_report_speaks_of_the_end_of_the_term(term_reports, demo):
    content = content_of(term_reports, "2021/2023", demo.office)
    assert content.summary_sentence.startswith("Ước đến hết nhiệm kỳ có 2/7 chỉ tiêu")
    investment = next(row for row in content.target_rows if "vốn đầu tư" in row.indicator)
    assert investment.actual == "141.500 tỷ đồng"


def test_the_end_of_term_report_counts_every_shape_and_notes_its_estimates(term_reports, demo):
    content = content_of(term_reports, "2021/2025", demo.office)
    assert content.summary_sentence == (
        "Ước có 6/7 chỉ tiêu đạt và vượt (trong đó 4 chỉ tiêu vượt); "
        "1 chỉ tiêu chưa đạt (đạt từ 91% trở lên)."
    )
    assert content.estimate_note.startswith("(ước)")


def test_a_report_without_estimates_prints_no_estimate_note(term_reports, demo):
    # mid-term: the figures of 2021–2023 are official
    assert content_of(term_reports, "2021/2023", demo.office).estimate_note == ""
