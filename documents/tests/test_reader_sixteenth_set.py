"""The classes the sixteenth held-out set showed (docs/documents.md): a date whose day is left
blank for the signing, its blank taken for a column gap; a district's office named without its
district under the district's committee; the archive line put first in "Nơi nhận", a copy's label
("Bản điện tử:") under it; a register that writes the date in the number's cell; a register title
in capitals opening with the type in capitals, and wrapped in capitals or at a range's dash by a
PDF's narrow column. Each specimen is typed here in the manner of real documents, never copied
from the corpus texts."""

from documents.reader import read_text


def _letter(date_line: str, recipients: str = "Nơi nhận:\n- Như trên;\n- Lưu: VT.\n") -> str:
    return (
        "UBND HUYỆN YÊN THẾ\n"
        "PHÒNG VĂN HÓA VÀ THÔNG TIN\n"
        "Số:      /VHTT\n"
        "V/v rà soát biển quảng cáo ngoài trời\n"
        "trên địa bàn huyện năm 2021\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        f"{date_line}\n"
        "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n"
        "Thực hiện kế hoạch công tác năm 2021, Phòng đề nghị các xã như sau:\n"
        "1. Rà soát các biển quảng cáo.\n"
        "2. Báo cáo kết quả về Phòng trước ngày 30/6/2021.\n"
        f"{recipients}"
        "TRƯỞNG PHÒNG\n"
        "Lê Thị Mai\n"
    )


def test_a_date_line_with_its_day_left_blank_ends_the_summary_and_gives_no_date():
    result = read_text(_letter("Yên Thế, ngày        tháng 5 năm 2021"))
    assert result.title == "rà soát biển quảng cáo ngoài trời trên địa bàn huyện năm 2021"
    assert result.date is None


def test_a_date_line_with_day_and_month_left_blank_still_ends_the_summary():
    result = read_text(_letter("Yên Thế, ngày      tháng      năm 2021"))
    assert result.title == "rà soát biển quảng cáo ngoài trời trên địa bàn huyện năm 2021"


def test_a_date_line_filled_in_is_read_as_before():
    result = read_text(_letter("Yên Thế, ngày 14 tháng 5 năm 2021"))
    assert result.date.isoformat() == "2021-05-14"


def test_cells_parted_by_wide_spaces_are_still_columns_beside_a_blank_day():
    result = read_text(
        "UBND HUYỆN YÊN THẾ          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "PHÒNG VĂN HÓA VÀ THÔNG TIN          Độc lập - Tự do - Hạnh phúc\n"
        "Số:      /VHTT          Yên Thế, ngày      tháng 5 năm 2021\n"
        "V/v rà soát biển quảng cáo ngoài trời\n"
        "Kính gửi: Ủy ban nhân dân các xã, thị trấn.\n"
        "1. Rà soát các biển quảng cáo.\n"
    )
    assert result.title == "rà soát biển quảng cáo ngoài trời"
    assert result.issuer == "PHÒNG VĂN HÓA VÀ THÔNG TIN YÊN THẾ"


def test_a_district_office_named_bare_under_its_committee_is_named_with_its_district():
    result = read_text(_letter("Yên Thế, ngày 14 tháng 5 năm 2021"))
    assert result.issuer == "PHÒNG VĂN HÓA VÀ THÔNG TIN YÊN THẾ"


def test_an_office_naming_its_district_and_a_province_department_keep_their_names():
    district = read_text(
        _letter("Yên Thế, ngày 14 tháng 5 năm 2021").replace(
            "PHÒNG VĂN HÓA VÀ THÔNG TIN\n", "PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN YÊN THẾ\n"
        )
    )
    province = read_text(
        _letter("Bắc Giang, ngày 14 tháng 5 năm 2021").replace(
            "UBND HUYỆN YÊN THẾ\nPHÒNG VĂN HÓA VÀ THÔNG TIN\n",
            "UBND TỈNH BẮC GIANG\nSỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH\n",
        )
    )
    assert district.issuer == "PHÒNG VĂN HÓA VÀ THÔNG TIN HUYỆN YÊN THẾ"
    assert province.issuer == "SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH"


def test_the_archive_line_put_first_does_not_end_the_list_a_copys_label_parts():
    recipients = "Nơi nhận:\n-Lưu: VT;\nBản điện tử:\n- Như kính gửi;\n- Lãnh đạo Phòng.\n"
    result = read_text(_letter("Yên Thế, ngày 14 tháng 5 năm 2021", recipients))
    assert result.recipients == ["Lưu: VT", "Như kính gửi", "Lãnh đạo Phòng"]


def test_the_copys_label_moved_under_the_entries_leaves_them_read():
    recipients = "Nơi nhận:\n-Lưu: VT;\n- Như kính gửi;\n- Lãnh đạo Phòng.\nBản điện tử:\n"
    result = read_text(_letter("Yên Thế, ngày 14 tháng 5 năm 2021", recipients))
    assert result.recipients == ["Lưu: VT", "Như kính gửi", "Lãnh đạo Phòng"]


