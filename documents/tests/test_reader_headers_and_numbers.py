"""Failure classes the reader's second held-out third showed (documents/tests/corpus/): bare or
split issuer names, the Youth Union's header, a number or a date wrapped in its narrow column,
and numbers typed in the wrong case or with a space for their hyphen. Each specimen is typed here
in the manner of real documents."""

import datetime
import textwrap

import pytest

from core.text import fold
from documents.reader import read_text

BODY = "KẾ HOẠCH\nTổ chức phong trào thi đua\nCăn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;\n1. Quán triệt.\n"


@pytest.mark.parametrize(
    ("header", "issuer"),
    [
        # A bare council's name: its place is in the date line, its level in the text.
        (
            "HỘI ĐỒNG NHÂN DÂN |\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM |\nSố: 07/2023/NQ-HĐND |\n"
            "Ninh Bình, ngày 14 tháng 7 năm 2023 |",
            "hoi dong nhan dan tinh ninh binh",
        ),
        (
            "HỘI ĐỒNG NHÂN DÂN\nSố: 21/NQ-HĐND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
            "Cần Thơ, ngày 8 tháng 12 năm 2022\nNGHỊ QUYẾT\nVề kế hoạch trên địa bàn thành phố Cần Thơ",
            "hoi dong nhan dan thanh pho can tho",
        ),
        # The date line, a table cell away from the header, among the grounds.
        (
            "HỘI ĐỒNG NHÂN DÂN\nSố: 07/2023/NQ-HĐND\nCăn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015;\n"
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nNinh Bình, ngày 14 tháng 7 năm 2023",
            "hoi dong nhan dan tinh ninh binh",
        ),
        # "ỦY" wrapped away from "BAN NHÂN DÂN" in a narrow cell of a flattened table.
        (
            "ỦY\nBAN NHÂN DÂN\nTỈNH BẠC LIÊU\n-------\n|\nCỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\n"
            "Số: 88/KH-UBND\n|\nBạc Liêu, ngày 02 tháng 3 năm 2021",
            "uy ban nhan dan tinh bac lieu",
        ),
        (
            "LIÊN\nĐOÀN LAO ĐỘNG\nTỈNH HÀ GIANG\n|\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n|\nSố: 19/KH-LĐLĐ",
            "lien doan lao dong tinh ha giang",
        ),
        # The Youth Union's header: the organ on the left, the Union's name where the motto stands.
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG              ĐOÀN TNCS HỒ CHÍ MINH\n***\n"
            "Số: 140-KH/TWĐTN-VP              Hà Nội, ngày 12 tháng 3 năm 2023",
            "ban chap hanh trung uong doan tncs ho chi minh",
        ),
        (
            "BAN CHẤP HÀNH TRUNG ƯƠNG\nĐOÀN TNCS HỒ CHÍ MINH\nSố: 140-KH/TWĐTN-VP Hà Nội,\n"
            "ngày 12 tháng 3 năm 2023",
            "ban chap hanh trung uong doan tncs ho chi minh",
        ),
        (
            "TỈNH ĐOÀN QUẢNG NAM              ĐOÀN TNCS HỒ CHÍ MINH\n***\n"
            "Số: 31-KH/TĐTN-PT              Quảng Nam, ngày 5 tháng 4 năm 2023",
            "tinh doan quang nam",
        ),
    ],
)
def test_bare_split_and_youth_union_issuers(header, issuer):
    assert fold(read_text(f"{header}\n{BODY}").issuer) == issuer


def test_the_number_alone_on_the_line_under_its_label():
    result = read_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n|\nCỘNG HÒA XÃ HỘI\nCHỦ NGHĨA VIỆT NAM\n|\nSố:\n12/2022/QĐ-UBND\n|\n"
        "Lai Châu, ngày 15 tháng 3 năm 2022\n|\nQUYẾT ĐỊNH\nBAN HÀNH QUY CHẾ THI ĐUA\n"
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;\nQUYẾT ĐỊNH:\nĐiều 1. Ban hành.\n"
    )
    assert result.number_symbol == "12/2022/QĐ-UBND"
    assert [b.number_symbol for b in result.bases] == ["91/2017/NĐ-CP"]  # not its own number


@pytest.mark.parametrize(
    "date_line",
    [
        "Sơn La, ngày\n09 tháng 11 năm 2021",  # wrapped just after "ngày"
        "Sơn La, ngày 09\ntháng 11 năm 2021",
        "Sơn La,\nngày 09 tháng 11 năm 2021",  # wrapped after the place
    ],
)
def test_a_date_wrapped_in_its_column(date_line):
    result = read_text(f"ỦY BAN NHÂN DÂN\nTỈNH SƠN LA\nSố: 201/KH-UBND\n{date_line}\n{BODY}")
    assert result.date == datetime.date(2021, 11, 9)
    assert fold(result.issuer) == "uy ban nhan dan tinh son la"


