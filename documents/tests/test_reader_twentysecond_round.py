"""The classes the twenty-second round fixed on the scored corpus (docs/documents.md): a resolution
reposted without its heading, known only by the sentence that opens its points ("<body> quyết
nghị:"); a text run onto one line with no number, its words run together ("BÁOCÁO",
"CÔNGĐOÀN"), read as a run-on text from its motto and date line; a union and a youth union named
by their kinds only over their company ("CÔNG ĐOÀN – ĐOÀN THANH NIÊN" / "CÔNG TY …") issuing
jointly. Each specimen is typed here in the manner of real documents, never copied from the corpus
texts; the guards check that the rules leave ordinary documents alone."""

import datetime

from documents.reader import read_text

_RESOLUTION_WITHOUT_HEADING = (
    "Ban Chấp hành Công đoàn ngành Giáo dục tỉnh Hà Nam (khóa XV) đã họp hội nghị lần thứ ba ngày "
    "12 tháng 12 năm 2019 tại thành phố Phủ Lý. Hội nghị lần thứ ba Ban Chấp hành Công đoàn ngành "
    "Giáo dục tỉnh Hà Nam quyết nghị:\n"
    "1. Thông qua báo cáo kết quả hoạt động công đoàn năm 2019.\n"
    "2. Giao Ban Thường vụ chỉ đạo thực hiện nhiệm vụ năm 2020.\n"
)


def test_a_resolution_without_heading_is_typed_by_its_body_resolving():
    result = read_text(_RESOLUTION_WITHOUT_HEADING)
    assert result.type == "Nghị quyết"
    assert result.issuer == "Ban Chấp hành Công đoàn ngành Giáo dục tỉnh Hà Nam"
    assert len(result.items) == 2


def test_a_text_reporting_what_a_conference_resolved_is_no_resolution():
    reported = _RESOLUTION_WITHOUT_HEADING.replace(
        "Giáo dục tỉnh Hà Nam quyết nghị:\n",
        "Giáo dục tỉnh Hà Nam đã quyết nghị thông qua các nội dung sau:\n",
    )
    assert read_text(reported).type is None


def test_a_plan_quoting_a_resolving_body_keeps_its_heading_type_and_header_issuer():
    plan = (
        "CĐ GIÁO DỤC TỈNH HÀ NAM     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 05/KH-CĐN     Hà Nam, ngày 6 tháng 1 năm 2020\n"
        "KẾ HOẠCH\n"
        "Thực hiện nghị quyết hội nghị lần thứ ba\n"
        "Hội nghị lần thứ ba Ban Chấp hành Công đoàn ngành Giáo dục tỉnh Hà Nam quyết nghị: tổ chức "
        "phong trào thi đua dạy tốt. Ban Thường vụ xây dựng kế hoạch như sau:\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Đẩy mạnh phong trào thi đua.\n"
    )
    result = read_text(plan)
    assert result.type == "Kế hoạch"
    assert result.issuer != "Ban Chấp hành Công đoàn ngành Giáo dục tỉnh Hà Nam"


_WORDS_RUN_TOGETHER = (
    "CÔNGĐOÀN HUYỆN KRÔNG PẮC CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM CÔNGĐOÀN TRƯỜNG MN HOA MAI Độc lập - "
    "Tự do - Hạnh phúc * * * * Phước An, ngày 20 tháng 5 năm 2012 BÁOCÁO SƠ KẾT HOẠTĐỘNGCÔNGĐOÀN "
    "NĂMHỌC 2011 - 2012 I./TÌNH HÌNH CHUNG: Năm học qua, côngđoàn nhà trường luôn phối hợp với "
    "chuyên môn chăm lo đời sống cho đoàn viên, tổ chức nhiều hoạt động thiết thực cho côngđoàn "
    "viên và người lao động trong toàn trường. Tổng số đoàn viên: 25 người, trong đó nữ: 24 người. "
    "Các tổ côngđoàn sinh hoạt đều đặn hằng tháng, đóng góp ý kiến xây dựng nhà trường. "
    "II./KẾT QUẢ HOẠT ĐỘNG: 1./Công tác tuyên truyền: tổ chức cho đoàn viên học tập nghị quyết, "
    "chỉ thị của các cấp, tham gia đầy đủ các buổi sinh hoạt chính trị do nhà trường tổ chức."
)


def test_a_text_run_on_without_number_and_with_words_run_together_is_read():
    result = read_text(_WORDS_RUN_TOGETHER)
    assert result.type == "Báo cáo"
    assert result.title == "SƠ KẾT HOẠTĐỘNGCÔNGĐOÀN NĂMHỌC 2011 - 2012"
    assert result.issuer == "CÔNGĐOÀN TRƯỜNG MN HOA MAI"
    assert result.date == datetime.date(2012, 5, 20)
    assert result.items[0].startswith("I./TÌNH HÌNH CHUNG:")


