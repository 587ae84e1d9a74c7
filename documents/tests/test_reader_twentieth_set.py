"""The classes the twentieth held-out set showed (docs/documents.md) that this round fixed: a
letters-lost header whose number label lost its colon with its letter ("S 07 /2012/TT-…"); a
sentence-case title ending on a name's "Đầu tư" over its first ground. Each specimen is typed here
in the manner of real documents, never copied from the corpus texts; the guards check that the
rules leave ordinary union plans and decisions alone."""

import datetime

from documents.reader import read_text

# "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH BẮC NINH / Số: 112/2015/QĐ-SGDĐT …" with every accented letter lost,
# run on, the label's colon lost too.
_LETTERS_LOST_NO_COLON = (
    "S GIO DC V O TO TNH BC NINH S 112 /2015/Q-SGDT CNG HO X HI CH NGH(A VIT NAM "
    "c lp - T do - Hnh phc Bc Ninh, ngy 03 thng 9 nm 2015 QUYT NH V vic khen thng "
    "tp th c thnh tch trong nm hc 2014-2015 GIM C S GIO DC V O TO Cn c Lut Thi ua, "
    "Khen thng ngy 26 thng 11 nm 2003; Cn c Ngh nh s 91/2017/N-CP ngy 31 thng 7 nm 2017 "
    "ca Chnh ph; Xt ngh ca Trng phng T chc cn b, QUYT NH: iu 1. Khen thng 05 tp th c "
    "thnh tch xut sc trong nm hc 2014-2015 (c danh sch km theo). iu 2. Quyt nh c hiu "
    "lc k t ngy k. iu 3. Chnh Vn phng, Trng phng T chc cn b v cc tp th c tn ti iu 1 "
    "chu trch nhim thi hnh quyt nh ny."
)


def test_a_letters_lost_header_whose_label_lost_its_colon_gives_its_number_and_type():
    result = read_text(_LETTERS_LOST_NO_COLON)
    assert result.type == "Quyết định"
    assert result.number_symbol == "112/2015/Q-SGDT"
    assert result.date == datetime.date(2015, 9, 3)


def test_a_small_s_before_a_citation_in_a_letters_lost_body_stays_a_citation():
    # Guard: "s 91/2017/N-CP" is the cited decree's, not the document's number.
    result = read_text(_LETTERS_LOST_NO_COLON)
    assert [basis.number_symbol for basis in result.bases] == ["91/2017/N-CP"]


def test_a_capital_s_citing_a_decree_in_a_letters_lost_text_without_label_is_no_number():
    # Guard (the review's): with no label in the header, the body's "Ngh nh S 91/2017/N-CP" and a
    # form's "mu S 01/TK" stay citations; neither becomes the document's number.
    text = (
        _LETTERS_LOST_NO_COLON.replace("S 112 /2015/Q-SGDT ", "")
        .replace("Ngh nh s 91/2017", "Ngh nh S 91/2017")
        .replace("(c danh sch km theo)", "(theo mu S 01/TK km theo)")
    )
    result = read_text(text)
    assert result.number_symbol is None
    assert "91/2017/N-CP" in [basis.number_symbol for basis in result.bases]


_TITLE_ENDING_ON_DAU_TU = (
    "CÔNG ĐOÀN SỞ KẾ HOẠCH VÀ ĐẦU TƯ\n"
    "Số: 15/KH-CĐ\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Vĩnh Long, ngày 12 tháng 01 năm 2023\n"
    "KẾ HOẠCH\n"
    "Tổ chức phong trào thi đua năm 2023 của Công đoàn Sở Kế hoạch và Đầu tư\n"
    "Căn cứ Hướng dẫn số 02/HD-LĐLĐ ngày 05 tháng 01 năm 2023 của Liên đoàn Lao động tỉnh;\n"
    "Ban Chấp hành Công đoàn Sở xây dựng kế hoạch như sau:\n"
    "1. Mục đích, yêu cầu\n"
    "Động viên đoàn viên thi đua hoàn thành nhiệm vụ.\n"
    "2. Nội dung thi đua\n"
    "Thi đua lao động giỏi, lao động sáng tạo.\n"
)


def test_a_title_ending_on_dau_tu_stops_before_the_ground_under_it():
    result = read_text(_TITLE_ENDING_ON_DAU_TU)
    assert result.title == "Tổ chức phong trào thi đua năm 2023 của Công đoàn Sở Kế hoạch và Đầu tư"
    assert [basis.number_symbol for basis in result.bases] == ["02/HD-LĐLĐ"]


def test_a_title_ending_on_cua_still_goes_on_to_the_next_line():
    # Guard: a union plan's title the line end cut after "của" is still one title.
    text = _TITLE_ENDING_ON_DAU_TU.replace(
        "Tổ chức phong trào thi đua năm 2023 của Công đoàn Sở Kế hoạch và Đầu tư\n",
        "Tổ chức phong trào thi đua năm 2023 của\nCông đoàn Sở Tài chính tỉnh\n",
    )
    result = read_text(text)
    assert result.title == "Tổ chức phong trào thi đua năm 2023 của Công đoàn Sở Tài chính tỉnh"


def test_an_ordinary_union_decision_keeps_its_number_label():
    # Guard: a decision with its accents reads as before.
    result = read_text(
        "CÔNG ĐOÀN GIÁO DỤC TỈNH BẮC NINH\nSố: 21/QĐ-CĐGD\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\nBắc Ninh, ngày 20 tháng 5 năm 2022\nQUYẾT ĐỊNH\n"
        "Về việc khen thưởng công đoàn cơ sở vững mạnh\n"
        "BAN THƯỜNG VỤ CÔNG ĐOÀN GIÁO DỤC TỈNH\n"
        "Căn cứ Điều lệ Công đoàn Việt Nam;\nQUYẾT ĐỊNH:\nĐiều 1. Khen thưởng 12 công đoàn cơ sở.\n"
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n"
    )
    assert (result.type, result.number_symbol) == ("Quyết định", "21/QĐ-CĐGD")
    assert result.title == "Về việc khen thưởng công đoàn cơ sở vững mạnh"
