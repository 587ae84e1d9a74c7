"""A document without header names its issuer in its text: the body that says it makes the document
in the lead sentence ("Ban Thường vụ … xây dựng Kế hoạch … như sau:"), or, named nowhere else, the
body its signature block signs for ("TM. BAN CHẤP HÀNH …"). Typed specimens, never a corpus text;
the names are invented."""

from documents.reader import read_text

_BODY = """KẾ HOẠCH
Tổ chức các hoạt động chào mừng Ngày Phụ nữ Việt Nam 20/10/2026
I. MỤC ĐÍCH, YÊU CẦU
1. Động viên nữ đoàn viên hăng hái thi đua.
2. Tổ chức thiết thực, tiết kiệm.
II. NỘI DUNG
1. Tổ chức tọa đàm.
2. Thăm hỏi đoàn viên có hoàn cảnh khó khăn.
Nơi nhận:
- Các công đoàn bộ phận;
- Lưu: VT.
"""


def test_a_text_without_header_is_issued_by_the_body_its_signature_signs_for():
    text = _BODY + "TM. BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG THPT HOA SEN\nCHỦ TỊCH\nNguyễn Thị An\n"
    assert read_text(text).issuer == "BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG THPT HOA SEN"


def test_an_organ_signed_for_is_completed_by_the_body_named_under_it():
    text = _BODY + "TM. BAN THƯỜNG VỤ\nLIÊN ĐOÀN LAO ĐỘNG TỈNH HÒA MINH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n"
    assert read_text(text).issuer == "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH HÒA MINH"


def test_a_name_wrapped_in_the_signature_is_read_whole():
    text = _BODY + "TM. BAN CHẤP HÀNH CÔNG ĐOÀN\nTRƯỜNG THCS LÊ LỢI\nCHỦ TỊCH\nLê Văn Cường\n"
    assert read_text(text).issuer == "BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG THCS LÊ LỢI"


def test_an_organ_that_names_no_body_is_no_issuer():
    """“TM. BAN THƯỜNG VỤ” / “CHỦ TỊCH”: whose standing committee the text does not say."""
    assert read_text(_BODY + "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nLê Văn Cường\n").issuer is None


def test_the_signer_in_capitals_is_no_part_of_the_body():
    text = _BODY + "TM. BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG THPT HOA SEN\nNGUYỄN THỊ AN\n"
    assert read_text(text).issuer == "BAN CHẤP HÀNH CÔNG ĐOÀN TRƯỜNG THPT HOA SEN"


def test_a_deputy_signs_for_an_office_not_a_body():
    assert read_text(_BODY + "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nTrần Văn Bình\n").issuer is None


def test_the_lead_sentence_naming_its_body_comes_before_the_signature():
    text = (
        "Kế hoạch tổ chức Hội thao công nhân viên chức năm 2026\n"
        "Ban Thường vụ Liên đoàn Lao động tỉnh Hòa Minh xây dựng Kế hoạch tổ chức Hội thao công nhân"
        " viên chức năm 2026 như sau:\n"
        "I. MỤC ĐÍCH\n1. Rèn luyện sức khỏe.\nII. NỘI DUNG\n1. Các môn thi đấu.\n"
        "TM. BAN CHẤP HÀNH CÔNG ĐOÀN NGÀNH Y TẾ\nCHỦ TỊCH\nLê Văn Cường\n"
    )
    reading = read_text(text)
    assert reading.issuer == "Ban Thường vụ Liên đoàn Lao động tỉnh Hòa Minh"
    assert reading.type == "Kế hoạch"


def test_a_header_names_the_issuer_whatever_the_signature_says():
    text = (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH HÒA MINH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Số: 17/KH-LĐLĐ\tHòa Minh, ngày 02 tháng 3 năm 2026\n"
        + _BODY
        + "TM. BAN THƯỜNG VỤ\nCHỦ TỊCH\nLê Văn Cường\n"
    )
    assert read_text(text).issuer == "LIÊN ĐOÀN LAO ĐỘNG TỈNH HÒA MINH"
