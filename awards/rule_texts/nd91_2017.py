"""Nghị định 91/2017/NĐ-CP (31/7/2017, in force 01/10/2017) and the rule set it anchors, ND91-2017: its
period and legal bases, rounding (Điều 68 khoản 2), the council's vote (Điều 45 khoản 8) and the prize
money (Điều 69, 70, 73), each with the article read."""

from __future__ import annotations

from typing import Any

from awards.rule_texts import luat_2003, tld_1689_2019
from awards.rule_texts.schema import (
    Money,
    Rounding,
    RuleSet,
    cite,
    legal_text,
    money,
    per_title,
    title_coefficients,
)

TEXT = legal_text(
    "Nghị định 91/2017/NĐ-CP",
    "2017-10-01",
    "2023-12-31",
    dates_confidence="S",
    dates_source="Ký 31/7/2017; plo.vn: 'có hiệu lực thi hành từ ngày 1-10' (2017). Ngày cuối: hôm trước ngày "
    "NĐ 98/2023/NĐ-CP có hiệu lực (01/01/2024); điều bãi bỏ của NĐ 98/2023 chưa đọc.",
)

ROUNDING: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2",
    "verified": True,
    "note": "Xem ROUNDING.",
}

RULE_SET: RuleSet = {
    "code": "ND91-2017",
    "name": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) và Nghị định 91/2017/NĐ-CP",
    "valid_from": "2017-10-01",
    "valid_to": "2023-12-31",
    "legal_basis": [
        "Luật Thi đua, khen thưởng ngày 26/11/2003; Luật sửa đổi 14/6/2005; Luật sửa đổi 16/11/2013",
        "Nghị định 91/2017/NĐ-CP ngày 31/7/2017 (hiệu lực 01/10/2017)",
        "Thông tư 12/2019/TT-BNV ngày 04/11/2019",
        "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 1564/QĐ-TLĐ ngày 24/12/2014 (đến 27/12/2017)",
        "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 2106/QĐ-TLĐ ngày 28/12/2017 (đến 11/11/2019)",
        "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 1689/QĐ-TLĐ ngày 12/11/2019",
        "Hướng dẫn 1294/HD-TLĐ (2019) về đánh giá, xếp loại chất lượng hoạt động CĐCS",
    ],
    "rounding": ROUNDING,
    "verified": True,
    "note": "NĐ 91/2017 ký 31/7/2017 nhưng 'có hiệu lực thi hành từ ngày 1-10' (plo.vn) - vì vậy "
    "valid_from là 2017-10-01 chứ không phải 2017-07-31. Hệ số khớp với bảng của Sở Nội vụ "
    "Nam Định (bảng tóm tắt ban đầu (docs/award-rules.md)).",
}

CODE = RULE_SET["code"]
LAW = luat_2003
UNION_RULES = tld_1689_2019
UNION_REGULATION = (
    "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 2106/QĐ-TLĐ 28/12/2017; QĐ 1689/QĐ-TLĐ 12/11/2019)"
)
GRADING = "hd1294-2019"
GRADING_NOTE = " Trước 2019 (2017-2019) dùng thang vững mạnh/khá/trung bình/yếu (xem ND42-2010)."