def test_a_bare_people_s_committee_takes_its_place_from_a_wrapped_date():
    result = read_text(
        "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\nSố:  77/QĐ-UBND  Điện  Biên,  ngày\n"
        f"3 tháng 2 năm 2020\n{BODY}"
    )
    assert result.date == datetime.date(2020, 2, 3)
    assert fold(result.issuer) == "uy ban nhan dan tinh dien bien"


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("Quyết định số 101/QĐ-TTG ngày 23/01/2017 của Thủ tướng Chính phủ", "101/QĐ-TTg"),
        ("Chương trình số 05/CTR-UBND ngày 13/4/2020 của Ủy ban nhân dân tỉnh", "05/CTr-UBND"),
        ("Kế hoạch số 298 KH/TWĐTN ngày 14/7/2011 của Ban Chấp hành Trung ương Đoàn", "298-KH/TWĐTN"),
        ("Nghị quyết số 05 NQ/TU ngày 17/3/2021 của Tỉnh ủy", "05-NQ/TU"),
    ],
)
def test_numbers_in_the_wrong_case_or_with_a_space_for_their_hyphen(written, number):
    result = read_text(f"KẾ HOẠCH\nThi đua\nCăn cứ {written};\n1. Quán triệt.\n")
    assert [b.number_symbol for b in result.bases] == [number]
    assert result.bases[0].date is not None


def test_a_count_before_capitals_and_a_slash_is_not_a_party_number():
    """Only a document type's code after the space makes a number ("298 KH/TWĐTN")."""
    result = read_text("KẾ HOẠCH\nThi đua\nCăn cứ kết quả thi của 12 THPT/GDTX trong tỉnh;\n1. Quán triệt.\n")
    assert result.bases == []


def test_a_body_that_names_itself_as_issuer_without_a_header():
    result = read_text(
        "KẾ HOẠCH\nTổ chức đại hội Đoàn các cấp nhiệm kỳ 2022 - 2027\n"
        "Căn cứ Kế hoạch số 45-KH/TWĐTN ngày 10/3/2022 của Ban Chấp hành Trung ương Đoàn; "
        "Ban Chấp hành Tỉnh đoàn Bắc Giang ban hành Kế hoạch tổ chức đại hội Đoàn các cấp, cụ thể như sau:\n"
        "I. YÊU CẦU\n"
    )
    assert fold(result.issuer) == "ban chap hanh tinh doan bac giang"
    assert [b.number_symbol for b in result.bases] == ["45-KH/TWĐTN"]


def test_a_document_printed_as_one_run_on_paragraph():
    """A forum or a site's extraction loses every line break; words run together where lines met."""
    result = read_text(
        "TỈNH ĐOÀN NGHỆ AN***Số: 112 - QĐ/TĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Nghệ An, ngày 5 tháng 3 năm 2021 "
        "QUYẾT ĐỊNHVề việc tặng Bằng khen cho các tập thể có thành tích trong công tác Đoàn năm 2020--------- "
        "BAN THƯỜNG VỤ TỈNH ĐOÀN NGHỆ AN- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; - Căn cứ Quy chế làm việc của "
        "Ban Chấp hành Tỉnh đoàn ban hành kèm theo Quyết định số 05 QĐ/TĐTN ngày 10/01/2018 của Ban Chấp hành "
        "Tỉnh đoàn; - Xét đề nghị của Ban Tổ chức - Kiểm tra Tỉnh đoàn, QUYẾT ĐỊNH Điều 1. Tặng Bằng khen cho "
        "12 tập thể. Điều 2. Văn phòng Tỉnh đoàn và các tập thể có tên tại Điều 1 thi hành Quyết định này. "
        "Điều 3. Quyết định có hiệu lực từ ngày ký./. Nơi nhận: - Như điều 2; - Thường trực Tỉnh đoàn; - Lưu VP. "
        "TM. BAN THƯỜNG VỤ TỈNH ĐOÀNBÍ THƯ (đã ký) Nguyễn Văn An"
    )
    assert (result.type, result.number_symbol, result.date) == (
        "Quyết định",
        "112-QĐ/TĐTN-VP",
        datetime.date(2021, 3, 5),
    )
    assert (
        fold(result.title)
        == "ve viec tang bang khen cho cac tap the co thanh tich trong cong tac doan nam 2020"
    )
    assert fold(result.issuer) == "tinh doan nghe an"
    assert [b.number_symbol for b in result.bases] == ["05-QĐ/TĐTN"]
    assert [item[:7] for item in result.items] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert len(result.recipients) == 3


