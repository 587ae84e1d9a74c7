"""The classes the twenty-sixth round fixed on the twenty-fifth set (docs/documents.md): a regulation
issued with a decision and printing no date of its own, whose day is the decision's in the note under
its title ("(Ban hành kèm theo Quyết định số … ngày 01 tháng 01 năm 2011 của …)"); and a report whose
parts are lettered with a dash ("A- " alone over its heading, "B- Chủ động …"), which were not read as
parts; and, in the layout check's names-on-one-line layout, an emulation cluster named on its
grouping body's line and a school on its education office's line abbreviated "PGD". Each specimen is typed here in the manner of real documents, never copied from the corpus
texts; the guards check that the rules leave ordinary documents alone."""

import datetime

from documents.reader import read_text

_RULES = (
    "SỞ Y TẾ TỈNH NINH THUẬN     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "BỆNH VIỆN ĐA KHOA TỈNH     Độc lập - Tự do - Hạnh phúc\n"
    "QUY CHẾ THI ĐUA, KHEN THƯỞNG\n"
    "(Ban hành kèm theo Quyết định số 45/QĐ-BVĐK ngày 15 tháng 3 năm 2023 của Giám đốc Bệnh viện)\n"
    "Chương I\n"
    "QUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "Điều 2. Đối tượng áp dụng\n"
)


def test_a_regulation_without_its_own_date_takes_its_issuing_decisions_day():
    result = read_text(_RULES)
    assert result.type == "Quy chế"
    assert result.date == datetime.date(2023, 3, 15)
    assert result.number_symbol is None


def test_a_note_leaving_the_day_blank_gives_no_date():
    # Guard: "ngày     tháng 3 năm 2023", the day left for the signing, dates nothing.
    blank = _RULES.replace("ngày 15 tháng 3 năm 2023", "ngày      tháng 3 năm 2023")
    assert read_text(blank).date is None


def test_a_regulation_dated_in_its_header_keeps_its_own_date():
    # Guard: the header's place-and-date line wins over the note's.
    dated = _RULES.replace(
        "BỆNH VIỆN ĐA KHOA TỈNH     Độc lập - Tự do - Hạnh phúc\n",
        "BỆNH VIỆN ĐA KHOA TỈNH     Độc lập - Tự do - Hạnh phúc\nPhan Rang, ngày 20 tháng 3 năm 2023\n",
    )
    assert read_text(dated).date == datetime.date(2023, 3, 20)


_REPORT = (
    "HỘI CỰU GIÁO CHỨC TỈNH HÀ NAM\n"
    "BAN THI ĐUA\n"
    "Phủ Lý, ngày 20 tháng 12 năm 2022\n"
    "BÁO CÁO CÔNG TÁC THI ĐUA NĂM 2022\n"
    "Ban Thi đua đánh giá kết quả công tác năm 2022 như sau:\n"
    " A- \n"
    "Những kết quả đạt được:\n"
    "- Tổ chức phát động thi đua tới các chi hội.\n"
    " B- Phương hướng năm 2023.\n"
    "- Tiếp tục đẩy mạnh phong trào thi đua.\n"
)


def test_parts_lettered_with_a_dash_are_the_items():
    items = read_text(_REPORT).items
    assert len(items) == 2
    assert items[1].startswith("B- Phương hướng")


def test_a_dashed_letter_under_a_roman_section_is_no_part():
    # Guard: "A- …" after "I." is a sub-part of that section; the Roman sections stay the items.
    sections = _REPORT.replace(" A- \n", "I. KẾT QUẢ\n A- \n").replace(
        " B- Phương hướng năm 2023.\n", "II. PHƯƠNG HƯỚNG\n B- Phương hướng năm 2023.\n"
    )
    assert [item.split("\n")[0] for item in read_text(sections).items] == ["I. KẾT QUẢ", "II. PHƯƠNG HƯỚNG"]


def test_an_emulation_cluster_under_its_grouping_body_on_one_line_is_the_issuer():
    cluster = (
        "LIÊN MINH HTX VIỆT NAM CỤM THI ĐUA DUYÊN HẢI MIỀN TRUNG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Đà Nẵng, ngày 10 tháng 12 năm 2021\n"
        "BÁO CÁO\n"
        "Tổng kết phong trào thi đua năm 2021\n"
        "I. KẾT QUẢ\n"
        "II. PHƯƠNG HƯỚNG\n"
    )
    assert read_text(cluster).issuer == "CỤM THI ĐUA DUYÊN HẢI MIỀN TRUNG"


def test_a_school_under_its_education_office_abbreviated_pgd_on_one_line_is_the_issuer():
    school = (
        "PGD ĐT CHÂU THÀNH TRƯỜNG TH AN HIỆP     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 12/KH-THAH     An Hiệp, ngày 5 tháng 9 năm 2022\n"
        "KẾ HOẠCH\n"
        "Tổ chức phong trào thi đua năm học 2022-2023\n"
        "I. MỤC ĐÍCH\n"
        "II. NỘI DUNG\n"
    )
    assert read_text(school).issuer == "TRƯỜNG TH AN HIỆP"
