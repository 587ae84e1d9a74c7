"""The classes the twenty-first round fixed on the scored corpus (docs/documents.md): Roman
sections numbered with a typeset dash ("I – MỤC ĐÍCH") or with a slash glued to their heading
("I/MỤC ĐÍCH"); points whose numbers an OCR left without their stop ("1 Tổ chức …") after a
lead closed by "… sau:"; an old decision numbered with its signer's code that reads as another
type's ("Quyết định số 88/CT"); "Công nghiệp" in a body's name; a body announcing in its own
words ("<body> thông báo, …") making a notice. Each specimen is typed here in the manner of real
documents, never copied from the corpus texts; the guards check that the rules leave ordinary
documents alone."""

import datetime

from documents.reader import read_text

_EN_DASH_SECTIONS = (
    "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 17/HD-LĐLĐ     Ninh Bình, ngày 9 tháng 3 năm 2023\n"
    "HƯỚNG DẪN\n"
    "Tổ chức hội thi an toàn vệ sinh viên giỏi năm 2023\n"
    "Căn cứ Kế hoạch số 12/KH-LĐLĐ ngày 2 tháng 2 năm 2023 của Ban Thường vụ Liên đoàn Lao động tỉnh;\n"
    "I – MỤC ĐÍCH, YÊU CẦU\n"
    "Nâng cao nhận thức về an toàn lao động.\n"
    "II – ĐỐI TƯỢNG DỰ THI\n"
    "Đoàn viên là an toàn vệ sinh viên ở các công đoàn cơ sở.\n"
    "III — TỔ CHỨC THỰC HIỆN\n"
    "Các công đoàn cơ sở đăng ký trước ngày 30/3/2023.\n"
)


def test_roman_sections_numbered_with_a_typeset_dash_are_items():
    result = read_text(_EN_DASH_SECTIONS)
    assert [item.split("\n")[0] for item in result.items] == [
        "I – MỤC ĐÍCH, YÊU CẦU",
        "II – ĐỐI TƯỢNG DỰ THI",
        "III — TỔ CHỨC THỰC HIỆN",
    ]


_GLUED_SLASH_SECTIONS = (
    "KẾ HOẠCH\n"
    "Hội giảng chào mừng ngày 20/11 của công đoàn trường Mầm non Hoa Sen\n"
    "I/MỤC ĐÍCH YÊU CẦU:\n"
    "1. Động viên đoàn viên tham gia hội giảng.\n"
    "II/NỘI DUNG THI ĐUA\n"
    "1.Mỗi đoàn viên đăng ký một tiết dạy tốt.\n"
    "2. Các tổ chuyên môn dự giờ, góp ý.\n"
)


def test_roman_sections_with_a_slash_glued_to_their_heading_are_items():
    result = read_text(_GLUED_SLASH_SECTIONS)
    assert [item.split("\n")[0] for item in result.items] == ["I/MỤC ĐÍCH YÊU CẦU:", "II/NỘI DUNG THI ĐUA"]


_SUMMARY_IN_CAPITALS = (
    "CÔNG ĐOÀN GIÁO DỤC VIỆT NAM     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 88/CĐN     Hà Nội, ngày 4 tháng 4 năm 2022\n"
    "V/V TỔ CHỨC TỔNG KẾT NĂM HỌC\n"
    "Kính gửi: Công đoàn các sở giáo dục và đào tạo\n"
    "Công đoàn Giáo dục Việt Nam đề nghị các đơn vị thực hiện như sau:\n"
    "1. Tổng kết phong trào thi đua trước ngày 30/5/2022.\n"
    "2. Gửi báo cáo về Công đoàn Giáo dục Việt Nam.\n"
)


def test_a_summary_in_capitals_after_v_slash_v_is_no_roman_section():
    # Guard: "V/V TỔ CHỨC …" is a letter's summary; one capital after its slash, never a section.
    result = read_text(_SUMMARY_IN_CAPITALS)
    assert [item.split("\n")[0] for item in result.items] == [
        "1. Tổng kết phong trào thi đua trước ngày 30/5/2022.",
        "2. Gửi báo cáo về Công đoàn Giáo dục Việt Nam.",
    ]


_UNSTOPPED_POINTS = (
    "CONG DOAN NGANH GIAO DUC TINH NAM DINH     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "V/v tổ chức ngày hội đoàn viên năm 2012\n"
    "Kính gửi: Công đoàn cơ sở các trường trực thuộc\n"
    "Ban Thường vụ Công đoàn ngành đề nghị các đơn vị thực hiện những nội dung sau :\n"
    "1 Tổ chức gặp mặt đoàn viên nhân ngày thành lập Công đoàn Việt Nam, trong đó có\n"
    "20 đoàn viên tiêu biểu được biểu dương.\n"
    "2 Báo cáo kết quả về Công đoàn ngành trước ngày 30/7.\n"
)


def test_points_whose_numbers_lost_their_stop_after_a_lead_are_items():
    result = read_text(_UNSTOPPED_POINTS)
    assert [item.split("\n")[0][:22] for item in result.items] == [
        "1 Tổ chức gặp mặt đoàn",
        "2 Báo cáo kết quả về C",
    ]


