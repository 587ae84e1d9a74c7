"""The classes the twenty-fifth round fixed on the twenty-fourth set (docs/documents.md): a post
closing on the note that it is an extract of a numbered notice ("(Trích thông báo số … ngày …)"),
the note being the only place its type, number and date are printed; a school naming itself as the
body that makes the plan ("Trường THPT chuyên … xây dựng kế hoạch … như sau:"), no school having
been read as acting, nor "chuyên" as part of its name; and a heading in capitals run into its
subject ("QUI CHẾ LÀM VIỆC …") whose title read on into the lead under it ("… như sau :"). Each
specimen is typed here in the manner of real documents, never copied from the corpus texts; the
guards check that the rules leave ordinary documents alone."""

import datetime

from documents.reader import read_text

_EXTRACT = (
    "Về việc hưởng ứng Tuần lễ áo dài năm 2024\n"
    "Thực hiện Công văn số 512/CĐN-TG ngày 20/2/2024 của Công đoàn Giáo dục Việt Nam, "
    "Công đoàn Trường Đại học Cần Thơ triển khai đến các công đoàn bộ phận như sau:\n"
    "Thời gian: từ ngày 01/3/2024 đến ngày 08/3/2024.\n"
    "Đề nghị các công đoàn bộ phận vận động nữ đoàn viên tham gia./.\n"
    "(Trích thông báo số 14/TB-CĐĐHCT ngày 26 tháng 2 năm 2024)\n"
)


def test_a_post_closing_on_its_extract_note_takes_the_notices_type_number_and_date():
    result = read_text(_EXTRACT)
    assert result.type == "Thông báo"
    assert result.number_symbol == "14/TB-CĐĐHCT"
    assert result.date == datetime.date(2024, 2, 26)
    assert result.title == "Về việc hưởng ứng Tuần lễ áo dài năm 2024"
    assert [basis.number_symbol for basis in result.bases] == ["512/CĐN-TG"]


def test_an_extract_note_naming_another_document_in_passing_gives_nothing():
    # Guard: "(Trích …, theo Quyết định số …)" names a document far into the note, not the text.
    passing = _EXTRACT.replace(
        "(Trích thông báo số 14/TB-CĐĐHCT ngày 26 tháng 2 năm 2024)",
        "(Trích phát biểu của đồng chí Chủ tịch tại hội nghị tổng kết theo Quyết định số 14/QĐ-CĐĐHCT)",
    )
    result = read_text(passing)
    assert result.number_symbol is None and result.type != "Quyết định"


def test_a_headed_notice_keeps_its_own_number_over_a_closing_extract_note():
    # Guard: the note is read only where the header gives no number.
    headed = (
        "CÔNG ĐOÀN TRƯỜNG ĐẠI HỌC CẦN THƠ     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 20/TB-CĐĐHCT     Cần Thơ, ngày 1 tháng 3 năm 2024\n"
        "THÔNG BÁO\n" + _EXTRACT
    )
    assert read_text(headed).number_symbol == "20/TB-CĐĐHCT"


_SCHOOL_PLAN = (
    "Căn cứ Kế hoạch số 2011/KH-SGDĐT ngày 10/9/2021 của Sở Giáo dục và Đào tạo tỉnh Bến Tre về "
    "việc phát động phong trào thi đua năm học 2021-2022;\n"
    "Căn cứ nhiệm vụ năm học 2021-2022 của đơn vị,\n"
    "Trường THPT chuyên Bến Tre xây dựng kế hoạch phát động thi đua năm học 2021-2022 gồm những "
    "nội dung như sau:\n"
    "I. MỤC ĐÍCH, YÊU CẦU\n"
    "1. Mục đích\n"
    "Tạo khí thế thi đua sôi nổi trong toàn trường.\n"
)


def test_a_school_naming_itself_as_making_the_plan_is_its_issuer_and_says_its_type():
    result = read_text(_SCHOOL_PLAN)
    assert result.issuer == "Trường THPT chuyên Bến Tre"
    assert result.type == "Kế hoạch"


def test_a_school_under_a_union_name_a_pdf_wrapped_is_no_body_of_its_own():
    # Guard: "… Công đoàn cơ sở" / "Trường … xây dựng …" is the school's union, the line above
    # ending unpunctuated; nor is "Trường" alone a body.
    wrapped = _SCHOOL_PLAN.replace(
        "Trường THPT chuyên Bến Tre xây dựng",
        "Ban Chấp hành Công đoàn cơ sở\nTrường THPT chuyên Bến Tre xây dựng",
    )
    assert read_text(wrapped).issuer == "Ban Chấp hành Công đoàn cơ sở Trường THPT chuyên Bến Tre"


_RUN_ON_HEADING = (
    "PHÒNG GD&ĐT CHÂU THÀNH     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TRƯỜNG TH AN HIỆP     Độc lập - Tự do - Hạnh phúc\n"
    "An Hiệp, ngày 15 tháng 9 năm 2022\n"
    "QUY CHẾ PHỐI HỢP GIỮA NHÀ TRƯỜNG VÀ CÔNG ĐOÀN\n"
    "Hiệu trưởng và Ban chấp hành Công đoàn cơ sở họp ngày 14 tháng\n"
    "9 năm 2022, thống nhất quy chế phối hợp như sau :\n"
    "I. MỤC ĐÍCH\n"
    "II. NỘI DUNG PHỐI HỢP\n"
)


def test_a_heading_run_into_its_title_does_not_take_the_lead_under_it():
    result = read_text(_RUN_ON_HEADING)
    assert result.type == "Quy chế"
    assert result.title == "PHỐI HỢP GIỮA NHÀ TRƯỜNG VÀ CÔNG ĐOÀN"


def test_a_heading_run_into_its_title_still_takes_the_period_under_it():
    # Guard: "KẾ HOẠCH CÔNG ĐOÀN" over "Năm học 2022 – 2023" is one title.
    period = _RUN_ON_HEADING.replace(
        "QUY CHẾ PHỐI HỢP GIỮA NHÀ TRƯỜNG VÀ CÔNG ĐOÀN\n"
        "Hiệu trưởng và Ban chấp hành Công đoàn cơ sở họp ngày 14 tháng\n"
        "9 năm 2022, thống nhất quy chế phối hợp như sau :\n",
        "KẾ HOẠCH CÔNG ĐOÀN\nNăm học 2022 – 2023\n",
    )
    assert read_text(period).title == "CÔNG ĐOÀN Năm học 2022 – 2023"
