"""The classes the nineteenth held-out set showed (docs/documents.md): points numbered "1- …"; a
Roman number alone on its line over its heading; a heading run onto the end of the date line; a
body that guides in its own lead ("<body> hướng dẫn … như sau:"); a post titled by its type's code
("TB - …"); the school's union or youth union unnamed ("Đoàn trường"); a name a PDF wrapped inside a
compound ("Tổng" / "Liên đoàn"). Each specimen is typed here in the manner of real documents, never
copied from the corpus texts; the guards check that the rules leave ordinary plans alone."""

import datetime

from documents.reader import read_text

_DASHED_GUIDANCE = (
    "HƯỚNG DẪN BÌNH XÉT THI ĐUA CÔNG ĐOÀN TRƯỜNG ĐẠI HỌC THỦY LỢI NĂM HỌC 2022-2023\n"
    "Căn cứ Quyết định số 42/QĐ-CĐN ngày 10 tháng 3 năm 2021 của Công đoàn Giáo dục Việt Nam;\n"
    "Ban Chấp hành Công đoàn Trường hướng dẫn các công đoàn bộ phận bình xét thi đua năm học.\n"
    "1- Đối tượng bình xét\n"
    "Đoàn viên công đoàn các bộ phận, mỗi tổ từ 1-2 người.\n"
    "2- Thời hạn nộp hồ sơ\n"
    "5 - 10 ngày sau khi họp tổ.\n"
    "3- Nơi nhận hồ sơ\n"
    "Văn phòng Công đoàn trường.\n"
)


def test_points_numbered_with_a_dash_before_a_capital_are_items():
    result = read_text(_DASHED_GUIDANCE)
    assert [item.split("\n")[0] for item in result.items] == [
        "1- Đối tượng bình xét",
        "2- Thời hạn nộp hồ sơ",
        "3- Nơi nhận hồ sơ",
    ]


def test_a_range_of_numbers_opening_a_line_is_no_item():
    # Guard: "5 - 10 ngày …" stays the text of the point above it.
    result = read_text(_DASHED_GUIDANCE)
    assert not any(item.startswith(("5", "Đoàn viên")) for item in result.items)


_ROMAN_ALONE = (
    "CÔNG ĐOÀN GIÁO DỤC HUYỆN TAM DƯƠNG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "CĐCS TRƯỜNG THCS HOÀNG ĐAN     Độc lập - Tự do - Hạnh phúc\n"
    "Số: 09/KH-CĐCS     Hoàng Đan, ngày 14 tháng 9 năm 2022\n"
    "KẾ HOẠCH\n"
    "Hoạt động công đoàn năm học 2022-2023\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Đoàn kết, xây dựng tập thể vững mạnh.\n"
    "II.\n"
    "NHIỆM VỤ TRỌNG TÂM\n"
    "Chăm lo đời sống đoàn viên.\n"
    "III. TỔ CHỨC THỰC HIỆN\n"
    "Các tổ công đoàn triển khai.\n"
)


def test_a_roman_number_alone_on_its_line_heads_the_section_under_it():
    result = read_text(_ROMAN_ALONE)
    assert len(result.items) == 3
    assert result.items[1].startswith("II.\nNHIỆM VỤ TRỌNG TÂM")


def test_a_roman_number_alone_is_no_section_where_no_roman_section_is_read():
    # Guard: in a plan numbered 1., 2. a stray "V." line is text, not a section above them.
    result = read_text(
        _ROMAN_ALONE.replace("I. MỤC ĐÍCH, YÊU CẦU", "1. Mục đích, yêu cầu")
        .replace("II.\nNHIỆM VỤ TRỌNG TÂM", "V.\nnhư trên")
        .replace("III. TỔ CHỨC THỰC HIỆN", "2. Tổ chức thực hiện")
    )
    assert [item.split("\n")[0] for item in result.items] == ["1. Mục đích, yêu cầu", "2. Tổ chức thực hiện"]


_HEADING_ON_DATE_LINE = (
    "LĐLĐ TỈNH BẮC GIANG\n"
    "CÔNG ĐOÀN CÔNG TY MAY LỤC NAM\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 14/KH-CĐCS\n"
    "Lục Nam, ngày 02 tháng 3 năm 2023 KẾ HOẠCH\n"
    "TỔ CHỨC HỘI THI CÔNG NHÂN GIỎI NĂM 2023\n"
    "Thực hiện Chương trình công tác năm 2023 của LĐLĐ tỉnh;\n"
    "I. MỤC ĐÍCH\n"
    "II. NỘI DUNG\n"
)


def test_a_heading_run_onto_the_date_line_types_the_document_and_is_none_of_the_issuer():
    result = read_text(_HEADING_ON_DATE_LINE)
    assert result.type == "Kế hoạch"
    assert result.title == "TỔ CHỨC HỘI THI CÔNG NHÂN GIỎI NĂM 2023"
    assert "KẾ HOẠCH" not in (result.issuer or "")
    assert result.date == datetime.date(2023, 3, 2)


