import pytest

from nghiquyet.extraction.furniture import is_furniture, strip_furniture


@pytest.mark.parametrize(
    "line",
    [
        "Lượt xem: 6861",
        "Hôm nay : 1.730",
        "Tháng 10 : 388.879",
        "Năm 2021 : 4.635.535",
        "Tổng số : 64.226.919",
        "0:00 / 0:00",
        "A- A A+ | Chia sẻ bài viết lên facebook Chia sẻ bài viết lên twitter",
        "Tổng số điểm của bài viết là: 0 trong 0 đánh giá",
        "Click để đánh giá bài viết",
        "Gửi bình luận của bạn",
        "Mã kiểm tra no image",
        "Tiếng Việt | English",
        "< Trở về trang trước",
        "Chia sẻ",
        "Facebook | Zalo | Email",
    ],
)
def test_page_furniture_is_recognised(line):
    assert is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "Năm 2024, tỉnh phấn đấu tăng trưởng 8%.",
        "Tổng số chỉ tiêu đạt là 20.",
        "Hôm nay (12/4), Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 4.",
    ],
)
def test_article_lines_are_kept(line):
    assert not is_furniture(line)


def test_reading_stops_at_the_related_stories():
    text = "Bài viết.\nTin khác\nTỉnh đạt 99% kế hoạch"
    assert strip_furniture(text) == "Bài viết."


@pytest.mark.parametrize(
    "line",
    ["Trang chủ » Tin tức » Chính trị", "Giới thiệu | Tin tức | Văn bản | Liên hệ", "Trang chủ"],
)
def test_menus_and_breadcrumbs_are_furniture(line):
    assert is_furniture(line)


def test_a_headline_with_one_separator_is_not_a_menu():
    assert not is_furniture("Năm 2024: Tỉnh ủy Long An đề ra 18 chỉ tiêu chủ yếu | Báo Long An")


def test_a_related_stories_box_above_the_article_skips_only_its_titles():
    paragraph = "Sáng ngày 11/7, Ban Chấp hành Đảng bộ tỉnh tổ chức Hội nghị lần thứ 17. " * 3
    text = f"Tiêu đề bài viết\nTin liên quan\nTỉnh đạt 99% kế hoạch\nHội nghị khác\n{paragraph}"
    assert strip_furniture(text).split("\n") == ["Tiêu đề bài viết", paragraph]
