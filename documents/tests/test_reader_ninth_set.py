"""Failure classes the reader's ninth held-out set showed (documents/tests/corpus/): a post with
no header that opens, under the site's time stamp, with its type and title in sentence case
(“Chỉ thị tăng cường …”). Each specimen is typed here in the manner of real documents, never
copied from the held-out texts."""

import datetime

import pytest

from documents.reader import read_text


@pytest.mark.parametrize("stamp", ["12/03/2014 08:45:10", "12/03/2014 08:45", "12-03-2014 - 08:45 AM"])
def test_a_post_time_stamp_above_a_typed_title_is_no_part_of_the_document(stamp):
    """A news site prints when it posted the text above it: the stamp is neither the document's
    date nor what keeps its first line (“Chỉ thị tăng cường …”) from naming its type and title."""
    result = read_text(
        f"{stamp}\n\nChỉ thị tăng cường công tác an toàn, vệ sinh lao động của Công đoàn\n\n"
        "Những năm qua, công tác an toàn, vệ sinh lao động đã có chuyển biến; song tai nạn lao "
        "động vẫn còn xảy ra ở nhiều nơi.\n\n"
        "Để khắc phục tình trạng trên, các cấp công đoàn cần thực hiện tốt các nội dung sau đây.\n"
    )
    assert result.type == "Chỉ thị"
    assert result.title == "tăng cường công tác an toàn, vệ sinh lao động của Công đoàn"
    assert result.date is None and result.number_symbol is None


@pytest.mark.parametrize(
    ("above", "title"),
    [
        (
            "Tổ chức Ngày hội văn hóa, thể thao cho đoàn viên năm 2015\n",
            "Tổ chức Ngày hội văn hóa, thể thao cho đoàn viên năm 2015",
        ),
        ("", None),
    ],
)
def test_a_letter_known_only_by_its_kinh_gui_is_a_cong_van(above, title):
    """No header, no number, no type's heading: a text addressed “Kính gửi: …” is a letter
    (Công văn), and a line above the address, in sentence case, is its summary."""
    result = read_text(
        f"{above}Kính gửi: Ban chấp hành các Công đoàn bộ phận\n"
        "Thực hiện Kế hoạch số 25/KH-CĐN ngày 10/3/2015 của Công đoàn ngành Giáo dục về việc tổ "
        "chức các hoạt động văn hóa, thể thao, Ban Thường vụ Công đoàn trường đề nghị như sau:\n"
        "1. Thời gian tổ chức\n"
        "Trong tháng 4 năm 2015.\n"
        "2. Nội dung thi đấu\n"
        "Bóng chuyền hơi, kéo co.\n"
    )
    assert result.type == "Công văn"
    assert result.title == title
    assert [basis.number_symbol for basis in result.bases] == ["25/KH-CĐN"]
    assert len(result.items) == 2


