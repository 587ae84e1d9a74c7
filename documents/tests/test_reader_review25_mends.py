"""The review of the twenty-fifth round (docs/documents.md): its three rules narrowed where they
read ordinary documents wrongly. A closing "(Trích …)" note is the text's own number only where it
names its document right after "Trích", that document is no law, decree or circular a post quotes,
and no type or date already read says it is another; a school naming itself as acting is the author
only where no other body names itself so and no committee signs; and a capitals heading keeps the
title under it when the lead under that opens with a capital. Each specimen is typed here in the
manner of real documents, never copied from the corpus texts, and fails without its mend."""

import datetime

import pytest

from documents.reader import ReaderError, read_text

_CLOSING = "Đề nghị các công đoàn bộ phận quán triệt đến toàn thể đoàn viên./.\n"


def test_a_post_quoting_a_circular_is_not_the_circular():
    # "(Trích Thông tư …)": the source of the quoted article, not the post.
    post = (
        "Tiêu chuẩn xét tặng Giấy khen\n"
        "Giấy khen được tặng cho cá nhân gương mẫu chấp hành tốt chủ trương, chính sách của Đảng.\n"
        "(Trích Thông tư số 12/2019/TT-BNV ngày 04 tháng 11 năm 2019 của Bộ Nội vụ)\n"
    )
    result = read_text(post)
    assert result.number_symbol is None and result.type is None and result.date is None
    assert [basis.number_symbol for basis in result.bases] == ["12/2019/TT-BNV"]


def test_a_plans_closing_note_naming_a_notice_is_not_its_number():
    # The heading says Kế hoạch; the note names a notice of another type: the plan's source.
    plan = (
        "KẾ HOẠCH\n"
        "Tổ chức Hội thao chào mừng ngày 20/11\n"
        "Căn cứ Kế hoạch số 10/KH-CĐN ngày 1/9/2023 của Công đoàn ngành;\n"
        "Công đoàn trường xây dựng kế hoạch như sau:\n"
        "I. MỤC ĐÍCH\n"
        "Tạo sân chơi cho đoàn viên.\n"
        "(Trích Thông báo số 30/TB-CĐ ngày 5/10/2023)\n"
    )
    result = read_text(plan)
    assert result.type == "Kế hoạch"
    assert result.number_symbol is None and result.date is None


def test_a_headed_notice_keeps_its_date_over_a_note_of_another_day():
    notice = (
        "CÔNG ĐOÀN TRƯỜNG THCS AN BÌNH     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "An Bình, ngày 3 tháng 3 năm 2024\n"
        "THÔNG BÁO\n"
        "Về việc tổ chức ngày Quốc tế Phụ nữ\n"
        "Công đoàn trường thông báo đến toàn thể đoàn viên như sau:\n"
        "Thời gian: ngày 8/3/2024.\n"
        + _CLOSING
        + "(Trích Thông báo số 02/TB-CĐ ngày 1 tháng 1 năm 2024 của BCH)\n"
    )
    result = read_text(notice)
    assert result.number_symbol is None and result.date == datetime.date(2024, 3, 3)


@pytest.mark.parametrize(
    "note",
    [
        "(Trích bài phát biểu tại Hội nghị; Kế hoạch số 5/KH-CĐ)",  # a paper named after other words
        "(Trích yếu: Kế hoạch số 12/KH-CĐ ngày 10/6/2024 về hội thao)",  # a summary's label
    ],
)
def test_a_note_not_naming_its_document_first_gives_no_number(note):
    post = (
        "Phát huy vai trò công đoàn trong phong trào thi đua\n"
        "Đoàn viên cần tích cực tham gia phong trào thi đua yêu nước.\n" + note + "\n"
    )
    result = read_text(post)
    assert result.number_symbol is None and result.type is None


def test_a_register_page_keeps_its_number_over_a_closing_extract_note():
    # A legal database's "Số hiệu" is the document's number; the note names what it drew on.
    page = (
        "Kế hoạch tổ chức hội thao năm 2024\n"
        "Số hiệu: | 12/KH-CĐN | Loại văn bản: | Kế hoạch |\n"
        "Nơi ban hành: | Công đoàn ngành Giáo dục | Người ký: | Nguyễn Văn An |\n"
        "Ngày ban hành: | 20/3/2024 | Ngày hiệu lực: | 20/3/2024 |\n"
        "Căn cứ chương trình công tác năm 2024, Công đoàn ngành xây dựng kế hoạch như sau:\n"
        "1. Tổ chức hội thao.\n"
        "2. Khen thưởng.\n"
        "(Trích Kế hoạch số 5/KH-CĐN ngày 2/1/2024)\n"
    )
    result = read_text(page)
    assert (result.number_symbol, result.date) == ("12/KH-CĐN", datetime.date(2024, 3, 20))


