"""The PDF typeset by Typst: one embedded font with every Vietnamese letter, text as data.

Fonts and text are read back from the PDF bytes with pypdf, as a reader's viewer
would find them; hostile titles are the kinds of text an office types or uploads.
"""

import dataclasses
import io
import unicodedata

import pytest
from django.core.exceptions import ImproperlyConfigured
from pypdf import PdfReader

from nghiquyet.reports.render import render_pdf

LIBERATION_SERIF_2 = {
    "LiberationSerif",
    "LiberationSerif-Bold",
    "LiberationSerif-Italic",
    "LiberationSerif-BoldItalic",
}
#: The 89 letters: 17 consonants and 12 vowels, each bare and with the five tone marks.
#: The 29 letters of the Vietnamese alphabet, with the five tone marks on every vowel.
BASE_LETTERS = "abcdđeghiklmnopqrstuvxy" + "ăâêôơư"
VOWELS = "aăâeêioôơuưy"
TONES = "\u0300\u0301\u0303\u0309\u0323"  # huyền, sắc, ngã, hỏi, nặng
VIETNAMESE_LETTERS = "".join(
    sorted(
        {
            *BASE_LETTERS,
            *(unicodedata.normalize("NFC", vowel + tone) for vowel in VOWELS for tone in TONES),
        }
    )
)
HOSTILE = [
    '#read("/etc/passwd")',
    "*đậm* _nghiêng_ $x^2$ [nhãn] \\ @trich-dan <nhan>",
    "#sys.inputs.report",
    '#{panic("dừng")} #import "@preview/cetz:0.3.0"',
    '] #set page(paper: "a5") [',
    '#image("/etc/hostname")',
]


def embedded_fonts(data: bytes) -> dict[str, bool]:
    """Each font's name (subset tag removed) and whether its file is in the PDF."""
    fonts = {}
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descendant = (
                font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            )
            descriptor = descendant["/FontDescriptor"].get_object()
            name = str(font["/BaseFont"]).lstrip("/").split("+")[-1]
            fonts[name] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def test_every_page_is_set_in_liberation_serif_2_embedded_in_the_file(content):
    fonts = embedded_fonts(render_pdf(content))
    # Regular text, bold headings, the italic date line and the bold-italic "Nơi nhận".
    assert set(fonts) == LIBERATION_SERIF_2
    assert all(fonts.values())


def test_every_vietnamese_letter_reads_back_from_the_pdf(content, read_pdf):
    upper = VIETNAMESE_LETTERS.upper()
    rows = [
        dataclasses.replace(content.target_rows[0], indicator=f"chữ thường {VIETNAMESE_LETTERS}"),
        dataclasses.replace(content.target_rows[1], indicator=f"CHỮ HOA {upper}"),
    ]
    letters = dataclasses.replace(content, target_rows=rows, introduction=VIETNAMESE_LETTERS)
    data = render_pdf(letters)
    text = read_pdf(data)
    # A letter missing from the font would read back as "\x00", never as itself.
    assert "\x00" not in text
    for letter in VIETNAMESE_LETTERS + upper:
        assert letter in text, letter
    assert VIETNAMESE_LETTERS in text
    assert set(embedded_fonts(data)) <= LIBERATION_SERIF_2


@pytest.mark.parametrize("hostile", HOSTILE)
def test_typst_syntax_in_a_title_prints_literally_and_never_runs(content, read_pdf, hostile):
    rows = [dataclasses.replace(content.target_rows[0], indicator=hostile)]
    report = dataclasses.replace(
        content,
        subtitle=f"kết quả {hostile}",
        introduction=hostile,
        target_rows=rows,
        next_tasks=[hostile],
        signer_name=hostile,
    )
    data = render_pdf(report)
    text = read_pdf(data)
    assert text.count(" ".join(hostile.split())) >= 4
    assert "root:" not in text
    reader = PdfReader(io.BytesIO(data))
    # The page stays A4 (595 × 842 pt): a hostile #set page never took effect.
    assert {round(float(page.mediabox.width)) for page in reader.pages} == {595}


def test_a_missing_report_font_stops_with_the_package_to_install(content, settings, tmp_path):
    settings.REPORT_FONT_DIR = tmp_path
    with pytest.raises(ImproperlyConfigured, match="fonts-liberation2"):
        render_pdf(content)


def test_the_pdf_has_page_numbers_from_the_second_page(content):
    rows = [dataclasses.replace(content.target_rows[0], number=n) for n in range(1, 81)]
    reader = PdfReader(io.BytesIO(render_pdf(dataclasses.replace(content, target_rows=rows))))
    assert len(reader.pages) >= 3
    footers = [page.extract_text().split()[-1] for page in reader.pages]
    assert footers[1:] == [str(n) for n in range(2, len(reader.pages) + 1)]
    assert footers[0] != "1"