def test_line_ends_a_site_prints_as_backslash_letters_are_line_ends():
    """A page that prints its line ends as the letters “\\r\\n” (“\\r\\n 1. Thời gian …”): each
    one ends a line, so the items under it are items."""
    result = read_text(
        "KẾ HOẠCH\\r\\nTổ chức hội thao công nhân viên chức năm 2016\\r\\n"
        "\\r\\n 1. Mục đích, yêu cầu\\r\\n Tạo sân chơi lành mạnh.\\r\\n"
        "\\r\\n 2. Nội dung\\r\\n Thi kéo co, bóng bàn.\\r\\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == "Tổ chức hội thao công nhân viên chức năm 2016"
    assert len(result.items) == 2


def test_a_header_under_a_bullet_names_its_issuer_whole():
    """A register prints the header as a bulleted item (“• LIÊN ĐOÀN LAO ĐỘNG” / “TỈNH NGHỆ AN”):
    the bullet is no part of the name, which is not cut to its second line."""
    result = read_text(
        "  • LIÊN ĐOÀN LAO ĐỘNG\n\n    TỈNH NGHỆ AN\n\n    -------------\n\n    Số: 88/QĐ-LĐLĐ\n\n"
        "    CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\n    Độc lập - Tự do - Hạnh phúc\n\n"
        "    Nghệ An, ngày 15 tháng 3 năm 2021\n\n    QUYẾT ĐỊNH\n\n"
        "    Về việc khen thưởng các tập thể, cá nhân\n\n"
        "    Căn cứ Điều lệ Công đoàn Việt Nam;\n\n    Điều 1. Tặng Giấy khen cho 5 tập thể.\n"
    )
    assert result.issuer == "LIÊN ĐOÀN LAO ĐỘNG TỈNH NGHỆ AN"
    assert result.number_symbol == "88/QĐ-LĐLĐ"


def test_a_congress_cover_under_the_issuer_is_no_issuer_and_its_term_ends_the_title():
    """A congress's programme as a flipbook prints it: page marks (“P:01”), a cover naming the
    congress and its term under the union (“VĂN KIỆN ĐẠI HỘI”, “NHIỆM KỲ 2022 - 2027”), then the
    programme, whose title ends with its term in small letters (“Nhiệm kỳ 2022 - 2027”)."""
    result = read_text(
        "P:01\n\nLIÊN ĐOÀN LAO ĐỘNG HUYỆN ĐỨC THỌ\n\nCÔNG ĐOÀN CƠ SỞ XÃ TÙNG ẢNH\n\n"
        "VĂN KIỆN ĐẠI HỘI\n\nĐẠI HỘI CĐCS XÃ TÙNG ẢNH LẦN THỨ IV\n\nNHIỆM KỲ 2022 - 2027\n\n"
        "Tùng Ảnh, tháng 5 năm 2022\n\nP:02\n\nCHƯƠNG TRÌNH\n\n"
        "ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ XÃ TÙNG ẢNH LẦN THỨ IV\n\nNhiệm kỳ 2022 - 2027\n\n"
        "PHIÊN THỨ NHẤT\n\n7h30 - 8h00 Đón tiếp đại biểu\n\n8h00 - 8h15 Khai mạc Đại hội\n"
    )
    assert result.type == "Chương trình"
    assert result.issuer == "CÔNG ĐOÀN CƠ SỞ XÃ TÙNG ẢNH"
    assert result.title == "ĐẠI HỘI CÔNG ĐOÀN CƠ SỞ XÃ TÙNG ẢNH LẦN THỨ IV Nhiệm kỳ 2022 - 2027"


def test_a_header_in_a_legacy_encoding_gives_its_type_number_and_date():
    """A text converted from an old 8-bit encoding prints “?” for every letter it lost, Ð for Đ,
    and the symbol's Đ as a Cyrillic Р: the heading (“K? HO?CH”), the number label (“S?:”)
    and the date (“tháng 5 nam 2012”) are still read, and the name is not joined to the number."""
    result = read_text(
        "LIÊN ÐOÀN LAO Ð?NG              C?NG HOÀ XÃ H?I CH? NGHIA VI?T NAM\n\n"
        "    T?NH BÌNH Ð?NH                       Ð?c l?p -  T? do -  H?nh phúc\n\n"
        "        _______________\n\n"
        "   S?: 72/KH-LÐLР                         Quy Nhon, ngày 14 tháng  5 nam 2012\n\n"
        "K? HO?CH\n\nT? CH?C THÁNG CÔNG NHÂN NAM 2012\n\n"
        "Can c? Ngh? d?nh s? 42/2010/NÐ-CP ngày 15/4/2010 c?a Chính ph?;\n\n"
        "1. M?c dích, yêu c?u.\n\n2. N?i dung.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.number_symbol == "72/KH-LĐLĐ"
    assert result.date == datetime.date(2012, 5, 14)
    assert result.title == "T? CH?C THÁNG CÔNG NHÂN NAM 2012"
    assert result.issuer == "LIÊN ĐOÀN LAO Đ?NG T?NH BÌNH Đ?NH"


def test_a_post_title_naming_a_document_type_is_no_issuer():
    """A school site prints the post's title (“Kế hoạch hoạt động Công đoàn tháng 3”) twice above
    the plan, which names no body: the title names a document, it is not the issuer."""
    result = read_text(
        "Kế hoạch hoạt động Công đoàn tháng 3\n\nKế hoạch hoạt động Công đoàn tháng 3\n\n"
        "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN THÁNG 3\n\n1. Nội dung công việc.\n\n"
        "- Tổ chức kỷ niệm ngày Quốc tế Phụ nữ 8/3.\n\n2. Biện pháp thực hiện.\n\n"
        "- Các tổ công đoàn triển khai đến đoàn viên.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.issuer is None


def test_a_body_naming_itself_in_the_summary_above_the_heading_is_the_issuer():
    """A school site's summary above the plan ends with the body that drew it up (“BCH Công đoàn
    trường … xây dựng Kế hoạch …”); the plan under it has no header: that body is its issuer."""
    result = read_text(
        "Kế hoạch hoạt động Công đoàn tháng 4\n\nThứ hai - 05/04/2021 08:10\n"
        "Thực hiện Kế hoạch hoạt động Công đoàn nhà trường năm học 2020-2021;\n"
        "BCH Công đoàn trường TH&THCS Quảng Hợp xây dựng Kế hoạch hoạt động tháng 4 như sau:\n\n"
        "KẾ HOẠCH\n\nHoạt động Công đoàn tháng 4 năm 2021\n\n1. Nội dung.\n\n"
        "- Tổ chức Giỗ Tổ Hùng Vương.\n\n2. Biện pháp.\n\n- Các tổ triển khai.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.issuer == "BCH Công đoàn trường TH&THCS Quảng Hợp"


def test_a_document_replaced_in_an_article_run_together_is_no_basis():
    """A site runs “thay thế” into the name it replaces (“thay thếQuyết định số …”): that
    decision is still replaced, not a ground of this one."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH\n\nSố: 45/QĐ-LĐLĐ\n\nQUYẾT ĐỊNH\n\n"
        "Về việc ban hành Quy chế thi đua, khen thưởng\n\n"
        "Căn cứ Điều lệ Công đoàn Việt Nam;\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n\n"
        "Điều 2. Quyết định này thay thếQuyết định số 12/QĐ-LĐLĐ ngày 05 tháng 01 năm 2018 "
        "của Ban Thường vụ Liên đoàn Lao động tỉnh.\n"
    )
    assert result.bases == []
