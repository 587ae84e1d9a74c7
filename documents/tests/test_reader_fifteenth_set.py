"""The classes the fifteenth held-out set showed (docs/documents.md): a register's title field
opening with "V/v"; parts lettered with a full stop in capitals, a site's list marker before them;
a central committee's name cut over two lines under its standing organ; a month's span closing a
title in small letters; a header's bare name said in full where the text names its author; and an
outline's heading, a kind the project has no type for, read as a document rather than refused.
Each specimen is typed here in the manner of real documents, never copied from the corpus texts."""

import pytest

from documents.reader import ReaderError, read_text


def test_a_register_title_opening_with_v_v_is_a_letter_titled_without_the_label():
    result = read_text(
        "Tiêu đề văn bản | V/v hưởng ứng cuộc thi tìm hiểu Luật Công đoàn năm 2022 | ||\n"
        "Số hiệu | 45/CĐGD | Cơ quan ban hành | Công đoàn Giáo dục huyện |\n"
        "Phạm vi | Ngày ban hành | ||\n"
        "Loại tài liệu | Người ký | Nguyễn Văn Hòa - Chủ tịch |\n"
    )
    assert result.type == "Công văn"
    assert result.title == "hưởng ứng cuộc thi tìm hiểu Luật Công đoàn năm 2022"


def test_a_register_title_a_pdfs_narrow_column_wrapped_three_times_is_read_whole():
    result = read_text(
        "Tiêu đề văn bản V/v hưởng ứng cuộc thi\n"
        "tìm hiểu “Lịch sử Công đoàn\n"
        "tỉnh nhà” dành cho đoàn viên các\n"
        "Trường học năm 2022\n"
        "Số hiệu 45/CĐGD Cơ quan ban hành\n"
        "Công đoàn Giáo dục huyện\n"
    )
    assert result.title == (
        "hưởng ứng cuộc thi tìm hiểu “Lịch sử Công đoàn tỉnh nhà” dành cho đoàn viên các Trường học năm 2022"
    )


def test_a_register_title_opening_otherwise_keeps_its_words_and_no_type():
    result = read_text(
        "Tiêu đề văn bản | Về việc hưởng ứng cuộc thi tìm hiểu Luật Công đoàn năm 2022 | ||\n"
        "Số hiệu | 45/CĐGD | Cơ quan ban hành | Công đoàn Giáo dục huyện |\n"
    )
    assert result.type is None
    assert result.title == "Về việc hưởng ứng cuộc thi tìm hiểu Luật Công đoàn năm 2022"


_GUIDANCE_HEAD = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO\nSố: 91/HD-SGD\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nHải Dương, ngày 5 tháng 9 năm 2019\n"
    "HƯỚNG DẪN\nCông tác thi đua năm học 2019 - 2020\n"
    "Căn cứ tình hình thực tế, Sở hướng dẫn như sau:\n"
)


@pytest.mark.parametrize("marker", ["", "1. ", "2.  "])
def test_parts_lettered_with_a_full_stop_in_capitals_are_the_items(marker):
    result = read_text(
        f"{_GUIDANCE_HEAD}{marker}A. NHỮNG VIỆC CẦN LÀM NGAY\n1. Rà soát danh sách.\n2. Gửi báo cáo.\n"
        f"{marker}B. TỔ CHỨC THỰC HIỆN\nI. Cấp trường\n1. Họp hội đồng.\n"
    )
    assert len(result.items) == 2
    assert "A. NHỮNG VIỆC CẦN LÀM NGAY" in result.items[0]
    assert "B. TỔ CHỨC THỰC HIỆN" in result.items[1]


def test_a_letter_and_full_stop_before_small_letters_is_no_part():
    result = read_text(
        f"{_GUIDANCE_HEAD}1. Rà soát danh sách.\nB. Nguyễn Văn An phụ trách.\n2. Gửi báo cáo.\n"
    )
    assert len(result.items) == 2
    assert result.items[0].startswith("1. Rà soát")


def test_a_central_committee_cut_over_two_lines_is_the_body_of_its_standing_organ():
    result = read_text(
        "UỶ BAN TRUNG ƯƠNG\nHỘI CHỮ THẬP ĐỎ VIỆT NAM\nBAN THƯỜNG TRỰC\nSố: 12/KH-HCTĐ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 3 tháng 4 năm 2018\nKẾ HOẠCH\nTháng nhân đạo năm 2018\n"
        "I. MỤC ĐÍCH\n1. Vận động hội viên.\n"
    )
    assert result.issuer == "BAN THƯỜNG TRỰC UỶ BAN TRUNG ƯƠNG HỘI CHỮ THẬP ĐỎ VIỆT NAM"


