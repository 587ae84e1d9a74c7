"""Failure classes the reader's sixth held-out set showed (documents/tests/corpus/): a register
whose fields are glued on one line with its date under its label, a guidance without header that
opens with its type in a sentence-case title, a superior body and the issuer on one line in
capitals, a run-on title into a ground that lost its “cứ”, a report's lettered section after a
dash under its title, and an issuer's last word wrapped onto the next line. Each specimen is typed
here in the manner of real documents, never copied from the held-out texts."""

import datetime

from documents.reader import read_text


def test_a_register_with_fields_glued_on_one_line_and_the_date_under_its_label():
    """A legal database prints “Số hiệu:512/QĐ-UBNDNgày đăng công báo:…” on one line and the
    date on the line under “Ngày ban hành:” (after the label's explanation); its own number is
    no basis."""
    result = read_text(
        "Thuộc tính văn bản Quyết định 512/QĐ-UBND\n"
        "Quyết định 512/QĐ-UBND của Ủy ban nhân dân tỉnh Phú Yên về việc tặng Cờ thi đua năm 2020\n"
        "Cơ quan ban hành: Ủy ban nhân dân tỉnh Phú Yên\n"
        "Số hiệu:512/QĐ-UBNDNgày đăng công báo:Đang cập nhật\n"
        "Loại văn bản:Quyết địnhNgười ký:Trần Văn An\n"
        "Ngày ban hành:\nNgày ban hành là ngày, tháng, năm văn bản được ký ban hành.\n12/03/2021\n"
        "Ngày hết hiệu lực:\nĐang cập nhật\n"
    )
    assert result.number_symbol == "512/QĐ-UBND"
    assert result.type == "Quyết định"
    assert result.date == datetime.date(2021, 3, 12)
    assert result.bases == []
    assert result.title == "về việc tặng Cờ thi đua năm 2020"


def test_a_text_without_header_that_opens_with_its_type_in_a_sentence_case_title():
    """A union's site prints only the title, twice, then the body, whose first sentence names
    the union as author: no number, no date, but a type, a title and an issuer."""
    result = read_text(
        "Kế hoạch tổ chức Hội thao công nhân viên chức lao động ngành Giao thông năm 2023\n\n"
        "Kế hoạch tổ chức Hội thao công nhân viên chức lao động ngành Giao thông năm 2023\n\n"
        "Nhằm chào mừng kỷ niệm 94 năm Ngày thành lập Công đoàn Việt Nam, tạo sân chơi lành mạnh "
        "cho người lao động, Công đoàn Giao thông vận tải Việt Nam xây dựng kế hoạch tổ chức Hội "
        "thao như sau:\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == "tổ chức Hội thao công nhân viên chức lao động ngành Giao thông năm 2023"
    assert result.number_symbol is None and result.date is None
    assert result.issuer == "Công đoàn Giao thông vận tải Việt Nam"
    assert result.items == [] and result.bases == []


def test_a_first_sentence_naming_a_type_is_no_title():
    """A paragraph that merely begins with a type's words ends with a full stop: no title."""
    result = read_text(
        "Kế hoạch này được gửi tới các công đoàn cơ sở để thực hiện.\n1. Mục đích.\n2. Yêu cầu.\n"
    )
    assert result.title is None


def test_a_superior_body_and_the_issuer_on_one_line_in_capitals():
    """A flattened header prints the Confederation and the provincial federation on one line,
    or a city's federation with “TP” and its grassroots union “CĐCS …”: the issuer is the second."""
    province = read_text(
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 42/KH-LĐLĐ\n"
        "Bến Tre, ngày 3 tháng 2 năm 2020\nKẾ HOẠCH\nTổ chức Tháng Công nhân năm 2020\n1. Mục đích.\n"
    )
    assert province.issuer == "LIÊN ĐOÀN LAO ĐỘNG TỈNH BẾN TRE"
    school = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TP VINH CĐCS TIỂU HỌC HƯNG BÌNH\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập - Tự do - Hạnh phúc\n"
        "Hưng Bình, ngày 2 tháng 3 năm 2023\nKẾ HOẠCH HOẠT ĐỘNG CÔNG ĐOÀN\nTháng 3/2023\n1. Nội dung.\n"
    )
    assert school.issuer == "CĐCS TIỂU HỌC HƯNG BÌNH"


