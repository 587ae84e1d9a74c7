"""The classes the thirteenth held-out set showed (docs/documents.md): a sample's issuer left as
dots, a letter without header whose standing committee names itself without "Ban", a letter whose
header names only the national union above a local body's number, a date glued to "ngày", a code
with one letter typed in small, a code joining two departments by "&", symbols typed with spaces
around their slashes and dashes, and the recipients' label run onto the last article's closing
mark. Each specimen is typed here in the manner of real documents, never copied from the corpus
texts."""

import pytest

from documents.reader import read_text
from documents.reader.numbers import parse_number_symbol


@pytest.mark.parametrize(
    "header",
    [
        "CÔNG ĐOÀN CƠ SỞ..................\nTRƯỜNG MẦM NON.............\n",
        "UBND HUYỆN .......... | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TRƯỜNG THCS …………… | Độc lập - Tự do - Hạnh phúc\n",
    ],
)
def test_a_samples_issuer_left_as_dots_names_no_issuer(header):
    result = read_text(
        header + "KẾ HOẠCH\nTổ chức ngày Quốc tế Phụ nữ 8/3\n"
        "I. MỤC ĐÍCH\n- Tôn vinh nữ đoàn viên.\nII. NỘI DUNG\n- Tọa đàm, văn nghệ.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.issuer is None


def test_a_named_issuer_is_kept_beside_dots_elsewhere_in_the_header():
    result = read_text(
        "LĐLĐ HUYỆN AN LÃO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CÔNG ĐOÀN TRƯỜNG TH AN THỌ | Độc lập - Tự do - Hạnh phúc\n"
        "Số: ..../KH-CĐ | An Lão, ngày … tháng … năm 2024\n"
        "KẾ HOẠCH\nTổ chức ngày Quốc tế Phụ nữ 8/3\nI. MỤC ĐÍCH\nII. NỘI DUNG\n"
    )
    assert result.issuer == "CÔNG ĐOÀN TRƯỜNG TH AN THỌ"


def test_a_letter_without_header_whose_standing_committee_names_itself_is_issued_by_it():
    result = read_text(
        "Kính gửi: - BCH các Công đoàn bộ phận\n"
        "Thực hiện chương trình công tác năm 2015, nhân dịp kỷ niệm ngày thành lập Công đoàn Việt Nam, "
        "Thường vụ Công đoàn Trường tổ chức Hội thao cán bộ viên chức năm 2015 như sau:\n"
        "- Thời gian đăng ký: trước ngày 10/7/2015.\n"
    )
    assert result.type == "Công văn"
    assert result.issuer == "Thường vụ Công đoàn Trường"


@pytest.mark.parametrize("sep", ["\n", " |\n"])
def test_the_national_union_alone_above_a_local_bodys_number_gives_that_body_of_the_place(sep):
    result = read_text(
        f"TỔNG LIÊN ĐOÀN LAO ĐỘNG{sep}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM{sep}"
        f"Số: 412/LĐLĐ{sep}TP. Cần Thơ, ngày 12 tháng 8 năm 2021{sep}"
        "Kính gửi: Ban Thường vụ Công đoàn các quận, huyện\n"
        "Liên đoàn Lao động thành phố đề nghị các đơn vị báo cáo số đoàn viên bị ảnh hưởng.\n"
    )
    assert result.type == "Công văn"
    assert result.issuer == "Liên đoàn Lao động thành phố Cần Thơ"


def test_a_bare_peoples_committee_of_an_abbreviated_city_is_that_citys():
    result = read_text(
        "ỦY BAN NHÂN DÂN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "| Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-UBND | TP. Vinh, ngày 02 tháng 3 năm 2022\n"
        "KẾ HOẠCH\nPhát động thi đua năm 2022\nI. MỤC ĐÍCH\nII. NỘI DUNG\n"
    )
    assert result.issuer == "Ủy ban nhân dân thành phố Vinh"


def test_a_date_glued_to_ngay_in_the_place_and_date_line_is_read():
    result = read_text(
        "LĐLĐ HUYỆN NGA SƠN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CĐ TH NGA THỦY | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 04/KH-CĐ\nNga Thủy, ngày7 tháng 9 năm 2021\n"
        "KẾ HOẠCH HOẠT ĐỘNG THÁNG 9/2021\nI. ĐÁNH GIÁ\nII. PHƯƠNG HƯỚNG\n"
    )
    assert result.date is not None and result.date.isoformat() == "2021-09-07"


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("21/LĐlĐ", "21/LĐLĐ"),
        ("05/KH-CĐcS", "05/KH-CĐCS"),
        ("877/SGDĐT-GDTrH", "877/SGDĐT-GDTrH"),  # a code's own small letter (Trung học) is kept
        ("2231/SNV-CCHC&PC", "2231/SNV-CCHC&PC"),
        ("118/QĐ-BNN&PTNT", "118/QĐ-BNN&PTNT"),
        ("63 / 2012 / NĐ - CP", "63/2012/NĐ-CP"),
        ("2351 / QĐ - TTg", "2351/QĐ-TTg"),
        ("101/QĐ-TTg", "101/QĐ-TTg"),
    ],
)
def test_codes_typed_with_a_small_letter_an_ampersand_or_spaces_are_read(typed, read):
    number = parse_number_symbol(typed)
    assert number is not None and str(number) == read


