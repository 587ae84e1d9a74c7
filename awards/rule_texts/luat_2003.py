"""Luật Thi đua, khen thưởng ngày 26/11/2003 (sửa đổi 14/6/2005, 16/11/2013): the criteria of the titles
and forms as the rule sets NĐ 42/2010 and NĐ 91/2017 apply them, each citing its article, and the test
cases quoted from them."""

from __future__ import annotations

from typing import Any

from awards.rule_texts.schema import (
    BK_TINH,
    BK_TTG,
    CO_CP,
    CO_TINH,
    CSTD_CS,
    CSTD_TINH,
    CSTD_TQ,
    LDTT,
    TTLDTT,
    TTLDXS,
    QuotedCase,
    cite,
    initiative,
    legal_text,
    of_ten_members,
    quoted_case,
)

L03_LDTT = (
    "Luật TĐKT 2003, Điều 24: 'Hoàn thành tốt nhiệm vụ được giao, đạt năng suất và chất lượng "
    "cao; chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, có tinh thần tự "
    "lực, tự cường; đoàn kết, tương trợ, tích cực tham gia các phong trào thi đua; tích cực học "
    "tập chính trị, văn hoá, chuyên môn, nghiệp vụ; có đạo đức, lối sống lành mạnh.'"
)
L03_CSTD_CS = (
    "Luật TĐKT 2003 (sửa đổi 2013), Điều 23: 'Đạt các tiêu chuẩn của danh hiệu \"Lao động tiên "
    'tiến" hoặc "Chiến sĩ tiên tiến"; có sáng kiến là giải pháp kỹ thuật, giải pháp quản lý, '
    "giải pháp tác nghiệp hoặc giải pháp ứng dụng tiến bộ kỹ thuật để tăng năng suất lao động, "
    "tăng hiệu quả công tác được cơ sở công nhận hoặc có đề tài nghiên cứu khoa học đã nghiệm thu "
    "được áp dụng hoặc mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu, hoàn thành xuất sắc "
    "nhiệm vụ được đơn vị công nhận.'"
)
L03_CSTD_TINH = (
    "Luật TĐKT 2003, Điều 22: 'Danh hiệu Chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung "
    "ương được xét tặng cho cá nhân có thành tích tiêu biểu xuất sắc trong số những cá nhân có ba "
    'lần liên tục đạt danh hiệu "Chiến sĩ thi đua cơ sở".\' Kèm yêu cầu sáng kiến/đề tài có phạm '
    "vi ảnh hưởng trong bộ, ngành, tỉnh (theo văn bản hướng dẫn; chưa đọc nguyên văn)."
)
L03_CSTD_TQ = (
    'Luật TĐKT 2003, Điều 21: \'Danh hiệu "Chiến sĩ thi đua toàn quốc" được xét tặng cho cá nhân '
    "có thành tích tiêu biểu xuất sắc trong số những cá nhân có hai lần liên tục đạt danh hiệu "
    "Chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương' và có sáng kiến, đề tài có phạm vi "
    "ảnh hưởng toàn quốc."
)
L03_TTLDTT = (
    "Luật TĐKT 2003, Điều 28 khoản 1: 'a) Hoàn thành tốt nhiệm vụ và kế hoạch được giao; b) Có "
    "phong trào thi đua thường xuyên, thiết thực, có hiệu quả; c) Có trên 50% cá nhân trong tập "
    'thể đạt danh hiệu "Lao động tiên tiến" và không có cá nhân bị kỷ luật từ hình thức cảnh cáo '
    "trở lên; d) Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà "
    "nước.'"
)
L03_TTLDXS = (
    "Luật TĐKT 2003 (sửa đổi 2013), Điều 27: sáng tạo, vượt khó, hoàn thành xuất sắc nhiệm vụ; "
    "phong trào thi đua thường xuyên, thiết thực, hiệu quả; 'Có 100% cá nhân trong tập thể hoàn "
    'thành nhiệm vụ được giao, trong đó có ít nhất 70% cá nhân đạt danh hiệu "Lao động tiên tiến"\'; '
    '\'Có cá nhân đạt danh hiệu "Chiến sĩ thi đua cơ sở" và không có cá nhân bị kỷ luật từ hình '
    "thức cảnh cáo trở lên'; nội bộ đoàn kết."
)
L03_CO_TINH = (
    "Luật TĐKT 2003, Điều 26 (chưa đọc nguyên văn): tập thể hoàn thành vượt mức, xuất sắc nhiệm vụ, "
    "là tập thể tiêu biểu xuất sắc, dẫn đầu cụm, khối thi đua của bộ, ngành, tỉnh, đoàn thể trung ương."
)
L03_CO_CP = (
    "Luật TĐKT 2003, Điều 25: '1. Có thành tích, hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm "
    "vụ được giao trong năm; là tập thể tiêu biểu xuất sắc trong toàn quốc; 2. Là tập thể tiêu biểu "
    "xuất sắc nhất trong phong trào thi đua của cấp bộ, ngành, tỉnh, đoàn thể trung ương. 3. Nội bộ "
    "đoàn kết, đi đầu trong việc thực hành tiết kiệm, chống lãng phí, chống tham nhũng và các tệ "
    "nạn xã hội khác.'"
)
L03_BK_TINH = (
    "Bằng khen cấp bộ, ngành, tỉnh, đoàn thể trung ương tặng cá nhân 'Hoàn thành xuất sắc nhiệm vụ "
    "và nghĩa vụ công dân; có phẩm chất đạo đức tốt; đoàn kết, gương mẫu chấp hành chủ trương, chính "
    "sách của Đảng, pháp luật của Nhà nước; tích cực học tập nâng cao trình độ chuyên môn, nghiệp "
    "vụ'; tập thể 'Hoàn thành xuất sắc nhiệm vụ; nội bộ đoàn kết...' (giaithuong.vn; số điều chưa "
    "xác minh)."
)
L03_BK_TTG = (
    "Luật TĐKT 2003, Điều 70 và Nghị định 91/2017/NĐ-CP, Điều 38: Bằng khen của Thủ tướng Chính "
    "phủ tặng cá nhân, tập thể gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật "
    "của Nhà nước, lập được thành tích thường xuyên hoặc đột xuất (ngoisao.vn tóm tắt)."
)

