import pytest

from nghiquyet.extraction.text import fold, looks_vietnamese, normalise, sentence_spans


def sentences(text):
    return [text[a:b] for a, b in sentence_spans(text)]


def test_sentences_end_at_a_full_stop_before_a_capital_and_at_line_breaks():
    assert sentences("Hội nghị bế mạc. Đồng chí Bí thư phát biểu\nQuang cảnh") == [
        "Hội nghị bế mạc.",
        "Đồng chí Bí thư phát biểu",
        "Quang cảnh",
    ]


@pytest.mark.parametrize(
    "text", ["tại TP. Hồ Chí Minh hôm qua", "tăng 8.5 lần", "ThS. Nguyễn Văn An"]
)
def test_abbreviations_and_decimal_points_do_not_end_a_sentence(text):
    assert sentences(text) == [text]


def test_folding_keeps_length_and_unifies_tone_placement_and_dashes():
    original = "Khoá XIV – Thuỷ lợi, hoạch định, quý"
    folded = fold(original)
    assert len(folded) == len(original)
    assert folded == "Khóa XIV - Thủy lợi, hoạch định, quý"


def test_normalising_unifies_spaces_and_drops_invisible_characters():
    assert normalise("Hội\u00a0nghị\u200b  lần thứ 5 \r\n") == "Hội nghị lần thứ 5\n"


def test_english_is_not_vietnamese_and_vietnamese_is():
    assert not looks_vietnamese("The provincial council met on Monday.")
    assert looks_vietnamese("Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 17")


@pytest.mark.parametrize(
    ("lines", "title"),
    [
        (["Tin tức - Sự kiện", "Hội nghị Tỉnh ủy lần thứ 14 bàn nhiệm vụ năm 2024", "Sáng."], 1),
        (["Hội nghị lần thứ 4 BCH Đảng bộ tỉnh khóa XIV:", "", "Thống nhất 7 nhóm nhiệm vụ"], 2),
        (["28/11/2023 - 14:31", "Năm 2024: Tỉnh ủy Long An đề ra 18 chỉ tiêu chủ yếu"], 1),
        (["Khắc phục tình trạng 4 không", "Qua 1,5 ngày diễn ra, hội nghị đã bế mạc."], 0),
    ],
)
def test_the_headline_skips_section_names_kickers_and_date_lines(lines, title):
    from nghiquyet.extraction.headline import find_title

    assert find_title(lines) == (lines[title], title)
