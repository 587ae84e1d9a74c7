"""The classes the twelfth held-out set showed (docs/documents.md): a regulation's bracketed issuing
note run onto its title, a summary opened by "V/v" under the heading, a blank form's label in the
issuer's place, a number typed with a full stop before its slash, and a register printed as a
table of bare label cells (with its bars, without them, and wrapped by a PDF). Each specimen is
typed here in the manner of real documents, never copied from the corpus texts."""

import pytest

from documents.reader import read_text
from documents.reader.numbers import parse_number_symbol


@pytest.mark.parametrize(
    "opening",
    [
        # the note run onto the title's second line, as a site prints it
        "QUY CHẾ HỘI THI “GIỌNG HÁT CÔNG NHÂN - MÙA XUÂN\n"
        "QUÊ HƯƠNG”(Ban hành kèm theo Quyết định số ngày tháng 4 năm 2015\n"
        "của Ban Thường vụ Liên đoàn Lao động tỉnh Hà Nam)\n",
        # the same cut by a PDF's narrow lines, the note's opening alone at a line end
        "QUY CHẾ HỘI THI\n“GIỌNG HÁT CÔNG NHÂN - MÙA XUÂN\nQUÊ HƯƠNG”(Ban hành\n"
        "kèm theo Quyết định số ngày tháng 4 năm\n2015\ncủa Ban Thường vụ Liên đoàn Lao\n"
        "động tỉnh Hà Nam)\n",
    ],
)
def test_a_bracketed_issuing_note_run_onto_the_title_is_no_part_of_it_and_names_the_issuer(opening):
    result = read_text(
        opening + "Điều 1. Đối tượng dự thi: đoàn viên công đoàn trong tỉnh.\n"
        "Điều 2. Thời gian: từ tháng 5 đến tháng 7 năm 2015.\n"
    )
    assert result.type == "Quy chế"
    assert result.title == "HỘI THI “GIỌNG HÁT CÔNG NHÂN - MÙA XUÂN QUÊ HƯƠNG”"
    assert result.issuer == "Ban Thường vụ Liên đoàn Lao động tỉnh Hà Nam"
    assert len(result.items) == 2


def test_an_issuing_note_does_not_replace_the_issuer_the_header_names():
    result = read_text(
        "LĐLĐ TỈNH HÀ NAM | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "BAN TỔ CHỨC HỘI THI | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 03/QC-BTC | Hà Nam, ngày 20 tháng 4 năm 2015\n"
        "QUY CHẾ HỘI THI GIỌNG HÁT CÔNG NHÂN(Ban hành kèm theo Quyết định số 12/QĐ-LĐLĐ\n"
        "của Ban Thường vụ Liên đoàn Lao động tỉnh)\n"
        "Điều 1. Đối tượng dự thi.\nĐiều 2. Thời gian.\n"
    )
    assert result.title == "HỘI THI GIỌNG HÁT CÔNG NHÂN"
    assert result.issuer == "BAN TỔ CHỨC HỘI THI"


def test_a_summary_opened_by_v_v_under_the_heading_is_read_without_it():
    result = read_text(
        "UBND XÃ AN BÌNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "| Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/TTr-UBND | An Bình, ngày 05 tháng 11 năm 2019\n"
        "TỜ TRÌNH\n"
        "V/v đề nghị tặng Giấy khen cho tập thể và cá nhân\n"
        "Kính gửi: Chủ tịch UBND huyện.\n"
        "Căn cứ Quyết định số 20/2018/QĐ-UBND ngày 10/5/2018 của UBND tỉnh;\n"
    )
    assert result.type == "Tờ trình"
    assert result.title == "đề nghị tặng Giấy khen cho tập thể và cá nhân"


@pytest.mark.parametrize("label", ["ĐƠN VỊ ĐỀ NGHỊ", "TÊN CƠ QUAN, ĐƠN VỊ", "CƠ QUAN CHỦ QUẢN"])
def test_a_blank_forms_label_in_the_issuers_place_names_no_issuer(label):
    result = read_text(
        "Mẫu số 3\n"
        f"{label} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: ..../TTr-... ......, ngày tháng năm\n"
        "TỜ TRÌNH\n"
        "Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh\n"
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;\n"
    )
    assert result.type == "Tờ trình"
    assert result.issuer is None