def test_an_extract_of_a_notice_still_gives_its_number():
    # Guard: the round's own class, the type named right after "Trích".
    post = (
        "Về việc tham gia hội thi cắm hoa\n"
        "Công đoàn trường triển khai đến các công đoàn bộ phận như sau:\n"
        "Thời gian: ngày 18/10/2024.\n"
        + _CLOSING
        + "(Trích Thông báo số 31/TB-CĐ ngày 9 tháng 10 năm 2024)\n"
    )
    result = read_text(post)
    assert (result.type, result.number_symbol) == ("Thông báo", "31/TB-CĐ")
    assert result.date == datetime.date(2024, 10, 9)


_GROUNDS = (
    "Căn cứ Kế hoạch số 15/KH-CĐN ngày 12/9/2023 của Công đoàn ngành Giáo dục tỉnh Long An về "
    "việc tổ chức các hoạt động năm học 2023-2024;\n"
)
_PARTS = "I. MỤC ĐÍCH, YÊU CẦU\n1. Mục đích\nĐộng viên đoàn viên tham gia tích cực.\nII. NỘI DUNG\n"


@pytest.mark.parametrize("verb", ["tổ chức Hội thao chào mừng ngày 20/11", "báo cáo kết quả năm học trước"])
def test_a_school_named_before_the_union_making_the_plan_is_no_author(verb):
    plan = (
        _GROUNDS
        + f"Trường THCS Mỹ Lộc {verb}, Ban Chấp hành Công đoàn cơ sở xây dựng kế hoạch như sau:\n"
        + _PARTS
    )
    result = read_text(plan)
    assert result.issuer == "Ban Chấp hành Công đoàn cơ sở"
    assert result.type == "Kế hoạch"


def test_a_school_in_a_plan_its_union_signs_is_no_author():
    plan = (
        _GROUNDS
        + "Trường THCS Mỹ Lộc tổ chức các hoạt động chào mừng ngày 20/11 như sau:\n"
        + _PARTS
        + "TM. BAN CHẤP HÀNH\nCHỦ TỊCH\nNguyễn Thị Lan\n"
    )
    assert read_text(plan).issuer is None


def test_a_head_of_a_board_is_no_school():
    # "Trưởng ban …" folds as "Trường …" does: a person's office, no body acting.
    plan = (
        _GROUNDS
        + "Trưởng ban Nữ công Công đoàn trường đề nghị các tổ công đoàn thực hiện như sau:\n"
        + _PARTS
    )
    assert read_text(plan).issuer is None
    with pytest.raises(ReaderError):  # nor a post's body: "Trưởng ban …: Thông báo …"
        read_text(
            "Trưởng ban Thanh tra: Thông báo kết quả kiểm tra\nNgày 5/3/2024 Ban Thanh tra đã kiểm tra.\n"
        )


def test_a_college_naming_itself_is_still_the_author():
    # Guard: the round's own class.
    plan = _GROUNDS + "Trường Cao đẳng nghề Đồng Tháp xây dựng kế hoạch tổ chức hội giảng như sau:\n" + _PARTS
    result = read_text(plan)
    assert (result.issuer, result.type) == ("Trường Cao đẳng nghề Đồng Tháp", "Kế hoạch")


_HEADED = (
    "CÔNG ĐOÀN GIÁO DỤC HUYỆN CHÂU THÀNH     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "CĐCS TRƯỜNG THCS AN HIỆP     Độc lập - Tự do - Hạnh phúc\n"
    "An Hiệp, ngày 10 tháng 10 năm 2023\n"
)


@pytest.mark.parametrize(
    ("heading", "subtitle", "title"),
    [
        ("KẾ HOẠCH THI ĐUA", "Năm học 2023 - 2024", "THI ĐUA Năm học 2023 - 2024"),
        (
            "KẾ HOẠCH TỔ CHỨC HỘI THAO",
            "Chào mừng ngày Nhà giáo Việt Nam 20/11/2023",
            "TỔ CHỨC HỘI THAO Chào mừng ngày Nhà giáo Việt Nam 20/11/2023",
        ),
    ],
)
def test_a_capitals_heading_keeps_its_subtitle_over_a_one_line_lead(heading, subtitle, title):
    plan = _HEADED + f"{heading}\n{subtitle}\nBCH Công đoàn xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n"
    assert read_text(plan).title == title


def test_a_capitals_heading_keeps_its_subtitle_over_a_wrapped_lead():
    # The title read on over the lead's two lines ("… thi đua" / "như sau:"): the lead opens at
    # its capital under the subtitle, which stays the title's.
    plan = _HEADED + (
        "KẾ HOẠCH THI ĐUA\nNăm học 2023 - 2024\n"
        "Ban Chấp hành Công đoàn cơ sở xây dựng kế hoạch thi đua\nnhư sau:\nI. MỤC ĐÍCH\n"
    )
    assert read_text(plan).title == "THI ĐUA Năm học 2023 - 2024"
