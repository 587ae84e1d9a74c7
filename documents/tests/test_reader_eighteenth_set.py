"""The classes the eighteenth held-out set showed (docs/documents.md): a school's code after a
full stop typed with a space ("Số 04/ KH-THPTTX. PL"); a body named only in the lead of a text
whose header names none ("Nay Liên đội trường …", "…;Ban chấp hành Công đoàn cơ sở …");
header cells run together ("… VIỆT NAMCỘNG HÒA", "Đ" / "ộc lập", "… cơ sởKính gửi:"); a school's
bodies named by their kinds only over the school's line ("CÔNG ĐOÀN - ĐOÀN TN" / "TRƯỜNG THPT …");
a joint circular of 1979 without its "THÔNG TƯ" heading, citing an old-style decree number
("182-CP"). Each specimen is typed
here in the manner of real documents, never copied from the corpus texts."""

from pathlib import Path

from documents.reader import parse_number_symbol, read_file, read_text
from documents.tests.corpus_files import build_pdf

_SCHOOL_PLAN = (
    "SỞ GD-ĐT ĐỒNG NAI          CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TRƯỜNG THPT TX. LONG KHÁNH          Độc lập – Tự do – Hạnh phúc\n"
    "        Số 07/ KH-THPTTX. LK\n"
    "                    Long Khánh, ngày 12 tháng 3 năm 2015\n"
    "KẾ HOẠCH TỔ CHỨC HỘI THAO CHÀO MỪNG NGÀY 26/3\n"
    "Căn cứ vào kế hoạch năm học 2014-2015 của Nhà trường.\n"
    "I. MỤC ĐÍCH – YÊU CẦU:\n"
    "II. NỘI DUNG:\n"
)


def test_a_schools_code_after_a_full_stop_typed_with_a_space_is_part_of_the_symbol():
    result = read_text(_SCHOOL_PLAN)
    assert result.number_symbol == "07/KH-THPTTX.LK"
    assert result.bases == []  # its own number, read whole, is not cited


def test_a_sentence_after_a_symbols_full_stop_is_no_part_of_it():
    # Guard: the full stop ends the symbol when a sentence goes on after it on the line.
    result = read_text(
        _SCHOOL_PLAN.replace(
            "Căn cứ vào kế hoạch năm học 2014-2015 của Nhà trường.",
            "Căn cứ Kế hoạch số 15/KH-SGDĐT. UBND tỉnh đã phê duyệt ngày 02/3/2015.",
        )
    )
    assert [basis.number_symbol for basis in result.bases] == ["15/KH-SGDĐT"]


def test_a_pioneer_brigade_named_only_in_the_lead_is_the_issuer():
    result = read_text(
        "Trang 1*** Tân Phú, ngày 05 tháng 11 năm 2021 Số: 12-KH/LĐ\n"
        "KẾ HOẠCH\n"
        "“Phát động phong trào thi đua chào mừng ngày Nhà giáo Việt Nam 20/11”\n"
        "Căn cứ vào kế hoạch hoạt động năm học 2021-2022 của trường THCS Tân Phú;\n"
        "Nay Liên đội trường THCS Tân Phú phát động phong trào thi đua với nội dung như sau:\n"
        "I. MỤC ĐÍCH - YÊU CẦU\n"
        "II. NỘI DUNG\n"
    )
    assert result.issuer == "Liên đội trường THCS Tân Phú"


def test_a_committee_after_a_grounds_semicolon_without_its_space_names_itself_and_its_plan():
    result = read_text(
        "Căn cứ Kế hoạch số 75/KH-LĐLĐ, ngày 12/5/2018 của Liên đoàn lao động tỉnh về việc tổ chức hè "
        "năm 2018;Ban chấp hành Công đoàn cơ sở Trường Cao đẳng nghề Bạc Liêu xây dựng kế hoạch tổ chức "
        "hoạt động hè 2018 như sau:\n"
        "I. MỤC ĐÍCH YÊU CẦU\n"
        "II. THỜI GIAN\n"
    )
    assert result.type == "Kế hoạch"
    assert result.issuer == "Ban chấp hành Công đoàn cơ sở Trường Cao đẳng nghề Bạc Liêu"


