import pytest

from nghiquyet.extraction.tasks import distinct, find_task_groups
from nghiquyet.extraction.text import Doc


def groups(text):
    return [(g.count, g.label) for g in distinct(find_task_groups(Doc(text)))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "6 nhiệm vụ trọng tâm, 3 nhiệm vụ đột phá",
            [(6, "nhiệm vụ trọng tâm"), (3, "nhiệm vụ đột phá")],
        ),
        ("thống nhất với 7 nhóm nhiệm vụ chủ yếu trong quý II", [(7, "nhóm nhiệm vụ chủ yếu")]),
        ("các mục tiêu và 9 nhiệm vụ, giải pháp của Nghị quyết", [(9, "nhiệm vụ, giải pháp")]),
        ("về đích 3 công trình trọng điểm", [(3, "công trình trọng điểm")]),
        ("thực hiện ba đột phá chiến lược", [(3, "đột phá chiến lược")]),
    ],
)
def test_it_reads_counted_groups_of_tasks(text, expected):
    assert groups(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "đây là một nhiệm vụ quan trọng",
        "khởi công 5 dự án lớn",
        "thu hút đầu tư dự án trọng điểm",
        "Khắc phục tình trạng 4 không",
        "3 vùng - 1 trung tâm - 2 hành lang",
    ],
)
def test_plain_counts_and_phrases_are_not_task_groups(text):
    assert groups(text) == []
