"""Texts whose Vietnamese letters were lost, not only their marks: a broken conversion deleted
every letter outside ASCII ("QUYT NH" for "QUYẾT ĐỊNH", "Cn c" for "Căn cứ", "iu 1." for
"Điều 1."). The reader finds their structure on the skeletons of its words and returns every
field as printed (`reader/lost_letters.py`). Each specimen is typed here, never copied from
the corpus; the guards check that texts with their letters, typed without marks, or in another
language are not taken for such a text."""

from documents.reader import read_text
from documents.reader.lost_letters import letters_lost

# A district office's decision laid out in lines, as it prints once its letters were lost.
_DECISION = """Y BAN NHN DN HUYN NG HI
PHNG GIO DC V O TO
S: 215/Q-PGDT
CNG HA X HI CH NGHA VIT NAM
c lp - T do - Hnh phc
ng Hi, ngy 14 thng 3 nm 2022
QUYT NH
V vic khen thng tp th v c nhn c thnh tch trong nm hc 2021-2022
TRNG PHNG GIO DC V O TO
Cn c Lut Thi ua, khen thng s 06/2022/QH15 ca Quc hi;
Cn c Ngh nh s 91/2017/N-CP ngy 31 thng 7 nm 2017 ca Chnh ph;
Xt  ngh ca Hi ng Thi ua - Khen thng ti T trnh s 08/TTr-H ngy 10 thng 3 nm 2022,
QUYT NH:
iu 1. Khen thng 4 tp th v 12 c nhn c thnh tch.
iu 2. Quyt nh c hiu lc k t ngy k.
iu 3. Cc t trng chu trch nhim thi hnh Quyt nh ny.
Ni nhn:
- Nh iu 3;
- Lu: VT.
TRNG PHNG
"""

# A union's plan a site printed as one paragraph, its letters lost as well.
_RUN_ON_PLAN = (
    "BAN CHP HNH CNG ON NGNH GIO DC HUYN NG HI CNG HA X HI CH NGHA VIT NAM "
    "c lp - T do - Hnh phc S: 09/KH-CN ng Hi, ngy 2 thng 9 nm 2023 K HOCH "
    "T chc hi thi gio vin dy gii nm hc 2023-2024 Cn c K hoch s 31/KH-LL ngy 20 "
    "thng 8 nm 2023 ca Lin on Lao ng huyn; Ban Chp hnh Cng on ngnh xy dng k hoch "
    "nh sau: I. MC CH, YU CU 1. ng vin gio vin. II. NI DUNG 1. Thi gian t chc. "
    "Ni nhn: - Cc cng on c s; - Lu: VT. TM. BAN CHP HNH CH TCH"
)


def test_a_decision_whose_letters_were_lost_is_read_as_printed():
    result = read_text(_DECISION)
    assert result.type == "Quyết định"
    assert result.number_symbol == "215/Q-PGDT"
    assert str(result.date) == "2022-03-14"
    assert result.issuer == "PHNG GIO DC V O TO"
    assert result.title == "V vic khen thng tp th v c nhn c thnh tch trong nm hc 2021-2022"
    assert [(b.type, b.number_symbol, b.issuer) for b in result.bases] == [
        ("Luật", "06/2022/QH15", "Quc hi"),
        ("Nghị định", "91/2017/N-CP", "Chnh ph"),
    ]
    assert [(p.type, p.number_symbol) for p in result.proposals] == [("Tờ trình", "08/TTr-H")]
    assert result.items == [
        "iu 1. Khen thng 4 tp th v 12 c nhn c thnh tch.",
        "iu 2. Quyt nh c hiu lc k t ngy k.",
        "iu 3. Cc t trng chu trch nhim thi hnh Quyt nh ny.",
    ]
    assert result.recipients == ["Nh iu 3", "Lu: VT"]


def test_a_run_on_plan_whose_letters_were_lost_is_broken_and_read_as_printed():
    result = read_text(_RUN_ON_PLAN)
    assert result.type == "Kế hoạch"
    assert result.number_symbol == "09/KH-CN"
    assert str(result.date) == "2023-09-02"
    assert result.issuer == "BAN CHP HNH CNG ON NGNH GIO DC HUYN NG HI"
    assert result.title == "T chc hi thi gio vin dy gii nm hc 2023-2024"
    assert [(b.type, b.number_symbol, str(b.date)) for b in result.bases] == [
        ("Kế hoạch", "31/KH-LL", "2023-08-20")
    ]
    assert result.items == ["I. MC CH, YU CU 1. ng vin gio vin.", "II. NI DUNG 1. Thi gian t chc."]
    assert result.recipients == ["Cc cng on c s", "Lu: VT"]