_RUN_TOGETHER_LETTER = (
    "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAMCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Đ\n"
    "ộc lập - Tự do - Hạnh phúcSố: 512/TLĐ\n"
    "\n"
    "Hà Nội, ngày 20 tháng 4 năm 2016\n"
    "\n"
    "V/v tổ chức tháng công nhân ở công đoàn cơ sởKính gửi:\n"
    "\n"
    "- Các liên đoàn lao động tỉnh, thành phố;\n"
    "\n"
    "- Các công đoàn ngành trung ương.\n"
    "Thực hiện Nghị quyết của Ban Chấp hành Tổng Liên đoàn, Đoàn Chủ tịch đề nghị các đơn vị như sau:\n"
    "1. Tổ chức các hoạt động.\n"
    "2. Báo cáo kết quả.\n"
)


def test_header_cells_run_together_give_the_summary_and_the_issuer():
    result = read_text(_RUN_TOGETHER_LETTER)
    assert result.title == "tổ chức tháng công nhân ở công đoàn cơ sở"
    assert result.issuer == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"
    assert result.number_symbol == "512/TLĐ"


def test_the_capital_a_pdf_column_left_before_the_name_is_no_part_of_it(tmp_path: Path):
    result = read_file(build_pdf(_RUN_TOGETHER_LETTER, tmp_path / "letter.pdf"))
    assert result.issuer == "TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM"


def _joint_school_plan(above: str) -> str:
    return (
        f"Trang 1{above} CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM TRƯỜNG THPT MƯỜNG LA\n"
        "Số: /KHPH-CĐCS-ĐTN\n"
        "Độc lập – Tự do – Hạnh phúc\n"
        "Mường La, ngày 20 tháng 9 năm 2018\n"
        "KẾ HOẠCH\n"
        "Tổ chức Tết trung thu năm 2018\n"
        "Ban chấp hành Công đoàn phối hợp với Đoàn thanh niên xây dựng kế hoạch như sau:\n"
        "I. MỤC ĐÍCH – YÊU CẦU\n"
    )


def test_a_schools_bodies_named_by_their_kinds_are_its_joint_issuers():
    result = read_text(_joint_school_plan("CÔNG ĐOÀN - ĐOÀN TN"))
    assert result.issuer == "CÔNG ĐOÀN - ĐOÀN TN TRƯỜNG THPT MƯỜNG LA"


def test_a_school_under_its_superior_stays_the_issuer():
    # Guard: a superior named in full over the school is no kind of the school's bodies.
    result = read_text(_joint_school_plan("SỞ GD&ĐT SƠN LA"))
    assert result.issuer == "TRƯỜNG THPT MƯỜNG LA"


_JOINT_CIRCULAR = (
    "TỔNG CÔNG ĐOÀN VIỆT NAM | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
    "Số: 015-{code} | Hà Nội, ngày 14 tháng 3 năm 1978 |\n"
    "HƯỚNG DẪN VIỆC THI HÀNH CHẾ ĐỘ BẢO HỘ LAO ĐỘNG TRONG CÁC XÍ NGHIỆP\n"
    "Căn cứ Nghị định số 95-CP ngày 10-5-1977 của Hội đồng Chính phủ về chế độ bảo hộ lao động;\n"
    "Bộ Lao động và Tổng công đoàn Việt Nam ra thông tư hướng dẫn như sau.\n"
    "I. PHẠM VI ÁP DỤNG\n"
    "II. NỘI DUNG\n"
)


def test_a_joint_circular_without_its_heading_is_typed_by_its_number():
    result = read_text(_JOINT_CIRCULAR.format(code="TT/LB"))
    assert result.type == "Thông tư"
    assert result.title == "HƯỚNG DẪN VIỆC THI HÀNH CHẾ ĐỘ BẢO HỘ LAO ĐỘNG TRONG CÁC XÍ NGHIỆP"


def test_a_decree_cited_by_an_old_style_number_is_a_basis():
    result = read_text(_JOINT_CIRCULAR.format(code="TT/LB"))
    assert [(basis.type, basis.number_symbol) for basis in result.bases] == [("Nghị định", "95-CP")]
    assert result.bases[0].date.isoformat() == "1977-05-10"