def test_a_standing_organ_under_a_body_named_on_one_line_takes_only_that_body():
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH NAM ĐỊNH\nBAN THƯỜNG VỤ\nSố: 12/KH-LĐLĐ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Nam Định, ngày 3 tháng 4 năm 2018\nKẾ HOẠCH\nTháng công nhân năm 2018\n"
        "I. MỤC ĐÍCH\n1. Vận động đoàn viên.\n"
    )
    assert result.issuer == "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH NAM ĐỊNH"


def test_a_months_span_under_a_title_in_small_letters_closes_it():
    # As a PDF wraps the first paragraph under the title: its first line would run on the title.
    result = read_text(
        "HỘI NÔNG DÂN TỈNH\nSố: 20/KH-HND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nThái Bình, ngày 2 tháng 8 năm 2017\nKẾ HOẠCH\n"
        "Tổ chức đợt thi đua “Nông dân sản xuất giỏi”\nTừ 15 tháng 9 đến 30 tháng 10 năm 2017\n"
        "Phát huy kết quả phong trào thi đua của các cấp Hội trong những\n"
        "năm qua, Ban Thường vụ Hội Nông dân tỉnh xây dựng kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n1. Động viên hội viên.\n"
    )
    assert (
        result.title == "Tổ chức đợt thi đua “Nông dân sản xuất giỏi” Từ 15 tháng 9 đến 30 tháng 10 năm 2017"
    )


_OFFICE_HEAD = (
    "UBND HUYỆN KIM SƠN\nPHÒNG VĂN HÓA VÀ THÔNG TIN\nSố: 33/PVHTT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\nKim Sơn, ngày 9 tháng 3 năm 2016\nV/v tổ chức ngày hội đọc sách\n"
    "Kính gửi: Các trường học trên địa bàn huyện\n"
)


def test_the_mottos_first_word_run_onto_the_issuers_line_by_a_pdf_is_no_part_of_the_name():
    result = read_text(
        "UBND HUYỆN KIM SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nPHÒNG VĂN HÓA VÀ THÔNG TIN Độc\n"
        "lập - Tự do - Hạnh phúc\nSố: 33/PVHTT Kim Sơn,\nngày 9 tháng 3 năm 2016\n"
        "V/v tổ chức ngày hội đọc sách\nKính gửi: Các trường học trên địa bàn huyện\n"
        "1. Trưng bày sách.\n2. Báo cáo kết quả.\n"
    )
    # named with the district its committee's line names (the sixteenth round's rule), "Độc" no part
    assert result.issuer == "PHÒNG VĂN HÓA VÀ THÔNG TIN KIM SƠN"


def test_a_headers_bare_name_said_in_full_where_the_text_names_its_author_is_that_name():
    result = read_text(
        f"{_OFFICE_HEAD}Thực hiện kế hoạch của Sở Văn hóa, Phòng Văn hóa và Thông tin Kim Sơn "
        "hướng dẫn các trường như sau:\n1. Trưng bày sách.\n2. Báo cáo kết quả.\n"
    )
    assert result.issuer == "Phòng Văn hóa và Thông tin Kim Sơn"


def test_a_text_naming_another_body_or_no_more_than_the_header_keeps_the_headers_name():
    result = read_text(
        f"{_OFFICE_HEAD}Sở Văn hóa tỉnh hướng dẫn tổ chức ngày hội; Phòng Văn hóa và Thông tin "
        "đề nghị các trường như sau:\n1. Trưng bày sách.\n2. Báo cáo kết quả.\n"
    )
    # the header's name, with the district its committee's line names (the sixteenth round's rule)
    assert result.issuer == "PHÒNG VĂN HÓA VÀ THÔNG TIN KIM SƠN"


def test_an_outline_heading_is_read_as_a_document_with_no_type():
    result = read_text(
        "BCH ĐOÀN TỈNH NINH BÌNH\n***\nNinh Bình, ngày 10 tháng 3 năm 2016\n"
        "ĐỀ CƯƠNG GIỚI THIỆU\nlịch sử 85 năm Đoàn TNCS Hồ Chí Minh\n"
    )
    assert result.type is None
    assert result.title == "ĐỀ CƯƠNG GIỚI THIỆU lịch sử 85 năm Đoàn TNCS Hồ Chí Minh"
    assert str(result.date) == "2016-03-10"
    assert result.issuer == "BCH ĐOÀN TỈNH NINH BÌNH"


@pytest.mark.parametrize(
    "text",
    ["Đề cương ôn tập môn Toán cho các em.\nCác em làm bài đầy đủ.", "Hôm nay lớp học đề cương ôn tập."],
)
def test_an_outline_named_in_small_letters_is_still_refused(text):
    with pytest.raises(ReaderError, match="Không nhận ra cấu trúc văn bản"):
        read_text(text)
