"""The classes the tenth held-out set showed (docs/documents.md): a number with a letter in it,
a symbol with a full stop inside, a basis's number typed with a space after its slash, and the
others listed there. Each specimen is typed here in the manner of real documents, never copied
from the corpus texts."""

import pytest

from documents.reader import read_text
from documents.reader.numbers import parse_number_symbol

_BODY = (
    "Căn cứ Điều lệ Công đoàn Việt Nam;\n\n"
    "1. Mục đích\n\nNâng cao chất lượng hoạt động.\n\n2. Nội dung\n\nTổ chức các phong trào.\n"
)


@pytest.mark.parametrize(("typed", "read"), [("12a /NQ-LĐLĐ", "12a/NQ-LĐLĐ"), ("07c/KH-CĐN", "07c/KH-CĐN")])
def test_a_number_with_a_letter_in_it_is_the_documents_number(typed, read):
    """“Số: 12a /NQ-LĐLĐ” numbers a resolution issued beside 12/NQ-LĐLĐ: the letter is part of it."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH YÊN BÁI\n\n"
        f"Số: {typed}\n\nYên Bái, ngày 14 tháng 7 năm 2016\n\n"
        f"NGHỊ QUYẾT\n\nVỀ CÔNG TÁC KIỂM TRA CÔNG ĐOÀN\n\n{_BODY}"
    )
    assert result.number_symbol == read
    assert read not in {basis.number_symbol for basis in result.bases}


def test_a_letter_glued_to_a_word_makes_no_number():
    """A letter is part of a number only right after its digits: “Tổ 3b/KH” is no number, and a
    word after a number (“12 ha/năm”) is not read as one."""
    assert parse_number_symbol("12ab/NQ-LĐLĐ") is None
    assert parse_number_symbol("12B/NQ-LĐLĐ") is None


def test_a_symbol_with_a_full_stop_inside_is_read_whole():
    """Schools write their issuer's code with a full stop (“BC-THCS.TTBH”); the number is not
    cut at it, and a sentence's full stop after a number still ends it."""
    result = read_text(
        "TRƯỜNG THCS THỊ TRẤN BẾN LỨC\n\n"
        "Số: 05/BC-THCS.TTBL\n\nBến Lức, ngày 08 tháng 01 năm 2021\n\n"
        "BÁO CÁO\n\nSơ kết học kì I năm học 2020-2021\n\n"
        "Căn cứ Kế hoạch số 12/KH-PGDĐT của Phòng Giáo dục và Đào tạo. Nhà trường báo cáo:\n\n"
        "1. Kết quả\n\nHoàn thành các chỉ tiêu.\n\n2. Tồn tại\n\nCòn hạn chế.\n"
    )
    assert result.number_symbol == "05/BC-THCS.TTBL"
    assert {basis.number_symbol for basis in result.bases} == {"12/KH-PGDĐT"}


def test_a_basis_number_typed_with_a_space_after_its_slash_is_read():
    """“công văn số 877/ SGDĐT-GDTrH” is the letter 877/SGDĐT-GDTrH; a list's “1/ Mục đích”
    stays a list item."""
    result = read_text(
        "TRƯỜNG THPT LONG AN\n\nSố: 31/KH-THPT\n\nTân An, ngày 20 tháng 9 năm 2020\n\n"
        "KẾ HOẠCH\n\nHoạt động chuyên môn năm học 2020-2021\n\n"
        "Căn cứ công văn số 877/ SGDĐT-GDTrH ngày 10/9/2020 của Sở Giáo dục và Đào tạo;\n\n"
        "1/ Mục đích\n\nNâng cao chất lượng.\n\n2/ Nội dung\n\nDạy học theo chuẩn.\n"
    )
    assert {basis.number_symbol for basis in result.bases} == {"877/SGDĐT-GDTrH"}


def test_a_number_cut_after_its_last_hyphen_gets_its_end_back_from_under_the_date():
    """“Số: 41 / BC-BCĐ-” … date … “PCTT”: a Word table's extraction put the number's end under
    the date line; it ends the number and is no part of the issuer's name."""
    result = read_text(
        "UBND HUYỆN HẬU LỘC\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n\nBAN CHỈ ĐẠO PCTT\n\n"
        "Độc lập – Tự do – Hạnh phúc\n\nSố: 41 / BC-BCĐ-\n\nHậu Lộc, ngày 05 tháng 12 năm 2021\n\n"
        f"PCTT\n\nBÁO CÁO\nKẾT QUẢ CÔNG TÁC PHÒNG CHỐNG THIÊN TAI NĂM 2021\n\n{_BODY}"
    )
    assert result.number_symbol == "41/BC-BCĐ-PCTT"
    assert result.issuer == "BAN CHỈ ĐẠO PCTT"


