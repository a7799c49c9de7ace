"""The term demo holds every target shape, and its reviews read as real ones."""

from decimal import Decimal

import pytest

from nghiquyet.evaluation import Status
from nghiquyet.targets import demo_term
from nghiquyet.targets.dashboard import document_summary_sentence, target_rows


@pytest.fixture
def term(dongthap):
    return demo_term.load(dongthap)


def statuses(office, term, period):
    return [row.status.value for row in target_rows(user=office, document=term, period=period)]


def test_loading_twice_changes_nothing(dongthap, term):
    assert demo_term.load(dongthap) == term
    assert term.targets.count() == len(demo_term.TARGETS)


def test_the_mid_term_review_judges_the_term_to_date(office, term):
    rows = target_rows(user=office, document=term, period="2021/2023")
    by_text = {row.target.source_text: row.judgement for row in rows}
    investment = by_text["Tổng vốn đầu tư toàn xã hội 5 năm đạt 250.000 tỷ đồng"]
    # lũy kế 141.500 of the 150.000 three years ask: 56,6% of the term's total
    assert (investment.figure, investment.status, investment.progress) == (
        Decimal("141500"),
        Status.NOT_ACHIEVED,
        Decimal("56.60"),
    )
    jobs = by_text["Giải quyết việc làm cho 25.000 lao động/năm"]
    assert (jobs.figure, jobs.status) == (Decimal("76200"), Status.EXCEEDED)
    sentence = document_summary_sentence(user=office, document=term, period="2021/2023")
    # the targets for 2025 itself have no figure yet at mid-term
    assert sentence == (
        "Ước đến hết nhiệm kỳ có 2/7 chỉ tiêu đạt và vượt (trong đó 1 chỉ tiêu vượt); "
        "2 chỉ tiêu chưa đạt (đạt từ 78% trở lên); 3 chỉ tiêu chưa có số liệu."
    )


def test_the_end_of_term_review_judges_every_shape(office, term):
    assert statuses(office, term, "2021/2025") == [
        "achieved",  # the merger of communes, done
        "exceeded",  # revenue 11.200 against 10.000 in 2020: +12%
        "exceeded",  # 126.900 jobs against 125.000
        "not_achieved",  # GRDP 5,96% a year on average against 6,5–7%
        "exceeded",  # 255.800 billion against 250.000
        "achieved",  # poverty down 1,1 points a year on average
        "exceeded",  # 7.150 billion (estimated) against 7.000
    ]
    sentence = document_summary_sentence(user=office, document=term, period="2021/2025")
    assert sentence == (
        "Ước có 6/7 chỉ tiêu đạt và vượt (trong đó 4 chỉ tiêu vượt); "
        "1 chỉ tiêu chưa đạt (đạt từ 91% trở lên)."
    )


def test_nine_months_of_the_last_year_are_progress_with_the_years_estimate(office, term):
    rows = target_rows(user=office, document=term, period="2025-9M")
    revenue = rows[-1].judgement
    assert (revenue.status, revenue.progress, revenue.estimate) == (
        Status.EXCEEDED,
        Decimal("75.30"),
        True,
    )