TITLE_COEFFICIENTS = title_coefficients(individual=(0.3, 1.0, 3.0, 4.5), collective=(0.8, 1.5, 8.0, 12.0))
TITLE_SOURCES = per_title(
    ldtt='Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1 điểm d: \'Danh hiệu "Lao động tiên tiến", '
    '"Chiến sĩ tiên tiến" được thưởng 0,3 lần mức lương cơ sở.\'',
    cstd_cs="Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1: 'Chiến sĩ thi đua cơ sở ... được tặng "
    "Bằng chứng nhận và được thưởng 1,0 lần mức lương cơ sở.'",
    cstd_tinh="Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1: 'Chiến sĩ thi đua cấp bộ, ngành, tỉnh, "
    "đoàn thể trung ương ... được thưởng 3,0 lần mức lương cơ sở.'",
    cstd_tq="Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1: 'Chiến sĩ thi đua toàn quốc ... được tặng "
    "Bằng, Huy hiệu và được thưởng 4,5 lần mức lương cơ sở.'",
    ttldtt="Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2 điểm b: 'Danh hiệu \"Tập thể Lao động tiên "
    'tiến", "Đơn vị tiên tiến" được thưởng 0,8 lần mức lương cơ sở.\'',
    ttldxs="Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2: 'Tập thể lao động xuất sắc', 'Đơn vị quyết "
    "thắng' hệ số 1,5 (hoatieu.vn; Sở Nội vụ Nam Định)",
    co_tinh="Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2: 'Cờ thi đua cấp bộ, ban, ngành, tỉnh, đoàn "
    "thể trung ương' hệ số 8 (hoatieu.vn; Nam Định: 'Cờ Thi đua của UBND tỉnh 8,0')",
    co_cp="Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2: 'Cờ thi đua của Chính phủ' hệ số 12 "
    "(hoatieu.vn; Sở Nội vụ Nam Định)",
)
TITLE_CITATIONS = per_title(
    ldtt=cite(TEXT, 69, 1, "d", confidence="V"),
    cstd_cs=cite(TEXT, 69, 1, confidence="V"),
    cstd_tinh=cite(TEXT, 69, 1, confidence="V"),
    cstd_tq=cite(TEXT, 69, 1, confidence="V"),
    ttldtt=cite(TEXT, 69, 2, "b", confidence="V"),
    ttldxs=cite(TEXT, 69, 2, confidence="S"),
    co_tinh=cite(TEXT, 69, 2, confidence="S"),
    co_cp=cite(TEXT, 69, 2, confidence="S"),
)
TITLES_READ = True
TITLE_VERIFIED = dict.fromkeys(TITLE_COEFFICIENTS, True)
COEFFICIENT_NOTE = " Hệ số chưa đối chiếu văn bản của bộ quy tắc này."
CSTD_CS_QUOTA = None
CSTD_CS_NOTE = (
    "Tỷ lệ tối đa 15% so với 'Lao động tiên tiến' đọc được cho TT 07/2014 (thời NĐ 42); "
    "văn bản tương ứng thời NĐ 91 (TT 12/2019/TT-BNV) chưa đọc - chưa seed quota. "
    "Quy định bỏ phiếu cho danh hiệu này chưa đọc."
)
PROVINCIAL_TITLE_VOTE: dict[str, Any] | None = {
    "threshold_percent": 90,
    "of": "members",
    "secret_ballot": True,
    "source": "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8: 'Hội đồng thi đua cấp bộ, ban, ngành, "
    "tỉnh, đoàn thể trung ương phải họp và bỏ phiếu kín; ... phải có tỷ lệ phiếu đồng ý "
    "từ 90% trở lên tính trên tổng số thành viên của Hội đồng (nếu thành viên Hội đồng "
    "vắng mặt thì lấy ý kiến bằng văn bản)'",
    "verified": True,
}
VOTE_NOTE = ""

