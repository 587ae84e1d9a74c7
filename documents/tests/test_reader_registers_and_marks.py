"""Failure classes the reader's third held-out set showed (documents/tests/corpus/): a symbol
naming a department with a space, a legal database's register of labelled fields, a union's plan
with no header, a non-place in the date line, a run-on header whose columns interleave, the `via`
of a citation listed after one that cites a third, and tone marks typed in the wrong order. Each
specimen is typed here in the manner of real documents, never copied from the held-out texts."""

import datetime
import unicodedata

import pytest

from core.text import fold
from documents.reader import read_text
from documents.reader.numbers import parse_number_symbol


@pytest.mark.parametrize("symbol", ["204/BTĐKT-Vụ III", "37/VPCP-Vụ I", "15/2019/TT-BNV-Vụ IV"])
def test_a_symbol_naming_a_department_with_a_space(symbol):
    """The emulation board numbers its letters by department: “Vụ III” is part of the symbol."""
    result = read_text(
        "BAN THI ĐUA - KHEN THƯỞNG TRUNG ƯƠNG\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        f"Số: {symbol}\nV/v hướng dẫn xét tặng danh hiệu thi đua\nHà Nội, ngày 4 tháng 3 năm 2019\n"
        "Kính gửi: Các Bộ, ngành, đoàn thể Trung ương\n"
        "Thực hiện Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ, Ban đề nghị như sau.\n"
    )
    assert result.number_symbol == symbol
    assert fold(result.issuer) == "ban thi dua - khen thuong trung uong"
    assert str(parse_number_symbol(symbol)) == symbol


