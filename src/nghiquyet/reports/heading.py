"""The first-page heading of a report, by the rules of the body that issues it.

Party organs follow the Party Central Office's format guidance: the Party organisation
above (not bold) over the issuing organ (bold), a star, "Số 45-BC/TU", and
"ĐẢNG CỘNG SẢN VIỆT NAM" on the right. State organs follow Decree 30/2020/NĐ-CP:
the superior organ over the issuing one, "Số: 45/BC-UBND", and the national name
and motto on the right. Works on plain values so it needs no database to test.
"""

import datetime as dt
from dataclasses import dataclass

from nghiquyet.reports.content import Format, Header

PARTY_KINDS = frozenset(
    {
        "party_committee",
        "executive_committee",
        "standing_committee",
        "standing_board",
        "party_board",
        "inspection_committee",
    }
)
#: The organs that speak as "TỈNH ỦY" itself rather than as one of its boards.
COMMITTEE_KINDS = frozenset(
    {"party_committee", "executive_committee", "standing_committee", "standing_board"}
)


#: Room left in a draft for the number and the date, in no-break spaces so that HTML
#: and PDF keep it as Word does.
BLANK = "\u00a0" * 6


@dataclass(frozen=True)
class Issuer:
    """What the heading needs to know about the issuing body."""

    kind: str
    name: str
    issuer_code: str
    province: str


@dataclass(frozen=True)
class Signature:
    """Who signs: "T/M BAN THƯỜNG VỤ" over "BÍ THƯ", or "TM. ỦY BAN NHÂN DÂN" over "CHỦ TỊCH"."""

    capacity: str
    title: str


def format_for(kind: str) -> Format:
    return Format.PARTY if kind in PARTY_KINDS else Format.STATE


def header_for(
    issuer: Issuer, *, number: str = "", issued_on: dt.date | None = None, year: int | None = None
) -> Header:
    """The heading of a report numbered `number` (blank in a draft) issued on `issued_on`.

    A draft without a date keeps the `year` it is due in and blanks for day and month.
    """
    document_format = format_for(issuer.kind)
    province = issuer.province.upper()
    own_name = _own_name(issuer).upper()
    if document_format is Format.PARTY:
        if issuer.kind in COMMITTEE_KINDS:
            upper, organ = f"ĐẢNG BỘ TỈNH {province}", "TỈNH ỦY"
        else:
            upper, organ = f"TỈNH ỦY {province}", own_name
        symbol = f"Số {number or BLANK}-BC/{issuer.issuer_code}"
    else:
        if issuer.kind == "department":
            upper, organ = f"UBND TỈNH {province}", own_name
        else:
            # "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG THÁP": the organ's own name, both lines bold.
            upper, organ = own_name, f"TỈNH {province}"
            if own_name == issuer.name.upper():
                upper, organ = "", own_name
        symbol = f"Số: {number or BLANK}/BC-{issuer.issuer_code}"
    return Header(
        format=document_format,
        upper=upper,
        issuer=organ,
        symbol=symbol,
        place_date=place_date(issuer.province, issued_on, year),
        upper_bold=document_format is Format.STATE and issuer.kind != "department",
    )


def place_date(place: str, day: dt.date | None, year: int | None = None) -> str:
    """ "Đồng Tháp, ngày 05 tháng 02 năm 2024": days below 10 and months below 3 get a zero.

    Without a date (a draft), the day and month are left blank for the office to fill.
    """
    if day is None:
        return f"{place}, ngày {BLANK} tháng {BLANK} năm {year or ''}".rstrip()
    day_text = f"{day.day:02d}" if day.day < 10 else str(day.day)
    month_text = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"{place}, ngày {day_text} tháng {month_text} năm {day.year}"


def signature_for(issuer: Issuer) -> Signature:
    """The signing block offices use for the issuing body."""
    if issuer.kind in COMMITTEE_KINDS:
        return Signature("T/M BAN THƯỜNG VỤ", "BÍ THƯ")
    if issuer.kind in PARTY_KINDS:
        return Signature(f"T/M {_own_name(issuer).upper()}", "TRƯỞNG BAN")
    if issuer.kind == "peoples_committee":
        return Signature("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
    if issuer.kind == "peoples_council":
        return Signature("TM. THƯỜNG TRỰC HĐND", "CHỦ TỊCH")
    if issuer.kind == "department":
        return Signature("", "GIÁM ĐỐC")
    return Signature(f"TM. {issuer.name.upper()}", "CHỦ TỊCH")


def recipients_for(issuer: Issuer) -> list[str]:
    """The usual "Nơi nhận" of a review report; the author edits it in the draft."""
    if format_for(issuer.kind) is Format.PARTY:
        return [
            "Ban Bí thư Trung ương Đảng (b/c),",
            "Văn phòng Trung ương Đảng (b/c),",
            "Các đồng chí Tỉnh ủy viên,",
            "Các ban, đảng đoàn, ban cán sự đảng trực thuộc,",
            "Lưu Văn phòng Tỉnh ủy.",
        ]
    return [
        "Thường trực Tỉnh ủy (b/c),",
        "Thường trực HĐND tỉnh (b/c),",
        "Các sở, ban, ngành tỉnh,",
        "Lưu: VT.",
    ]


def _own_name(issuer: Issuer) -> str:
    """The body's name without the province it belongs to: "Ban Tổ chức", "Sở Tài chính"."""
    name = issuer.name
    for suffix in (f" Tỉnh ủy {issuer.province}", f" tỉnh {issuer.province}"):
        if name.endswith(suffix):
            return name.removesuffix(suffix)
    return name