def test_a_subtitle_in_sentence_case_under_a_capitals_title_ends_it():
    """“BÁO CÁO” / “KẾT QUẢ XÂY DỰNG TRƯỜNG CHUẨN QUỐC GIA” / “Thời điểm tháng 6 năm 2019”: the
    line in sentence case that dates the report is the end of its title, not body."""
    result = read_text(
        "UBND HUYỆN QUẢNG XƯƠNG\n\nBAN CHỈ ĐẠO XÂY DỰNG TRƯỜNG CHUẨN\n\nSố: 17/BC-BCĐ\n\n"
        "Quảng Xương, ngày 20 tháng 6 năm 2019\n\nBÁO CÁO\nKẾT QUẢ XÂY DỰNG TRƯỜNG CHUẨN QUỐC GIA\n"
        "Thời điểm tháng 6 năm 2019\nPHẦN I\nĐẶC ĐIỂM TÌNH HÌNH\n1. Thuận lợi\nCó sự quan tâm.\n"
    )
    assert result.title == "KẾT QUẢ XÂY DỰNG TRƯỜNG CHUẨN QUỐC GIA Thời điểm tháng 6 năm 2019"


def test_a_school_union_named_only_in_the_title_is_the_issuer():
    """A plan posted without header, whose title says whose it is (“… của Công đoàn trường …”)."""
    result = read_text(
        "KẾ HOẠCH\nTổ chức hội thi cắm hoa chào mừng ngày 20/10\n"
        "của Công đoàn trường Tiểu học Lê Lợi\n"
        "Thực hiện Kế hoạch số 12/KH-CĐGD ngày 01/10/2015 của Công đoàn Giáo dục huyện Quế Sơn, "
        "Ban Chấp hành lập kế hoạch như sau:\n"
        "I. Mục đích\n1. Động viên nữ đoàn viên.\nII. Nội dung\n1. Hội thi cắm hoa.\n"
    )
    assert result.issuer == "Công đoàn trường Tiểu học Lê Lợi"


def test_a_school_union_named_only_in_the_first_sentence_is_the_issuer():
    """A report whose first sentence names the union it reports on (“hoạt động Công đoàn trường
    … đạt được …”); the bodies whose instruments it cites are not its issuer."""
    result = read_text(
        "BÁO CÁO SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN HỌC KỲ I\n"
        "Thực hiện Nghị quyết Ban Chấp hành Công đoàn Giáo dục huyện Duy Xuyên, hoạt động Công đoàn "
        "trường THCS Lê Quý Đôn học kỳ I năm học 2019-2020 đạt được những kết quả sau:\n"
        "I. Tình hình đội ngũ\n1. Tổng số đoàn viên: 40.\nII. Kết quả\n1. Chăm lo đời sống.\n"
    )
    assert result.issuer == "Công đoàn trường THCS Lê Quý Đôn"


def test_a_decision_replaced_through_a_long_description_is_no_basis():
    """“thay thế Quy chế … ban hành kèm theo Quyết định số …”: the replaced decision is far from
    “thay thế”, but it is replaced all the same, not a ground."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẮC NINH\n\nSố: 145/QĐ-LĐLĐ\n\nBắc Ninh, ngày 12 tháng 4 năm 2017\n\n"
        "QUYẾT ĐỊNH\n\nVề việc ban hành Quy chế chi tiêu nội bộ\n\n"
        "Căn cứ Điều lệ Công đoàn Việt Nam;\n\nQUYẾT ĐỊNH:\n\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế chi tiêu nội bộ.\n\n"
        "Điều 2. Quyết định có hiệu lực từ ngày ký và thay thế Quy chế chi tiêu nội bộ của cơ quan "
        "Liên đoàn Lao động tỉnh ban hành kèm theo Quyết định số 77/QĐ-LĐLĐ ngày 02/3/2012 của Ban "
        "Thường vụ Liên đoàn Lao động tỉnh.\n"
    )
    assert "77/QĐ-LĐLĐ" not in {basis.number_symbol for basis in result.bases}


def test_a_posts_summary_line_above_a_word_header_is_no_issuer():
    """In Word, a site's summary line above the document (“Nội dung báo cáo tổng kết năm học”)
    names a document, not a body: it is no issuer."""
    result = read_text(
        "Báo cáo tổng kết năm học 2019-2020\nNội dung báo cáo tổng kết năm học\nBÁO CÁO\n"
        "Tổng kết năm học 2019-2020\n"
        "PHÒNG GD-ĐT BẾN LỨC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Căn cứ Kế hoạch số 12/KH-PGDĐT ngày 05/9/2019 của Phòng Giáo dục và Đào tạo;\n"
        "1. Kết quả\nHoàn thành.\n2. Tồn tại\nCòn hạn chế.\n"
    )
    assert result.issuer is None  # no body is named above the heading


def test_a_posts_title_repeating_the_heading_and_a_signature_moved_above_are_no_title():
    """A site prints the post's title (the heading again) and moves the signature above the text
    (“TM/BCH CHỦ TỊCH …”): the title is the heading's own, not those lines run into it."""
    result = read_text(
        "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN THÁNG 11 NĂM 2021\nKẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN THÁNG 11 NĂM 2021\n"
        "TM/BCH CHỦ TỊCH NGUYỄN VĂN AN\n"
        "Thực hiện Kế hoạch số 05/KH-CĐGD ngày 02/11/2021 của Công đoàn Giáo dục huyện, Công đoàn "
        "trường Tiểu học Hòa Bình xây dựng kế hoạch như sau:\n"
        "1. Tổ chức kỷ niệm ngày Nhà giáo Việt Nam.\n2. Thăm hỏi đoàn viên ốm đau.\n"
    )
    assert result.title == "HOẠT ĐỘNG CÔNG ĐOÀN THÁNG 11 NĂM 2021"
    assert len(result.items) == 2
