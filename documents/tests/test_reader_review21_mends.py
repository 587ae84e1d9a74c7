"""The review of the twenty-first round (docs/documents.md): its rules narrowed where they read
ordinary documents wrongly. Each specimen is typed here, never copied from the corpus texts, and
fails without its mend."""

from documents.reader import read_text
from documents.reader.lines import split_lines

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


_NOTICE_HEAD = (
    "LIÊN ĐOÀN LAO ĐỘNG HUYỆN GIAO THỦY     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 45/TB-LĐLĐ     Giao Thủy, ngày 3 tháng 6 năm 2022\n"
    "THÔNG BÁO\n"
    "Kết quả Đại hội Công đoàn cơ sở xã Giao Hà\n"
)


def test_a_count_of_posts_after_a_lead_is_no_list_of_points():
    # "1 Chủ tịch; 2 Phó Chủ tịch; 6 Ủy viên" count the posts: no numbers lost their stop.
    text = _NOTICE_HEAD + (
        "Đại hội đã bầu Ban Chấp hành khóa mới gồm 9 đồng chí, cơ cấu như sau:\n"
        "1 Chủ tịch chuyên trách;\n"
        "2 Phó Chủ tịch (1 chuyên trách, 1 kiêm nhiệm);\n"
        "6 Ủy viên.\n"
    )
    assert read_text(text).items == []


def test_a_count_of_prizes_after_a_lead_is_no_list_of_points():
    text = _NOTICE_HEAD + (
        "Ban Tổ chức trao giải như sau:\n"
        "1 Giải Nhất: Công đoàn Trường Tiểu học Giao Hà;\n"
        "2 Giải Nhì: Công đoàn Trường Mầm non Giao Hà và Trạm Y tế xã;\n"
        "3 Giải Ba: Công đoàn các trường THCS.\n"
    )
    assert read_text(text).items == []


def test_points_opening_with_a_verb_that_reads_as_a_count_stay_items():
    # Guard: "Phổ biến …", "Giải quyết …" open points, they count nothing.
    text = _NOTICE_HEAD + (
        "Liên đoàn Lao động huyện đề nghị các đơn vị thực hiện những nội dung sau:\n"
        "1 Phổ biến kết quả đại hội trước ngày 30/6/2022.\n"
        "2 Giải quyết kiến nghị của đoàn viên.\n"
    )
    assert len(read_text(text).items) == 2


# A run-on text (a site's extraction lost its line ends) whose ground quotes the cited decree's
# title in sentence case after its date, as grounds often do.
_RUN_ON_PLAN = (
    "CÔNG ĐOÀN NGÀNH GIÁO DỤC TỈNH HÀ NAM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM CÔNG ĐOÀN TRƯỜNG THPT"
    " KIM BẢNG Độc lập - Tự do - Hạnh phúc Số: 07/KH-CĐ Kim Bảng, ngày 9 tháng 10 năm 2022 Kế hoạch"
    " tổ chức hội thi nữ công năm học 2022-2023 Kính gửi: Các tổ công đoàn trực thuộc Căn cứ Nghị định"
    " số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 Quy định chi tiết thi hành một số điều của Luật Thi đua,"
    " khen thưởng; Căn cứ Kế hoạch số 31/KH-CĐN ngày 20 tháng 9 năm 2022 Kế hoạch hoạt động nữ công năm"
    " học 2022-2023 của Công đoàn ngành, Ban Chấp hành Công đoàn trường xây dựng kế hoạch như sau: I. MỤC"
    " ĐÍCH YÊU CẦU Tạo sân chơi cho nữ đoàn viên. II. TỔ CHỨC THỰC HIỆN Các tổ đăng ký trước ngày 15/10/2022.\n"
)


def test_a_grounds_quoted_title_after_its_date_is_not_broken_off_as_a_heading():
    lines = [line.text for line in split_lines(_RUN_ON_PLAN)]
    assert not any(line.startswith(("Quy định chi tiết", "Kế hoạch hoạt động")) for line in lines)


def test_a_run_on_heading_in_sentence_case_after_the_place_and_date_is_still_broken_off():
    # Guard: the header's own "<place>, ngày … năm 2022 Kế hoạch …" still opens the heading's line.
    result = read_text(_RUN_ON_PLAN)
    assert (result.type, result.title) == ("Kế hoạch", "tổ chức hội thi nữ công năm học 2022-2023")