def test_a_report_laid_out_in_lines_reads_as_before():
    laid_out = (
        "CÔNG ĐOÀN HUYỆN KRÔNG PẮC     CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CÔNG ĐOÀN TRƯỜNG MN HOA MAI     Độc lập - Tự do - Hạnh phúc\n"
        "Phước An, ngày 20 tháng 5 năm 2012\n"
        "BÁO CÁO\n"
        "Sơ kết hoạt động công đoàn năm học 2011 - 2012\n"
        "I. TÌNH HÌNH CHUNG\n"
        "Năm học qua, công đoàn nhà trường luôn phối hợp với chuyên môn chăm lo đời sống cho đoàn viên.\n"
        "II. KẾT QUẢ HOẠT ĐỘNG\n"
        "Tổ chức cho đoàn viên học tập nghị quyết, chỉ thị của các cấp.\n"
    )
    result = read_text(laid_out)
    assert result.type == "Báo cáo"
    assert result.title == "Sơ kết hoạt động công đoàn năm học 2011 - 2012"
    assert result.issuer == "CÔNG ĐOÀN TRƯỜNG MN HOA MAI"
    assert len(result.items) == 2


def test_a_long_opening_line_without_the_motto_is_not_broken_as_a_header():
    sentence = (
        "Ngày 20 tháng 5 năm 2012 BÁOCÁO viên các tổ đã họp, "
        + "đoàn viên tham gia đầy đủ các buổi sinh hoạt, " * 12
    )
    from documents.reader.lines import _run_on

    assert not _run_on(sentence)


_JOINT_KINDS_OVER_A_COMPANY = (
    "CÔNG ĐOÀN – ĐOÀN THANH NIÊN          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    "CÔNG TY CP MAY XUẤT KHẨU HÀ PHONG          Độc lập – Tự do – Hạnh phúc\n"
    "Số: 12/KH-CĐ-ĐTN          Hưng Yên, ngày 2 tháng 3 năm 2019\n"
    "KẾ HOẠCH\n"
    "Tổ chức giải bóng đá nam chào mừng ngày thành lập Đoàn\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "Tạo sân chơi lành mạnh cho đoàn viên, công nhân lao động.\n"
    "II. THỜI GIAN, ĐỊA ĐIỂM\n"
    "Từ ngày 20/3/2019 tại sân bóng của Công ty.\n"
)


def test_a_union_and_youth_union_named_by_kind_over_their_company_issue_jointly():
    result = read_text(_JOINT_KINDS_OVER_A_COMPANY)
    assert result.issuer == "CÔNG ĐOÀN – ĐOÀN THANH NIÊN CÔNG TY CP MAY XUẤT KHẨU HÀ PHONG"
    assert result.number_symbol == "12/KH-CĐ-ĐTN"


def test_one_body_named_by_kind_over_a_company_reads_as_before():
    single = _JOINT_KINDS_OVER_A_COMPANY.replace("CÔNG ĐOÀN – ĐOÀN THANH NIÊN", "TỔNG CÔNG TY DỆT MAY")
    assert read_text(single).issuer == "CÔNG TY CP MAY XUẤT KHẨU HÀ PHONG"


_BRACKETED_PAGE_MARK = (
    "(2)CĐ NGÀNH GD&ĐT LỆ THỦY CĐCS TRƯỜNG TH HOA THỦY Số: 07/BC-CĐCS CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM "
    "Độc lập - Tự do - Hạnh phúc Hoa Thủy, ngày 25 tháng 5 năm 2015 BÁO CÁO SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN "
    "HỌC KỲ II Kính gửi: Công đoàn ngành Giáo dục và Đào tạo huyện Lệ Thủy Thực hiện kế hoạch năm học, "
    "Công đoàn cơ sở trường báo cáo kết quả hoạt động học kỳ II như sau: đoàn viên tham gia đầy đủ "
    "các phong trào thi đua, chăm lo đời sống cho đoàn viên, tổ chức tham quan học tập cho đoàn viên "
    "và người lao động, phối hợp với chuyên môn tổ chức hội giảng, thao giảng chào mừng các ngày lễ lớn."
)


def test_a_bracketed_page_mark_glued_to_a_run_on_header_is_no_part_of_the_issuer():
    result = read_text(_BRACKETED_PAGE_MARK)
    assert result.issuer == "CĐCS TRƯỜNG TH HOA THỦY"
    assert result.number_symbol == "07/BC-CĐCS"


def test_a_bracketed_number_before_words_in_sentence_case_is_no_page_mark():
    from documents.reader.lines import _LEADING_PAGE_NUMBER

    assert _LEADING_PAGE_NUMBER.match("(1)CĐ NGÀNH GD ")
    assert not _LEADING_PAGE_NUMBER.match("(1) Tổ chức hội thi ")
