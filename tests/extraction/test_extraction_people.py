from nghiquyet.extraction.people import find_mentions, people_from
from nghiquyet.extraction.text import Doc


def people(text):
    return dict(people_from(find_mentions(Doc(text))))


def test_it_reads_name_then_offices_after_a_dash():
    found = people(
        "Các đồng chí: Hồ Văn Mừng - Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy; Trần Hữu Hậu - "
        "Phó Bí thư Tỉnh ủy, Chủ tịch UBND tỉnh chủ trì hội nghị."
    )
    assert found == {
        "Hồ Văn Mừng": ["Ủy viên BCH Trung ương Đảng", "Bí thư Tỉnh ủy"],
        "Trần Hữu Hậu": ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"],
    }


def test_it_reads_offices_then_name_after_a_dash():
    found = people(
        "Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh - Đỗ Trọng Hưng; Phó Bí thư Tỉnh ủy, Chủ tịch UBND "
        "tỉnh - Đỗ Minh Tuấn chủ trì hội nghị."
    )
    assert found["Đỗ Trọng Hưng"] == ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]
    assert found["Đỗ Minh Tuấn"] == ["Phó Bí thư Tỉnh ủy", "Chủ tịch UBND tỉnh"]


def test_it_reads_an_office_written_right_before_the_name():
    assert people("Sáng 3/8, Phó Bí thư Thường trực Tỉnh ủy Vũ Đại Thắng phát biểu.") == {
        "Vũ Đại Thắng": ["Phó Bí thư Thường trực Tỉnh ủy"]
    }


def test_it_reads_offices_after_a_comma():
    found = people(
        "Đồng chí Y Thanh Hà Niê Kđăm, Phó Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh và các đồng chí "
        "trong Thường trực Tỉnh ủy dự."
    )
    assert found == {"Y Thanh Hà Niê Kđăm": ["Phó Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"]}


def test_an_office_can_span_a_comma_when_the_next_part_names_its_body():
    found = people(
        "có đồng chí Lê Minh Hoan - Phó Vụ trưởng Vụ Địa phương 3, Ban Tổ chức Trung ương;"
    )
    assert found["Lê Minh Hoan"] == ["Phó Vụ trưởng Vụ Địa phương 3, Ban Tổ chức Trung ương"]


def test_a_place_before_the_name_is_not_part_of_it():
    assert "Trần Đức Quận" in people("Bí thư Tỉnh ủy Lâm Đồng Trần Đức Quận phát biểu.")


def test_bylines_and_credits_are_not_people():
    assert people("Ảnh: Nguyễn Văn Hùng\nMinh Tú\nTHANH NGA - THÁI BẠCH\nTác giả: Đinh Lan") == {}


def test_the_same_office_written_in_full_and_abbreviated_is_listed_once():
    found = people(
        "Đồng chí Lê Quốc Phong - Ủy viên BCH Trung ương Đảng, Bí thư Tỉnh ủy phát biểu. Đồng chí "
        "Lê Quốc Phong - Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy kết luận."
    )
    assert found["Lê Quốc Phong"] == ["Ủy viên BCH Trung ương Đảng", "Bí thư Tỉnh ủy"]


def test_an_office_heading_a_list_of_names_applies_to_each():
    found = people(
        "Chủ tịch HĐND tỉnh Nguyễn Văn An; các Phó Chủ tịch HĐND tỉnh: Trần Văn Bình, Lê Văn "
        "Cường và Hà Thị Dung chủ trì kỳ họp."
    )
    assert found == {
        "Nguyễn Văn An": ["Chủ tịch HĐND tỉnh"],
        "Trần Văn Bình": ["Phó Chủ tịch HĐND tỉnh"],
        "Lê Văn Cường": ["Phó Chủ tịch HĐND tỉnh"],
        "Hà Thị Dung": ["Phó Chủ tịch HĐND tỉnh"],
    }


def test_a_list_of_bylines_after_a_colon_is_not_a_list_of_officials():
    assert people("Tin, ảnh: Minh Tú, Hồng Nhung") == {}


def test_former_offices_count_as_offices():
    found = people(
        "Đồng chí Lê Văn Hiển - nguyên Ủy viên Trung ương Đảng, nguyên Bí thư Tỉnh ủy dự."
    )
    assert found == {"Lê Văn Hiển": ["nguyên Ủy viên Trung ương Đảng", "nguyên Bí thư Tỉnh ủy"]}


def test_family_names_of_the_northern_uplands_are_known():
    found = people(
        "Dự hội nghị có các đồng chí: Lò Văn Mừng, Phó Bí thư Thường trực Tỉnh ủy; Vừ A Bằng, "
        "Phó Chủ tịch UBND tỉnh; Giàng Páo Mỷ, Bí thư Tỉnh ủy."
    )
    assert set(found) == {"Lò Văn Mừng", "Vừ A Bằng", "Giàng Páo Mỷ"}
