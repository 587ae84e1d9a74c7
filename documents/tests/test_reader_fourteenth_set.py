"""The classes the fourteenth held-out set showed (docs/documents.md): a letter's V/v summary
typed in quotes, or wrapped round the date line onto a line of its own above "Kính gửi:"; the
national union's name without "VIỆT NAM" over its own number; a date line wrapped after
"tháng"; a sample whose name is left as an ellipsis and full stops; a lead line calling a plan
a "Công văn" and cut at a dash; a ground citing a document with its date read as the header.
Each specimen is typed here in the manner of real documents, never copied from the corpus
texts."""

import pytest

from documents.reader import read_text

_LETTER_HEAD = (
    "LIÊN ĐOÀN LAO ĐỘNG TỈNH NAM ĐỊNH\nLIÊN ĐOÀN LAO ĐỘNG HUYỆN Ý YÊN\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nSố: 27 /LĐLĐ\n"
)
_LETTER_BODY = (
    "Kính gửi: Các Công đoàn cơ sở trực thuộc\n"
    "Ban Thường vụ Liên đoàn Lao động huyện đề nghị các Công đoàn cơ sở thực hiện như sau:\n"
    "1. Gửi bản đăng ký về Liên đoàn Lao động huyện trước ngày 20/3.\n"
)


@pytest.mark.parametrize("quotes", [("“", "”"), ('"', '"')])
def test_a_summary_typed_in_quotes_is_the_title_without_them(quotes):
    opening, closing = quotes
    result = read_text(
        f"{_LETTER_HEAD}{opening}V/v tổ chức tập huấn nghiệp vụ thi đua{closing}\n"
        f"Ý Yên, ngày 14 tháng 3 năm 2019\n{_LETTER_BODY}"
    )
    assert result.type == "Công văn"
    assert result.title == "tổ chức tập huấn nghiệp vụ thi đua"


def test_a_summary_wrapped_round_the_date_line_goes_on_under_it_up_to_the_address():
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH NAM ĐỊNH         CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CÔNG ĐOÀN NGÀNH Y TẾ                      Độc lập - Tự do - Hạnh phúc\n"
        "Số:  52/CĐN\n"
        "V/v tổ chức các hoạt động chào mừng 40 năm          Nam Định, ngày 02  tháng 2 năm 2019\n"
        "Ngày Thầy thuốc Việt Nam (27/2/1979 – 27/2/2019)\n"
        "Kính gửi: Các Công đoàn cơ sở trực thuộc\n"
        "Công đoàn ngành Y tế đề nghị các Công đoàn cơ sở thực hiện như sau:\n"
        "1. Treo băng rôn, khẩu hiệu tại trụ sở.\n"
    )
    assert result.title == (
        "tổ chức các hoạt động chào mừng 40 năm Ngày Thầy thuốc Việt Nam (27/2/1979 – 27/2/2019)"
    )
    assert result.date.isoformat() == "2019-02-02"
    assert result.issuer == "CÔNG ĐOÀN NGÀNH Y TẾ"


def test_a_name_in_capitals_between_the_summary_and_the_address_is_no_part_of_the_summary():
    result = read_text(
        "CÔNG ĐOÀN NGÀNH Y TẾ | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 52/CĐN | Độc lập - Tự do - Hạnh phúc\n"
        "V/v tổ chức hội thao | Nam Định, ngày 02 tháng 2 năm 2019\n"
        "CÔNG ĐOÀN NGÀNH Y TẾ\n"
        "Kính gửi: Các Công đoàn cơ sở trực thuộc\n"
        "1. Đăng ký danh sách vận động viên trước ngày 10/2.\n"
    )
    assert result.title == "tổ chức hội thao"


