"""The classes the twenty-fourth round fixed on the scored corpus (docs/documents.md): a decision
printed without its header whose authority line names a people's committee's chairman ("CHỦ TỊCH
ỦY BAN NHÂN DÂN XÃ"), read as issued by the chairman rather than the committee when no signature
was printed; and a consolidated text's note (the decision consolidated and the texts that amended
it, "… được sửa đổi, bổ sung bởi:"), read as grounds; and a header's last name wrapped by a narrow
cell ("… TP." / "HCM"), joined but then returned without the kinds of body named above it; and the texts a cited rule was
amended by ("… được sửa đổi, bổ sung tại Thông tư số …"), read as cited in its description. Each specimen is typed here in the manner
of real documents, never copied from the corpus texts; the guards check that the rules leave
ordinary documents alone."""

from documents.reader import read_text

_COMMUNE_DECISION = (
    "QUYẾT ĐỊNH\n"
    "Về việc công nhận danh hiệu Khu dân cư văn hóa năm 2023\n"
    "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHÚ LỘC\n"
    "Căn cứ Nghị định số 86/2023/NĐ-CP ngày 07/12/2023 của Chính phủ quy định về khung tiêu chuẩn "
    "và trình tự, thủ tục xét tặng danh hiệu văn hóa;\n"
    "Xét đề nghị của Ban Chỉ đạo phong trào tại Tờ trình số 05/TTr-BCĐ ngày 10/12/2023,\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Công nhận 12 khu dân cư đạt danh hiệu Khu dân cư văn hóa năm 2023.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
)


def test_a_commune_chairmans_decision_without_header_is_issued_by_the_committee():
    assert read_text(_COMMUNE_DECISION).issuer == "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC"


def test_an_abbreviated_committee_chairman_is_read_the_same():
    abbreviated = _COMMUNE_DECISION.replace("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ", "CHỦ TỊCH UBND XÃ")
    assert read_text(abbreviated).issuer == "UBND XÃ PHÚ LỘC"


def test_a_union_chairman_without_header_or_signature_on_behalf_still_decides_himself():
    # Guard: only a people's committee's chairman decides in the committee's name whatever the
    # signature; a grassroots union's chairman signing in his own name stays the issuer.
    union = _COMMUNE_DECISION.replace(
        "CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHÚ LỘC", "CHỦ TỊCH CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC PHÚ LỘC"
    )
    assert read_text(union).issuer == "CHỦ TỊCH CÔNG ĐOÀN CƠ SỞ TRƯỜNG TIỂU HỌC PHÚ LỘC"


_CONSOLIDATED = (
    "BỘ NỘI VỤ     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 09/VBHN-BNV     Hà Nội, ngày 20 tháng 3 năm 2019\n"
    "THÔNG TƯ\n"
    "HƯỚNG DẪN THI HÀNH MỘT SỐ ĐIỀU VỀ KHEN THƯỞNG CÁN BỘ\n"
    "Thông tư số 31/2016/TT-BNV ngày 02 tháng 6 năm 2016 của Bộ trưởng Bộ Nội vụ hướng dẫn "
    "thi hành một số điều về khen thưởng cán bộ, có hiệu lực kể từ ngày 20 tháng 7 năm 2016, "
    "được sửa đổi, bổ sung bởi:\n"
    "Thông tư số 44/2018/TT-BNV ngày 15 tháng 11 năm 2018 của Bộ trưởng Bộ Nội vụ sửa đổi, bổ sung "
    "một số điều của Thông tư số 31/2016/TT-BNV, có hiệu lực kể từ ngày 01 tháng 01 năm 2019.\n"
    "Căn cứ Nghị định số 61/2012/NĐ-CP ngày 10 tháng 8 năm 2012 của Chính phủ quy định chức "
    "năng, nhiệm vụ, quyền hạn và cơ cấu tổ chức của Bộ Nội vụ;\n"
    "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn thi hành một số điều về khen thưởng cán bộ.\n"
    "Điều 1. Phạm vi điều chỉnh\n"
    "Điều 2. Đối tượng áp dụng\n"
)


def test_a_consolidation_note_names_the_texts_merged_not_the_grounds():
    result = read_text(_CONSOLIDATED)
    assert [basis.number_symbol for basis in result.bases] == ["61/2012/NĐ-CP"]
    assert result.bases[0].via is None


def test_a_consolidation_note_wrapped_by_a_pdf_is_still_the_note():
    wrapped = _CONSOLIDATED.replace("được sửa đổi, bổ sung bởi:\n", "được sửa đổi, bổ\nsung bởi:\n").replace(
        "Thông tư số 44/2018/TT-BNV ngày 15 tháng 11", "Thông tư số 44/2018/TT-BNV ngày\n15 tháng 11"
    )
    assert [basis.number_symbol for basis in read_text(wrapped).bases] == ["61/2012/NĐ-CP"]


def test_a_ground_citing_a_decree_and_what_amended_it_keeps_both():
    # Guard: a ground opened "Căn cứ" that names its decree's amendments after "bởi:" cites them all.
    amended_ground = _CONSOLIDATED.replace(
        "Thông tư số 31/2016/TT-BNV ngày 02 tháng 6 năm 2016 của Bộ trưởng Bộ Nội vụ hướng dẫn "
        "thi hành một số điều về khen thưởng cán bộ, có hiệu lực kể từ ngày 20 tháng 7 năm 2016, ",
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết "
        "thi hành một số điều của Luật Thi đua, khen thưởng, ",
    ).replace(
        "Thông tư số 44/2018/TT-BNV ngày 15 tháng 11 năm 2018 của Bộ trưởng Bộ Nội vụ sửa đổi, bổ sung "
        "một số điều của Thông tư số 31/2016/TT-BNV, có hiệu lực kể từ ngày 01 tháng 01 năm 2019.\n",
        "Nghị định số 28/2024/NĐ-CP ngày 06 tháng 3 năm 2024 của Chính phủ;\n",
    )
    numbers = [basis.number_symbol for basis in read_text(amended_ground).bases]
    assert numbers == ["91/2017/NĐ-CP", "28/2024/NĐ-CP", "61/2012/NĐ-CP"]