_MEMBERS_LISTED = (
    "ỦY BAN NHÂN DÂN HUYỆN GIAO THỦY     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 45/TB-UBND     Giao Thủy, ngày 3 tháng 6 năm 2022\n"
    "THÔNG BÁO\n"
    "Thành phần Hội đồng Thi đua - Khen thưởng huyện\n"
    "Hội đồng Thi đua - Khen thưởng huyện gồm:\n"
    "1 Chủ tịch Ủy ban nhân dân huyện làm Chủ tịch Hội đồng;\n"
    "2 Phó Chủ tịch Ủy ban nhân dân huyện làm Phó Chủ tịch.\n"
)


def test_a_list_of_members_numbered_without_stops_is_no_item():
    # Guard: the lead closes with "gồm:", not "… sau:": the numbered lines are members, no points.
    assert read_text(_MEMBERS_LISTED).items == []


def test_a_number_opening_a_wrapped_line_in_a_numbered_plan_is_no_item():
    # Guard: where points carry their stops, a line a wrap opened with a number stays in its point.
    text = _UNSTOPPED_POINTS.replace("1 Tổ chức", "1. Tổ chức").replace("2 Báo cáo", "2. Báo cáo")
    text = text.replace("trong đó có\n20 đoàn", "trong đó có\n2 Đoàn")
    assert len(read_text(text).items) == 2


_OLD_SLASHED_GROUND = (
    "BỘ VĂN HÓA - THÔNG TIN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 310/QĐ-BVHTT     Hà Nội, ngày 5 tháng 8 năm 2001\n"
    "QUYẾT ĐỊNH\n"
    "Về việc đổi tên Trường Trung học Văn hóa\n"
    "BỘ TRƯỞNG BỘ VĂN HÓA - THÔNG TIN\n"
    "Căn cứ Quyết định số 88/CT, ngày 12/4/1990 của Chủ tịch Hội đồng Bộ trưởng về việc thành lập trường;\n"
    "Căn cứ Kế hoạch số 14/KH, ngày 2/3/2001 của Vụ Đào tạo;\n"
    "Căn cứ Nghị định số 81/CP ngày 8/11/1993 của Chính phủ;\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Đổi tên trường.\n"
)


def test_a_decision_numbered_with_a_signers_code_that_reads_as_a_type_is_a_basis():
    # "88/CT" of a decision: "CT" is the Chairman's code, not a Chỉ thị's type code.
    bases = {basis.number_symbol: basis for basis in read_text(_OLD_SLASHED_GROUND).bases}
    assert bases["88/CT"].type == "Quyết định"
    assert bases["88/CT"].date == datetime.date(1990, 4, 12)


def test_a_lone_type_code_that_matches_the_type_named_stays_no_symbol():
    # Guard: "Kế hoạch số 14/KH" names its type twice and no issuer: still incomplete.
    numbers = [basis.number_symbol for basis in read_text(_OLD_SLASHED_GROUND).bases]
    assert "14/KH" not in numbers
    assert "81/CP" in numbers


_INDUSTRY_SCHOOL_NOTICE = (
    "Thông báo về việc đăng ký thi đua năm học 2023-2024\n"
    "Thực hiện Hướng dẫn số 21/HD-CĐCT ngày 5/9/2023 của Công đoàn Công Thương Việt Nam;\n"
    "Công đoàn Trường Cao đẳng Công nghiệp Nam Định thông báo đến các công đoàn bộ phận như sau:\n"
    "1. Các công đoàn bộ phận đăng ký danh hiệu thi đua trước ngày 30/9/2023.\n"
    "2. Hồ sơ gửi về Văn phòng Công đoàn trường.\n"
)


def test_a_body_named_with_cong_nghiep_is_read_whole():
    # "Công nghiệp" (industry) completes a school's, a ministry's or a zone's name.
    assert read_text(_INDUSTRY_SCHOOL_NOTICE).issuer == "Công đoàn Trường Cao đẳng Công nghiệp Nam Định"


def test_a_name_stops_before_cong_nghiep_in_small_letters_in_its_sentence():
    # Guard: "… tỉnh Bắc Ninh thông báo … khu công nghiệp": the pair completes a capitalised
    # "Công" only; the sentence after the name is no part of it.
    text = _INDUSTRY_SCHOOL_NOTICE.replace(
        "Công đoàn Trường Cao đẳng Công nghiệp Nam Định thông báo đến các công đoàn bộ phận",
        "Liên đoàn Lao động tỉnh Bắc Ninh thông báo đến công đoàn các khu công nghiệp",
    )
    assert read_text(text).issuer == "Liên đoàn Lao động tỉnh Bắc Ninh"


_NOTICE_WITHOUT_HEADING = (
    "Căn cứ Nghị định số 98/2023/NĐ-CP ngày 31/12/2023 của Chính phủ quy định chi tiết thi hành"
    " một số điều của Luật Thi đua, khen thưởng;\n"
    "Hiện Sở Tư pháp đang hoàn thiện hồ sơ đề nghị tặng Bằng khen của Thủ tướng Chính phủ cho 3 cá nhân.\n"
    "Để việc khen thưởng được công khai, Sở Tư pháp thông báo, nếu có ý kiến khác, tổ chức, cá nhân"
    " gửi về Sở Tư pháp trong thời hạn 7 ngày làm việc.\n"
)