def test_a_date_line_alone_is_left_as_it_is():
    # Guard: the heading on its own line under the date line reads as it always did.
    result = read_text(_HEADING_ON_DATE_LINE.replace("năm 2023 KẾ HOẠCH\n", "năm 2023\nKẾ HOẠCH\n"))
    assert result.type == "Kế hoạch"
    assert result.title == "TỔ CHỨC HỘI THI CÔNG NHÂN GIỎI NĂM 2023"


_GUIDING_LEAD = (
    "Căn cứ Hướng dẫn số 05/HD-CĐN ngày 12 tháng 01 năm 2022 của Công đoàn Giáo dục Việt Nam về "
    "công tác thi đua, Ban Chấp hành Công đoàn Trường (BCHCĐT) ĐH Thủy Lợi hướng dẫn một số nội dung "
    "về công tác thi đua năm học 2022 - 2023 như sau:\n"
    "I. Danh hiệu thi đua\n"
    "II. Hồ sơ đề nghị\n"
)


def test_a_body_that_guides_in_its_own_lead_makes_a_guidance():
    result = read_text(_GUIDING_LEAD)
    assert result.type == "Hướng dẫn"
    assert result.issuer == "Ban Chấp hành Công đoàn Trường ĐH Thủy Lợi"


def test_a_body_that_guides_in_passing_makes_no_guidance():
    # Guard: "… hướng dẫn các tổ …" closing on something else than "như sau" types nothing.
    result = read_text(_GUIDING_LEAD.replace("như sau:", "để các tổ thực hiện."))
    assert result.type is None


def test_a_plan_its_body_makes_stays_a_plan():
    # Guard: "<body> xây dựng kế hoạch … như sau:" is still a plan, not a guidance.
    result = read_text(
        _GUIDING_LEAD.replace(
            "hướng dẫn một số nội dung về công tác thi đua",
            "xây dựng kế hoạch hướng dẫn công tác thi đua",
        )
    )
    assert result.type == "Kế hoạch"


_CODED_POST = (
    "TB - Tổ chức hội thao chào mừng ngày thành lập Đoàn năm 2023\n"
    "Nhằm chào mừng ngày thành lập Đoàn TNCS Hồ Chí Minh, Ban Chấp hành Đoàn trường thông báo "
    "đến các chi đoàn kế hoạch hội thao như sau:\n"
    "1. Thời gian: ngày 20/3/2023.\n"
    "2. Địa điểm: sân trường.\n"
)


def test_a_post_titled_by_its_types_code_is_typed_and_titled_by_it():
    result = read_text(_CODED_POST)
    assert result.type == "Thông báo"
    assert result.title == "Tổ chức hội thao chào mừng ngày thành lập Đoàn năm 2023"


def test_the_schools_youth_union_unnamed_is_named_whole():
    assert read_text(_CODED_POST).issuer == "Ban Chấp hành Đoàn trường"


def test_a_code_that_also_abbreviates_a_union_titles_nothing():
    # Guard: "CĐ - …" is a union's post as often as a Công điện; no type is read from it.
    result = read_text(_CODED_POST.replace("TB - ", "CĐ - "))
    assert result.type != "Công điện"


def test_a_sentence_opening_with_a_code_is_no_title():
    # Guard: a first line that ends a sentence is no post's title.
    result = read_text(_CODED_POST.replace("năm 2023\n", "năm 2023 đã xong.\n", 1))
    assert result.title != "Tổ chức hội thao chào mừng ngày thành lập Đoàn năm 2023 đã xong."


def test_a_name_a_pdf_wrapped_inside_a_compound_is_read_whole():
    result = read_text(
        "Thực hiện Kế hoạch số 21/KH-TLĐ ngày 05/3/2024 của Tổng Liên đoàn Lao động Việt Nam, Đoàn Chủ tịch Tổng\n"
        "Liên đoàn ban hành kế hoạch tổ chức hội thi an toàn vệ sinh viên giỏi như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "II. NỘI DUNG\n"
    )
    assert result.issuer == "Đoàn Chủ tịch Tổng Liên đoàn"
    assert result.type == "Kế hoạch"


def test_a_committee_on_the_line_under_a_ground_still_names_itself():
    # Guard: a ground ending on a name ("… Việt Nam") over the committee's line is no broken compound.
    result = read_text(
        "Căn cứ Hướng dẫn số 02/HD-CĐN ngày 10/01/2023 của Công đoàn Giáo dục Việt Nam\n"
        "Ban Chấp hành Công đoàn trường THPT Lý Thường Kiệt xây dựng kế hoạch hoạt động năm 2023 như sau:\n"
        "I. MỤC ĐÍCH\n"
        "II. NỘI DUNG\n"
    )
    assert result.issuer == "Ban Chấp hành Công đoàn trường THPT Lý Thường Kiệt"
    assert result.type == "Kế hoạch"