def test_the_act_that_set_up_the_proposer_is_a_basis_not_a_submission():
    # "Xét đề nghị của Tổ … được thành lập theo Quyết định số …" (1046/QĐ-ĐHCĐ's ground, kept
    # as a basis): the decision founded the proposer; the submission stays a proposal.
    text = (
        "QUYẾT ĐỊNH\nVề việc khen thưởng\n"
        "Căn cứ Nghị định số 91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ;\n"
        "Xét đề nghị của Tổ xét duyệt được thành lập theo Quyết định số 30/QĐ-PGDĐT ngày 02/3/2022 "
        "của Trưởng phòng tại Tờ trình số 08/TTr-TXD ngày 10/3/2022,\n"
        "QUYẾT ĐỊNH:\nĐiều 1. Khen thưởng 4 tập thể.\n"
    )
    result = read_text(text)
    assert [b.number_symbol for b in result.bases] == ["91/2017/NĐ-CP", "30/QĐ-PGDĐT"]
    assert [p.number_symbol for p in result.proposals] == ["08/TTr-TXD"]


def test_texts_that_kept_their_letters_or_never_had_marks_are_not_letters_lost():
    intact = "QUYẾT ĐỊNH\nVề việc khen thưởng\nCăn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\n"
    plain = (
        "CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nHa Noi, ngay 14 thang 3 nam 2022\n"
        "QUYET DINH\nVe viec khen thuong\nCan cu Luat Thi dua, khen thuong;\nDieu 1. Khen thuong.\nNoi nhan:\n"
    )
    english = (
        "MINUTES OF THE MEETING\nHanoi, 14 March 2022\nThe committee met at 9 am (GMT+7) to review "
        "the plan. Present: Mr. Nam, Ms. Hoa and the union's chair. Item 1. Budget. Item 2. Any other business.\n"
    )
    mixed = "Dear Ms. Hoa,\nPlease find the Quyết định số 12/QĐ-UBND attached; nm and ng units are in the table.\n"
    assert not any(letters_lost(text) for text in (intact, plain, english, mixed))
    assert letters_lost(_DECISION) and letters_lost(_RUN_ON_PLAN)


def test_a_text_typed_without_marks_reads_as_before():
    # Guard: plain ASCII ("QUYET DINH", "Can cu") is read by the folded patterns, untouched.
    plain = (
        "UY BAN NHAN DAN HUYEN DONG HAI\nPHONG GIAO DUC VA DAO TAO\nSo: 215/QD-PGDDT\n"
        "CONG HOA XA HOI CHU NGHIA VIET NAM\nDoc lap - Tu do - Hanh phuc\nDong Hai, ngay 14 thang 3 nam 2022\n"
        "QUYET DINH\nVe viec khen thuong tap the nam hoc 2021-2022\n"
        "Can cu Nghi dinh so 91/2017/ND-CP ngay 31 thang 7 nam 2017 cua Chinh phu;\n"
        "QUYET DINH:\nDieu 1. Khen thuong 4 tap the.\nDieu 2. Quyet dinh co hieu luc ke tu ngay ky.\n"
    )
    assert not letters_lost(plain)
    result = read_text(plain)  # as the reader read it before letters-lost texts were read
    assert (result.type, result.title) == ("Quyết định", "Ve viec khen thuong tap the nam hoc 2021-2022")
    assert result.issuer == "PHONG GIAO DUC VA DAO TAO DONG HAI"
    assert [b.number_symbol for b in result.bases] == ["215/QĐ-PGDDT", "91/2017/NĐ-CP"]


def test_a_run_on_decisions_headmaster_is_no_part_of_its_title():
    # 1046/QĐ-ĐHCĐ's authority ("HIỆU TRƯỞNG TRƯỜNG …") after a title in sentence case, one paragraph.
    text = (
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO TỈNH ĐÔNG HẢI TRƯỜNG CAO ĐẲNG SƯ PHẠM CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM "
        "Độc lập - Tự do - Hạnh phúc Số: 77/QĐ-CĐSP Đông Hải, ngày 5 tháng 9 năm 2022 QUYẾT ĐỊNH Về việc "
        "ban hành Quy chế thi đua của Trường HIỆU TRƯỞNG TRƯỜNG CAO ĐẲNG SƯ PHẠM Căn cứ Nghị định số "
        "91/2017/NĐ-CP ngày 31 tháng 7 năm 2017 của Chính phủ; QUYẾT ĐỊNH: Điều 1. Ban hành Quy chế. "
        "Điều 2. Quyết định có hiệu lực kể từ ngày ký."
    )
    assert read_text(text).title == "Về việc ban hành Quy chế thi đua của Trường"


def test_the_officer_is_told_the_text_lost_its_letters_and_what_to_correct():
    from django.utils import translation

    with translation.override("vi"):
        warnings = read_text(_DECISION).warnings
        intact = read_text(
            "ỦY BAN NHÂN DÂN HUYỆN X\nSố: 215/QĐ-UBND\nX, ngày 14 tháng 3 năm 2022\nQUYẾT ĐỊNH\n"
            "Về việc khen thưởng\nĐiều 1. Khen thưởng.\nĐiều 2. Thi hành.\n"
        ).warnings
    assert "mất mọi chữ có dấu" in warnings[0]
    assert not any("mất mọi chữ có dấu" in warning for warning in intact)
