"""The review of the twenty-fourth round (docs/documents.md): its rules narrowed where they read
ordinary documents wrongly. Each specimen is typed here, never copied from the corpus texts; each
mend's specimen fails without it, and the round's own readings are checked to stay."""

from documents.reader import read_text

# --- a people's committee's chairman (`unheaded.body_signed_for`) ---------------------------------

_BODY = (
    "Căn cứ Nghị định số 86/2023/NĐ-CP ngày 07/12/2023 của Chính phủ quy định về khung tiêu chuẩn "
    "và trình tự, thủ tục xét tặng danh hiệu văn hóa;\n"
    "Xét đề nghị của công chức Văn hóa - Xã hội,\n"
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Khen thưởng 05 hộ gia đình tiêu biểu trong phong trào xây dựng nông thôn mới.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày ký.\n"
)


def _decision(authority: str, below: str = "") -> str:
    return f"QUYẾT ĐỊNH\nVề việc khen thưởng hộ gia đình tiêu biểu năm 2023\n{authority}\n{_BODY}{below}"


def test_a_chairman_who_acts_for_a_steering_committee_keeps_his_line_whole():
    # "CHỦ TỊCH UBND TỈNH, TRƯỞNG BAN CHỈ ĐẠO …": he decides as the second office; dropping the
    # first left "UBND TỈNH, TRƯỞNG BAN CHỈ ĐẠO …", no body at all.
    line = "CHỦ TỊCH UBND TỈNH, TRƯỞNG BAN CHỈ ĐẠO PHONG TRÀO TOÀN DÂN ĐOÀN KẾT XÂY DỰNG ĐỜI SỐNG VĂN HÓA"
    assert read_text(_decision(line)).issuer == line


def test_a_chairman_who_also_chairs_the_emulation_council_keeps_his_line_whole():
    line = "CHỦ TỊCH ỦY BAN NHÂN DÂN HUYỆN - CHỦ TỊCH HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG HUYỆN"
    assert read_text(_decision(line)).issuer == line
    kiem = "CHỦ TỊCH UBND HUYỆN KIÊM CHỦ TỊCH HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG HUYỆN ĐÔNG ANH"
    assert read_text(_decision(kiem)).issuer == kiem


def test_a_committee_of_no_level_is_not_made_a_province_from_the_date_line():
    # "CHỦ TỊCH ỦY BAN NHÂN DÂN" with no level: the bare committee was completed with the date
    # line's place as a province ("Ủy ban nhân dân tỉnh Phú Lộc", a commune).
    signed = "Phú Lộc, ngày 20 tháng 12 năm 2023\nCHỦ TỊCH\nNguyễn Văn An\n"
    assert read_text(_decision("CHỦ TỊCH ỦY BAN NHÂN DÂN", signed)).issuer == "CHỦ TỊCH ỦY BAN NHÂN DÂN"


def test_a_plan_under_a_chairmans_line_is_left_as_before():
    # Decree 30/2020's forms put the chairman's line under a decision's title; the rule is his
    # decisions', not any text's.
    plan = (
        "KẾ HOẠCH\nTổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2023\nCHỦ TỊCH UBND XÃ PHÚ LỘC\n"
        "I. MỤC ĐÍCH\n1. Phát huy sức mạnh đoàn kết.\nII. TỔ CHỨC THỰC HIỆN\n1. Các thôn triển khai.\n"
    )
    assert read_text(plan).issuer == "CHỦ TỊCH UBND XÃ PHÚ LỘC"


def test_the_commune_chairmans_decision_is_still_the_committees():
    assert read_text(_decision("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ PHÚ LỘC")).issuer == "ỦY BAN NHÂN DÂN XÃ PHÚ LỘC"
    assert read_text(_decision("CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ")).issuer == "ỦY BAN NHÂN DÂN XÃ"


# --- a consolidated text's note (`citations._consolidation_note`) -------------------------------