CRITERIA = {
    LDTT: L03_LDTT,
    CSTD_CS: L03_CSTD_CS,
    CSTD_TINH: L03_CSTD_TINH,
    CSTD_TQ: L03_CSTD_TQ,
    TTLDTT: L03_TTLDTT,
    TTLDXS: L03_TTLDXS,
    CO_TINH: L03_CO_TINH,
    CO_CP: L03_CO_CP,
    BK_TINH: L03_BK_TINH,
    BK_TTG: L03_BK_TTG,
}
# Luật 15/2003/QH11 (in force 01/7/2004) and its amendment Luật 39/2013/QH13 (in force 01/6/2014), until
# Luật 2022 replaced them on 01/01/2024
L03 = legal_text(
    "Luật TĐKT 2003",
    "2004-07-01",
    "2023-12-31",
    dates_confidence="V",
    dates_source="Văn bản hợp nhất 16/VBHN-VPQH ngày 13/12/2013: 'Luật thi đua, khen thưởng số 15/2003/QH11 "
    "ngày 26 tháng 11 năm 2003 của Quốc hội, có hiệu lực kể từ ngày 01 tháng 7 năm 2004'; Luật 06/2022/QH15 "
    "Điều 94 khoản 2: Luật 15/2003/QH11 (sửa đổi) 'hết hiệu lực kể từ ngày Luật này có hiệu lực thi hành' "
    "(01/01/2024).",
)
TEXT = L03
L03_2013 = legal_text(
    "Luật TĐKT 2003 (sửa đổi 2013)",
    "2014-06-01",
    "2023-12-31",
    dates_confidence="V",
    dates_source="Luật 39/2013/QH13 ngày 16/11/2013, Điều 2 khoản 1: 'Luật này có hiệu lực thi hành kể từ "
    "ngày 01 tháng 6 năm 2014' (Công báo số 1003+1004 ngày 29/12/2013); hết hiệu lực 01/01/2024 (Luật "
    "06/2022/QH15 Điều 94 khoản 2).",
)
# the article each form's criteria come from (V: its words read verbatim above; S: in a summary; N: not read)
CITATIONS = {
    LDTT: cite(L03, 24, confidence="V"),
    CSTD_CS: cite(L03_2013, 23, confidence="V"),
    CSTD_TINH: cite(L03, 22, confidence="V"),
    CSTD_TQ: cite(L03, 21, confidence="V"),
    TTLDTT: cite(L03, 28, 1, confidence="V"),
    TTLDXS: cite(L03_2013, 27, confidence="V"),
    CO_TINH: cite(L03, 26, confidence="N"),
    CO_CP: cite(L03, 25, confidence="V"),
    BK_TINH: cite(L03, confidence="S"),
    BK_TTG: cite(L03, 70, confidence="S"),
}
NAMES = {
    CSTD_TINH: "Chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương",
    CO_TINH: "Cờ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương",
    BK_TINH: "Bằng khen cấp bộ, ngành, tỉnh, đoàn thể trung ương",
}
# Điều 23: Lao động tiên tiến and an initiative recognised at the grassroots, both required
CSTD_CS_PREREQUISITES: list[dict[str, Any]] = [
    {"type": "title_years", "form": LDTT, "years": 1, "consecutive": True},
    {"type": "initiative", "scope": "grassroots"},
]
TTLDTT_NOTE = ""
TTLDXS_MANUAL = "; không có cá nhân bị kỷ luật từ cảnh cáo trở lên"
TTLDXS_NOTE = (
    " Nguyên văn Điều 27 Luật 2003 đọc qua văn bản hướng dẫn ngành (TT 06/2015/TT-BXD), cùng câu chữ."
)

