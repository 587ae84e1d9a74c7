"""Mends from the review of the nineteenth round (docs/documents.md): each a typed specimen, never
a corpus text, that fails without its mend."""

from documents.reader import read_text

# A plan numbered in Roman sections, with an assignment table flattened to lines in its second
# section: the table ticks who leads a task with "X", and a cell may hold "I" or "III" (a term, a
# rank), each alone on its line over the next cell.
_TICKED_TABLE = (
    "CÔNG ĐOÀN GIÁO DỤC HUYỆN YÊN LẠC     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "CĐCS TRƯỜNG THCS ĐỒNG CƯƠNG     Độc lập - Tự do - Hạnh phúc\n"
    "Số: 11/KH-CĐCS     Đồng Cương, ngày 20 tháng 9 năm 2023\n"
    "KẾ HOẠCH\n"
    "Hoạt động công đoàn năm học 2023-2024\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Đoàn kết, xây dựng tập thể vững mạnh.\n"
    "II. PHÂN CÔNG NHIỆM VỤ\n"
    "Nội dung\n"
    "Chủ trì\n"
    "Học kỳ\n"
    "Tổ chức hội thao\n"
    "X\n"
    "I\n"
    "Thăm hỏi đoàn viên ốm đau\n"
    "X\n"
    "III\n"
    "Tổng kết năm học\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Các tổ công đoàn triển khai.\n"
)


def test_a_tick_or_a_cell_alone_on_its_line_out_of_turn_heads_no_roman_section():
    result = read_text(_TICKED_TABLE)
    assert [item.split("\n")[0] for item in result.items] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. PHÂN CÔNG NHIỆM VỤ",
        "III. TỔ CHỨC THỰC HIỆN",
    ]
    assert "Thăm hỏi đoàn viên ốm đau" in result.items[1]


def test_a_roman_number_alone_in_turn_still_heads_its_section():
    # Guard: "III." alone over its heading, between "II." and "IV.", is the third section.
    result = read_text(
        _TICKED_TABLE.replace("X\nIII\n", "X\n").replace(
            "III. TỔ CHỨC THỰC HIỆN\n", "III.\nKINH PHÍ\nIV. TỔ CHỨC THỰC HIỆN\n"
        )
    )
    assert [item.split("\n")[0] for item in result.items] == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "II. PHÂN CÔNG NHIỆM VỤ",
        "III.",
        "IV. TỔ CHỨC THỰC HIỆN",
    ]


# A plan with no header whose ground, its full stop lost, ends on a whole name ("… Huyện ủy"),
# the committee naming itself on the next line.
_GROUND_ENDING_ON_A_COMMITTEE = (
    "Thực hiện Nghị quyết Đại hội Công đoàn Giáo dục huyện nhiệm kỳ 2023-2028 và chỉ đạo của Huyện ủy\n"
    "Ban Thường vụ Công đoàn Giáo dục huyện xây dựng kế hoạch hoạt động năm 2024 như sau:\n"
    "I. MỤC ĐÍCH\n"
    "II. NỘI DUNG\n"
)


def test_a_line_ending_on_a_whole_name_cuts_no_compound_with_the_next():
    # "ủy" / "Ban" is the pair of "Ủy ban", but "Huyện ủy" is a whole name: the committee on the
    # next line still names itself.
    for above in ("Huyện ủy", "Huyện Ủy"):
        result = read_text(_GROUND_ENDING_ON_A_COMMITTEE.replace("Huyện ủy", above))
        assert result.issuer == "Ban Thường vụ Công đoàn Giáo dục huyện"
        assert result.type == "Kế hoạch"


# A plan numbering its points "1.", "2.", one point listing its teams "1 - …", "2 - …".
_LIST_UNDER_A_POINT = (
    "KẾ HOẠCH\n"
    "Tổ chức hội thi tìm hiểu pháp luật năm 2024\n"
    "1. Thành phần\n"
    "Mỗi tổ công đoàn cử một đội:\n"
    "1 - Đội Tổ Toán - Tin\n"
    "2 - Đội Tổ Ngữ văn\n"
    "2. Nội dung thi\n"
    "Tìm hiểu Luật Công đoàn năm 2024.\n"
)


def test_a_list_numbered_with_dashes_under_a_point_numbered_with_a_full_stop_is_no_item():
    result = read_text(_LIST_UNDER_A_POINT)
    assert [item.split("\n")[0] for item in result.items] == ["1. Thành phần", "2. Nội dung thi"]
    assert "2 - Đội Tổ Ngữ văn" in result.items[0]


def test_points_numbered_with_dashes_throughout_are_still_items():
    # Guard: a text numbering its points "1- …" reads them as items, as the nineteenth round does.
    result = read_text(_LIST_UNDER_A_POINT.replace("1. Thành", "1- Thành").replace("2. Nội", "2- Nội"))
    assert [item.split("\n")[0] for item in result.items] == [
        "1- Thành phần",
        "1 - Đội Tổ Toán - Tin",
        "2 - Đội Tổ Ngữ văn",
        "2- Nội dung thi",
    ]