def test_a_run_on_paragraph_wrapped_again_into_short_lines():
    """A PDF made from a run-on text (or a narrow page) wraps it anywhere: grounds and articles
    begin in the middle of lines, a symbol is cut after its slash or hyphen."""
    run_on = (
        "HUYỆN ĐOÀN THANH CHƯƠNG***Số: 41 - QĐ/HĐTN-VPĐOÀN TNCS HỒ CHÍ MINH Thanh Chương, ngày 2 tháng 4 "
        "năm 2019 QUYẾT ĐỊNHVề việc ban hành Quy chế làm việc của Ban Chấp hành Huyện đoàn--------- "
        "BAN THƯỜNG VỤ HUYỆN ĐOÀN THANH CHƯƠNG- Căn cứ Điều lệ Đoàn TNCS Hồ Chí Minh; - Căn cứ Hướng dẫn "
        "số 12 HD/TĐTN ngày 4/01/2018 của Ban Thường vụ Tỉnh đoàn; - Xét đề nghị của Văn phòng Huyện "
        "đoàn, QUYẾT ĐỊNH Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc. Điều 2. Quyết định có "
        "hiệu lực từ ngày ký. Điều 3. Văn phòng Huyện đoàn thi hành Quyết định này./. Nơi nhận: - Tỉnh "
        "đoàn; - Như điều 3; - Lưu VP-TH. TM. BAN THƯỜNG VỤ HUYỆN ĐOÀNBÍ THƯ (đã ký) Trần Thị Hoa"
    )
    wrapped = "\n".join(textwrap.wrap(run_on, 37, break_long_words=True))
    assert max(len(line) for line in wrapped.splitlines()) <= 37
    result = read_text(wrapped)
    assert (result.type, result.number_symbol, result.date) == (
        "Quyết định",
        "41-QĐ/HĐTN-VP",
        datetime.date(2019, 4, 2),
    )
    assert fold(result.title) == "ve viec ban hanh quy che lam viec cua ban chap hanh huyen doan"
    assert fold(result.issuer) == "huyen doan thanh chuong"
    assert [b.number_symbol for b in result.bases] == ["12-HD/TĐTN"]
    assert [item[:7] for item in result.items] == ["Điều 1.", "Điều 2.", "Điều 3."]
    assert len(result.recipients) == 3


def test_a_ground_that_an_article_replaces_is_no_basis():
    """A decision recalls among its grounds the regulation it then replaces in Điều 2."""
    result = read_text(
        "ỦY BAN NHÂN DÂN\nTỈNH LẠNG SƠN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 15/2016/QĐ-UBND\nLạng Sơn, ngày 3 tháng 5 năm 2016\nQUYẾT ĐỊNH\n"
        "Về việc ban hành Quy chế thi đua, khen thưởng\nỦY BAN NHÂN DÂN TỈNH LẠNG SƠN\n"
        "Căn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;\n"
        "Căn cứ Nghị định số 42/2010/NĐ-CP ngày 15/4/2010 của Chính phủ;\n"
        "Căn cứ Quy chế ban hành kèm theo Quyết định số 08/2012/QĐ-UBND ngày 2/3/2012 của UBND tỉnh;\n"
        "Xét đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 77/TTr-SNV ngày 20/4/2016,\nQUYẾT ĐỊNH:\n"
        "Điều 1. Ban hành kèm theo Quyết định này Quy chế thi đua, khen thưởng.\n"
        "Điều 2. Quyết định này có hiệu lực sau 10 ngày kể từ ngày ký và thay thế Quyết định số "
        "08/2012/QĐ-UBND ngày 2/3/2012 của UBND tỉnh.\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh thi hành Quyết định này./.\n"
    )
    assert [b.number_symbol for b in result.bases] == ["42/2010/NĐ-CP"]
    assert [p.number_symbol for p in result.proposals] == ["77/TTr-SNV"]


@pytest.mark.parametrize(
    ("heading", "doc_type"),
    [
        ("NGHỊ QUYẾT LIÊN TỊCH", "Nghị quyết liên tịch"),
        ("THÔNG TƯ LIÊN TỊCH", "Thông tư liên tịch"),
        ("KẾ HOẠCH LIÊN TỊCH", "Kế hoạch"),
    ],
)
def test_a_joint_heading_names_its_own_type_where_there_is_one(heading, doc_type):
    """A joint resolution or circular is a type of its own; a joint plan is still a plan."""
    result = read_text(
        f"{heading}\nVề phối hợp công tác\nCăn cứ Luật Mặt trận Tổ quốc Việt Nam ngày 09 tháng 6 năm 2015;\n"
        "Điều 1. Phạm vi điều chỉnh\n"
    )
    assert result.type == doc_type
