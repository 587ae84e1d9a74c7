"""Nghị định 98/2023/NĐ-CP (31/12/2023, in force 01/01/2024) and the rule set it anchors, ND98-2023 (until
30/6/2025, when NĐ 152/2025's prize money takes over): its period and legal bases, rounding (Điều 53
khoản 2) and the prize money (Điều 54, 55, 58), each with the article read and its confidence."""

from __future__ import annotations

from typing import Any

from awards.rule_texts import luat_2022, tld_999_2024
from awards.rule_texts.schema import (
    CONF_S,
    Money,
    Rounding,
    RuleSet,
    cite,
    legal_text,
    money,
    per_title,
    title_coefficients,
)

# its prize money (Điều 53-58) until NĐ 152/2025 replaced it
TEXT = legal_text(
    "Nghị định 98/2023/NĐ-CP",
    "2024-01-01",
    "2025-06-30",
    dates_confidence="S",
    dates_source="Ký 31/12/2023, hiệu lực 01/01/2024 (cùng ngày Luật 06/2022/QH15; điều hiệu lực của Nghị "
    "định chưa đọc nguyên văn). Mức tiền thưởng thay bằng NĐ 152/2025/NĐ-CP từ 01/7/2025 (news.laodong.vn: "
    "'Before July 1, 2025, according to Decree No. 98/2023/ND-CP ...').",
)

ROUNDING: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 98/2023/NĐ-CP, Điều 53 khoản 2: 'Bonus after being multiplied by the basic "
    "salary coefficient is rounded up to tens of thousands of Vietnamese Dong' (news.laodong.vn, bản dịch "
    "toàn văn điều; " + CONF_S + ")",
    "verified": True,
    "note": "Câu chữ tiếng Việt đọc được (phunuvietnam.vn/VGP 07/01/2024): 'làm tròn số lên hàng chục nghìn "
    "đồng'; số điều (Điều 53 khoản 2) theo bản dịch của laodong.vn. 'rounded up' khớp với mode='up'.",
}

RULE_SET: RuleSet = {
    "code": "ND98-2023",
    "name": "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP",
    "valid_from": "2024-01-01",
    "valid_to": "2025-06-30",
    "legal_basis": [
        "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022 (hiệu lực 01/01/2024)",
        "Nghị định 98/2023/NĐ-CP ngày 31/12/2023 (hiệu lực 01/01/2024)",
        "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 1689/QĐ-TLĐ ngày 12/11/2019 (đến 28/5/2024)",
        "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024",
    ],
    "rounding": ROUNDING,
    "verified": True,
    "note": "Kết thúc 30/6/2025: từ 01/7/2025 mức tiền thưởng theo Nghị định 152/2025/NĐ-CP "
    "(laodong.vn: 'Before July 1, 2025, according to Decree No. 98/2023/ND-CP ... 0.15 times' "
    "-> từ 1/7/2025 là 0,3). Chưa đọc điều khoản chuyển tiếp của NĐ 152/2025.",
}

CODE = RULE_SET["code"]
LAW = luat_2022
UNION_RULES = tld_999_2024
UNION_REGULATION = "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1689/QĐ-TLĐ 2019; QĐ 999/QĐ-TLĐ 29/5/2024)"
GRADING = "hd1294-2019"
GRADING_NOTE = ""