def test_the_archive_line_last_still_ends_the_list_before_what_follows():
    recipients = (
        "Nơi nhận:\n- Như trên;\n- Lưu: VT.\nTRƯỞNG PHÒNG\nLê Thị Mai\n- Ghi chú: gửi kèm danh sách.\n"
    )
    result = read_text(_letter("Yên Thế, ngày 14 tháng 5 năm 2021", recipients))
    assert result.recipients == ["Như trên", "Lưu: VT"]


def test_a_register_date_written_in_the_number_cell_is_the_date_and_not_the_number():
    result = read_text(
        "Tiêu đề văn bản | Hướng dẫn kiểm tra nội bộ trường học | ||\n"
        "Số hiệu | Số 31/HD-PGDĐT ngày 3 tháng 11 năm 2019 | Cơ quan ban hành | Phòng Giáo dục và Đào tạo Lục Nam |\n"
        "Phạm vi | Các trường học | Ngày ban hành | |\n"
        "Loại tài liệu | Hướng dẫn | Người ký | Trưởng phòng |\n"
    )
    assert result.number_symbol == "31/HD-PGDĐT"
    assert result.date.isoformat() == "2019-11-03"


def test_the_date_cell_filled_in_prevails_over_a_date_in_the_number_cell():
    result = read_text(
        "Tiêu đề văn bản | Hướng dẫn kiểm tra nội bộ trường học | ||\n"
        "Số hiệu | 31/HD-PGDĐT ngày 3/11/2019 | Cơ quan ban hành | Phòng Giáo dục và Đào tạo Lục Nam |\n"
        "Phạm vi | Các trường học | Ngày ban hành | 05/11/2019 |\n"
    )
    assert result.number_symbol == "31/HD-PGDĐT"
    assert result.date.isoformat() == "2019-11-05"


def test_a_register_title_in_capitals_opening_with_its_type_is_typed_and_titled_without_it():
    result = read_text(
        "Tiêu đề văn bản | KẾ HOẠCH KIEM TRA CHUYÊN ĐỀ CÁC TRƯỜNG TIỂU HỌC NĂM HỌC 2019-2020 | ||\n"
        "Số hiệu | 40/KH-PGDĐT | Cơ quan ban hành | Phòng Giáo dục và Đào tạo Lục Nam |\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == "KIEM TRA CHUYÊN ĐỀ CÁC TRƯỜNG TIỂU HỌC NĂM HỌC 2019-2020"


def test_a_register_title_in_mixed_capitals_keeps_its_words():
    result = read_text(
        "Tiêu đề văn bản | KẾ HOẠCH Kiểm Tra chuyên đề năm 2020 | ||\n"
        "Số hiệu | 40/PGDĐT | Cơ quan ban hành | Phòng Giáo dục và Đào tạo Lục Nam |\n"
    )
    assert result.title == "KẾ HOẠCH Kiểm Tra chuyên đề năm 2020"


def test_a_register_title_in_capitals_a_pdf_wrapped_in_capitals_is_read_whole():
    result = read_text(
        "Tiêu đề văn bản KẾ HOẠCH KIEM\n"
        "TRA CHUYÊN ĐỀ CÁC TRƯỜNG\n"
        "TIỂU HỌC NĂM HỌC 2019-2020\n"
        "Số hiệu 40/KH-PGDĐT Cơ quan ban hành\n"
        "Phòng Giáo dục và Đào tạo Lục Nam\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == "KIEM TRA CHUYÊN ĐỀ CÁC TRƯỜNG TIỂU HỌC NĂM HỌC 2019-2020"
    assert result.number_symbol == "40/KH-PGDĐT"


def test_a_register_title_a_pdf_wrapped_four_times_and_at_a_ranges_dash_is_read_whole():
    result = read_text(
        "Tiêu đề văn bản Quyết định về việc phê\n"
        "duyệt danh sách học sinh giỏi năm học 2019 -\n"
        "2020 của các trường tiểu học, trung học\n"
        "cơ sở và trung học phổ thông trên địa bàn\n"
        "Lục Nam\n"
        "Số hiệu 88/QĐ-UBND Cơ quan ban hành\n"
        "UBND huyện\n"
    )
    assert result.type == "Quyết định"
    assert result.title == (
        "về việc phê duyệt danh sách học sinh giỏi năm học 2019 - 2020 của các trường tiểu học, "
        "trung học cơ sở và trung học phổ thông trên địa bàn Lục Nam"
    )
    assert result.number_symbol == "88/QĐ-UBND"


def test_a_number_row_in_capitals_does_not_take_the_header_under_it():
    result = read_text(
        "Số hiệu 40/KH-PGDĐT Cơ quan ban hành\n"
        "Phòng Giáo dục và Đào tạo Lục Nam\n"
        "UBND HUYỆN LỤC NAM\n"
        "Trích yếu: Kế hoạch kiểm tra chuyên đề năm 2020\n"
    )
    assert result.number_symbol == "40/KH-PGDĐT"
