"""The classes the seventeenth held-out set showed (docs/documents.md): a capitals title ending on
a name's last word that folds as a joining word ("CƠ SỞ" as "SỐ") ran on into the authority line;
a PDF line holding only a wrapped date's year ("2008)") opened a new clause, so the submissions
after it were read as bases; a decision without header and number, named only by the issuing note
of the rules it attaches, its authority line a chairman's signing for the committee; a run-on
plan whose capitals title runs into its first "Thực hiện" ground and whose lead runs into its
first section; the body a lead names by its level alone ("Công đoàn Giáo dục huyện"); a run-on
extraction with words dropped (the heading after the motto's subtitle, the authority after a
title in sentence case, "Căn" without "cứ"). Each specimen is typed here in the manner of real
documents, never copied from the corpus texts."""

from pathlib import Path

from documents.reader import read_file, read_text
from documents.tests.corpus_files import build_pdf


def _decision(title_lines: str, authority: str) -> str:
    return (
        "LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH\n"
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "Độc lập - Tự do - Hạnh phúc\n"
        "Số: 45/QĐ-LĐLĐ\n"
        "Ninh Bình, ngày 12 tháng 3 năm 2019\n"
        "QUYẾT ĐỊNH\n"
        f"{title_lines}\n"
        f"{authority}\n"
        "- Căn cứ Điều lệ Công đoàn Việt Nam;\n"
        "QUYẾT ĐỊNH\n"
        "Điều 1. Ban hành Quy định về tổ chức hoạt động.\n"
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký.\n"
    )


def test_a_capitals_title_ending_on_co_so_does_not_run_into_the_authority_line():
    result = read_text(
        _decision(
            "VỀ VIỆC BAN HÀNH QUY ĐỊNH KIỂM TRA TÀI CHÍNH CÔNG ĐOÀN CƠ SỞ",
            "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH",
        )
    )
    assert result.title == "VỀ VIỆC BAN HÀNH QUY ĐỊNH KIỂM TRA TÀI CHÍNH CÔNG ĐOÀN CƠ SỞ"


def test_a_capitals_title_ending_on_viet_nam_does_not_run_into_the_authority_line():
    result = read_text(
        _decision(
            "VỀ VIỆC TẶNG BẰNG KHEN CỦA CÔNG ĐOÀN VIỆT NAM",
            "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH",
        )
    )
    assert result.title == "VỀ VIỆC TẶNG BẰNG KHEN CỦA CÔNG ĐOÀN VIỆT NAM"


def test_a_capitals_title_cut_after_so_still_goes_on_with_its_number():
    # Guard: "SỐ" (a number) still joins the line under it, even when that line names a body.
    result = read_text(
        _decision(
            "VỀ VIỆC SỬA ĐỔI QUYẾT ĐỊNH SỐ\n12/QĐ-LĐLĐ CỦA BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH",
            "BAN THƯỜNG VỤ LIÊN ĐOÀN LAO ĐỘNG TỈNH NINH BÌNH",
        )
    )
    assert result.title.startswith("VỀ VIỆC SỬA ĐỔI QUYẾT ĐỊNH SỐ 12/QĐ-LĐLĐ")


_SUBMISSIONS = (
    "THỦ TƯỚNG CHÍNH PHỦ\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 301/QĐ-TTg\n"
    "Hà Nội, ngày 02 tháng 6 năm 2011\n"
    "QUYẾT ĐỊNH\n"
    "VỀ VIỆC TẶNG BẰNG KHEN CỦA THỦ TƯỚNG CHÍNH PHỦ\n"
    "THỦ TƯỚNG CHÍNH PHỦ\n"
    "Căn cứ Nghị định số 42/2010/NĐ-CP ngày 15 tháng 4 năm 2010 của Chính phủ;\n"
    "Xét đề nghị của Chủ tịch Ủy ban nhân dân tỉnh Quảng Trị (Tờ trình số 88/TTr-UBND ngày 4 tháng 5 năm\n"
    "2011)\n"
    "và Trưởng ban Ban Thi đua - Khen thưởng Trung ương (Tờ trình số 702/TTr-BTĐKT ngày 20 tháng 5 năm 2011),\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Tặng Bằng khen của Thủ tướng Chính phủ cho 05 tập thể.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
)


def test_a_wrapped_years_line_does_not_end_the_submissions_clause():
    result = read_text(_SUBMISSIONS)
    assert [b.number_symbol for b in result.bases] == ["42/2010/NĐ-CP"]
    assert [p.number_symbol for p in result.proposals] == ["88/TTr-UBND", "702/TTr-BTĐKT"]