GIAY_KHEN: Money = money(
    0.3,
    0.6,
    "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1 (Giấy khen của thủ trưởng cơ quan, đơn vị: "
    "0,3 lần mức lương cơ sở - hoatieu.vn, muthibiscus.com) và Điều 73 khoản 2 điểm b: "
    "'Tập thể được tặng Giấy khen các cấp được kèm theo tiền thưởng gấp hai lần tiền "
    "thưởng đối với cá nhân.'",
    citation=cite(TEXT, 73, 1, confidence="S"),
    collective_citation=cite(TEXT, 73, 2, "b", confidence="V"),
    verified=True,
    note="Giấy khen của Chủ tịch UBND cấp xã: 0,15 (Điều 73 khoản 1 điểm d) - không dùng cho Công đoàn.",
)
COMMUNE_GIAY_KHEN: Money | None = None
BANG_KHEN: Money = money(
    1.0,
    2.0,
    "Nghị định 91/2017/NĐ-CP, Điều 73: 'Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung "
    "ương' 1,0 lần mức lương cơ sở (hoatieu.vn, plo.vn); 'Đối với tập thể, mức thưởng gấp "
    "hai lần mức thưởng đối với cá nhân' (plo.vn; ví dụ 2.980.000/1.490.000)",
    citation=cite(TEXT, 73, confidence="S"),
    verified=True,
)
PRIME_MINISTER_BANG_KHEN: Money = money(
    3.5,
    7.0,
    "Nghị định 91/2017/NĐ-CP, Điều 73: 'Certificate of Merit from the Prime Minister ... "
    "rewarded 3.5 times the statutory pay rate; collectives ... double the reward amount "
    "for individuals' (lawnet.vn); bảng hệ số 3,5 (hoatieu.vn, muthibiscus.com)",
    citation=cite(TEXT, 73, confidence="S"),
    verified=True,
)
LABOUR_ORDER_3: Money = money(
    None,
    None,
    "Nghị định 91/2017/NĐ-CP, Điều 70 khoản 1 (điểm về Huân chương Lao động hạng ba chưa đọc)",
    citation=cite(TEXT, 70, 1, confidence="N"),
    verified=False,
    note="Hệ số chưa đọc, bảng tóm tắt ban đầu (docs/award-rules.md) không cho số - để trống. NĐ 98/2023 "
    "và NĐ 152/2025: 4,5 (tập thể gấp đôi theo NĐ 152).",
)
GOLD_STAR_ORDER: Money = money(
    46.0,
    92.0,
    'Nghị định 91/2017/NĐ-CP, Điều 70 khoản 1: \'"Huân chương Sao vàng": 46,0 lần mức lương '
    "cơ sở' (plo.vn); tập thể 92,0 (Sở Nội vụ Nam Định, bảng tóm tắt ban đầu (docs/award-rules.md))",
    citation=cite(TEXT, 70, 1, confidence="V"),
    collective_citation=cite(TEXT, confidence="S"),
    verified=True,
)

# the Confederation's forms: money after the regulation's name in the source
UNION_FLAG: Money = money(
    None,
    8.0,
    "; tiền thưởng: Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2 ('Cờ thi đua cấp bộ, ban, "
    "ngành, tỉnh, đoàn thể trung ương' hệ số 8)",
    citation=cite(TEXT, 69, 2, confidence="S"),
    verified=True,
)
UNION_BANG_KHEN: Money = money(
    1.0,
    2.0,
    ", QĐ 1689/QĐ-TLĐ Điều 14 khoản 1 (tiêu chuẩn cá nhân); tiền thưởng: Nghị định "
    "91/2017/NĐ-CP, Điều 73 ('Bằng khen của Bộ trưởng, Thủ trưởng ban, ngành, đoàn thể trung "
    "ương ...' 1,0; tập thể gấp hai)",
    citation=cite(TEXT, 73, confidence="S"),
    verified=True,
    note="Tiêu chuẩn đọc được cho QĐ 1689/2019 (từ 12/11/2019); QĐ 2106/2017 (2017-2019) chưa "
    "đọc. Tiêu chuẩn tập thể (khoản 2) chưa đọc.",
)
UNION_MEDAL: Money = money(
    None,
    None,
    "; Hướng dẫn 149/HD-TLĐ ngày 04/02/2015 (tiêu chuẩn); tiền thưởng: Nghị định 91/2017/NĐ-CP (chưa "
    "đọc điều về Kỷ niệm chương)",
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note="Mức tiền thưởng chưa đọc - để trống. Tiêu chuẩn 20 năm: HD 149/HD-TLĐ 2015.",
)
UNION_MEDAL_IS_CAP = False
