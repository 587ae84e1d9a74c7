"""Failure classes the reader's fifth held-out set showed, all in grassroots trade unions' rules
(documents/tests/corpus/): a header typed in mixed case, a run-on text whose number has no colon
and whose heading lost its space, a union's symbol that puts the type after the union, a
register whose labels have no colons, “QUI CHẾ” spelled with i, a union named by its kind under
its school, and the promulgating decision in the subtitle. Each specimen is typed here in the
manner of real documents, never copied from the held-out texts."""

import datetime

from core.text import fold
from documents.reader import read_text
from documents.reader.numbers import parse_number_symbol


def test_a_header_in_mixed_case_names_its_issuer_and_a_dashed_ground_ends_the_title():
    """A school's union types its header in mixed case, the motto too; “- Căn cứ …” under a
    title in sentence case is the first ground, not the title's third line."""
    result = read_text(
        "Trường THCS Hoà Bình\nCông đoàn trường THCS Hoà Bình\nSố: 05/QC-CĐ\n"
        "Cộng hoà xã hội chủ nghĩa việt nam\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hoà Bình, ngày 8 tháng 9 năm 2015\nQuy chế\nHoạt động của Ban chấp hành Công đoàn\n"
        "nhiệm kỳ 2015 - 2017\n"
        "- Căn cứ Hướng dẫn số 12/HD-CĐGD ngày 2/3/2015 của Công đoàn giáo dục tỉnh;\n"
        "Điều 1. Phạm vi.\nĐiều 2. Hiệu lực.\n"
    )
    assert result.issuer == "Công đoàn trường THCS Hoà Bình"
    assert result.title == "Hoạt động của Ban chấp hành Công đoàn nhiệm kỳ 2015 - 2017"
    assert [b.number_symbol for b in result.bases] == ["12/HD-CĐGD"]


def test_a_run_on_text_whose_number_has_no_colon_and_whose_heading_is_glued():
    """A preview prints the rule as one paragraph: “Hạnh phúc Số 07/CĐ/QC …”, the heading
    “QUYĐỊNH” glued, its summary in brackets, then the body on the same line."""
    result = read_text(
        "BCH CÔNG ĐOÀN Trường Tiểu học Lê Lợi CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – "
        "Hạnh phúc Số 07/CĐ/QC Vạn Ninh, ngày 2 tháng 11 năm 2012 QUYĐỊNH (Về việc chi tiêu quỹ "
        "phúc lợi của Công đoàn trường Tiểu học Lê Lợi) Ban chấp hành thống nhất quy định các "
        "nội dung sau đây : I. NGUỒN QUỸ PHÚC LỢI: 1. Đoàn phí được trích lại. II. NỘI DUNG CHI: "
        "1. Thăm hỏi đoàn viên."
    )
    assert result.type == "Quy định"
    assert fold(result.title) == "(ve viec chi tieu quy phuc loi cua cong doan truong tieu hoc le loi)"
    assert result.number_symbol == "07/CĐ/QC"
    assert result.date == datetime.date(2012, 11, 2)
    assert result.issuer == "BCH CÔNG ĐOÀN Trường Tiểu học Lê Lợi"
    assert len(result.items) == 2


def test_a_union_symbol_with_the_type_after_the_union():
    """“07/CĐ/QC”: the union (CĐ, not a Công điện), then the type; written as it was typed."""
    number = parse_number_symbol("07/CĐ/QC")
    assert str(number) == "07/CĐ/QC"
    assert number.type_name == "Quy chế"
    assert parse_number_symbol("12/KH/CĐ").type_name == "Kế hoạch"


def test_a_register_without_colons_dates_a_rule_that_left_its_date_blank():
    """A school's register prints “Ngày ban hành 14/03/2023” without colons, the rule's
    own date line is left blank; the register's summary above its fields is no heading."""
    result = read_text(
        "QUY ĐỊNH THI ĐUA CỦA CÔNG ĐOÀN TRƯỜNG\n"
        "Số kí hiệu 03-41/QĐ-MNHS\nNgày ban hành 14/03/2023\nThể loại Quy định\n"
        "Cơ quan ban hành Trường Mầm non Hoa Sen\nNgười ký Lê Thị Hạnh\nNội dung\n"
        "PHÒNG GD&ĐT HUYỆN ĐÔNG ANH\nTRƯỜNG MẦM NON HOA SEN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nĐông Anh, ngày     tháng     năm 2023\nQUY ĐỊNH\n"
        "THI ĐUA CỦA CÔNG ĐOÀN TRƯỜNG\n"
        "Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022;\n1. Đối tượng.\n"
    )
    assert result.date == datetime.date(2023, 3, 14)
    assert result.title == "THI ĐUA CỦA CÔNG ĐOÀN TRƯỜNG"
    assert result.issuer == "TRƯỜNG MẦM NON HOA SEN"
    assert [b.number_symbol for b in result.bases] == ["06/2022/QH15"]


def test_qui_che_spelled_with_i_is_a_quy_che():
    result = read_text(
        "CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH NAM ĐỊNH\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Nam Định, ngày 3 tháng 1 năm 2019\nQUI CHẾ\nLÀM VIỆC CỦA BAN THƯỜNG VỤ\n"
        "Căn cứ Điều lệ Công đoàn Việt Nam;\nĐiều 1. Phạm vi.\n"
    )
    assert result.type == "Quy chế"
    assert result.title == "LÀM VIỆC CỦA BAN THƯỜNG VỤ"


def test_a_union_named_by_its_kind_is_the_union_of_the_body_above_it():
    """“TRƯỜNG THCS …” / “CÔNG ĐOÀN TRƯỜNG”: the school's union; “CÔNG ĐOÀN CƠ SỞ” under a company."""
    school = read_text(
        "PHÒNG GD&ĐT QUẬN HOÀNG MAI\nTRƯỜNG THCS ĐỊNH CÔNG\nCÔNG ĐOÀN TRƯỜNG\nSố: 09/KH-CĐ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 5 tháng 9 năm 2022\nKẾ HOẠCH\nHoạt động năm học\n"
        "1. Mục đích.\n"
    )
    assert fold(school.issuer) == "cong doan truong thcs dinh cong"
    company = read_text(
        "CÔNG TY CỔ PHẦN MAY HƯNG YÊN\nCÔNG ĐOÀN CƠ SỞ\nSố: 02/KH-CĐCS\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHưng Yên, ngày 5 tháng 1 năm 2022\nKẾ HOẠCH\nThi đua năm 2022\n"
        "1. Mục đích.\n"
    )
    assert fold(company.issuer) == "cong doan co so cong ty co phan may hung yen"


def test_the_promulgating_decision_in_a_subtitle_is_a_basis_not_the_rule_s_number():
    """“(Kèm theo QĐ số 88 /QĐ – CĐ …)”, typed with spaces around its slash and dash, names the
    decision that issues the rule: the rule rests on it and has no number of its own."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIA LÂM\nCÔNG ĐOÀN CƠ SỞ XÃ ĐA TỐN\n"
        "(Kèm theo QĐ số 88 /QĐ – CĐ ngày 3 tháng 4 năm 2021 về việc ban hành quy chế)\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nGia Lâm, ngày 5 tháng 4 năm 2021\nQUY CHẾ\nCHI TIÊU NỘI BỘ\n"
        "Căn cứ Điều lệ Công đoàn Việt Nam;\nĐiều 1. Phạm vi.\n"
    )
    assert result.number_symbol is None
    assert [(b.number_symbol, b.date) for b in result.bases] == [("88/QĐ-CĐ", datetime.date(2021, 4, 3))]