def test_a_line_in_capitals_still_opens_a_clause():
    # Guard: a heading in capitals between two citations still parts them.
    result = read_text(_SUBMISSIONS.replace("2011)\n", "2011)\nCĂN CỨ KẾT QUẢ BÌNH XÉT\n"))
    assert [p.number_symbol for p in result.proposals] == ["88/TTr-UBND"]


_UNHEADED_RULES = (
    "QUYẾT ĐỊNH\n"
    "Ban hành Quy chế chi tiêu nội bộ của Ban Chấp hành Công đoàn cơ sở\n"
    "CHỦ TỊCH CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC HOA SEN\n"
    "Căn cứ Điều lệ Công đoàn Việt Nam;\n"
    "Xét đề nghị của Ủy ban Kiểm tra Công đoàn cơ sở,\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế chi tiêu nội bộ.\n"
    "Điều 2. Quyết định có hiệu lực kể từ ngày ký./.\n"
    "Nơi nhận:\n"
    "- BCH công đoàn;\n"
    "- Lưu CĐCS.\n"
    "{signature}\n"
    "CHỦ TỊCH\n"
    "Trần Văn Khoa\n"
    "QUY CHẾ CHI TIÊU NỘI BỘ\n"
    "(Ban hành kèm theo Quyết định số 03 / QĐ-CĐCS ngày 20 tháng 8 năm 2018 của Công đoàn cơ sở\n"
    "Trường Tiểu học Hoa Sen)\n"
    "Chương I\n"
    "QUY ĐỊNH CHUNG\n"
    "Điều 1. Phạm vi điều chỉnh\n"
)


def test_a_decision_without_number_is_named_by_the_issuing_note_of_the_rules_it_attaches():
    result = read_text(_UNHEADED_RULES.format(signature="TM. BAN CHẤP HÀNH"))
    assert result.number_symbol == "03/QĐ-CĐCS"
    assert result.date.isoformat() == "2018-08-20"
    assert "03/QĐ-CĐCS" not in [b.number_symbol for b in result.bases]


def test_the_chairman_signing_for_the_committee_leaves_the_body_as_issuer():
    result = read_text(_UNHEADED_RULES.format(signature="TM. BAN CHẤP HÀNH"))
    assert result.issuer == "CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC HOA SEN"


def test_a_chairman_signing_in_his_own_name_stays_the_issuer():
    # Guard: without "TM." the chairman decides himself.
    result = read_text(_UNHEADED_RULES.format(signature="").replace("\n\nCHỦ TỊCH\n", "\nCHỦ TỊCH\n"))
    assert result.issuer == "CHỦ TỊCH CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC HOA SEN"


def test_an_issuing_note_is_still_a_basis_of_a_decision_that_attaches_nothing():
    # Guard: a decision not issuing an attached text cites the note's decision as a basis.
    text = _UNHEADED_RULES.format(signature="TM. BAN CHẤP HÀNH").replace(
        "Ban hành kèm theo Quyết định này Quy chế chi tiêu nội bộ.", "Khen thưởng 03 tổ công đoàn."
    )
    result = read_text(text)
    assert result.number_symbol is None
    assert "03/QĐ-CĐCS" in [b.number_symbol for b in result.bases]


def test_the_issuing_note_a_pdf_column_cut_at_the_symbols_slash_still_names_it(tmp_path: Path):
    text = _UNHEADED_RULES.format(signature="TM. BAN CHẤP HÀNH")
    result = read_file(build_pdf(text, tmp_path / "rules.pdf"))
    assert result.number_symbol == "03/QĐ-CĐCS"


_RUN_ON_PLAN = (
    "LĐLĐ HUYỆN TÂN UYÊN CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM CÔNG ĐOÀN GIÁO DỤC Độc lập – Tự do – "
    "Hạnh phúc Số : 11 /KH - CĐGD Tân Uyên, ngày 02 tháng 10 năm 2014 KẾ HOẠCH TỔ CHỨC HỘI THAO "
    "CÔNG ĐOÀN NĂM HỌC 2014-2015 Thực hiện Chương trình công tác của Công đoàn Giáo dục huyện Tân "
    "Uyên năm học 2014-2015; Ban thường vụ Công đoàn Giáo dục huyện xây dựng kế hoạch tổ chức hội "
    "thao như sau: I. Mục đích yêu cầu: 1. Mục đích. - Tạo sân chơi cho đoàn viên. 2. Yêu cầu. - "
    "Tổ chức an toàn, tiết kiệm. II. Nội dung: 1. Thời gian. - Tháng 11 năm 2014."
)