@pytest.mark.parametrize("sep", ["\n", " |\n"])
def test_the_national_union_without_viet_nam_over_its_own_number_is_the_national_union(sep):
    result = read_text(
        f"TỔNG LIÊN ĐOÀN LAO ĐỘNG{sep}CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM{sep}"
        f"Số: 88/HD-TLĐ{sep}Hà Nội, ngày 20 tháng 3 năm 2018{sep}"
        "Căn cứ Điều lệ Công đoàn Việt Nam; Đoàn Chủ tịch Tổng Liên đoàn hướng dẫn như sau:\n"
        "1. Đối tượng áp dụng.\n2. Tiêu chuẩn.\n"
    )
    assert result.type == "Hướng dẫn"
    assert result.issuer == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"


def test_a_date_line_wrapped_after_its_month_word_is_read_whole():
    result = read_text(
        "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM CỘNG\nHÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 88/HD-TLĐ Hà Nội, ngày 20 tháng\n03 năm 2018\n"
        "Căn cứ Điều lệ Công đoàn Việt Nam; Đoàn Chủ tịch Tổng Liên đoàn hướng dẫn như sau:\n"
        "1. Đối tượng áp dụng.\n2. Tiêu chuẩn.\n"
    )
    assert result.date.isoformat() == "2018-03-20"
    assert result.number_symbol == "88/HD-TLĐ"


@pytest.mark.parametrize("blank", ["…..", ".…", "……"])
def test_a_samples_name_left_as_an_ellipsis_and_dots_names_no_issuer_nor_does_its_title(blank):
    result = read_text(
        f"LĐLĐ QUẬN {blank}\nCĐ TRƯỜNG MẦM NON {blank}\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập – Tự do – Hạnh phúc\n"
        f"{blank}, ngày … tháng … năm 20…\n"
        f"KẾ HOẠCH\nHOẠT ĐỘNG CÔNG ĐOÀN CƠ SỞ TRƯỜNG MẦM NON {blank}\nNĂM HỌC 20…-20…\n"
        "I. ĐẶC ĐIỂM TÌNH HÌNH\nII. NHIỆM VỤ\n"
    )
    assert result.type == "Kế hoạch"
    assert result.issuer is None


def test_a_school_union_named_in_the_title_still_issues_a_paper_whose_header_names_nobody():
    result = read_text(
        "KẾ HOẠCH\nHOẠT ĐỘNG CÔNG ĐOÀN TRƯỜNG TIỂU HỌC LÊ LỢI NĂM HỌC 2022-2023\n"
        "I. ĐẶC ĐIỂM TÌNH HÌNH\nII. NHIỆM VỤ\n"
    )
    assert result.issuer is not None and "LÊ LỢI" in result.issuer.upper()