def test_a_body_announcing_in_its_own_words_makes_a_notice():
    result = read_text(_NOTICE_WITHOUT_HEADING)
    assert (result.type, result.issuer) == ("Thông báo", "Sở Tư pháp")


def test_a_notice_a_body_cites_makes_no_notice():
    # Guard: "<body> thông báo số …" names a notice; the text announces nothing itself.
    text = _NOTICE_WITHOUT_HEADING.replace(
        "Sở Tư pháp thông báo, nếu có ý kiến khác,", "Sở Tư pháp đề nghị theo Thông báo số 12/TB-STP,"
    )
    assert read_text(text).type is None


# A run-on text (a site's extraction lost its line ends) whose heading is typed in sentence case
# after the date line, then a letter's address.
_RUN_ON_SENTENCE_HEADING = (
    "CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH HÀ NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CÔNG ĐOÀN TRƯỜNG THPT"
    " KIM BẢNG Độc lập - Tự do - Hạnh phúc Số: 07/KH-CĐ Kim Bảng, ngày 9 tháng 10 năm 2022 Kế hoạch"
    " tổ chức hội thi nữ công năm học 2022-2023 Kính gửi: Các tổ công đoàn trực thuộc Căn cứ Kế hoạch"
    " số 31/KH-CĐN ngày 20 tháng 9 năm 2022 của Công đoàn ngành Giáo dục tỉnh Hà Nam về hoạt động nữ"
    " công năm học 2022-2023, Ban Chấp hành Công đoàn trường xây dựng kế hoạch hội thi như sau: I. MỤC"
    " ĐÍCH YÊU CẦU Tạo sân chơi cho nữ đoàn viên. II. NỘI DUNG THI Thi nấu ăn và cắm hoa theo tổ công"
    " đoàn. III. TỔ CHỨC THỰC HIỆN Các tổ công đoàn đăng ký trước ngày 15/10/2022.\n"
)


def test_a_run_on_heading_in_sentence_case_after_the_date_line_gives_type_and_title():
    result = read_text(_RUN_ON_SENTENCE_HEADING)
    assert result.type == "Kế hoạch"
    assert result.title == "tổ chức hội thi nữ công năm học 2022-2023"


def test_a_plan_cited_by_number_after_a_date_is_no_heading():
    # Guard: "… năm 2022 Kế hoạch số …" after the date line is a citation, not the heading.
    text = _RUN_ON_SENTENCE_HEADING.replace(
        "Kế hoạch tổ chức hội thi nữ công năm học 2022-2023 Kính gửi", "Kế hoạch số 08/KH-CĐ Kính gửi"
    )
    assert read_text(text).title is None


# A run-on text whose content is in parts lettered in capitals, Roman sections under each.
_RUN_ON_LETTERED_PARTS = (
    "CÔNG ĐOÀN NGÀNH Y TẾ TỈNH LẠNG SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CÔNG ĐOÀN BỆNH VIỆN ĐA KHOA"
    " Độc lập - Tự do - Hạnh phúc Số: 11/HD-CĐCS Lạng Sơn, ngày 2 tháng 11 năm 2022 HƯỚNG DẪN Bình xét"
    " thi đua năm 2022 Căn cứ Hướng dẫn số 05/HD-CĐYT ngày 10 tháng 10 năm 2022 của Công đoàn ngành Y tế"
    " tỉnh Lạng Sơn, Ban Chấp hành Công đoàn cơ sở hướng dẫn các tổ công đoàn một số nội dung như sau:"
    " A. CÔNG TÁC THI ĐUA I. ĐỐI TƯỢNG Đoàn viên và các tổ công đoàn. II. TIÊU CHUẨN Hoàn thành tốt nhiệm"
    " vụ được giao. B. CÔNG TÁC KHEN THƯỞNG I. HÌNH THỨC Giấy khen của Ban Chấp hành. II. HỒ SƠ Các tổ gửi"
    " hồ sơ trước ngày 25/11/2022.\n"
)


def test_a_run_on_texts_parts_lettered_in_capitals_are_its_items():
    items = read_text(_RUN_ON_LETTERED_PARTS).items
    assert [item[:23] for item in items] == ["A. CÔNG TÁC THI ĐUA I. ", "B. CÔNG TÁC KHEN THƯỞNG"]


def test_a_letter_before_a_sentence_in_a_run_on_text_is_no_part():
    # Guard: "B. Khen thưởng đột xuất …" in sentence case is a point of the section, no part:
    # only a letter with its heading in capitals opens one.
    text = _RUN_ON_LETTERED_PARTS.replace(
        "B. CÔNG TÁC KHEN THƯỞNG I. HÌNH THỨC", "B. Khen thưởng đột xuất khi có thành tích. III. HÌNH THỨC"
    )
    assert [item[:19] for item in read_text(text).items] == ["A. CÔNG TÁC THI ĐUA"]