def test_tt_lb_is_a_joint_circular_and_a_partys_tt_still_a_thong_tri():
    # Only the joint "TT/LB" (liên bộ) is a circular; a Party committee's "TT/TU" stays a thông tri.
    assert parse_number_symbol("015-TT/LB").type_name == "Thông tư"
    assert parse_number_symbol("15-TT/TU").type_name == "Thông tri"


def test_a_heading_of_the_numbers_own_type_keeps_its_title():
    # Guard: "HƯỚNG DẪN …" under a Hướng dẫn's number is that type's heading, its title after it.
    result = read_text(_JOINT_CIRCULAR.replace("Số: 015-{code}", "Số: 15/HD-TCĐ"))
    assert result.type == "Hướng dẫn"
    assert result.title == "VIỆC THI HÀNH CHẾ ĐỘ BẢO HỘ LAO ĐỘNG TRONG CÁC XÍ NGHIỆP"


def test_a_heading_naming_another_type_than_the_number_keeps_its_type():
    # Guard: only a type word used as a verb with its object ("HƯỚNG DẪN VIỆC …") makes the line a
    # summary typed by the number; a rules heading under a decision's number stays a heading.
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH X | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 12/QĐ-LĐLĐ | X, ngày 14 tháng 3 năm 2024 |\n"
        "QUY CHẾ THI ĐUA KHEN THƯỞNG CỦA LIÊN ĐOÀN LAO ĐỘNG TỈNH\n"
        "Chương I. QUY ĐỊNH CHUNG\n"
        "Điều 1. Phạm vi điều chỉnh\n"
        "Điều 2. Đối tượng áp dụng\n"
    )
    assert result.type == "Quy chế"


def test_a_plan_heading_in_small_letters_under_a_notice_number_stays_a_plan():
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH X | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 45/TB-LĐLĐ | X, ngày 14 tháng 3 năm 2024 |\n"
        "Kế hoạch tổ chức hội thao công nhân viên chức lao động năm 2024\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "II. NỘI DUNG\n"
    )
    assert result.type == "Kế hoạch"


def test_a_one_letter_word_opening_a_wrapped_name_stays_in_it():
    # Guard: only the motto's "Đ" a cell cut off is dropped before a name, never a real word.
    result = read_text(
        "CÔNG ĐOÀN NGÀNH | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Y TẾ BÌNH ĐỊNH | Độc lập - Tự do - Hạnh phúc |\n"
        "Số: 15/KH-CĐN | Quy Nhơn, ngày 14 tháng 3 năm 2024 |\n"
        "KẾ HOẠCH\n"
        "Tổ chức hội thao năm 2024\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "II. NỘI DUNG\n"
    )
    assert result.issuer.endswith("Y TẾ BÌNH ĐỊNH")


def test_the_mottos_end_a_pdf_wrapped_before_the_name_is_none_of_it():
    result = read_text(
        "CÔNG ĐOÀN GIÁO DỤC TỈNH X CỘNG HOÀ XÃ HỘI CHỦ NGHĨA\n"
        "VIỆT NAM TRƯỜNG THPT NGUYỄN DU\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-CĐ X, ngày 14 tháng 3 năm 2024\n"
        "KẾ HOẠCH\n"
        "Tổ chức hội thao năm 2024\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "II. NỘI DUNG\n"
    )
    assert "VIỆT NAM" not in result.issuer and result.issuer.endswith("NGUYỄN DU")


def test_a_roman_numeral_alone_on_its_line_is_not_joined_to_the_heading_under_it():
    # Guard: only the motto's "Đ" a cell cut off is joined to the word it began.
    result = read_text(
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH X | CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM |\n"
        "Số: 15/KH-LĐLĐ | X, ngày 14 tháng 3 năm 2024 |\n"
        "KẾ HOẠCH\n"
        "Tổ chức hội thao năm 2024\n"
        "I\n"
        "mục đích, yêu cầu\n"
        "II\n"
        "nội dung\n"
    )
    assert "Imục" not in (result.title or "") and not any("Imục" in item for item in result.items)