def test_a_run_on_plans_capitals_title_ends_where_its_first_ground_begins():
    result = read_text(_RUN_ON_PLAN)
    assert result.type == "Kế hoạch"
    assert result.title == "TỔ CHỨC HỘI THAO CÔNG ĐOÀN NĂM HỌC 2014-2015"


def test_a_run_on_plans_first_section_after_its_lead_is_an_item():
    result = read_text(_RUN_ON_PLAN)
    assert [item.split(":")[0] for item in result.items][:1] == ["I. Mục đích yêu cầu"]


def test_a_body_the_lead_names_by_its_level_alone_is_of_the_date_lines_place():
    result = read_text(_RUN_ON_PLAN)
    assert result.issuer == "Công đoàn Giáo dục huyện Tân Uyên"


_DROPPED_WORDS = (
    "UBND TỈNH THÁI BÌNH SỞ NỘI VỤ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Số: 402/QĐ-SNV Thái Bình, "
    "ngày 14 tháng 6 năm 2021 Độc lập-Tự do-Hạnh phúc QUYẾT ĐỊNH Về việc ban hành Quy chế làm việc "
    "Sở Nội vụ Thái Bình GIÁM ĐỐC SỞ NỘI VỤ THÁI BÌNH Căn Luật Cán bộ, công chức; Căn Nghị định số "
    "24/2014/NĐ-CP ngày 04/4/2014 Chính phủ quy định tổ chức cơ quan chuyên môn; Căn Quyết định số "
    "15/2016/QĐ-UBND ngày 20/9/2016 Ủy ban nhân dân tỉnh; Theo đề nghị Chánh Văn phòng QUYẾT ĐỊNH: "
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc. Điều 2. Quyết định có hiệu lực kể "
    "từ ngày ký."
)


def test_a_run_on_extraction_with_words_dropped_keeps_its_title_apart():
    result = read_text(_DROPPED_WORDS)
    assert result.type == "Quyết định"
    assert result.title == "Về việc ban hành Quy chế làm việc Sở Nội vụ Thái Bình"
    assert [b.number_symbol for b in result.bases] == ["24/2014/NĐ-CP", "15/2016/QĐ-UBND"]


def test_a_department_the_authority_line_names_in_full_is_named_so():
    result = read_text(_DROPPED_WORDS)
    assert result.issuer == "SỞ NỘI VỤ THÁI BÌNH"


def test_a_department_the_authority_line_names_as_its_header_keeps_its_name():
    # Guard: an authority line that says no more than the header changes nothing.
    result = read_text(_DROPPED_WORDS.replace("GIÁM ĐỐC SỞ NỘI VỤ THÁI BÌNH", "GIÁM ĐỐC SỞ NỘI VỤ"))
    assert result.issuer == "SỞ NỘI VỤ"


def test_articles_whose_numbers_an_extraction_dropped_are_still_the_items():
    text = _DROPPED_WORDS.replace("Điều 1. Ban hành", "Điều Ban hành").replace(
        "Quy chế làm việc. Điều 2. Quyết định", "Quy chế làm việc Điều Quyết định"
    )
    result = read_text(text)
    assert [item.split()[1] for item in result.items] == ["Ban", "Quyết"]


def test_a_charter_cited_after_dieu_is_no_article():
    # Guard: "Điều Lệ Công đoàn" opens no article, even with its words capitalised.
    text = _DROPPED_WORDS.replace("Căn Luật Cán bộ, công chức;", "Căn cứ Điều Lệ Công đoàn Việt Nam;")
    result = read_text(text)
    assert [item.split()[1] for item in result.items] == ["1.", "2."]


def test_a_pdf_of_a_run_on_extraction_with_words_dropped_is_read_as_the_text(tmp_path: Path):
    text = (
        _DROPPED_WORDS.replace("Điều 1. Ban hành", "Điều Ban hành")
        .replace("Quy chế làm việc. Điều 2. Quyết định", "Quy chế làm việc Điều Quyết định")
        .replace(
            "Ủy ban nhân dân tỉnh;", "Ủy ban nhân dân tỉnh; Căn Quyết định số 09/2019/QĐ-UBND ngày 02/5/2019;"
        )
    )
    read = read_text(text)
    result = read_file(build_pdf(text, tmp_path / "dropped.pdf"))
    assert (result.title, result.issuer, len(result.items)) == (read.title, read.issuer, 2)
