"""The classes the eleventh held-out set showed (docs/documents.md): a post titled by its body
before the document, a joint header that lost its partner's name, a submission joined to another
clause, a register's fields wrapped or naming the body as its place, and two titles a PDF wrapped.
Each specimen is typed here in the manner of real documents, never copied from the corpus texts."""

import pytest

from core.text import fold
from documents.reader import read_text
from documents.reader.lines import split_lines
from documents.reader.register import read_register


def test_a_post_titled_by_its_body_before_the_type_is_read_with_its_lettered_parts():
    """“Công đoàn trường: Kế hoạch …” is the union's plan; “A/”, “B/” are its parts, the
    numbered lines under them nest."""
    result = read_text(
        "Công đoàn trường: Kế hoạch tổ chức Hội thao chào mừng ngày 26/3\n\n"
        "A/ Mục đích:\n\nRèn luyện sức khỏe cho đoàn viên.\n\n"
        "B/ Nội dung:\n\n1/ Bóng chuyền hơi\n\n2/ Kéo co\n\n"
        "C/ Tổ chức thực hiện:\n\nCác tổ công đoàn đăng ký về Ban Chấp hành.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == "tổ chức Hội thao chào mừng ngày 26/3"
    assert result.issuer == "Công đoàn trường"
    assert [item.split(":")[0] for item in result.items] == [
        "A/ Mục đích",
        "B/ Nội dung",
        "C/ Tổ chức thực hiện",
    ]


def test_a_roman_section_typed_with_a_slash_is_no_lettered_part():
    """“I/”, “V/” number Roman sections, not parts lettered I or V."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG HUYỆN TÂN PHÚ\n\nSố: 15/KH-LĐLĐ\n\nTân Phú, ngày 02 tháng 3 năm 2019\n\n"
        "KẾ HOẠCH\n\nTổ chức Tháng Công nhân năm 2019\n\n"
        "I/ MỤC ĐÍCH\n\nĐộng viên đoàn viên.\n\nII/ NỘI DUNG\n\nThăm hỏi.\n\n"
        "III/ TỔ CHỨC\n\nCác CĐCS thực hiện.\n\nIV/ KINH PHÍ\n\nTừ quỹ.\n\nV/ CHẾ ĐỘ BÁO CÁO\n\nTrước 30/5.\n"
    )
    assert len(result.items) == 5


def test_a_line_with_a_colon_that_names_no_body_is_no_post_title():
    """“Thông báo: Kế hoạch …” names no body before its colon: no issuer is made of it; the
    type is what stands before the colon, the title what follows it."""
    result = read_text(
        "Thông báo: Kế hoạch nghỉ hè của đơn vị\n\n1. Thời gian\n\nTừ 1/7.\n\n2. Trực\n\nTheo lịch.\n"
    )
    assert result.issuer is None
    assert result.type == "Thông báo"
    assert result.title == "Kế hoạch nghỉ hè của đơn vị"


def test_a_joint_header_that_lost_its_partner_is_completed_from_the_number():
    """A site that kept only “ỦY BAN NHÂN DÂN -” of a joint header: the number's codes
    (“UBND-LĐLĐ”) name both bodies, the date line their province."""
    result = read_text(
        "ỦY BAN NHÂN DÂN - | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 05/QC-UBND-LĐLĐ | Gia Lai, ngày 12 tháng 5 năm 2018 |\n"
        "QUY CHẾ\nPHỐI HỢP CÔNG TÁC GIỮA ỦY BAN NHÂN DÂN TỈNH VÀ LIÊN ĐOÀN LAO ĐỘNG TỈNH GIA LAI\n"
        "Căn cứ Luật Công đoàn năm 2012;\n"
        "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc phối hợp.\n"
        "Điều 2. Nguyên tắc phối hợp\nTôn trọng chức năng của mỗi bên.\n"
    )
    assert result.issuer == "Ủy ban nhân dân và Liên đoàn Lao động tỉnh Gia Lai"


def test_a_bare_name_with_a_dash_whose_number_names_one_body_is_that_body_of_the_place():
    """Without a second code in the number, “ỦY BAN NHÂN DÂN -” is the committee alone, of the
    province in the date line, like a bare “ỦY BAN NHÂN DÂN”."""
    result = read_text(
        "ỦY BAN NHÂN DÂN - | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 05/QC-UBND | Gia Lai, ngày 12 tháng 5 năm 2018 |\n"
        "QUY CHẾ\nLÀM VIỆC CỦA ỦY BAN NHÂN DÂN TỈNH\n"
        "Điều 1. Phạm vi điều chỉnh\nQuy chế này quy định việc làm việc.\n"
    )
    assert result.issuer == "Ủy ban nhân dân tỉnh Gia Lai"


def test_a_submission_joined_to_an_agreement_clause_is_a_proposal():
    """“Sau khi thống nhất với …, và theo đề nghị của Giám đốc Sở … tại Công văn số …” answers
    the department's letter: a proposal, not a basis."""
    result = read_text(
        "ỦY BAN NHÂN DÂN\nTỈNH KON TUM\n\nSố: 08/2014/QĐ-UBND\n\nKon Tum, ngày 20 tháng 3 năm 2014\n\n"
        "QUYẾT ĐỊNH\n\nBan hành Quy chế phối hợp\n\nỦY BAN NHÂN DÂN TỈNH KON TUM\n\n"
        "Căn cứ Nghị định số 43/2013/NĐ-CP ngày 10/5/2013 của Chính phủ;\n\n"
        "Sau khi thống nhất với Ban Thường vụ Liên đoàn Lao động tỉnh và theo đề nghị của Giám đốc "
        "Sở Nội vụ tại Công văn số 215/SNV-TCBC ngày 04/3/2014;\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n\nĐiều 2. Hiệu lực.\n"
    )
    assert {basis.number_symbol for basis in result.bases} == {"43/2013/NĐ-CP"}
    assert {proposal.number_symbol for proposal in result.proposals} == {"215/SNV-TCBC"}


_REGISTER = (
    "Số hiệu: 05/2020/TT-BNV Loại\nvăn bản: Thông tư\n"
    "Nơi ban hành: Bộ Nội vụ Người ký: Nguyễn Văn A\n"
    "Ngày ban hành: 10/03/2020 Ngày hiệu lực: Đã biết\n\n"
    "Điểm mới về khen thưởng từ năm 2020\n\n"
    "Ngày 10/03/2020, Bộ trưởng Bộ Nội vụ ban hành Thông\ntư 05/2020/TT-BNV hướng dẫn công tác "
    "thi đua trong\nngành nội vụ.\n\n- Bằng khen của Bộ tặng cho cá nhân tiêu biểu.\n"
)


def test_a_register_label_wrapped_by_a_pdf_is_read():
    """“… Loại” / “văn bản: Thông tư”: the label cut at a line end is still the type's field,
    and the number before it reads alone."""
    register = read_register(split_lines(_REGISTER))
    assert register is not None
    assert register.type == "Thông tư" and str(register.number) == "05/2020/TT-BNV"


def test_a_register_names_its_body_as_the_place_and_its_title_in_a_sentence():
    """“Nơi ban hành: Bộ Nội vụ” names a body, which issued it (not the minister the sentence
    names in passing); the title is what the sentence says after the circular's number."""
    result = read_text(_REGISTER)
    assert result.issuer == "Bộ Nội vụ"
    assert result.title == "hướng dẫn công tác thi đua trong ngành nội vụ"
    assert result.number_symbol == "05/2020/TT-BNV" and result.type == "Thông tư"


def test_a_register_place_that_is_a_province_names_no_issuer():
    """“Nơi ban hành: Tỉnh Yên Bái” is a level and a place, not the body."""
    register = read_register(
        split_lines("Số hiệu: 12/2019/QĐ-UBND\nLoại văn bản: Quyết định\nNơi ban hành: Tỉnh Yên Bái\n")
    )
    assert register is not None and register.issuer is None


def test_a_capitals_title_wrapped_after_a_joining_word_keeps_its_body():
    """“… GIỮA UBND TỈNH VỚI” / “LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH”: a title that stops on “VỚI”
    goes on with the body it names, before the authority line."""
    result = read_text(
        "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH\n\nSố: 30/2016/QĐ-UBND\n\nNinh Bình, ngày 15 tháng 8 năm 2016\n\n"
        "QUYẾT ĐỊNH\n\nBAN HÀNH QUY CHẾ PHỐI HỢP GIỮA UBND TỈNH VỚI\nLIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH\n"
        "ỦY BAN NHÂN DÂN TỈNH NINH BÌNH\n\nCăn cứ Nghị định số 43/2013/NĐ-CP ngày 10/5/2013;\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành Quy chế.\n\nĐiều 2. Hiệu lực.\n"
    )
    assert result.title == "BAN HÀNH QUY CHẾ PHỐI HỢP GIỮA UBND TỈNH VỚI LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH"
    assert fold(result.issuer or "") == "uy ban nhan dan tinh ninh binh"


def test_an_opening_line_wrapped_inside_its_brackets_goes_on():
    """“Thông báo về … (08/3/1910 –” / “08/3/2024)”: the line stopped inside its brackets."""
    result = read_text(
        "Thông báo về việc tổ chức kỷ niệm Ngày Quốc tế Phụ nữ (08/3/1910 –\n08/3/2024)\n"
        "Ban Chấp hành Công đoàn Trường thông báo kế hoạch như sau:\n"
        "1. Thời gian\nNgày 08/3/2024.\n2. Địa điểm\nHội trường.\n"
    )
    assert result.title == "về việc tổ chức kỷ niệm Ngày Quốc tế Phụ nữ (08/3/1910 – 08/3/2024)"


# Standing PDF failures of registers: their lines wrapped by the PDF's narrow column.
_WRAPPED_REGISTER = (
    "thuộc tính Quyết định 45/QĐ-BNV\n"
    "Quyết định 45/QĐ-BNV của Bộ Nội vụ về\nviệc ban hành Quy chế thi đua của\nBộ Nội vụ\n"
    "Cơ quan ban hành: Bộ Nội vụ Cục Văn\nthư và Lưu trữ\n"
    "Số hiệu:45/QĐ-BNVNgày đăng công\nbáo:Đang cập nhật\n"
    "Loại văn bản:Quyết địnhNgười ký:Nguyễn Văn B\n"
    "Ngày ban hành:\n15/01/2021\n"
)


def test_a_register_label_glued_to_a_value_and_cut_by_a_line_end_is_read():
    """“Số hiệu:45/QĐ-BNVNgày đăng công” / “báo:…”: the number is read alone, not with the
    label's start glued to it."""
    register = read_register(split_lines(_WRAPPED_REGISTER))
    assert register is not None and str(register.number) == "45/QĐ-BNV"


def test_a_register_value_wrapped_onto_the_next_line_is_read_whole():
    """“Cơ quan ban hành: Bộ Nội vụ Cục Văn” / “thư và Lưu trữ”: the name goes on under it."""
    register = read_register(split_lines(_WRAPPED_REGISTER))
    assert register is not None and register.issuer == "Bộ Nội vụ Cục Văn thư và Lưu trữ"


def test_a_register_heading_wrapped_over_lines_gives_its_summary():
    """The heading naming the document by number and issuer, wrapped: its summary is read
    across the line ends."""
    assert read_text(_WRAPPED_REGISTER).title == "về việc ban hành Quy chế thi đua của Bộ Nội vụ"


def test_a_register_above_a_header_whose_motto_a_pdf_wrapped_reads_the_header():
    """“CỘNG HÒA XÃ HỘI CHỦ NGHĨA” / “VIỆT NAM” is still the motto: the document's own header
    after the fields is read, not the register's heading line."""
    result = read_text(
        "Hướng dẫn 07/HD-TLĐ 2021 về công tác\nnữ công\n"
        "Số hiệu: 07/HD-TLĐ Loại văn bản:\nHướng dẫn\n"
        "Ngày ban hành: 10/03/2021 Người ký: Nguyễn Văn C\n"
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT\nNAM\nSố: 07/HD-TLĐ\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Hà Nội, ngày 10 tháng 03 năm 2021\nHƯỚNG DẪN\nCÔNG TÁC NỮ CÔNG NĂM 2021\n"
        "1. Mục đích\nNâng cao vai trò nữ đoàn viên.\n2. Nội dung\nTổ chức các hoạt động.\n"
    )
    assert result.title == "CÔNG TÁC NỮ CÔNG NĂM 2021"
    assert fold(result.issuer or "") == "tong lien doan lao dong viet nam"


def test_a_header_set_under_the_heading_and_title_is_read_there():
    """A post (or its Word file) that puts “BÁO CÁO” and its title above the header table: the
    number, date and issuer are the header's below them, the grounds start after it."""
    result = read_text(
        "BÁO CÁO\nTổng kết năm học 2019-2020\n"
        "PHÒNG GD-ĐT BẾN LỨC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "TRƯỜNG TH LƯƠNG HÒA Độc lập – Tự do – Hạnh phúc\n"
        "Số: 14/BC-THLH Lương Hòa, ngày 25 tháng 5 năm 2020.\n"
        "Căn cứ công văn số 512/PGDĐT-GDTH ngày 10/5/2020 của Phòng Giáo dục và Đào tạo;\n"
        "I. Đặc điểm tình hình\nNhà trường có 20 lớp.\nII. Kết quả\nHoàn thành kế hoạch.\n"
    )
    assert result.number_symbol == "14/BC-THLH"
    assert str(result.date) == "2020-05-25"
    assert fold(result.issuer or "") == "truong th luong hoa"
    assert {basis.number_symbol for basis in result.bases} == {"512/PGDĐT-GDTH"}


def test_a_ground_quoting_the_motto_under_the_title_is_no_header_below():
    """A text with no header above whose first ground quotes “Độc lập – Tự do – Hạnh phúc” in
    a sentence: no header is read there, so the plan it cites stays a basis and its number is
    not taken for the document's own."""
    result = read_text(
        "KẾ HOẠCH\n\nGiáo dục truyền thống năm học 2020-2021\n\n"
        "Thực hiện Kế hoạch số 12/KH-PGD ngày 01/9/2020 của Phòng Giáo dục và Đào tạo về giáo dục\n\n"
        "tinh thần “Độc lập – Tự do – Hạnh phúc” cho học sinh, ngày 05 tháng 9 năm 2020,\n\n"
        "Trường TH An Thạnh xây dựng kế hoạch như sau:\n\n"
        "1. Mục đích\n\nGiáo dục truyền thống.\n\n2. Nội dung\n\nKể chuyện.\n"
    )
    assert result.number_symbol is None
    assert [basis.number_symbol for basis in result.bases] == ["12/KH-PGD"]
    assert result.issuer != "Thực hiện Kế hoạch"
    assert result.type == "Kế hoạch" and len(result.items) == 2


@pytest.mark.parametrize(
    "right_column",
    [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n",  # as a PDF wraps it
    ],
)
def test_a_cut_number_whose_end_comes_after_the_motto_and_date_lines_is_joined(right_column):
    """A Word table's extraction that puts the whole right column (motto, subtitle, date line)
    between “Số: 41 / BC-BCĐ-” and its end “PCTT”: the end goes back onto the number."""
    result = read_text(
        "UBND HUYỆN HẬU LỘC\nBAN CHỈ ĐẠO PCTT\nSố: 41 / BC-BCĐ-\n"
        f"{right_column}Hậu Lộc, ngày 02 tháng 12 năm 2021\nPCTT\n"
        "BÁO CÁO\nCÔNG TÁC PHÒNG CHỐNG THIÊN TAI NĂM 2021\n"
        "1. Tình hình\nMưa lớn kéo dài.\n2. Kết quả\nKhông có thiệt hại về người.\n"
    )
    assert result.number_symbol == "41/BC-BCĐ-PCTT"
    assert result.issuer == "BAN CHỈ ĐẠO PCTT"


def test_a_capitals_title_whose_last_words_are_a_kind_of_body_keeps_them():
    """“… HOẠT ĐỘNG ỦY BAN KIỂM TRA” / “CÔNG ĐOÀN”: a kind of body alone is no authority line,
    it ends the title a PDF wrapped."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH HÀ NAM\n\nSố: 09/NQ-LĐLĐ\n\nPhủ Lý, ngày 10 tháng 8 năm 2016\n\n"
        "NGHỊ QUYẾT\nVỀ NÂNG CAO CHẤT LƯỢNG HOẠT ĐỘNG CỦA NỮ CÔNG\nCÔNG ĐOÀN\n"
        "Hội nghị Ban Chấp hành Liên đoàn Lao động tỉnh đã thảo luận và thông qua Nghị quyết.\n"
        "I. TÌNH HÌNH\nCó nhiều cố gắng.\nII. NHIỆM VỤ\nTiếp tục đổi mới.\n"
    )
    assert result.title == "VỀ NÂNG CAO CHẤT LƯỢNG HOẠT ĐỘNG CỦA NỮ CÔNG CÔNG ĐOÀN"


def test_a_title_cut_inside_a_body_name_goes_on_in_capitals():
    """“… CỦA BAN thanh tra NHÂN” / “DÂN Ở CƠ SỞ”: the line end cut “NHÂN DÂN” in two."""
    result = read_text(
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\n\nSố: 22/HD-TLĐ\n\nHà Nội, ngày 05 tháng 3 năm 2018\n\n"
        "HƯỚNG DẪN\nHOẠT ĐỘNG CỦA BAN thanh tra NHÂN\nDÂN Ở CƠ SỞ\n"
        "I. TỔ CHỨC\nBan Chấp hành công đoàn cơ sở chủ trì.\nII. HOẠT ĐỘNG\nTheo chương trình.\n"
    )
    assert result.title == "HOẠT ĐỘNG CỦA BAN thanh tra NHÂN DÂN Ở CƠ SỞ"


def test_a_heading_that_holds_its_title_is_not_followed_by_a_ground_taken_as_title():
    """“BÁO CÁO SƠ KẾT …” printed twice, the moved signature, then “Thực hiện …” wrapped by a
    PDF: the ground opens the body, and the school's union it names is the issuer."""
    result = read_text(
        "BÁO CÁO SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN HỌC KỲ I\nBÁO CÁO SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN HỌC KỲ I\n"
        "TM/BCH CHỦ TỊCH LÊ VĂN AN\n"
        "Thực hiện kế hoạch của Công đoàn ngành Giáo dục huyện, hoạt động Công đoàn trường\n"
        "THCS Nguyễn Du học kỳ I đạt được những kết quả sau:\n"
        "I. Tình hình đội ngũ\nCó 40 đoàn viên.\nII. Kết quả\nHoàn thành kế hoạch.\n"
    )
    assert result.title == "SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN HỌC KỲ I"
    assert result.issuer == "Công đoàn trường THCS Nguyễn Du"


def test_the_mottos_subtitle_run_onto_the_issuers_line_is_no_part_of_the_name():
    """A PDF running the columns together: “CĐCS TRƯỜNG MN HOA SEN Độc lập” / “– Tự do – Hạnh
    phúc”: the subtitle's start is cut off the issuer's line."""
    result = read_text(
        "LĐLĐ HUYỆN PHONG ĐIỀN CỘNG HÒA XÃ\nHỘI CHỦ NGHĨA VIỆT NAM\n"
        "CĐCS TRƯỜNG MN HOA SEN Độc lập\n– Tự do – Hạnh phúc\n"
        "Số 03/ KH-CĐCS Phong Điền, ngày 10\ntháng 9 năm 2022\n"
        "KẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nNĂM HỌC: 2022-2023\n"
        "- Căn cứ vào phương hướng công tác công đoàn năm học 2022 - 2023.\n"
        "I. Mục tiêu\nXây dựng công đoàn vững mạnh.\nII. Nội dung\nTổ chức các phong trào.\n"
    )
    assert result.issuer == "CĐCS TRƯỜNG MN HOA SEN"


# Issue #15's review of the eleventh set's rules.


def test_lettered_parts_under_a_roman_section_do_not_take_over_the_report():
    """“I. KẾT QUẢ / A/ … / B/ … / II. … / III. …”: the Roman sections are the items, the
    lettered parts are sub-parts of the first."""
    result = read_text(
        "CÔNG ĐOÀN CƠ SỞ XÃ BÌNH AN\n\nSố: 07/BC-CĐCS\n\nBình An, ngày 10 tháng 12 năm 2021\n\n"
        "BÁO CÁO\n\nKết quả hoạt động năm 2021\n\n"
        "I. KẾT QUẢ\n\nA/ Công tác chăm lo\n\nThăm hỏi đoàn viên ốm đau.\n\n"
        "B/ Công tác thi đua\n\nPhát động phong trào.\n\n"
        "II. PHƯƠNG HƯỚNG\n\nTiếp tục chăm lo.\n\nIII. KIẾN NGHỊ\n\nĐề nghị cấp trên hỗ trợ.\n"
    )
    assert [item.split("\n")[0] for item in result.items] == [
        "I. KẾT QUẢ",
        "II. PHƯƠNG HƯỚNG",
        "III. KIẾN NGHỊ",
    ]
    assert "B/ Công tác thi đua" in result.items[0]


def _decision_with_clause(clause: str) -> str:
    return (
        "ỦY BAN NHÂN DÂN\nTỈNH BÌNH ĐỊNH\n\nSố: 12/2019/QĐ-UBND\n\nBình Định, ngày 15 tháng 4 năm 2019\n\n"
        "QUYẾT ĐỊNH\n\nBan hành Quy chế thi đua\n\nỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH\n\n"
        "Căn cứ Luật Thi đua, Khen thưởng số 15/2003/QH11;\n\n"
        f"{clause}\n\n"
        "QUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này Quy chế.\n\nĐiều 2. Hiệu lực.\n"
    )


def test_a_ground_after_a_joined_submission_and_a_comma_is_a_basis():
    """“…, và theo đề nghị của … tại Tờ trình số …, căn cứ Nghị định số …”: the submission
    is a proposal, the decree after “, căn cứ” a ground of its own."""
    result = read_text(
        _decision_with_clause(
            "Sau khi thống nhất với Liên đoàn Lao động tỉnh, và theo đề nghị của Giám đốc Sở Nội vụ "
            "tại Tờ trình số 31/TTr-SNV ngày 02/4/2019, căn cứ Nghị định số 91/2017/NĐ-CP ngày "
            "31/7/2017 của Chính phủ;"
        )
    )
    assert {proposal.number_symbol for proposal in result.proposals} == {"31/TTr-SNV"}
    assert {basis.number_symbol for basis in result.bases} == {"15/2003/QH11", "91/2017/NĐ-CP"}


def test_a_joined_submission_reaches_its_own_citation_only():
    """A second citation in the clause of “và theo đề nghị …” is not the submission."""
    result = read_text(
        _decision_with_clause(
            "Sau khi thống nhất với Liên đoàn Lao động tỉnh và theo đề nghị của Giám đốc Sở Nội vụ "
            "tại Tờ trình số 31/TTr-SNV ngày 02/4/2019, phù hợp với Nghị định số 91/2017/NĐ-CP ngày "
            "31/7/2017 của Chính phủ;"
        )
    )
    assert {proposal.number_symbol for proposal in result.proposals} == {"31/TTr-SNV"}
    assert "91/2017/NĐ-CP" in {basis.number_symbol for basis in result.bases}


@pytest.mark.parametrize(
    "fields",
    [
        "Nơi ban hành: Bộ Nội vụ\nCơ quan ban hành: Ban Thi đua - Khen thưởng Trung ương\n",
        "Cơ quan ban hành: Ban Thi đua - Khen thưởng Trung ương\nNơi ban hành: Bộ Nội vụ\n",
    ],
    ids=["place first", "issuer first"],
)
def test_the_issuer_label_wins_over_a_body_named_as_the_place_in_either_order(fields):
    """“Cơ quan ban hành” names who issued, whether it comes before or after a “Nơi ban hành”
    that names a body too."""
    register = read_register(
        split_lines(f"Số hiệu: 27/HD-BTĐKT\nLoại văn bản: Hướng dẫn\n{fields}Ngày ban hành: 05/01/2021\n")
    )
    assert register is not None
    assert register.issuer == "Ban Thi đua - Khen thưởng Trung ương"


def test_a_bracket_never_closed_in_the_first_lines_does_not_swallow_the_document():
    """“Thông báo về việc tổ chức hội thao (lần thứ 3” and no “)” on the next two lines: the
    opening line is read alone, the body is not taken into it."""
    result = read_text(
        "Thông báo về việc tổ chức hội thao (lần thứ 3\n\n"
        "Công đoàn trường thông báo tổ chức hội thao chào mừng ngày Nhà giáo Việt Nam.\n\n"
        "1. Thời gian\n\nNgày 15/11/2023.\n\n2. Địa điểm\n\nSân trường.\n"
    )
    assert result.type == "Thông báo"
    assert result.title == "về việc tổ chức hội thao (lần thứ 3"
    assert len(result.items) == 2


@pytest.mark.parametrize("place", ["TP. Hồ Chí Minh", "Q. 3", "P. 5", "TX. Bình Long"])
def test_a_dotted_place_abbreviation_does_not_end_the_first_sentence(place):
    """“… Công đoàn Giáo dục TP. Hồ Chí Minh, hoạt động Công đoàn trường …”: “TP.” and the other
    dotted abbreviations of a place do not end the sentence that names the school's union."""
    result = read_text(
        "BÁO CÁO SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN HỌC KỲ I\n"
        f"Thực hiện kế hoạch của Công đoàn Giáo dục {place}, hoạt động Công đoàn trường\n"
        "THCS Nguyễn Du học kỳ I đạt được những kết quả sau:\n"
        "I. Tình hình đội ngũ\nCó 40 đoàn viên.\nII. Kết quả\nHoàn thành kế hoạch.\n"
    )
    assert result.issuer == "Công đoàn trường THCS Nguyễn Du"