def test_tone_marks_typed_before_the_vowel_s_shape_read_as_the_letter():
    """An old keyboard driver types “ế” as e, acute, circumflex: NFC alone leaves it apart."""
    scrambled = "KE\u0301\u0302 HOA\u0323CH\nTie\u0301\u0302p tu\u0323c thi đua năm 2024\n"
    result = read_text(
        "CÔNG ĐOÀN NGÀNH Y TẾ\nSố: 12/KH-CĐN\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        + scrambled
        + "Căn cứ Hướng dẫn số 3/HD-CĐN ngày 2/1/2024 của Công đoàn ngành Y tế;\n1. Mục đích.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == unicodedata.normalize("NFC", "Tiếp tục thi đua năm 2024")


def test_a_reposted_conclusion_in_capitals_without_so_and_with_scrambled_tone_marks():
    """A reposting site prints type, number, issuers and summary on the first line, in
    capitals, with no “số”, and tone marks on the wrong letters; a ground's “, ngày” is then a
    citation's date, not the header's date line."""
    result = read_text(
        "KẾT LÙẬN 45-KL/TW CỦẢ BỘ CHÍNH TRỊ, BẠN BÍ THƯ VỀ TĨẾP TỤC THỰC HÌỆN CÔNG TÁC THI ĐŨA\n"
        "Trên cơ sở Tờ trình số 90-TTr/BTCTW, ngàỷ 03/3/2024 cũả Ban Tổ chức Trung ương, "
        "Bộ Chính trị, Ban Bí thư kết lụận như sáu:\n"
        "Tĩếp tục thực hỉện Chỉ thị số 34-CT/TW, ngàỳ 07/4/2014 củạ Bộ Chính trị.\n"
        "1. Các cấp ủy quán trĩệt.\n2. Tổ chức thực hiện.\n"
    )
    assert result.type == "Kết luận"
    assert result.number_symbol == "45-KL/TW"
    assert fold(result.issuer) == "bo chinh tri, ban bi thu"
    assert fold(result.title).startswith("ve tiep tuc thuc hien")
    assert result.date is None
    bases = {b.number_symbol: b for b in result.bases}
    assert bases["34-CT/TW"].date == datetime.date(2014, 4, 7)
    assert fold(bases["34-CT/TW"].issuer) == "bo chinh tri"
    assert bases["34-CT/TW"].via is None  # a new paragraph after “như sau:” is a new clause
    assert [p.number_symbol for p in result.proposals] == ["90-TTr/BTCTW"]


@pytest.mark.parametrize(
    ("ground", "vias"),
    [
        # The second conclusion stands beside the first, not inside the resolution it reviews.
        (
            "Thực hiện Kết luận số 10-KL/TW ngày 1/2/2024 của Bộ Chính trị về tổng kết Nghị quyết số "
            "5-NQ/TW của Ban Chấp hành Trung ương khóa XI và Kết luận số 11-KL/TW ngày 3/2/2024 của "
            "Ban Bí thư về sắp xếp bộ máy;",
            {"10-KL/TW": None, "5-NQ/TW": "10-KL/TW", "11-KL/TW": None},
        ),
        # Two directives of one kind, both in the plan's description, stay in it.
        (
            "Thực hiện Kế hoạch số 01/KH-LĐLĐ ngày 5/1/2015 của LĐLĐ tỉnh về thực hiện Chỉ thị số "
            "34-CT/TW ngày 7/4/2014 của Bộ Chính trị và Chỉ thị số 35/CT-TTg ngày 8/5/2014 của Thủ "
            "tướng Chính phủ;",
            {"01/KH-LĐLĐ": None, "34-CT/TW": "01/KH-LĐLĐ", "35/CT-TTg": "01/KH-LĐLĐ"},
        ),
    ],
)
def test_a_citation_joined_after_one_cited_inside_a_description(ground, vias):
    result = read_text(f"KẾ HOẠCH\nTổ chức phong trào thi đua\n{ground}\n1. Mục đích.\n")
    assert {b.number_symbol: b.via for b in result.bases} == vias


@pytest.mark.parametrize("place", ["Toàn quốc", "Trung ương", "Hà Nội"])
def test_a_non_place_in_the_date_line_still_dates_the_document(place):
    """Some decisions print “Toàn quốc” where the place goes; the date is still the date."""
    result = read_text(
        f"THỦ TƯỚNG CHÍNH PHỦ\nSố: 512/QĐ-TTg\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{place}, ngày 3 tháng 5 năm 2010\n"
        "QUYẾT ĐỊNH\nVề việc tặng Bằng khen\nCăn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;\n"
        "Điều 1. Tặng Bằng khen.\n"
    )
    assert result.date == datetime.date(2010, 5, 3)
    assert fold(result.issuer) == "thu tuong chinh phu"


def test_a_non_place_does_not_complete_a_bare_committee():
    result = read_text(
        "ỦY BAN NHÂN DÂN\nSố: 7/QĐ-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nToàn quốc, ngày 3 tháng 5 năm 2010\n"
        "QUYẾT ĐỊNH\nVề việc khen thưởng\nCăn cứ Luật Thi đua, Khen thưởng ngày 26 tháng 11 năm 2003;\n"
        "Điều 1. Tặng Giấy khen.\n"
    )
    assert result.date == datetime.date(2010, 5, 3)
    assert "toan quoc" not in fold(result.issuer or "")


def test_a_register_s_labelled_fields_say_what_the_document_is():
    """A document register lists a guidance by its fields; its own number is no basis."""
    result = read_text(
        "Thực hiện Kế hoạch số 05/KH-MTTW-BTT ngày 2/3/2019 của Ban Thường trực Ủy ban Trung ương "
        "MTTQ Việt Nam về tổ chức Ngày hội Đại đoàn kết toàn dân tộc\n"
        "Số hiệu: 31/HD-MTTQ\nLoại văn bản: Hướng dẫn\nLĩnh vực văn bản:\n"
        "Cơ quan ban hành: Ủy ban MTTQ Việt Nam tỉnh Lào Cai\nNgày ban hành: 09/04/2019\n"
        "Ngày cập nhật: 10/04/2019\nTệp đính kèm: Tải về\n"
    )
    assert result.type == "Hướng dẫn"
    assert result.number_symbol == "31/HD-MTTQ"
    assert fold(result.issuer) == "uy ban mttq viet nam tinh lao cai"
    assert result.date == datetime.date(2019, 4, 9)
    assert [b.number_symbol for b in result.bases] == ["05/KH-MTTW-BTT"]


def test_a_register_printed_above_the_document_it_lists():
    result = read_text(
        "Số hiệu: 44/KH-UBND\nLoại văn bản: Kế hoạch\nNơi ban hành: Tỉnh Yên Bái\nNgười ký: Nguyễn Văn A\n"
        "Ngày ban hành: 15/03/2022\nTrích yếu: Tổ chức phong trào thi đua yêu nước năm 2022\n"
        "ỦY BAN NHÂN DÂN TỈNH YÊN BÁI\nSố: 44/KH-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Yên Bái, ngày 15 tháng 3 năm 2022\nKẾ HOẠCH\nTổ chức phong trào thi đua yêu nước năm 2022\n"
        "Căn cứ Luật Thi đua, Khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "Thực hiện Kế hoạch số 12/KH-UBND ngày 1/2/2022 của UBND tỉnh;\n1. Mục đích.\n2. Yêu cầu.\n"
    )
    assert (result.type, result.number_symbol, result.date) == (
        "Kế hoạch",
        "44/KH-UBND",
        datetime.date(2022, 3, 15),
    )
    assert fold(result.issuer) == "uy ban nhan dan tinh yen bai"
    assert [b.number_symbol for b in result.bases] == ["12/KH-UBND"]
    assert len(result.items) == 2


def test_a_union_plan_without_header_whose_heading_runs_on_and_whose_committee_names_itself():
    """A school union posts its plan with no header: “KẾ HOẠCH CÔNG ĐOÀN” on one line, and
    “BCH Công đoàn trường …” (its executive committee) says under the first heading that it
    draws the plan up; a guidance cited with spaces around its symbol's dash."""
    result = read_text(
        "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNăm học 2021 – 2022\nPHẦN I: KẾ HOẠCH CHUNG\n"
        "I. CĂN CỨ XÂY DỰNG KẾ HOẠCH\n"
        "Căn cứ hướng dẫn số 12/HD - CĐGD ngày 15/9/2021 của Ban Thường vụ Công đoàn Giáo dục huyện;\n"
        "Căn cứ tình hình thực tế của nhà trường,\n"
        "BCH Công đoàn trường Tiểu học Kim Đồng xây dựng kế hoạch hoạt động năm học 2021 - 2022 như sau:\n"
        "II. NHIỆM VỤ TRỌNG TÂM\n- Chăm lo đời sống đoàn viên.\n"
    )
    assert result.type == "Kế hoạch"
    assert fold(result.title) == "hoat dong cong doan nam hoc 2021 – 2022"
    assert result.issuer == "BCH Công đoàn trường Tiểu học Kim Đồng"
    assert [(b.number_symbol, b.date) for b in result.bases] == [("12/HD-CĐGD", datetime.date(2021, 9, 15))]


def test_an_executive_committee_abbreviated_matches_its_union():
    from documents.reading import name_key

    assert name_key("BCH Công đoàn trường Tiểu học Kim Đồng") == name_key(
        "Công đoàn trường Tiểu học Kim Đồng"
    )
    assert name_key("BTV LĐLĐ huyện Hòa An") == name_key("Liên đoàn Lao động huyện Hòa An")


@pytest.mark.parametrize(
    ("written", "number"),
    [
        ("Kế hoạch số 7/KH-LĐLĐ - Ban Tuyên giáo", "7/KH-LĐLĐ"),
        ("Công văn 15/LĐLĐ - về việc", "15/LĐLĐ"),
        ("Kế hoạch số 9/KH - LĐLĐ", "9/KH-LĐLĐ"),
    ],
)
def test_a_dash_with_spaces_takes_only_a_code_in_capitals(written, number):
    """“- Ban …” after a symbol is a new phrase, not a part of it; “- LĐLĐ” is the issuer's code."""
    result = read_text(f"KẾ HOẠCH\nThi đua\nThực hiện {written};\n1. Mục đích.\n")
    assert [b.number_symbol for b in result.bases] == [number]


def test_a_run_on_header_whose_columns_interleave():
    """A document site prints the header's two columns line by line into one paragraph: the
    issuer's second line stands between the motto and its subtitle; the heading, its title in
    capitals, the authority and the first ground follow one another on the same line."""
    result = read_text(
        "BỘ NÔNG NGHIỆP VÀ PHÁT CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TRIỂN NÔNG THÔN Độc lập – Tự do – "
        "Hạnh phúc ******* ******* Số: 12/2010/QĐ-BNN Hà Nội, ngày 03 tháng 2 năm 2010 QUYẾT ĐỊNH "
        "BAN HÀNH QUY CHẾ THI ĐUA, KHEN THƯỞNG CỦA NGÀNH NÔNG NGHIỆP BỘ TRƯỞNG BỘ NÔNG NGHIỆP VÀ PHÁT "
        "TRIỂN NÔNG THÔN Căn cứ Nghị định số 01/2008/NĐ-CP ngày 03 tháng 01 năm 2008 của Chính phủ quy "
        "định chức năng của Bộ; Căn cứ Nghị định số 42/2010/NĐ-CP ngày 15 tháng 4 năm 2010 của Chính "
        "phủ; Xét đề nghị của Vụ trưởng Vụ Tổ chức cán bộ, QUYẾT ĐỊNH Điều 1. Ban hành kèm theo Quyết "
        "định này Quy chế thi đua, khen thưởng. Điều 2. Quyết định này có hiệu lực sau 15 ngày. Điều 3. "
        "Chánh Văn phòng Bộ chịu trách nhiệm thi hành Quyết định này./. Nơi nhận: - Như Điều 3; - Lưu: VT."
    )
    assert fold(result.issuer) == "bo nong nghiep va phat trien nong thon"
    assert result.type == "Quyết định"
    assert fold(result.title) == "ban hanh quy che thi dua, khen thuong cua nganh nong nghiep"
    assert result.number_symbol == "12/2010/QĐ-BNN"
    assert [b.number_symbol for b in result.bases] == ["01/2008/NĐ-CP", "42/2010/NĐ-CP"]
    assert len(result.items) == 3


def test_a_first_line_in_capitals_wrapped_by_a_pdf_and_a_party_number_cut_after_its_hyphen():
    """The PDF made from a reposted conclusion wraps its first line onto more lines in
    capitals, and cuts “126-” / “KL/TW” at a line end."""
    result = read_text(
        "KẾT LUẬN 45-KL/TW CỦA BỘ\nCHÍNH TRỊ, BAN BÍ THƯ VỀ TIẾP\nTỤC THỰC HIỆN CÔNG TÁC THI ĐUA\n"
        "Bộ Chính trị, Ban Bí thư kết luận như sau:\nTiếp tục thực hiện Kết luận số 12-\n"
        "KL/TW, ngày 3/4/2021 của Bộ Chính trị.\n1. Các cấp ủy quán triệt.\n"
    )
    assert (result.type, result.number_symbol) == ("Kết luận", "45-KL/TW")
    assert fold(result.issuer) == "bo chinh tri, ban bi thu"
    assert fold(result.title) == "ve tiep tuc thuc hien cong tac thi dua"
    assert [(b.number_symbol, b.date) for b in result.bases] == [("12-KL/TW", datetime.date(2021, 4, 3))]


def test_a_summary_wrapped_at_a_capitalised_word():
    """“V/v … của Thủ tướng” / “Chính phủ về …”: a name may start the summary's next line."""
    result = read_text(
        "BỘ NỘI VỤ\nSố: 210/BNV-TĐKT\nV/v Thông báo ý kiến của Thủ tướng\nChính phủ về khen thưởng\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHà Nội, ngày 5 tháng 3 năm 2019\n"
        "Kính gửi: Các Bộ, ngành\nThực hiện Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ.\n"
    )
    assert result.title == "Thông báo ý kiến của Thủ tướng Chính phủ về khen thưởng"


def test_a_run_on_text_wrapped_again_where_a_proposal_opens_mid_line():
    """Two grounds and a “Xét đề nghị” opening in the middle of lines tell a run-on text that a
    PDF wrapped again, as do three grounds."""
    result = read_text(
        "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập\n– Tự do – Hạnh phúc Số: 33/QĐ-\n"
        "UBND Hà Giang, ngày 2 tháng 3 năm 2012\nQUYẾT ĐỊNH VỀ VIỆC KHEN THƯỞNG ỦY BAN NHÂN\nDÂN TỈNH HÀ GIANG "
        "Căn cứ Luật Tổ chức\nHĐND và UBND ngày 26/11/2003; Căn cứ Nghị\nđịnh số 42/2010/NĐ-CP ngày 15/4/2010\n"
        "của Chính phủ; Xét đề nghị của Giám đốc\nSở Nội vụ, QUYẾT ĐỊNH: Điều 1. Tặng Bằng\n"
        "khen của Chủ tịch Ủy ban nhân dân tỉnh cho\ncác tập thể và cá nhân đã có thành tích\n"
        "xuất sắc trong phong trào thi đua yêu\nnước năm 2011 của tỉnh Hà Giang, góp\n"
        "phần vào sự nghiệp xây dựng và bảo vệ\nTổ quốc.\nĐiều 2. Quyết định có hiệu lực.\n"
    )
    assert result.number_symbol == "33/QĐ-UBND"
    assert [b.number_symbol for b in result.bases] == ["42/2010/NĐ-CP"]
    assert len(result.items) == 2


def test_a_body_names_itself_further_down_its_first_section():
    grounds = "".join(
        f"Căn cứ tình hình thực tế số {n} của nhà\ntrường năm học 2021 - 2022;\n" for n in range(8)
    )
    result = read_text(
        "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNăm học 2021 – 2022\nI. CĂN CỨ\n"
        + grounds
        + "BCH Công đoàn trường Mầm non Hoa Sen xây dựng kế hoạch như sau:\nII. NHIỆM VỤ\n- Chăm lo.\n"
    )
    assert result.issuer == "BCH Công đoàn trường Mầm non Hoa Sen"
