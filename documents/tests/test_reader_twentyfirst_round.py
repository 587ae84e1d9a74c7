"""The classes the twenty-first round fixed on the scored corpus (docs/documents.md): Roman
sections numbered with a typeset dash ("I – MỤC ĐÍCH") or with a slash glued to their heading
("I/MỤC ĐÍCH"). Each specimen is typed here in the manner of real documents, never copied from
the corpus texts; the guards check that the rules leave ordinary documents alone."""

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
