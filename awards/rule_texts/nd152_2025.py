"""Nghị định 152/2025/NĐ-CP (14/6/2025, in force 01/7/2025) and the rule set it anchors, ND152-2025 (in
force): its period and legal bases, rounding, and the prize money it replaced in NĐ 98/2023 (Điều 50, 51,
54), each with the article read and its confidence; values the readings disagree on stay unset."""

from __future__ import annotations

from awards.rule_texts import luat_2022, nd98_2023, tld_999_2024
from awards.rule_texts.schema import (
    CONF_S,
    Money,
    Rounding,
    RuleSet,
    cite,
    legal_text,
    money,
    title_coefficients,
)

TEXT = legal_text(
    "Nghị định 152/2025/NĐ-CP",
    "2025-07-01",
    None,
    dates_confidence="S",
    dates_source="Ký 14/6/2025; news.laodong.vn (tư vấn pháp luật): các điều về mức tiền thưởng 'effective "
    "from July 1, 2025'; điều hiệu lực của Nghị định chưa đọc nguyên văn.",
)

ROUNDING: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 152/2025/NĐ-CP (chưa đọc)",
    "verified": False,
    "note": "Giả định giống NĐ 98/2023; chưa đọc quy định làm tròn của NĐ 152/2025.",
}

RULE_SET: RuleSet = {
    "code": "ND152-2025",
    "name": "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 152/2025/NĐ-CP",
    "valid_from": "2025-07-01",
    "valid_to": None,
    "legal_basis": [
        "Luật Thi đua, khen thưởng số 06/2022/QH15",
        "Nghị định 152/2025/NĐ-CP ngày 14/6/2025 quy định về phân cấp, phân quyền trong lĩnh vực "
        "thi đua, khen thưởng; quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi "
        "đua, khen thưởng (hiệu lực 01/7/2025)",
        "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024",
    ],
    "rounding": ROUNDING,
    "verified": False,
    "note": "Không có trong yêu cầu ban đầu nhưng bắt buộc: NĐ 152/2025 thay mức tiền thưởng của "
    "NĐ 98/2023 từ 01/7/2025 (Bằng khen bộ/tỉnh 1,0 -> 1,5; Giấy khen cấp xã 0,15 -> 0,3). Chỉ "
    "đọc được một phần (Điều 51, Điều 54 khoản 1, bảng danh hiệu thi đua qua báo).",
}

CODE = RULE_SET["code"]
LAW = luat_2022
UNION_RULES = tld_999_2024
UNION_REGULATION = "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 999/QĐ-TLĐ 29/5/2024)"
GRADING = "hd1294-2019"
GRADING_NOTE = ""

TITLE_COEFFICIENTS = title_coefficients(individual=(0.3, 1.0, 3.0, 4.5), collective=(0.8, 1.5, 8.0, 12.0))
_ARTICLE_50 = (
    "Nghị định 152/2025/NĐ-CP, Điều 50 (mức tiền thưởng danh hiệu thi đua, hiệu lực 01/7/2025): "
    "Chiến sĩ thi đua toàn quốc 4,5; Chiến sĩ thi đua bộ, ngành, tỉnh 3,0; Chiến sĩ thi đua cơ sở 1,0; "
    "Lao động tiên tiến 0,3; Tập thể lao động xuất sắc 1,5; Tập thể lao động tiên tiến 0,8; Cờ thi đua "
    "của Chính phủ 12,0; cờ thi đua của bộ, ngành, tỉnh 8,0 lần mức lương cơ sở (news.laodong.vn: "
    "'According to Article 50 of Decree 152/2025/ND-CP …'; cùng số liệu ở dantri.com.vn, vietnam.vn; "
    + CONF_S
    + ")"
)
TITLE_SOURCES = dict.fromkeys(TITLE_COEFFICIENTS, _ARTICLE_50)
TITLE_CITATIONS = dict.fromkeys(TITLE_COEFFICIENTS, cite(TEXT, 50, confidence="S"))
# NĐ 152/2025 changed the money of NĐ 98/2023, not what is read of the titles' standard, quota and vote
TITLES_READ, TITLE_VERIFIED, COEFFICIENT_NOTE = (
    nd98_2023.TITLES_READ,
    nd98_2023.TITLE_VERIFIED,
    nd98_2023.COEFFICIENT_NOTE,
)
CSTD_CS_QUOTA, CSTD_CS_NOTE = nd98_2023.CSTD_CS_QUOTA, nd98_2023.CSTD_CS_NOTE
PROVINCIAL_TITLE_VOTE, VOTE_NOTE = nd98_2023.PROVINCIAL_TITLE_VOTE, nd98_2023.VOTE_NOTE

