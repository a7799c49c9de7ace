"""Every output of one report says the same thing, in Vietnamese that survives rendering.

Content comes from the evaluation core on seed 001's 14 targets (see conftest), so
the expected statuses are the core's, not numbers typed into the test.
"""

import io

from docx import Document as WordDocument

from nghiquyet.evaluation import Status
from nghiquyet.reports.render import render_docx, render_html, render_pdf


def test_the_word_file_has_the_party_heading_title_and_summary(content, read_docx):
    lines, _tables = read_docx(render_docx(content))
    for line in (
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP",
        "TỈNH ỦY",
        "Số 45-BC/TU",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Đồng Tháp, ngày 05 tháng 12 năm 2024",
        "BÁO CÁO",
        content.summary_sentence,
    ):
        assert line in lines


def test_the_results_table_is_a_real_word_table_with_one_row_per_target(content, read_docx):
    _lines, tables = read_docx(render_docx(content))
    results = next(t for t in tables if t[0][:2] == ["TT", "Chỉ tiêu"])
    body = results[1:]
    assert len(body) == 14
    assert [row[5] for row in body] == [r.status.label("vi") for r in content.target_rows]
    growth = body[0]
    assert growth[1:5] == ["GRDP tăng trưởng", "8,5% trở lên", "7,2% (ước)", "84,71%"]


def test_the_statuses_in_the_table_are_those_of_the_evaluation_core(content):
    statuses = {row.indicator: row.status for row in content.target_rows}
    assert statuses["GRDP tăng trưởng"] is Status.NOT_ACHIEVED
    assert statuses["thu ngân sách nội địa"] is Status.EXCEEDED
    assert statuses["tỷ lệ hộ được sử dụng điện"] is Status.ACHIEVED
    assert statuses["xã, phường, thị trấn vững mạnh về quốc phòng - an ninh"] is Status.NO_DATA
    # Two of the figures are estimates (ước thực hiện), so the sentence says "Ước có".
    assert content.summary_sentence.startswith("Ước có 9/14 chỉ tiêu đạt và vượt")


def test_the_charts_are_embedded_in_the_word_file_as_pictures(content):
    document = WordDocument(io.BytesIO(render_docx(content)))
    pictures = [part for part in document.part.package.parts if part.content_type == "image/png"]
    assert len(pictures) == 2


def test_the_pdf_reads_back_with_every_vietnamese_diacritic_intact(content, read_pdf):
    text = read_pdf(render_pdf(content))
    for phrase in (
        "ĐẢNG BỘ TỈNH ĐỒNG THÁP",
        "ĐẢNG CỘNG SẢN VIỆT NAM",
        "Số 45-BC/TU",
        "tỷ lệ bao phủ bảo hiểm y tế",
        "xã, phường, thị trấn vững mạnh về quốc phòng - an ninh",
        "chưa có số liệu",
        "HẠN CHẾ, YẾU KÉM",
    ):
        assert phrase in text
    assert " ".join(content.summary_sentence.split()) in text


def test_a_state_report_carries_the_national_name_and_motto(make_content, read_docx, read_pdf):
    content = make_content(issuer_kind="peoples_committee")
    lines, _tables = read_docx(render_docx(content))
    for line in (
        "ỦY BAN NHÂN DÂN",
        "TỈNH ĐỒNG THÁP",
        "Số: 45/BC-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ):
        assert line in lines
    assert "ĐẢNG CỘNG SẢN VIỆT NAM" not in lines
    assert "Độc lập - Tự do - Hạnh phúc" in read_pdf(render_pdf(content))


def test_the_html_preview_shows_the_same_rows_and_sentence(content):
    html = render_html(content, standalone=False)
    assert html.count('<tr data-status="') == 14
    assert content.summary_sentence in html
    assert "<svg" in html