def test_a_lead_line_calling_a_plan_a_letter_gives_the_type_its_code_names():
    result = read_text(
        "Công văn số 17/KH-CĐ ngày 2/3/2021 của Công đoàn Trường Đại học Luật - ĐHQGHN\n"
        "Kính gửi: Các Công đoàn bộ phận\n"
        "Ban Chấp hành Công đoàn Trường thông báo kế hoạch tổ chức Ngày Quốc tế Phụ nữ như sau:\n"
        "1. Mục đích.\n2. Nội dung.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.number_symbol == "17/KH-CĐ"
    assert result.issuer == "Công đoàn Trường Đại học Luật - ĐHQGHN"


def test_a_lead_line_for_a_letter_without_a_type_code_stays_a_letter():
    result = read_text(
        "Công văn số 25/CĐ ngày 2/3/2021 của Công đoàn Trường Đại học Luật về việc nộp kinh phí\n"
        "Kính gửi: Các Công đoàn bộ phận\n1. Thời hạn nộp.\n"
    )
    assert result.type == "Công văn"


def test_a_lead_line_cut_at_a_dash_goes_on_to_the_next_line():
    result = read_text(
        "Công văn số 17/KH-CĐ ngày 2/3/2021 của Công đoàn Trường Đại học Luật -\nĐHQGHN\n"
        "Kính gửi: Các Công đoàn bộ phận\n"
        "Ban Chấp hành Công đoàn Trường thông báo kế hoạch như sau:\n1. Mục đích.\n2. Nội dung.\n"
    )
    assert result.issuer == "Công đoàn Trường Đại học Luật - ĐHQGHN"


def test_a_ground_citing_a_document_with_its_date_is_no_header():
    result = read_text(
        "Thực hiện Chỉ thị số 12-CT/TU ngày 04/6/2020 của Ban Thường vụ Tỉnh ủy về đại hội chi bộ "
        "và Kế hoạch số 88/KH-ĐU, ngày 10/6/2020 của Đảng ủy Khối; Ban Thường vụ Công đoàn Khối "
        "xây dựng Kế hoạch như sau:\n"
        "1. Mục đích, yêu cầu.\n2. Nội dung.\n"
    )
    assert result.number_symbol is None
    assert {b.number_symbol for b in result.bases} == {"12-CT/TU", "88/KH-ĐU"}


_PLAN_BODY = (
    "Căn cứ Kế hoạch số 45/KH-UBND ngày 02/3/2021 của UBND tỉnh về công tác thi đua;\n"
    "Ủy ban nhân dân tỉnh xây dựng Kế hoạch tổ chức Hội nghị điển hình tiên tiến tỉnh Hà Giang "
    "lần thứ V như sau:\n"
)


def test_a_first_line_in_capitals_opening_with_its_type_is_the_heading_however_long():
    title = (
        "TỔ CHỨC HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN LẦN THỨ V (2015 – 2020) VÀ KỶ NIỆM 75 NĂM NGÀY "
        "CHỦ TỊCH HỒ CHÍ MINH RA LỜI KÊU GỌI THI ĐUA ÁI QUỐC (11/6/1948 – 11/6/2023)"
    )
    result = read_text(f"KẾ HOẠCH {title}\n{_PLAN_BODY}I. MỤC ĐÍCH\nII. NỘI DUNG\n")
    assert result.type == "Kế hoạch"
    assert result.title == title


def test_a_long_line_in_capitals_further_down_is_no_heading():
    result = read_text(
        "ỦY BAN NHÂN DÂN TỈNH HÀ GIANG\nSố: 12/TB-UBND\nHà Giang, ngày 02 tháng 3 năm 2021\n"
        "THÔNG BÁO\nKết quả hội nghị\n"
        "KẾ HOẠCH CỦA CÁC SỞ, BAN, NGÀNH VỀ TỔ CHỨC HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN CÁC CẤP TRONG "
        "NĂM 2021 ĐƯỢC THỰC HIỆN NHƯ SAU\n"
        "1. Các sở thực hiện.\n"
    )
    assert result.type == "Thông báo"


def test_a_body_naming_itself_by_its_level_alone_is_of_the_one_place_the_text_names():
    result = read_text(f"TỔ CHỨC HỘI NGHỊ ĐIỂN HÌNH TIÊN TIẾN\n{_PLAN_BODY}I. MỤC ĐÍCH\nII. NỘI DUNG\n")
    assert result.issuer == "Ủy ban nhân dân tỉnh Hà Giang"
    assert result.type == "Kế hoạch"  # what it says it makes ("xây dựng Kế hoạch … như sau:")


def test_a_body_naming_itself_by_its_level_keeps_it_bare_when_the_text_names_two_places():
    result = read_text(
        "Ủy ban nhân dân tỉnh xây dựng Kế hoạch đón đoàn công tác tỉnh Hà Giang và tỉnh Cao Bằng "
        "như sau:\n1. Thời gian.\n2. Địa điểm.\n"
    )
    assert result.issuer == "Ủy ban nhân dân tỉnh"


def test_a_body_mentioning_a_plan_in_passing_gives_it_no_type():
    result = read_text(
        "Ủy ban nhân dân tỉnh xây dựng Kế hoạch năm 2021, trong đó có các nội dung sau đây.\n"
        "1. Thời gian.\n2. Địa điểm.\n"
    )
    assert result.type is None


def test_parts_renumbered_under_a_section_in_capitals_are_no_items_of_their_own():
    result = read_text(
        f"KẾ HOẠCH\nTổ chức hội nghị\n{_PLAN_BODY}"
        " 1. MỤC ĐÍCH YÊU CẦU\n 2. Mục đích:\n- Tôn vinh điển hình.\n 1. Yêu cầu:\n- Tiết kiệm.\n"
        " 2. NỘI DUNG\n 1. Thời gian:\n- Tháng 6.\n"
    )
    assert [item.split("\n")[0] for item in result.items] == ["1. MỤC ĐÍCH YÊU CẦU", "2. NỘI DUNG"]


def test_numbered_items_in_small_letters_that_count_on_are_items_under_a_first_in_capitals():
    result = read_text(
        f"KẾ HOẠCH\nTổ chức hội nghị\n{_PLAN_BODY}"
        "1. MỤC ĐÍCH YÊU CẦU\n2. Nội dung hội nghị.\n3. Thời gian tổ chức.\n"
    )
    assert len(result.items) == 3


def test_a_bloc_of_schools_naming_its_kinds_with_a_comma_is_named_whole():
    result = read_text(
        "Thực hiện Chỉ thị số 12-CT/TU ngày 04/6/2020 của Ban Thường vụ Tỉnh ủy về đại hội chi bộ; "
        "căn cứ tình hình thực tế, Đảng ủy Khối các trường Đại học, Cao đẳng Đà Nẵng xây dựng Kế "
        "hoạch tổ chức đại hội như sau:\n1. Mục đích, yêu cầu.\n2. Nội dung.\n"
    )
    assert result.issuer == "Đảng ủy Khối các trường Đại học, Cao đẳng Đà Nẵng"
    assert result.type == "Kế hoạch"


def test_a_council_naming_itself_by_its_level_is_kept_as_written():
    result = read_text(
        "Hội đồng Thi đua - Khen thưởng tỉnh ban hành Kế hoạch tổng kết phong trào thi đua tỉnh "
        "Hà Giang như sau:\n1. Thời gian.\n2. Địa điểm.\n"
    )
    assert result.issuer == "Hội đồng Thi đua - Khen thưởng tỉnh"


@pytest.mark.parametrize("wrap", [" ", "\n"])
def test_a_document_cited_by_its_type_and_number_alone_with_its_date_is_a_basis(wrap):
    result = read_text(
        "Thực hiện Chỉ thị số 12-CT/TU ngày 04/6/2020 của Ban Thường vụ Tỉnh ủy và Kế"
        f"{wrap}hoạch số 207, ngày 15/6/2020 của Huyện ủy Đông Anh về đại hội chi bộ; Ban Thường vụ "
        "Đảng ủy xây dựng Kế hoạch như sau:\n1. Mục đích, yêu cầu.\n2. Nội dung.\n"
    )
    cited = {b.number_symbol: b for b in result.bases}
    assert set(cited) == {"12-CT/TU", "207"}
    assert cited["207"].type == "Kế hoạch" or wrap == "\n"
    assert cited["207"].date.isoformat() == "2020-06-15"


def test_a_number_without_a_date_after_it_is_no_citation():
    result = read_text(
        "KẾ HOẠCH\nTổ chức đại hội\n"
        "Căn cứ Chỉ thị số 12-CT/TU ngày 04/6/2020 của Ban Thường vụ Tỉnh ủy về đại hội chi bộ;\n"
        "1. Mục đích: tổ chức Hội nghị số 3 của Ban Chấp hành.\n2. Nội dung: Kế hoạch số 5 năm.\n"
    )
    assert [b.number_symbol for b in result.bases] == ["12-CT/TU"]