def test_a_body_whose_name_opens_with_co_quan_is_no_blank_label():
    result = read_text(
        "BỘ NGOẠI GIAO | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "CƠ QUAN ĐẠI DIỆN TẠI LÀO | Độc lập - Tự do - Hạnh phúc\n"
        "Số: 08/TTr-CQĐD | Viêng Chăn, ngày 05 tháng 11 năm 2019\n"
        "TỜ TRÌNH\n"
        "Đề nghị khen thưởng năm 2019\n"
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31/7/2017 của Chính phủ;\n"
    )
    assert result.issuer == "CƠ QUAN ĐẠI DIỆN TẠI LÀO"


def test_a_number_typed_with_a_full_stop_before_its_slash_is_read():
    assert str(parse_number_symbol("15./KH- CĐCS")) == "15/KH-CĐCS"
    result = read_text(
        "UBND HUYỆN ĐỨC THỌ\n"
        "TRƯỜNG TH ĐỨC AN\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 07./QĐ- TH\n"
        "Đức An, ngày 10 tháng 9 năm 2019\n"
        "QUYẾT ĐỊNH\n"
        "Về việc thành lập Hội đồng Thi đua, Khen thưởng\n"
        "Điều 1. Thành lập Hội đồng.\nĐiều 2. Quyết định có hiệu lực.\n"
    )
    assert result.number_symbol == "07/QĐ-TH"
    assert result.issuer == "TRƯỜNG TH ĐỨC AN"


_TABLED = (
    "Tiêu đề văn bản | Kế hoạch tổ chức Hội khỏe Phù Đổng cấp huyện năm 2021 | ||\n"
    "Số hiệu | Số: 214/KH-UBND | Cơ quan ban hành | UBND huyện Yên Dũng |\n"
    "Phạm vi | Các trường học | Ngày ban hành | |\n"
    "Loại tài liệu | Kế hoạch | Người ký | Phó Chủ tịch UBND huyện |\n"
    "Số lượt xem | 512 | Số lượt tải về | 3 |\n"
    "Nơi nhận |\n"
    "- Các trường TH, THCS\n"
    "- Phòng Văn hóa\n"
    "|\n"
)


@pytest.mark.parametrize(
    "text",
    [
        _TABLED,
        # a Word file or PDF of it: the bars lost, each row one line
        _TABLED.replace(" |", "").replace("|", ""),
        # a PDF's narrow column: each row wrapped, a label cut at a line end
        "Tiêu đề văn bản Kế hoạch tổ chức Hội khỏe\nPhù Đổng cấp huyện năm 2021\n"
        "Số hiệu Số: 214/KH-UBND Cơ quan ban\nhành UBND huyện Yên Dũng\n"
        "Phạm vi Các trường học Ngày ban\nhành\n"
        "Loại tài liệu Kế hoạch Người ký Phó\nChủ tịch UBND huyện\n"
        "Số lượt xem 512 Số lượt tải về 3\n"
        "Nơi nhận\n- Các trường TH, THCS\n- Phòng Văn hóa\n",
    ],
    ids=["bars", "no-bars", "pdf-wrapped"],
)
def test_a_register_printed_as_a_table_of_bare_label_cells_is_read(text):
    result = read_text(text)
    assert result.type == "Kế hoạch"
    assert result.title == "tổ chức Hội khỏe Phù Đổng cấp huyện năm 2021"
    assert result.number_symbol == "214/KH-UBND"
    assert result.issuer == "UBND huyện Yên Dũng"
    assert result.recipients == ["Các trường TH, THCS", "Phòng Văn hóa"]


def test_a_line_opening_with_a_short_table_label_in_a_text_is_no_field():
    """“Phạm vi điều chỉnh” in a register's text stays text: a bare label of two words is read
    as a field only in a row that holds another."""
    result = read_text(
        "Số hiệu: 09/2020/TT-BNV\nLoại văn bản: Thông tư\nCơ quan ban hành: Bộ Nội vụ\n"
        "Ngày ban hành: 29/11/2020\n"
        "Điều 1. Phạm vi điều chỉnh\nPhạm vi điều chỉnh của Thông tư này là công tác văn thư.\n"
        "Điều 2. Đối tượng áp dụng\n"
    )
    assert result.issuer == "Bộ Nội vụ"
    assert len(result.items) == 2


