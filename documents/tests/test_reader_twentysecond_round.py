"""The classes the twenty-second round fixed on the scored corpus (docs/documents.md): a resolution
reposted without its heading, known only by the sentence that opens its points ("<body> quyết
nghị:"). Each specimen is typed here in the manner of real documents, never copied from the corpus
texts; the guards check that the rules leave ordinary documents alone."""

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
