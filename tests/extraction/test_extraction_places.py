from nghiquyet.extraction import extract
from nghiquyet.extraction.gazetteer import (
    province_named,
    province_of_district,
    province_of_host,
)


def test_a_district_named_in_the_text_gives_its_province():
    assert province_of_district("Lai Vung") == "Đồng Tháp"
    text = "Đồng chí Võ Hoàng Cương - Tỉnh ủy viên, Bí thư Huyện ủy Lai Vung phát biểu ý kiến."
    assert extract(text).province == "Đồng Tháp"


def test_a_site_name_gives_the_province():
    assert province_of_host("laichau.gov.vn") == "Lai Châu"
    assert province_of_host("baolongan.vn") == "Long An"
    assert (
        extract("(laichau.gov.vn)\nHôm nay, Ban Chấp hành Đảng bộ tỉnh họp.").province == "Lai Châu"
    )


def test_a_province_named_in_the_text_wins():
    assert (
        extract("Hội nghị Tỉnh ủy Long An lần thứ 14 đã hoàn thành nội dung.").province == "Long An"
    )


def test_new_style_spelling_of_a_province_is_recognised():
    assert province_named("Khánh Hoà") == "Khánh Hòa"


def test_no_place_means_no_province():
    text = "Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 16."
    assert extract(text).province is None
