import pytest

from nghiquyet.extraction.summaries import distinct, find_summaries
from nghiquyet.extraction.text import Doc


def summaries(text):
    return [
        (s.total, s.achieved, s.exceeded, s.rest_min_percent)
        for s in distinct(find_summaries(Doc(text)))
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "có 7/24 chỉ tiêu kinh tế - xã hội đạt và vượt Nghị quyết; các chỉ tiêu còn lại đạt "
            "từ 41% trở lên",
            (24, 7, None, 41),
        ),
        (
            "đã thực hiện đạt và vượt 26/27 chỉ tiêu, trong đó có 11 chỉ tiêu vượt",
            (27, 26, 11, None),
        ),
        ("Trong 21 chỉ tiêu chủ yếu, có 18 chỉ tiêu đạt và vượt kế hoạch", (21, 18, None, None)),
        ("15 chỉ tiêu đạt và vượt, 3 chỉ tiêu chưa đạt", (18, 15, None, None)),
        ("Tỉnh ủy thống nhất xác định 18 chỉ tiêu chủ yếu trong năm 2024", (18, None, None, None)),
    ],
)
def test_it_reads_how_many_targets_were_set_and_met(text, expected):
    assert summaries(text) == [expected]


def test_an_aim_to_complete_targets_is_not_an_achievement():
    assert summaries("tập trung để hoàn thành 32/32 chỉ tiêu năm 2022") == [(32, None, None, None)]


def test_a_headline_and_body_stating_the_same_counts_give_one_summary():
    text = (
        "Tỉnh ủy đề ra 18 chỉ tiêu chủ yếu. Hội nghị xác định 18 chỉ tiêu chủ yếu trong năm 2024."
    )
    assert summaries(text) == [(18, None, None, None)]


def test_passing_resolutions_is_not_setting_targets():
    assert summaries("Kỳ họp xem xét, thông qua 25 nghị quyết quan trọng.") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Nghị quyết đề ra 25 chỉ tiêu, đến nay đã có 20 chỉ tiêu đạt và vượt", (25, 20)),
        ("22 chỉ tiêu đạt và vượt, 4 chỉ tiêu xấp xỉ đạt", (26, 22)),
        ("đạt 21/23 chỉ tiêu", (23, 21)),
        ("có 15/17 chỉ tiêu đạt, vượt kế hoạch", (17, 15)),
    ],
)
def test_more_ways_of_counting_met_targets(text, expected):
    assert [(s[0], s[1]) for s in summaries(text)] == [expected]
