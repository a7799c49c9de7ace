"""The first-page heading follows the issuing body: Party guidance or Decree 30."""

import datetime as dt

import pytest

from nghiquyet.reports.content import Format
from nghiquyet.reports.heading import BLANK, Issuer, header_for, place_date, signature_for

TINH_UY = Issuer("party_committee", "Tỉnh ủy Đồng Tháp", "TU", "Đồng Tháp")
BAN_TO_CHUC = Issuer("party_board", "Ban Tổ chức Tỉnh ủy Đồng Tháp", "BTCTU", "Đồng Tháp")
UBND = Issuer("peoples_committee", "Ủy ban nhân dân tỉnh Đồng Tháp", "UBND", "Đồng Tháp")
SO_Y_TE = Issuer("department", "Sở Y tế tỉnh Đồng Tháp", "SYT", "Đồng Tháp")


def test_the_provincial_committee_speaks_as_tinh_uy_under_its_party_organisation():
    header = header_for(TINH_UY, number="45", issued_on=dt.date(2024, 7, 10))
    assert header.format is Format.PARTY
    assert (header.upper, header.issuer, header.symbol) == (
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP",
        "TỈNH ỦY",
        "Số 45-BC/TU",
    )
    assert header.motto == ("ĐẢNG CỘNG SẢN VIỆT NAM",)
    assert header.place_date == "Đồng Tháp, ngày 10 tháng 7 năm 2024"


def test_a_party_board_writes_its_own_name_under_the_provincial_committee():
    header = header_for(BAN_TO_CHUC, number="12")
    assert (header.upper, header.issuer, header.symbol) == (
        "TỈNH ỦY ĐỒNG THÁP",
        "BAN TỔ CHỨC",
        "Số 12-BC/BTCTU",
    )


def test_the_peoples_committee_puts_its_name_on_two_bold_lines_and_the_national_motto():
    header = header_for(UBND, number="201")
    assert header.format is Format.STATE
    assert (header.upper, header.issuer, header.upper_bold) == (
        "ỦY BAN NHÂN DÂN",
        "TỈNH ĐỒNG THÁP",
        True,
    )
    assert header.symbol == "Số: 201/BC-UBND"
    assert header.motto == ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")


def test_a_department_writes_its_name_under_the_provincial_peoples_committee():
    header = header_for(SO_Y_TE, number="7")
    assert (header.upper, header.issuer, header.upper_bold) == (
        "UBND TỈNH ĐỒNG THÁP",
        "SỞ Y TẾ",
        False,
    )
    assert header.symbol == "Số: 7/BC-SYT"


def test_a_draft_leaves_the_number_and_the_day_blank_for_the_office():
    header = header_for(TINH_UY, year=2024)
    assert header.symbol.startswith("Số ") and header.symbol.endswith("-BC/TU")
    assert not any(ch.isdigit() for ch in header.symbol)
    assert header.place_date == f"Đồng Tháp, ngày {BLANK} tháng {BLANK} năm 2024"


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        (dt.date(2024, 2, 5), "Đồng Tháp, ngày 05 tháng 02 năm 2024"),
        (dt.date(2024, 3, 9), "Đồng Tháp, ngày 09 tháng 3 năm 2024"),
        (dt.date(2024, 12, 31), "Đồng Tháp, ngày 31 tháng 12 năm 2024"),
    ],
)
def test_days_below_ten_and_months_below_three_take_a_leading_zero(day, expected):
    assert place_date("Đồng Tháp", day) == expected


def test_the_standing_committee_signs_for_the_committee_and_the_peoples_committee_as_chair():
    assert signature_for(TINH_UY).capacity == "T/M BAN THƯỜNG VỤ"
    assert signature_for(UBND).title == "CHỦ TỊCH"
    assert signature_for(SO_Y_TE).title == "GIÁM ĐỐC"
