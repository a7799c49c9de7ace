"""Symbols as printed on real documents are read, canonicalised and checked against the kind."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from nghiquyet.documents.models import DocumentKind as K
from nghiquyet.documents.symbols import Style, symbol_parse, symbol_validate

# (as typed, canonical, number, type code, issuer code, style, year, kind)
PARSED = [
    ("58-CT/TU", "58-CT/TU", "58", "CT", "TU", Style.PARTY, None, K.CHI_THI),
    ("01-KL/TW", "01-KL/TW", "01", "KL", "TW", Style.PARTY, None, K.KET_LUAN),
    ("35-NQ/TU", "35-NQ/TU", "35", "NQ", "TU", Style.PARTY, None, K.NGHI_QUYET),
    ("45-NQ/TW", "45-NQ/TW", "45", "NQ", "TW", Style.PARTY, None, K.NGHI_QUYET),
    ("05-CTr/TU", "05-CTr/TU", "05", "CTr", "TU", Style.PARTY, None, K.CHUONG_TRINH),
    ("12-QĐi/TW", "12-QĐi/TW", "12", "QĐi", "TW", Style.PARTY, None, K.QUY_DINH),
    ("163-QĐ/TU", "163-QĐ/TU", "163", "QĐ", "TU", Style.PARTY, None, K.QUYET_DINH),
    ("07-HD/BTCTW", "07-HD/BTCTW", "07", "HD", "BTCTW", Style.PARTY, None, K.HUONG_DAN),
    ("289-BC/TU", "289-BC/TU", "289", "BC", "TU", Style.PARTY, None, K.BAO_CAO),
    ("15-TTr/HU", "15-TTr/HU", "15", "TTr", "HU", Style.PARTY, None, K.TO_TRINH),
    ("03-ĐA/TU", "03-ĐA/TU", "03", "ĐA", "TU", Style.PARTY, None, K.DE_AN),
    ("123/KH-UBND", "123/KH-UBND", "123", "KH", "UBND", Style.STATE, None, K.KE_HOACH),
    ("45/2024/NQ-HĐND", "45/2024/NQ-HĐND", "45", "NQ", "HĐND", Style.STATE, 2024, K.NGHI_QUYET),
    ("1234/QĐ-UBND", "1234/QĐ-UBND", "1234", "QĐ", "UBND", Style.STATE, None, K.QUYET_DINH),
    ("01/CT-TTg", "01/CT-TTg", "01", "CT", "TTg", Style.STATE, None, K.CHI_THI),
    # What people type: spaces, lower case, an en dash, the Icelandic Ð, the old "TƯ".
    (" 58 - ct / TU ", "58-CT/TU", "58", "CT", "TU", Style.PARTY, None, K.CHI_THI),
    ("05–ctr/TU", "05-CTr/TU", "05", "CTr", "TU", Style.PARTY, None, K.CHUONG_TRINH),
    ("12-QÐi/TW", "12-QĐi/TW", "12", "QĐi", "TW", Style.PARTY, None, K.QUY_DINH),
    ("21-KL/TƯ", "21-KL/TW", "21", "KL", "TW", Style.PARTY, None, K.KET_LUAN),
]


@pytest.mark.parametrize("raw,canonical,number,code,issuer,style,year,kind", PARSED)
def test_a_symbol_is_read_into_its_parts(raw, canonical, number, code, issuer, style, year, kind):
    symbol = symbol_parse(raw)
    assert (str(symbol), symbol.number, symbol.type_code, symbol.issuer_code) == (
        canonical,
        number,
        code,
        issuer,
    )
    assert (symbol.style, symbol.year, symbol.kind) == (style, year, kind)


@pytest.mark.parametrize(
    "raw", ["", "58", "CT/TU", "58-CT", "58/CT/TU", "58-CT-TU", "số 58-CT/TU", "58-CT/TU/TW"]
)
def test_what_is_not_a_symbol_is_refused_with_the_expected_shapes(raw):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        symbol_parse(raw)
    assert "58-CT/TU" in error.value.messages[0]
    assert "123/KH-UBND" in error.value.messages[0]


# (symbol, kind it may carry)
FITS = [
    ("45-NQ/TW", K.NGHI_QUYET),
    ("01-NQ/ĐH", K.NGHI_QUYET_DAI_HOI),
    ("58-CT/TU", K.CHI_THI),
    ("05-CTr/TU", K.CHUONG_TRINH),
    ("07-TB/TU", K.OTHER),
]


@pytest.mark.parametrize("raw,kind", FITS)
def test_a_symbol_fits_the_kind_its_type_code_names(raw, kind):
    assert str(symbol_validate(raw, kind=kind)) == str(symbol_parse(raw))


# (symbol, kind entered, words the English message must contain)
CONTRADICTIONS = [
    ("58-CT/TU", K.KE_HOACH, ["58-CT/TU", "Directive", "Plan", "KH"]),
    ("05-CTr/TU", K.CHI_THI, ["05-CTr/TU", "Action programme", "Directive", "CT"]),
    ("45-NQ/TW", K.OTHER, ["45-NQ/TW", "Resolution", "Other"]),
    ("07-TB/TU", K.NGHI_QUYET, ["TB", "not one this system knows", "Other"]),
]


@pytest.mark.parametrize("raw,kind,words", CONTRADICTIONS)
def test_a_type_code_that_contradicts_the_kind_is_refused_in_english(raw, kind, words):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        symbol_validate(raw, kind=kind)
    message = error.value.message_dict["symbol"][0]
    for word in words:
        assert word in message


def test_a_type_code_that_contradicts_the_kind_is_refused_in_vietnamese():
    with translation.override("vi"), pytest.raises(ValidationError) as error:
        symbol_validate("58-CT/TU", kind=K.KE_HOACH)
    message = error.value.message_dict["symbol"][0]
    assert "58-CT/TU" in message
    assert "Chỉ thị" in message
    assert "Kế hoạch" in message


def test_the_issuer_code_must_be_the_issuing_bodys():
    with translation.override("en"), pytest.raises(ValidationError) as error:
        symbol_validate("58-CT/TW", kind=K.CHI_THI, issuer_code="TU")
    assert "TW" in error.value.message_dict["symbol"][0]
    assert "TU" in error.value.message_dict["symbol"][0]
    assert str(symbol_validate("123/kh-ubnd", kind=K.KE_HOACH, issuer_code="UBND")) == (
        "123/KH-UBND"
    )


def test_a_number_entered_beside_the_symbol_must_agree_with_it():
    assert symbol_validate("01-KL/TW", kind=K.KET_LUAN, number="1").number == "01"
    with pytest.raises(ValidationError):
        symbol_validate("01-KL/TW", kind=K.KET_LUAN, number="21")


def test_the_year_in_a_state_symbol_must_be_the_year_of_issue():
    assert symbol_validate("45/2024/NQ-HĐND", kind=K.NGHI_QUYET, year=2024).year == 2024
    with pytest.raises(ValidationError):
        symbol_validate("45/2024/NQ-HĐND", kind=K.NGHI_QUYET, year=2023)


def test_every_problem_is_reported_at_once():
    with pytest.raises(ValidationError) as error:
        symbol_validate("58-CT/TW", kind=K.KE_HOACH, issuer_code="TU", number="59")
    assert len(error.value.message_dict["symbol"]) == 3