_L03 = ["ND42-2010", "ND91-2017"]

QUOTED_CASES: list[QuotedCase] = [
    quoted_case(
        LDTT,
        _L03,
        "Luật TĐKT 2003, Điều 24",
        "Hoàn thành tốt nhiệm vụ được giao, đạt năng suất và chất lượng cao",
        year=2015,
        declared={"task_grade": "good"},
        missing={"declared": {"task_grade": "completed"}},
    ),
    quoted_case(
        CSTD_CS,
        _L03,
        "Luật TĐKT 2003 (sửa đổi 2013), Điều 23",
        'Đạt các tiêu chuẩn của danh hiệu "Lao động tiên tiến" ...; có sáng kiến ... được cơ sở công nhận',
        year=2015,
        history=[(LDTT, 2015)],
        declared={"task_grade": "excellent", **initiative("grassroots", "Sáng kiến cấp cơ sở")},
        missing={"declared": {"initiative": "", "initiative_scope": ""}},
    ),
    quoted_case(
        CSTD_TINH,
        _L03,
        "Luật TĐKT 2003, Điều 22",
        'trong số những cá nhân có ba lần liên tục đạt danh hiệu "Chiến sĩ thi đua cơ sở"',
        year=2016,
        history=[(CSTD_CS, 2014), (CSTD_CS, 2015), (CSTD_CS, 2016)],
        declared={"task_grade": "excellent", **initiative("province", "Đề tài cấp tỉnh")},
        missing={"history": [(CSTD_CS, 2013), (CSTD_CS, 2014), (CSTD_CS, 2016)]},
    ),
    quoted_case(
        CSTD_TQ,
        _L03,
        "Luật TĐKT 2003, Điều 21",
        "trong số những cá nhân có hai lần liên tục đạt danh hiệu Chiến sĩ thi đua cấp bộ, ngành, tỉnh",
        year=2015,
        history=[(CSTD_TINH, 2012), (CSTD_TINH, 2015)],
        declared={"task_grade": "excellent", **initiative("national", "Đề tài cấp quốc gia")},
        missing={"history": [(CSTD_TINH, 2011), (CSTD_TINH, 2015)]},
    ),
    # collectives
    quoted_case(
        TTLDTT,
        _L03,
        "Luật TĐKT 2003, Điều 28 khoản 1",
        'Hoàn thành tốt nhiệm vụ và kế hoạch được giao ... Có trên 50% cá nhân trong tập thể đạt danh hiệu "Lao '
        'động tiên tiến"',
        year=2015,
        declared={"task_grade": "good"},
        collective=of_ten_members({LDTT: 6}),
        missing={"collective": of_ten_members({LDTT: 5})},
    ),
    quoted_case(
        TTLDXS,
        _L03,
        "Luật TĐKT 2003 (sửa đổi 2013), Điều 27",
        'trong đó có ít nhất 70% cá nhân đạt danh hiệu "Lao động tiên tiến"',
        year=2015,
        declared={"task_grade": "excellent"},
        collective=of_ten_members({LDTT: 7, CSTD_CS: 1}),
        missing={"collective": of_ten_members({LDTT: 6, CSTD_CS: 1})},
    ),
    quoted_case(
        TTLDXS,
        _L03,
        "Luật TĐKT 2003 (sửa đổi 2013), Điều 27",
        'Có cá nhân đạt danh hiệu "Chiến sĩ thi đua cơ sở"',
        year=2015,
        declared={"task_grade": "excellent"},
        collective=of_ten_members({LDTT: 7, CSTD_CS: 1}),
        missing={"collective": of_ten_members({LDTT: 7})},
    ),
    quoted_case(
        CO_CP,
        _L03,
        "Luật TĐKT 2003, Điều 25",
        "Có thành tích, hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm vụ được giao trong năm",
        year=2015,
        declared={"task_grade": "excellent"},
        collective=of_ten_members(),
        missing={"declared": {"task_grade": "good"}},
    ),
    quoted_case(
        BK_TINH,
        _L03,
        "Bằng khen cấp bộ, ngành, tỉnh (giaithuong.vn; văn bản và số điều chưa xác minh)",
        "tập thể 'Hoàn thành xuất sắc nhiệm vụ; nội bộ đoàn kết",
        year=2015,
        declared={"task_grade": "excellent"},
        collective=of_ten_members(),
        missing={"declared": {"task_grade": "good"}},
    ),
]