_DECISION_HEAD = (
    "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 15/2024/QĐ-UBND     Bắc Giang, ngày 10 tháng 5 năm 2024\n"
    "QUYẾT ĐỊNH\n"
    "Ban hành Quy chế công tác thi đua, khen thưởng trên địa bàn tỉnh\n"
    "ỦY BAN NHÂN DÂN TỈNH BẮC GIANG\n"
)
_DECISION_TAIL = (
    "QUYẾT ĐỊNH:\n"
    "Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác thi đua, khen thưởng.\n"
    "Điều 2. Quyết định này có hiệu lực kể từ ngày 20 tháng 5 năm 2024.\n"
    "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n"
)


def test_grounds_listed_under_a_lead_with_a_decree_and_its_amendments_stay_grounds():
    # "Căn cứ:" over dashed grounds, one closed "…, được sửa đổi, bổ sung bởi:": no consolidation
    # note (it names no entry into force); every ground down to "Theo đề nghị" had been dropped.
    text = (
        _DECISION_HEAD + "Căn cứ:\n- Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
        "- Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ quy định chi tiết thi hành "
        "một số điều của Luật Thi đua, khen thưởng, được sửa đổi, bổ sung bởi:\n"
        "+ Nghị định số 28/2024/NĐ-CP ngày 06 tháng 3 năm 2024 của Chính phủ;\n"
        "- Thông tư số 12/2019/TT-BNV ngày 04 tháng 11 năm 2019 của Bộ Nội vụ;\n"
        "Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 30/TTr-SNV ngày 02 tháng 5 năm 2024.\n"
        + _DECISION_TAIL
    )
    numbers = [basis.number_symbol for basis in read_text(text).bases]
    assert numbers == ["91/2017/NĐ-CP", "28/2024/NĐ-CP", "12/2019/TT-BNV"]


_NOTE = (
    "BỘ NỘI VỤ     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Số: 11/VBHN-BNV     Hà Nội, ngày 20 tháng 3 năm 2019\n"
    "THÔNG TƯ\n"
    "HƯỚNG DẪN VỀ HỒ SƠ KHEN THƯỞNG\n"
    "Thông tư số 31/2016/TT-BNV ngày 02 tháng 6 năm 2016 của Bộ trưởng Bộ Nội vụ, có hiệu lực kể từ "
    "ngày 20 tháng 7 năm 2016, được sửa đổi, bổ sung bởi:\n"
    "Thông tư số 44/2018/TT-BNV ngày 15 tháng 11 năm 2018 của Bộ trưởng Bộ Nội vụ, có hiệu lực kể từ "
    "ngày 01 tháng 01 năm 2019.\n"
)


def test_grounds_under_a_note_dashed_with_en_dashes_are_still_grounds():
    # "– Căn cứ …": the en dash hid the opener, so the note ran over every ground below it.
    text = (
        _NOTE + "– Căn cứ Nghị định số 61/2012/NĐ-CP ngày 10 tháng 8 năm 2012 của Chính phủ;\n"
        "– Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ;\n"
        "Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn về hồ sơ khen thưởng.\n"
        "Điều 1. Phạm vi điều chỉnh\nBỘ TRƯỞNG\n"
    )
    assert [basis.number_symbol for basis in read_text(text).bases] == ["61/2012/NĐ-CP", "91/2017/NĐ-CP"]


def test_a_note_with_no_ground_after_it_ends_at_the_first_article():
    # The note's list runs into no article: "Điều 1." ends it, so the amending text is no ground.
    text = _NOTE + "Điều 1. Phạm vi điều chỉnh theo Nghị định số 61/2012/NĐ-CP ngày 10 tháng 8 năm 2012.\n"
    assert [basis.number_symbol for basis in read_text(text).bases] == ["61/2012/NĐ-CP"]


def test_a_consolidation_note_is_still_no_ground():
    text = _NOTE + "Căn cứ Nghị định số 61/2012/NĐ-CP ngày 10 tháng 8 năm 2012 của Chính phủ;\n"
    assert [basis.number_symbol for basis in read_text(text).bases] == ["61/2012/NĐ-CP"]


# --- a wrapped last name in a header (`header._issuer`) -----------------------------------------


def _headed(*names: str) -> str:
    return (
        "\n".join(names) + "\nSố: 12/KH-CĐ\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Gia Bình, ngày 10 tháng 3 năm 2024\nKẾ HOẠCH\nTổ chức hội thi năm 2024\n"
        "1. Thời gian: tháng 4 năm 2024.\n2. Địa điểm: hội trường.\n"
    )