TITLE_COEFFICIENTS = title_coefficients(individual=(0.3, 1.0, 3.0, 4.5), collective=(0.8, 1.5, 8.0, 12.0))
_P = "Nghị định 98/2023/NĐ-CP, Điều 54"
TITLE_SOURCES = per_title(
    ldtt=f'{_P} (đối với cá nhân): \'Danh hiệu "Lao động tiên tiến", "Chiến sĩ tiên tiến" được '
    "thưởng 0,3 lần mức lương cơ sở.'",
    cstd_cs=f'{_P} (đối với cá nhân): \'Danh hiệu "Chiến sĩ thi đua cơ sở" được tặng Bằng chứng '
    "nhận, khung và được thưởng 1,0 lần mức lương cơ sở.'",
    cstd_tinh=f"{_P} (đối với cá nhân): 'Danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh được tặng "
    "Bằng chứng nhận, khung, Huy hiệu, hộp đựng Huy hiệu và được thưởng 3,0 lần mức "
    "lương cơ sở.'",
    cstd_tq=f'{_P} (đối với cá nhân): \'Danh hiệu "Chiến sĩ thi đua toàn quốc" được tặng Bằng '
    "chứng nhận, khung, Huy hiệu, hộp đựng Huy hiệu và được thưởng 4,5 lần mức lương cơ sở.'",
    ttldtt=f'{_P} (đối với tập thể): \'Danh hiệu "Tập thể Lao động tiên tiến", "Đơn vị tiên tiến" '
    "được thưởng 0,8 lần mức lương cơ sở.'",
    ttldxs=f'{_P} (đối với tập thể): \'Danh hiệu "Tập thể lao động xuất sắc", "Đơn vị quyết '
    "thắng\" được tặng Bằng chứng nhận, khung và được thưởng 1,5 lần mức lương cơ sở.'",
    co_tinh=f"{_P} (đối với tập thể): 'Danh hiệu cờ thi đua của bộ, ban, ngành, tỉnh được tặng cờ "
    "và được thưởng 08 lần mức lương cơ sở'",
    co_cp=f'{_P} (đối với tập thể): \'Danh hiệu "Cờ thi đua của Chính phủ" được tặng cờ và được '
    "thưởng 12,0 lần mức lương cơ sở.'",
)
TITLE_CITATIONS = dict.fromkeys(TITLE_COEFFICIENTS, cite(TEXT, 54, confidence="V"))
TITLES_READ = True
TITLE_VERIFIED = {code: code not in LAW.STANDARD_NOT_READ for code in TITLE_COEFFICIENTS}
COEFFICIENT_NOTE = " Hệ số chưa đối chiếu văn bản của bộ quy tắc này."
CSTD_CS_QUOTA: dict[str, Any] | None = None
CSTD_CS_NOTE = luat_2022.CSTD_CS_NOTE
PROVINCIAL_TITLE_VOTE: dict[str, Any] | None = None
VOTE_NOTE = LAW.VOTE_NOT_READ

ND98_COMMENDATION_NOT_READ = (
    "Hệ số chưa đọc được và bảng tóm tắt ban đầu (docs/award-rules.md) không cho số - để trống. Cần đọc: Nghị định 98/2023/NĐ-CP, Điều 58 "
    "khoản 1 (các điểm về Bằng khen của Thủ tướng, bằng khen của bộ, ban, ngành, tỉnh, Giấy khen; chỉ điểm d "
    "- Kỷ niệm chương - đọc được qua baochinhphu.vn) và khoản 2 (mức cho tập thể)."
)