def test_a_lettered_section_after_a_dash_ends_a_title_in_capitals():
    """“- A. ĐÁNH GIÁ …” under a report's title in capitals is its first section, not the title's
    third line."""
    result = read_text(
        "CÔNG ĐOÀN NGÀNH Y TẾ\nCÔNG ĐOÀN BỆNH VIỆN ĐA KHOA AN PHÚ\nBÁO CÁO\n"
        "SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN SÁU THÁNG ĐẦU NĂM 2019\nVÀ PHƯƠNG HƯỚNG SÁU THÁNG CUỐI NĂM\n"
        "- A. ĐÁNH GIÁ KẾT QUẢ HOẠT ĐỘNG\n1. Chăm lo đời sống đoàn viên.\n2. Thi đua.\n"
        "- B. PHƯƠNG HƯỚNG\n1. Tiếp tục.\n"
    )
    assert (
        result.title == "SƠ KẾT HOẠT ĐỘNG CÔNG ĐOÀN SÁU THÁNG ĐẦU NĂM 2019 VÀ PHƯƠNG HƯỚNG SÁU THÁNG CUỐI NĂM"
    )


def test_a_run_on_title_in_sentence_case_into_a_ground_that_lost_its_cu():
    """A run-on plan in a legacy font that lost letters: its title in sentence case runs on into
    its first ground, whose “cứ” was lost (“… năm 2022 Căn Kế hoạch số …”)."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập – Tự do – "
        "Hạnh phúc Số: 27 /KH – LĐLĐ Bình Phước, ngày 10 tháng 02 năm 2022 KẾ HOẠCH Tổ chức các "
        "hoạt động Tháng Công nhân năm 2022 Căn Kế hoạch số 12/KH – TLĐ ngày 05/01/2022 Tổng Liên "
        "đoàn Lao động Việt Nam tổ chức Tháng Công nhân năm 2022, Liên đoàn Lao động tỉnh xây dựng "
        "kế hoạch như sau: I. MỤC ĐÍCH, YÊU CẦU 1. Động viên người lao động. II. NỘI DUNG 1. Tổ "
        "chức các hoạt động."
    )
    assert result.title == "Tổ chức các hoạt động Tháng Công nhân năm 2022"
    assert result.issuer == "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC"
    assert [b.number_symbol for b in result.bases] == ["12/KH-TLĐ"]
    assert len(result.items) == 2


def test_an_issuer_s_last_word_wrapped_by_a_pdf_onto_the_next_line():
    """A PDF's narrow header column wraps “… VIỆT” / “NAM”: the word ends the issuer's name; the
    motto wrapped the same way under it stays the motto."""
    result = read_text(
        "CÔNG ĐOÀN CÔNG THƯƠNG VIỆT\nNAM\nSố: 58/HD-CĐCT\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA\nVIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nHà Nội, ngày 4 tháng 3 năm 2018\nHƯỚNG DẪN\n"
        "TỔ CHỨC HỘI NGHỊ NGƯỜI LAO ĐỘNG\n1. Đối tượng.\n2. Thời gian.\n"
    )
    assert result.issuer == "CÔNG ĐOÀN CÔNG THƯƠNG VIỆT NAM"


def test_a_body_naming_itself_across_a_pdf_s_line_end():
    """Without a header, the guidance names its author in its first sentence, which a PDF
    wraps in the middle of the name (“… Việt” / “Nam hướng dẫn …”)."""
    result = read_text(
        "Hướng dẫn xét tặng Kỷ niệm chương năm 2021\n"
        "Để ghi nhận đóng góp của đoàn viên trong ngành, Công đoàn Dệt May Việt\n"
        "Nam hướng dẫn các công đoàn trực thuộc thủ tục đề nghị như sau:\n"
    )
    assert result.issuer == "Công đoàn Dệt May Việt Nam"


def test_a_run_on_plan_wrapped_by_a_pdf_into_justified_lines():
    """The run-on plan set in a narrow justified column: lines end anywhere and words are
    spread with double spaces (“Hạnh  phúc  Số:”); it is read as the run-on text it was."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc  lập  –  Tự  do  –  Hạnh  phúc  Số:  27\n/KH – LĐLĐ Bình Phước, ngày 10 tháng 02\n"
        "năm  2022  KẾ  HOẠCH  Tổ  chức  các  hoạt\nđộng Tháng Công nhân năm 2022 Căn Kế\n"
        "hoạch số 12/KH – TLĐ ngày 05/01/2022 Tổng\nLiên đoàn Lao động Việt Nam tổ chức Tháng\n"
        "Công nhân năm 2022, Liên đoàn Lao động tỉnh\nxây dựng kế hoạch như sau: I. MỤC ĐÍCH,\n"
        "YÊU CẦU 1. Động viên người lao động. II.\nNỘI DUNG 1. Tổ chức các hoạt động.\n"
    )
    assert result.title == "Tổ chức các hoạt động Tháng Công nhân năm 2022"
    assert result.issuer == "LIÊN ĐOÀN LAO ĐỘNG TỈNH BÌNH PHƯỚC"
    assert result.number_symbol == "27/KH-LĐLĐ"
    assert len(result.items) == 2
