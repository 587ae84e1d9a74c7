"""The classes the widened layout check (tests/test_reader_layouts.py; docs/documents.md) showed:
a number typed with spaces beside a date whose day is left blank for the signing, the blank date's
place taken from the number's last letter; a joint header's names on one line. Each specimen is
typed here in the manner of real documents, never copied from the corpus texts."""

from documents.reader import read_text


def _plan(header: str) -> str:
    return (
        f"{header}\n"
        "KẾ HOẠCH\n"
        "Tổ chức Hội thi cán bộ nữ công giỏi năm 2021\n"
        "Thực hiện chương trình công tác năm 2021, Ban Thường vụ xây dựng kế hoạch như sau:\n"
        "1. Mục đích: động viên cán bộ nữ công học tập.\n"
        "2. Thời gian: tháng 10 năm 2021.\n"
    )


def test_a_spaced_number_beside_a_date_left_blank_keeps_its_last_letter():
    result = read_text(
        _plan(
            "HỘI LIÊN HIỆP PHỤ NỮ TỈNH NAM ĐỊNH\n"
            "BAN THƯỜNG VỤ\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Độc lập - Tự do - Hạnh phúc\n"
            "Số 41 /KH-BTV Nam Định, ngày tháng 9 năm 2021"
        )
    )
    assert result.number_symbol == "41/KH-BTV"


def _joint_plan(names: str) -> str:
    return _plan(
        f"{names}\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-UBND-LĐLĐ\n"
        "Vĩnh Long, ngày 12 tháng 3 năm 2021"
    )


def test_a_joint_header_s_names_on_one_line_read_as_on_three():
    three = read_text(_joint_plan("ỦY BAN NHÂN DÂN -\nLIÊN ĐOÀN LAO ĐỘNG\nTỈNH VĨNH LONG"))
    one = read_text(_joint_plan("ỦY BAN NHÂN DÂN - LIÊN ĐOÀN LAO ĐỘNG TỈNH VĨNH LONG"))
    assert one.issuer == three.issuer == "ỦY BAN NHÂN DÂN và LIÊN ĐOÀN LAO ĐỘNG TỈNH VĨNH LONG"


def test_a_joint_header_s_names_on_one_line_without_a_dash():
    result = read_text(_joint_plan("ỦY BAN NHÂN DÂN ỦY BAN MTTQ VIỆT NAM TỈNH VĨNH LONG"))
    assert result.issuer == "ỦY BAN NHÂN DÂN và ỦY BAN MTTQ VIỆT NAM TỈNH VĨNH LONG"


def test_a_province_s_committee_over_its_department_on_one_line_is_no_joint_header():
    result = read_text(_joint_plan("ỦY BAN NHÂN DÂN TỈNH VĨNH LONG SỞ NỘI VỤ"))
    assert result.issuer == "SỞ NỘI VỤ"


def _committee_plan(names: str) -> str:
    return _plan(
        f"{names}\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-BCĐ\n"
        "Quảng Nam, ngày 12 tháng 3 năm 2021"
    )


def test_a_name_whose_so_is_a_number_is_not_parted_there_as_at_a_department():
    result = read_text(_committee_plan("BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH QUẢNG NAM"))
    assert result.issuer == "BAN CHỈ ĐẠO CHUYỂN ĐỔI SỐ TỈNH QUẢNG NAM"


def test_a_sub_committee_on_its_committee_s_line_is_parted_before_tieu_ban():
    result = read_text(_committee_plan("BAN TỔ CHỨC HỘI THI TIỂU BAN GIÁM KHẢO"))
    assert result.issuer == "TIỂU BAN GIÁM KHẢO"


def test_a_department_on_its_committee_s_line_is_still_parted_before_so():
    result = read_text(_committee_plan("UBND TỈNH QUẢNG NAM SỞ NỘI VỤ"))
    assert result.issuer == "SỞ NỘI VỤ"
