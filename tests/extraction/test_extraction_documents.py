from nghiquyet.extraction.documents import find_documents
from nghiquyet.extraction.text import Doc


def documents(text):
    return find_documents(Doc(text))


def test_it_reads_symbol_date_and_issuer():
    [ref] = documents(
        "Thực hiện Chỉ thị số 58-CT/TU, ngày 07/11/2023 của Ban Thường vụ Tỉnh ủy về quy hoạch."
    )
    assert (ref.type, ref.number, ref.symbol, ref.date, ref.issuer) == (
        "chi_thi",
        "58",
        "58-CT/TU",
        "2023-11-07",
        "Ban Thường vụ Tỉnh ủy",
    )
    assert ref.text == "Chỉ thị số 58-CT/TU, ngày 07/11/2023 của Ban Thường vụ Tỉnh ủy"


def test_it_reads_state_document_symbols_with_a_year():
    [resolution, decision] = documents(
        "Nghị quyết số 12/2023/NQ-HĐND ngày 14/7/2023 của HĐND tỉnh và "
        "Quyết định số 1234/QĐ-UBND của UBND tỉnh Bến Tre."
    )
    assert (resolution.number, resolution.symbol, resolution.issuer) == (
        "12",
        "12/2023/NQ-HĐND",
        "HĐND tỉnh",
    )
    assert (decision.type, decision.number) == ("quyet_dinh", "1234")


def test_a_number_without_symbol_is_enough():
    [plan] = documents("Kế hoạch số 20 ngày 28/11/2023 của Bộ Chính trị thực hiện")
    assert (plan.type, plan.number, plan.symbol, plan.date) == (
        "ke_hoach",
        "20",
        None,
        "2023-11-28",
    )


def test_leading_zeros_are_kept_as_written():
    [ref] = documents("gắn với Kết luận số 01-KL/TW của Bộ Chính trị")
    assert ref.number == "01"


def test_a_document_mentioned_twice_is_listed_once_with_what_each_mention_adds():
    [ref] = documents(
        "thực hiện Nghị quyết số 45 về đội ngũ trí thức. Dự thảo Chương trình hành động thực hiện "
        "Nghị quyết số 45 ngày 24/11/2023 của BCH Trung ương Đảng."
    )
    assert (ref.number, ref.date, ref.issuer) == ("45", "2023-11-24", "BCH Trung ương Đảng")


def test_unnumbered_mentions_are_not_documents():
    assert (
        documents("thực hiện nghiêm các chỉ thị, nghị quyết của Trung ương và Quy hoạch tỉnh") == []
    )


def test_it_reads_provincial_and_national_congress_resolutions():
    refs = documents(
        "hoàn thành Nghị quyết Đại hội XII Đảng bộ tỉnh và Đại hội XIII của Đảng; "
        "quán triệt Nghị quyết Đại hội đại biểu toàn quốc lần thứ XIII của Đảng và "
        "Nghị quyết Đại hội Đảng bộ tỉnh Hà Giang lần thứ XVII, nhiệm kỳ 2020 - 2025."
    )
    assert [(r.type, r.congress, r.level) for r in refs] == [
        ("nghi_quyet_dai_hoi", "XII", "tinh"),
        ("nghi_quyet_dai_hoi", "XIII", "tw"),
        ("nghi_quyet_dai_hoi", "XVII", "tinh"),
    ]


def test_a_congress_of_every_level_without_number_is_no_document():
    assert documents("triển khai Nghị quyết Đại hội Đảng bộ các cấp") == []


def test_a_bare_party_symbol_is_a_document_of_its_coded_type():
    [ref] = documents("theo tinh thần 09-NQ/TU, các cấp ủy")
    assert (ref.type, ref.number, ref.symbol) == ("nghi_quyet", "09", "09-NQ/TU")


def test_new_style_tone_marks_are_read_like_old_ones():
    [ref] = documents("Chỉ thị số 05-CT/TW của Ban Chấp hành Trung ương Đảng (khoá XIII)")
    assert ref.text.endswith("(khoá XIII)")


def test_a_district_congress_has_no_provincial_level():
    [ref] = documents("Nghị quyết Đại hội Đảng bộ huyện lần thứ XX")
    assert (ref.congress, ref.level) == ("XX", None)


def test_of_the_provincial_party_is_provincial():
    [ref] = documents("Nghị quyết Đại hội lần thứ XI của Đảng bộ tỉnh")
    assert (ref.congress, ref.level) == ("XI", "tinh")