def test_a_bare_grassroots_union_under_its_school_is_still_that_schools_union():
    # "CĐCS" is one word beginning no name: joined first, it made "TRƯỜNG … CĐCS".
    assert read_text(_headed("TRƯỜNG TH CAO VIÊN I", "CĐCS")).issuer == "CĐCS TRƯỜNG TH CAO VIÊN I"
    assert read_text(_headed("CÔNG TY CP MAY 10", "CĐCS")).issuer == "CĐCS CÔNG TY CP MAY 10"


def test_a_district_party_committee_wrapped_under_the_provinces_party_is_itself():
    # "HUYỆN ỦY" / "GIA BÌNH" joined opens with a level, and was then taken for the wrapped
    # place of "ĐẢNG BỘ TỈNH BẮC NINH" above it.
    assert read_text(_headed("ĐẢNG BỘ TỈNH BẮC NINH", "HUYỆN ỦY", "GIA BÌNH")).issuer == "HUYỆN ỦY GIA BÌNH"
    assert read_text(_headed("TỈNH ĐOÀN BẮC NINH", "HUYỆN ĐOÀN", "GIA BÌNH")).issuer == "HUYỆN ĐOÀN GIA BÌNH"


def test_a_name_wrapped_twice_is_still_joined_whole():
    # Guard: the round's gain ("LIÊN ĐOÀN LAO ĐỘNG" / "TỈNH CAO" / "BẰNG") stays.
    assert (
        read_text(_headed("LIÊN ĐOÀN LAO ĐỘNG", "TỈNH CAO", "BẰNG")).issuer
        == "LIÊN ĐOÀN LAO ĐỘNG TỈNH CAO BẰNG"
    )


def test_a_place_named_with_a_dash_or_a_word_like_an_office_is_still_the_committees():
    # Guard on the mend: a province's own dash and a district's name are no second office.
    dashed = "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU"
    assert read_text(_decision(dashed)).issuer == "ỦY BAN NHÂN DÂN TỈNH BÀ RỊA - VŨNG TÀU"
    assert read_text(_decision("CHỦ TỊCH UBND QUẬN HOÀN KIẾM")).issuer == "UBND QUẬN HOÀN KIẾM"


def test_an_item_of_a_plan_quoting_a_regulation_and_its_amendments_is_no_note():
    # "1. … Quyết định số …, có hiệu lực …, được sửa đổi, bổ sung bởi:" in a plan's body: the
    # item's clause opened no paragraph of its own, and its span had run over the next item's
    # guidance down to the capitals of "II.".
    text = (
        "LĐLĐ TỈNH BẮC GIANG     CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
        "Số: 15/KH-LĐLĐ     Bắc Giang, ngày 10 tháng 5 năm 2024\nKẾ HOẠCH\n"
        "Tổ chức thực hiện công tác thi đua năm 2024\n"
        "Thực hiện Kế hoạch số 20/KH-TLĐ ngày 02 tháng 3 năm 2024 của Tổng Liên đoàn Lao động Việt Nam, "
        "Ban Thường vụ xây dựng kế hoạch như sau:\nI. MỤC ĐÍCH\n"
        "1. Các cấp công đoàn áp dụng Quy chế ban hành kèm theo Quyết định số 10/2020/QĐ-UBND ngày 02 "
        "tháng 3 năm 2020, có hiệu lực từ ngày 15 tháng 3 năm 2020, được sửa đổi, bổ sung bởi:\n"
        "- Quyết định số 05/2022/QĐ-UBND ngày 01 tháng 3 năm 2022;\n"
        "2. Triển khai theo Hướng dẫn số 05/HD-LĐLĐ ngày 01 tháng 4 năm 2024 của Liên đoàn Lao động tỉnh.\n"
        "II. TỔ CHỨC THỰC HIỆN\nCác cấp công đoàn báo cáo kết quả trước ngày 15 tháng 12 năm 2024.\n"
    )
    numbers = [basis.number_symbol for basis in read_text(text).bases]
    assert "05/HD-LĐLĐ" in numbers and "10/2020/QĐ-UBND" in numbers