def test_an_amendment_named_inside_a_sentence_is_no_consolidation_note():
    # Guard: "… được sửa đổi, bổ sung bởi Thông tư …" running on (no ":" closing the paragraph).
    running = _CONSOLIDATED.replace(
        "được sửa đổi, bổ sung bởi:\nThông tư số 44/2018/TT-BNV",
        "được sửa đổi, bổ sung bởi Thông tư số 44/2018/TT-BNV",
    ).replace(
        "Thông tư số 31/2016/TT-BNV ngày 02 tháng 6 năm 2016",
        "Căn cứ Thông tư số 31/2016/TT-BNV ngày 02 tháng 6 năm 2016",
    )
    numbers = [basis.number_symbol for basis in read_text(running).bases]
    assert "44/2018/TT-BNV" in numbers and "31/2016/TT-BNV" in numbers


_JOINT_COMPANY_PLAN = (
    "CÔNG ĐOÀN - ĐOÀN THANH NIÊN\n"
    "CÔNG TY CỔ PHẦN CẤP NƯỚC TP.\n"
    "ĐÀ LẠT\n"
    "Số: 12/KH-CĐ-ĐTN\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Đà Lạt, ngày 10 tháng 3 năm 2024\n"
    "KẾ HOẠCH\n"
    "Tổ chức giải bóng đá chào mừng Ngày Quốc tế Lao động 1/5\n"
    "1. Thời gian: tháng 4 năm 2024.\n"
    "2. Địa điểm: sân vận động Công ty.\n"
)


def test_a_company_name_a_narrow_cell_wrapped_is_read_whole_with_the_bodies_above_it():
    assert (
        read_text(_JOINT_COMPANY_PLAN).issuer
        == "CÔNG ĐOÀN - ĐOÀN THANH NIÊN CÔNG TY CỔ PHẦN CẤP NƯỚC TP. ĐÀ LẠT"
    )


def test_a_name_wrapped_under_a_superior_body_is_still_joined_alone():
    # Guard: with a superior body above ("LĐLĐ TỈNH …"), the wrapped name is the issuer, not both.
    plan = _JOINT_COMPANY_PLAN.replace("CÔNG ĐOÀN - ĐOÀN THANH NIÊN\n", "LĐLĐ TỈNH LÂM ĐỒNG\n").replace(
        "CÔNG TY CỔ PHẦN CẤP NƯỚC TP.\n", "CÔNG ĐOÀN CÔNG TY CỔ PHẦN CẤP NƯỚC TP.\n"
    )
    assert read_text(plan).issuer == "CÔNG ĐOÀN CÔNG TY CỔ PHẦN CẤP NƯỚC TP. ĐÀ LẠT"


_AMENDED_RULES_LETTER = (
    "SỞ GIÁO DỤC VÀ ĐÀO TẠO     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "TỈNH NINH THUẬN     Độc lập - Tự do - Hạnh phúc\n"
    "Số: 412/SGDĐT-KTQLCL     Ninh Thuận, ngày 11 tháng 4 năm 2025\n"
    "V/v hướng dẫn tổ chức thi nghề phổ thông năm 2025\n"
    "Kính gửi: Các trường trung học phổ thông.\n"
    "Kỳ thi được tổ chức theo Quy chế ban hành kèm theo Thông tư số 22/2021/TT-BGDĐT ngày 20/7/2021 "
    "được sửa đổi, bổ sung tại Thông tư số 13/2022/TT-BGDĐT ngày 03/8/2022 và Thông tư số "
    "09/2024/TT-BGDĐT ngày 15/5/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo.\n"
    "1. Các trường rà soát danh sách thí sinh.\n"
)


def test_the_texts_that_amended_a_cited_rule_stand_beside_it_not_in_its_description():
    bases = read_text(_AMENDED_RULES_LETTER).bases
    assert [(basis.number_symbol, basis.via) for basis in bases] == [
        ("22/2021/TT-BGDĐT", None),
        ("13/2022/TT-BGDĐT", None),
        ("09/2024/TT-BGDĐT", None),
    ]


def test_a_text_cited_in_what_an_amendment_amends_is_still_in_its_description():
    # Guard: "Nghị định số 2 … sửa đổi, bổ sung một số điều của Nghị định số 1" names the first
    # inside the amending decree's description.
    ground = _AMENDED_RULES_LETTER.replace(
        "Kỳ thi được tổ chức theo Quy chế ban hành kèm theo Thông tư số 22/2021/TT-BGDĐT ngày 20/7/2021 "
        "được sửa đổi, bổ sung tại Thông tư số 13/2022/TT-BGDĐT ngày 03/8/2022 và Thông tư số "
        "09/2024/TT-BGDĐT ngày 15/5/2024 của Bộ trưởng Bộ Giáo dục và Đào tạo.\n",
        "Căn cứ Thông tư số 13/2022/TT-BGDĐT ngày 03/8/2022 của Bộ trưởng Bộ Giáo dục và Đào tạo sửa "
        "đổi, bổ sung một số điều của Thông tư số 22/2021/TT-BGDĐT ngày 20/7/2021;\n",
    )
    bases = read_text(ground).bases
    assert [(basis.number_symbol, basis.via) for basis in bases] == [
        ("13/2022/TT-BGDĐT", None),
        ("22/2021/TT-BGDĐT", "13/2022/TT-BGDĐT"),
    ]