def test_citations_typed_with_spaces_and_an_ampersand_are_bases_and_proposals():
    result = read_text(
        "BỘ NỘI VỤ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "| Độc lập - Tự do - Hạnh phúc\n"
        "Số: 77/QĐ-BNV | Hà Nội, ngày 10 tháng 2 năm 2017\n"
        "QUYẾT ĐỊNH\nVề việc ban hành Kế hoạch cải cách hành chính năm 2017\n"
        "BỘ TRƯỞNG BỘ NỘI VỤ\n"
        "Căn cứ Nghị định số 34 / 2017 / NĐ - CP ngày 03/4/2017 của Chính phủ;\n"
        "Căn cứ Quyết định số 225 / QĐ - TTg ngày 04/02/2016 của Thủ tướng Chính phủ;\n"
        "Xét đề nghị của Vụ trưởng tại Công văn số 55/VCCHC-TH&PC ngày 01/02/2017,\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Ban hành Kế hoạch.\nĐiều 2. Quyết định có hiệu lực.\n"
    )
    assert {b.number_symbol for b in result.bases} == {"34/2017/NĐ-CP", "225/QĐ-TTg"}
    assert {p.number_symbol for p in result.proposals} == {"55/VCCHC-TH&PC"}


def test_the_recipients_label_run_onto_the_last_articles_closing_mark_opens_the_list():
    result = read_text(
        "BỘ Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "| Độc lập - Tự do - Hạnh phúc\n"
        "Số: 150/QĐ-BYT | Hà Nội, ngày 15 tháng 1 năm 2019\n"
        "QUYẾT ĐỊNH\nVề việc thành lập Tổ công tác\n"
        "Điều 1. Thành lập Tổ công tác.\n"
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n"
        "Điều 3. Chánh Văn phòng Bộ, Thủ trưởng các đơn vị chịu trách nhiệm thi hành Quyết định này./.Nơi nhận:\n"
        " • Như Điều 3;\n • Bộ trưởng (để b/c);\n • Lưu: VT.\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n"
    )
    assert result.recipients == ["Như Điều 3", "Bộ trưởng (để b/c)", "Lưu: VT"]
    assert len(result.items) == 3


def test_the_mottos_subtitle_cut_after_tu_at_the_issuers_line_end_is_no_part_of_the_name():
    result = read_text(
        "Số: 06/KH-CĐ LĐLĐ HUYỆN TĨNH GIA CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CĐ THCS HẢI AN Độc lập - Tự\ndo - Hạnh phúc\n"
        "Hải An, ngày 3 tháng 10 năm 2019\n"
        "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN THÁNG 10/2019\nI. ĐÁNH GIÁ\nII. PHƯƠNG HƯỚNG\n"
    )
    assert result.issuer == "CĐ THCS HẢI AN"
