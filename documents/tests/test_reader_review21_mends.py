"""The review of the twenty-first round (docs/documents.md): its rules narrowed where they read
ordinary documents wrongly. Each specimen is typed here, never copied from the corpus texts, and
fails without its mend."""

from documents.reader import read_text

_SECTIONS = (
    "I. MỤC ĐÍCH\n"
    "1. Chăm lo đời sống đoàn viên, người lao động.\n"
    "II. TỔ CHỨC THỰC HIỆN\n"
    "Các cấp công đoàn triển khai trước ngày 30/4/2024.\n"
)


def test_a_plan_reporting_a_notice_it_sent_is_no_notice():
    # "<body> thông báo tới … ." reports a notice sent before; the plan then makes its own.
    text = (
        "Ngày 2/3/2024, Liên đoàn Lao động tỉnh Hà Tĩnh thông báo tới các cấp công đoàn về việc tổ chức"
        " Tháng Công nhân năm 2024. Để triển khai, Ban Thường vụ xây dựng kế hoạch như sau:\n" + _SECTIONS
    )
    assert read_text(text).type != "Thông báo"


def test_a_body_that_notifies_and_guides_makes_no_notice():
    # "<body> thông báo, hướng dẫn … như sau:": the comma joins two verbs, it opens no notice.
    text = (
        "Thực hiện Kế hoạch số 20/KH-TLĐ ngày 2/3/2024 của Tổng Liên đoàn Lao động Việt Nam, Liên đoàn"
        " Lao động tỉnh Hà Tĩnh thông báo, hướng dẫn các cấp công đoàn tổ chức Tháng Công nhân năm 2024"
        " như sau:\n" + _SECTIONS
    )
    assert read_text(text).type != "Thông báo"


def test_a_body_announcing_with_a_lead_closed_by_nhu_sau_still_makes_a_notice():
    # Guard: the announcing lead "<body> thông báo kết quả … như sau:" still types the notice.
    text = (
        "Liên đoàn Lao động tỉnh Hà Tĩnh thông báo kết quả bình xét thi đua năm 2023 như sau:\n"
        "1. Có 20 tập thể được đề nghị tặng Bằng khen.\n"
        "2. Có 40 cá nhân được tặng Giấy khen.\n"
    )
    assert read_text(text).type == "Thông báo"