def test_a_heading_in_small_letters_where_a_header_of_one_cell_a_line_ends_is_read():
    """A header printed one cell a line in small letters, then “Kế hoạch hoạt động …” in small
    letters with its title run on and wrapped under it."""
    result = read_text(
        "Công đoàn Phòng GD Xuân Trường\n"
        "Công đoàn trường TH Xuân Hồng\n"
        "Cộng hoà xã hội chủ nghĩa\n"
        "việt nam\n"
        "Độc lập- Tự do- Hạnh phúc\n"
        "Kế hoạch hoạt động học kì II\n"
        "Công đoàn trường TH Xuân Hồng\n"
        "Năm học: 2010-2011\n"
        "A. Mục tiêu :\n- Chăm lo đời sống đoàn viên.\n"
        "B. Nội dung :\n1. Tổ chức ngày 8/3.\n"
    )
    assert result.type == "Kế hoạch"
    assert result.title == "hoạt động học kì II Công đoàn trường TH Xuân Hồng Năm học: 2010-2011"
    assert result.issuer == "Công đoàn trường TH Xuân Hồng"


def test_a_line_in_small_letters_opening_with_a_type_below_the_header_is_no_heading():
    """Only the line where the header ends is read as such a heading: a letter's sentence
    further down (“Báo cáo kết quả …”) is not."""
    result = read_text(
        "CÔNG ĐOÀN GIÁO DỤC HUYỆN | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "| Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15/CĐGD | Xuân Trường, ngày 02 tháng 6 năm 2011\n"
        "V/v tổng kết năm học\n"
        "Kính gửi: Các công đoàn cơ sở.\n"
        "Báo cáo kết quả năm học gửi về trước ngày 20/6/2011.\n"
    )
    assert result.type == "Công văn"
    assert result.title == "tổng kết năm học"


def test_a_run_on_report_with_its_header_flattened_into_it_is_read():
    """One paragraph: the superior's name, the motto, the issuer's name with an abbreviation
    (“Tr.”), the number, the date, the heading, a capitals title ending on its years and the
    first Roman section in small letters, all run together."""
    result = read_text(
        "CÔNG ĐOÀN GD H. MINH LONG CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM CĐCS Tr. TH LONG HIỆP "
        "Độc lập – Tự do – Hạnh phúc Số:05 /BC-CĐCS Minh Long, ngày 12 tháng 5 năm 2012 BÁO CÁO "
        "SƠ KẾT 3 NĂM PHONG TRÀO XANH SẠCH ĐẸP (2009-2012) I- Tình hình chung: 1. Đặc điểm: "
        "Công đoàn có 18 đoàn viên. 2. Thuận lợi: - Được chi bộ quan tâm. - Đoàn viên đoàn kết."
    )
    assert result.type == "Báo cáo"
    assert result.number_symbol == "05/BC-CĐCS"
    assert result.title == "SƠ KẾT 3 NĂM PHONG TRÀO XANH SẠCH ĐẸP (2009-2012)"
    assert result.issuer == "CĐCS Tr. TH LONG HIỆP"
    assert len(result.items) == 1 and result.items[0].startswith("I- Tình hình chung")


def test_a_v_v_summary_wrapped_after_a_joining_word_goes_on_at_a_capital():
    """A letter's summary in its narrow column, cut after “về” before a name in capitals
    (“Hội nghị …”), as a PDF of its header table prints it."""
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH\n"
        "NINH BÌNH\n"
        "Số: 412/LĐLĐ-TG\n"
        "V/v tuyên truyền kỷ niệm 95 năm về\n"
        "Ngày thành lập Công đoàn Việt Nam\n"
        "Kính gửi:\n"
        "- Các Công đoàn cơ sở;\n"
        "Năm 2024 kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam.\n"
    )
    assert result.type == "Công văn"
    assert result.title == "tuyên truyền kỷ niệm 95 năm về Ngày thành lập Công đoàn Việt Nam"