GIAY_KHEN: Money = money(
    0.3,
    None,
    "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm e: Giấy khen quy định tại các điểm a, "
    "b, c, d khoản 1 Điều 75 Luật Thi đua, khen thưởng: 'kèm theo mức tiền thưởng 0,3 lần "
    "mức lương cơ sở' (news.laodong.vn)",
    citation=cite(TEXT, 54, 1, "e", confidence="S"),
    verified=False,
    note="Mức cho tập thể (khoản 2 Điều 54?) chưa đọc - coefficient_collective để trống. "
    "Giấy khen của Công đoàn có thuộc Điều 75 khoản 1 Luật hay không: kiểm tra.",
)
COMMUNE_GIAY_KHEN: Money | None = money(
    0.3,
    None,
    "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm e: Giấy khen quy định tại các điểm a, b, c, d "
    "khoản 1 Điều 75 Luật Thi đua, khen thưởng (gồm Giấy khen của Chủ tịch UBND cấp xã) 0,3 lần mức "
    "lương cơ sở (news.laodong.vn: 'tăng gấp đôi mức tiền thưởng'; " + CONF_S + ")",
    citation=cite(TEXT, 54, 1, "e", confidence="S"),
    verified=True,
    note="Tập thể (Điều 54 khoản 2) chưa đọc - để trống; hộ gia đình 1,5 lần mức cá nhân (S).",
)
BANG_KHEN: Money = money(
    1.5,
    None,
    "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b: 'Cá nhân được tặng hoặc truy tặng "
    "bằng khen của bộ, ban, ngành, tỉnh được tặng bằng, khung và được thưởng 1,5 lần mức "
    "lương cơ sở'",
    citation=cite(TEXT, 54, 1, "b", confidence="S"),
    verified=False,
    note="Mức cho tập thể chưa đọc - để trống (NĐ 91 là gấp đôi).",
)
PRIME_MINISTER_BANG_KHEN: Money = money(
    None,
    None,
    "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm a (Bằng khen của Thủ tướng Chính phủ): các nguồn "
    "mâu thuẫn - để trống",
    citation=cite(TEXT, 54, 1, "a", confidence="N"),
    verified=False,
    note="Nguồn mâu thuẫn: suckhoedoisong.vn ghi 3,5 lần mức lương cơ sở, bản dịch tiếng Nhật của laodong.vn "
    "ghi 3 lần (bản dịch này từng đổi '0,3' thành '3 lần', không tin được ở số thập phân). Chưa đọc "
    "nguyên văn điểm a khoản 1 Điều 54 - để trống; quản trị viên nhập từ văn bản. Mức cho tập thể "
    "(khoản 2) chưa đọc.",
)
LABOUR_ORDER_3: Money = money(
    4.5,
    9.0,
    "Nghị định 152/2025/NĐ-CP, Điều 51 khoản 1 điểm h: 4,5 lần mức lương cơ sở; khoản 2: "
    "'Tập thể được tặng thưởng Huân chương các loại được tặng thưởng Bằng, khung, Huân "
    "chương kèm theo mức tiền thưởng gấp hai lần mức tiền thưởng đối với cá nhân'",
    citation=cite(TEXT, 51, 1, "h", confidence="V"),
    collective_citation=cite(TEXT, 51, 2, confidence="V"),
    verified=True,
)
GOLD_STAR_ORDER: Money = money(
    46.0,
    92.0,
    "Nghị định 152/2025/NĐ-CP, Điều 51 khoản 1 điểm a: 46,0 lần mức lương cơ sở; khoản 2: "
    "tập thể 'gấp hai lần mức tiền thưởng đối với cá nhân'",
    citation=cite(TEXT, 51, 1, "a", confidence="V"),
    collective_citation=cite(TEXT, 51, 2, confidence="V"),
    verified=True,
)

# the Confederation's forms: money after the regulation's name in the source
UNION_FLAG: Money = money(
    None,
    8.0,
    "; tiền thưởng: Nghị định 152/2025/NĐ-CP, Điều 50 ('cờ thi đua của bộ, ban, ngành, tỉnh' 8,0 "
    "lần mức lương cơ sở; news.laodong.vn; " + CONF_S + ")",
    citation=cite(TEXT, 50, confidence="S"),
    verified=True,
)
UNION_BANG_KHEN: Money = money(
    1.5,
    None,
    "; tiền thưởng: Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b (bằng khen của bộ, ban, ngành, "
    "tỉnh: 1,5)",
    citation=cite(TEXT, 54, 1, "b", confidence="S"),
    verified=False,
    note="Áp 1,5 giả định BK Tổng Liên đoàn thuộc 'bằng khen của bộ, ban, ngành' - kiểm tra; "
    "mức tập thể chưa đọc.",
)
UNION_MEDAL: Money = money(
    None,
    None,
    "; Hướng dẫn 149/HD-TLĐ 2015 (tiêu chuẩn); tiền thưởng: Nghị định 152/2025/NĐ-CP, Điều 54 "
    "khoản 1 điểm d (Kỷ niệm chương của bộ, tỉnh, tổ chức chính trị - xã hội): các nguồn mâu thuẫn - "
    "để trống",
    citation=cite(TEXT, 54, 1, "d", confidence="N"),
    verified=False,
    note="Nguồn mâu thuẫn: trước đây seed 'không quá 0,6' (như NĐ 98/2023 Điều 58 khoản 1 điểm d); bản dịch "
    "tiếng Nhật của laodong.vn ghi 'không quá 1 lần' (điểm c, Ủy ban Thường vụ Quốc hội: 0,8). Chưa "
    "đọc nguyên văn - để trống; Tổng Liên đoàn quyết định mức cụ thể trong mức tối đa.",
)
UNION_MEDAL_IS_CAP = False