GIAY_KHEN: Money = money(
    None,
    None,
    "Nghị định 98/2023/NĐ-CP, Điều 58 (chưa đọc điểm về Giấy khen)",
    citation=cite(TEXT, 58, 1, "e", confidence="N"),
    verified=False,
    note=ND98_COMMENDATION_NOT_READ
    + " Tham khảo: NĐ 91/2017 là 0,3 (tập thể gấp đôi). Giấy khen của Chủ tịch UBND cấp xã (0,15, Điều "
    "58 khoản 1 điểm g) là hình thức khác: xem giay-khen-chu-tich-ubnd-cap-xa.",
)
COMMUNE_GIAY_KHEN: Money | None = money(
    0.15,
    None,
    "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 điểm g: Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã "
    "0,15 lần mức lương cơ sở ('hoặc 351.000 đồng' ở mức 2.340.000; Bộ Nội vụ trả lời, "
    "news.laodong.vn; " + CONF_S + ")",
    citation=cite(TEXT, 58, 1, "g", confidence="S"),
    verified=True,
    note="Tập thể: Điều 58 khoản 2 điểm c cho 'gấp hai lần' mức cá nhân của điểm e, mà mức điểm e chưa "
    "đọc - để trống.",
)
BANG_KHEN: Money = money(
    None,
    None,
    "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 (điểm về bằng khen của bộ, ban, ngành, tỉnh chưa đọc)",
    citation=cite(TEXT, 58, 1, "b", confidence="N"),
    verified=False,
    note=ND98_COMMENDATION_NOT_READ + " Tham khảo: NĐ 91/2017 = 1,0 (tập thể 2,0); NĐ 152/2025 = 1,5.",
)
PRIME_MINISTER_BANG_KHEN: Money = money(
    None,
    None,
    "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 (điểm về Bằng khen của Thủ tướng chưa đọc)",
    citation=cite(TEXT, 58, 1, "a", confidence="N"),
    verified=False,
    note=ND98_COMMENDATION_NOT_READ + " Tham khảo: NĐ 91/2017 và NĐ 152/2025 đều 3,5.",
)
LABOUR_ORDER_3: Money = money(
    4.5,
    9.0,
    'Nghị định 98/2023/NĐ-CP, Điều 55 khoản 1 điểm h: \'"Huân chương Lao động" hạng Ba, '
    '"Huân chương Chiến công" hạng Ba, "Huân chương Bảo vệ Tổ quốc" hạng Ba và "Huân '
    "chương Dũng cảm\": 4,5 lần mức lương cơ sở.' (thuvienphapluat.vn); Điều 55 khoản 2: "
    "'Collectives awarded Medals of all types … bonus amount twice the bonus amount for individuals' "
    "(news.laodong.vn; " + CONF_S + ")",
    citation=cite(TEXT, 55, 1, "h", confidence="V"),
    collective_citation=cite(TEXT, 55, 2, confidence="S"),
    verified=True,
    note="Tập thể 9,0 = 2 x 4,5 theo Điều 55 khoản 2.",
)
GOLD_STAR_ORDER: Money = money(
    46.0,
    92.0,
    'Nghị định 98/2023/NĐ-CP, Điều 55 khoản 1 điểm a: \'"Huân chương Sao vàng": 46,0 lần mức '
    "lương cơ sở' (thuvienphapluat.vn); Điều 55 khoản 2: tập thể 'twice the bonus amount for "
    "individuals' (news.laodong.vn; " + CONF_S + ")",
    citation=cite(TEXT, 55, 1, "a", confidence="V"),
    collective_citation=cite(TEXT, 55, 2, confidence="S"),
    verified=True,
)

# the Confederation's forms: money after the regulation's name in the source
UNION_FLAG: Money = money(
    None,
    8.0,
    "; tiền thưởng: Nghị định 98/2023/NĐ-CP, Điều 54 ('cờ thi đua của bộ, ban, ngành, "
    "tỉnh ... 08 lần mức lương cơ sở')",
    citation=cite(TEXT, 54, confidence="V"),
    verified=True,
)
UNION_BANG_KHEN: Money = money(
    None,
    None,
    "; tiền thưởng: Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 (điểm về bằng khen bộ, ban, ngành chưa đọc)",
    citation=cite(TEXT, 58, 1, "b", confidence="N"),
    verified=False,
    note="Hệ số chưa đọc - để trống.",
)
UNION_MEDAL: Money = money(
    0.6,
    None,
    "; Hướng dẫn 149/HD-TLĐ 2015 (tiêu chuẩn); tiền thưởng: Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 "
    "điểm d: 'Cá nhân được tặng Kỷ niệm chương của bộ, ban, ngành, tỉnh, tổ chức chính trị, tổ chức chính "
    "trị - xã hội ... được tặng Bằng, khung, Kỷ niệm chương, Hộp đựng Kỷ niệm chương và kèm theo mức tiền "
    "thưởng không quá 0,6 lần mức lương cơ sở' (baochinhphu.vn)",
    citation=cite(TEXT, 58, 1, "d", confidence="S"),
    verified=False,
    note="Hệ số 0,6 đã đọc được và là MỨC TỐI ĐA ('không quá'); Tổng Liên đoàn quyết định mức "
    "cụ thể (chưa đọc). verified=False vì tiêu chuẩn 20 năm đọc được cho HD 149/2015 "
    "(và hỏi đáp 2019), chưa đối chiếu quy chế 999/QĐ-TLĐ 2024.",
)
UNION_MEDAL_IS_CAP = True
