import pytest

from nghiquyet.extraction.dates import (
    PartialDate,
    discussed_years,
    find_event_dates,
    infer_year,
    parse_date,
    parse_period,
)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("ngày 07/11/2023", "2023-11-07"),
        ("ngày 7 tháng 11 năm 2023", "2023-11-07"),
        ("Sáng ngày 4/1", "--01-04"),
        ("Sáng 15.12", "--12-15"),
        ("ngày 24-11-2023", "2023-11-24"),
    ],
)
def test_it_parses_vietnamese_dates(text, iso):
    assert parse_date(text).iso() == iso


def test_it_ignores_impossible_dates():
    assert parse_date("26/27 chỉ tiêu") is None


@pytest.mark.parametrize(
    ("text", "day", "month", "days"),
    [
        ("Sáng ngày 11/7, tại hội trường", 11, 7, None),
        ("Hôm nay (12/4), Ban Chấp hành", 12, 4, None),
        ("Sáng 15.12, HĐND tỉnh khai mạc", 15, 12, None),
        ("Từ ngày 8-11/12, UBND tỉnh họp", 8, 12, 4),
        ("bế mạc vào sáng ngày 4/1", 4, 1, None),
    ],
)
def test_it_finds_when_an_event_happened(text, day, month, days):
    found = find_event_dates(text)[0]
    assert (found.start.day, found.start.month, found.days) == (day, month, days)


def test_a_date_without_year_takes_the_publication_year():
    assert infer_year(PartialDate(11, 7), PartialDate(11, 7, 2024), []) == 2024


def test_a_late_december_event_reported_in_january_is_of_the_year_before():
    assert infer_year(PartialDate(28, 12), PartialDate(3, 1, 2024), []) == 2023


def test_a_january_meeting_takes_the_latest_year_discussed():
    years = discussed_years("tổng kết Nghị quyết năm 2023 và xây dựng Nghị quyết năm 2024")
    assert infer_year(PartialDate(4, 1), None, years) == 2024


def test_a_december_meeting_reviews_its_own_year_and_plans_the_next():
    years = discussed_years("kết quả năm 2022, nhiệm vụ năm 2023")
    assert infer_year(PartialDate(15, 12), None, years) == 2022


def test_without_evidence_the_year_stays_unknown():
    assert infer_year(PartialDate(27, 6), None, []) is None


def test_term_ends_and_horizons_are_not_working_years():
    text = "nhiệm kỳ 2020 - 2025, tầm nhìn đến năm 2050, so với năm 2019, năm 2021"
    assert discussed_years(text) == [2021]


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("6 tháng đầu năm 2024", "2024-H1"),
        ("6 tháng cuối năm 2024", "2024-H2"),
        ("quý II năm 2021", "2021-Q2"),
        ("tháng 9/2024", "2024-09"),
        ("nhiệm kỳ 2020 - 2025", "2020/2025"),
        ("năm 2024", "2024"),
    ],
)
def test_it_codes_reporting_periods(text, period):
    assert parse_period(text) == period


def test_it_finds_an_event_date_written_in_words():
    [found] = find_event_dates("Sáng ngày 15 tháng 12 năm 2023, tại Hội trường")
    assert found.start.iso() == "2023-12-15"
