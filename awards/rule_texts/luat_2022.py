"""Luật Thi đua, khen thưởng số 06/2022/QH15 (15/6/2022, in force 01/01/2024): the criteria of the titles
and forms as the rule sets NĐ 98/2023 and NĐ 152/2025 apply them, each citing its article where it was
read, and the test cases quoted from them."""

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
    GK_XA,
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

L22_LDTT = (
    "Luật TĐKT 2022, Điều 24: danh hiệu 'Lao động tiên tiến' tặng cán bộ, công chức, viên chức, "
    "người lao động: 'Hoàn thành tốt nhiệm vụ trở lên; có tinh thần tự lực, tự cường, đoàn kết, "
    "tương trợ, tích cực tham gia phong trào thi đua.'"
)
L22_CSTD_CS = (
    "Luật TĐKT 2022, Điều 23 (theo laodong.vn: 'Article 23 of the Law on Emulation and Commendation 2022 "
    "stipulates the title of \"Emulation Fighter at the grassroots level\"'): '(1) Đạt tiêu chuẩn danh hiệu lao động tiên tiến "
    "hoặc chiến sĩ tiên tiến; (2) Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được cơ sở công "
    "nhận hoặc có đề tài khoa học, đề án khoa học, công trình khoa học và công nghệ đã được nghiệm "
    "thu hoặc mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu được đơn vị công nhận.' Sáng "
    "kiến không còn bắt buộc."
)
L22_CSTD_TINH = (
    "Luật TĐKT 2022 (số điều chưa xác minh; baoyenbai.com.vn): 'Có thành tích xuất sắc tiêu biểu "
    'được lựa chọn trong số những cá nhân có 03 lần liên tục được tặng danh hiệu "Chiến sĩ thi đua '
    'cơ sở"; có sáng kiến đã được áp dụng hiệu quả và có khả năng nhân rộng trong Bộ, ban, ngành, '
    "tỉnh hoặc có đề tài khoa học ... có phạm vi ảnh hưởng trong Bộ, ban, ngành, tỉnh ...'"
)
L22_CSTD_TQ = (
    "Luật TĐKT 2022, Điều 21 (lawnet.vn: 'Article 21. Title \"National emulation fighter\"'; "
    "baoyenbai.com.vn): 'Có thành tích xuất sắc tiêu biểu được lựa chọn trong số những cá nhân có 02 lần liên tục được tặng danh hiệu chiến sĩ "
    "thi đua Bộ, ban, ngành, tỉnh; có sáng kiến đã được áp dụng hiệu quả và có khả năng nhân rộng "
    "trong toàn quốc hoặc có đề tài khoa học ... có phạm vi ảnh hưởng trong toàn quốc ...'"
)
L22_TTLDXS = (
    "Luật TĐKT 2022, Điều 27: 'a) Hoàn thành xuất sắc nhiệm vụ được giao; b) Tích cực tham gia "
    "phong trào thi đua thường xuyên, thiết thực, hiệu quả; c) Có 100% cá nhân trong tập thể hoàn "
    'thành nhiệm vụ được giao, trong đó có ít nhất là 70% cá nhân đạt danh hiệu "Lao động tiên '
    'tiến"; d) Có cá nhân đạt danh hiệu "Chiến sĩ thi đua cơ sở"; đ) Nội bộ đoàn kết, gương mẫu '
    "chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.'"
)
L22_TTLDTT = (
    "Luật TĐKT 2022 (điều về 'Tập thể lao động tiên tiến'; chưa đọc nguyên văn): hoàn thành tốt "
    "nhiệm vụ; tích cực tham gia phong trào thi đua; có trên một nửa số cá nhân đạt 'Lao động tiên "
    "tiến'; nội bộ đoàn kết."
)
L22_CO_TINH = (
    "Luật TĐKT 2022 (điều về cờ thi đua của Bộ, ban, ngành, tỉnh; chưa đọc nguyên văn): tập thể "
    "hoàn thành xuất sắc, toàn diện nhiệm vụ, tiêu biểu, dẫn đầu phong trào thi đua (cụm, khối) của "
    "Bộ, ban, ngành, tỉnh."
)
L22_CO_CP = (
    "Luật TĐKT 2022 (điều về 'Cờ thi đua của Chính phủ'; chưa đọc nguyên văn): tập thể tiêu biểu "
    "xuất sắc nhất trong phong trào thi đua của Bộ, ban, ngành, tỉnh."
)
L22_BK = (
    "Luật TĐKT 2022 (chưa đọc nguyên văn điều về Bằng khen): cá nhân, tập thể hoàn thành xuất sắc "
    "nhiệm vụ, có thành tích tiêu biểu trong phong trào thi đua."
)
L22_BK_TTG = (
    "Luật TĐKT 2022 (chưa đọc nguyên văn): cá nhân, tập thể có thành tích xuất sắc tiêu biểu, "
    "thường là sau khi đã được tặng bằng khen của Bộ, ban, ngành, tỉnh."
)

CRITERIA = {
    LDTT: L22_LDTT,
    CSTD_CS: L22_CSTD_CS,
    CSTD_TINH: L22_CSTD_TINH,
    CSTD_TQ: L22_CSTD_TQ,
    TTLDTT: L22_TTLDTT,
    TTLDXS: L22_TTLDXS,
    CO_TINH: L22_CO_TINH,
    CO_CP: L22_CO_CP,
    BK_TINH: L22_BK,
    BK_TTG: L22_BK_TTG,
}
# Luật 06/2022/QH15 of 15/6/2022, in force from 01/01/2024
L22 = legal_text(
    "Luật TĐKT 2022",
    "2024-01-01",
    dates_confidence="V",
    dates_source="Luật 06/2022/QH15 Điều 94 khoản 1: 'Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm "
    "2024'.",
)
TEXT = L22
# the article each form's criteria come from (V: its words read verbatim above; S: through a translation or
# a news report; N: not read)
CITATIONS = {
    LDTT: cite(L22, 24, confidence="V"),
    CSTD_CS: cite(L22, 23, confidence="S"),
    CSTD_TINH: cite(L22, confidence="S"),
    CSTD_TQ: cite(L22, 21, confidence="S"),
    TTLDTT: cite(L22, confidence="N"),
    TTLDXS: cite(L22, 27, confidence="V"),
    CO_TINH: cite(L22, confidence="N"),
    CO_CP: cite(L22, confidence="N"),
    BK_TINH: cite(L22, confidence="N"),
    BK_TTG: cite(L22, confidence="N"),
    GK_XA: cite(L22, 75, 1, confidence="S"),
}
NAMES = {
    CSTD_TINH: "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh",
    CO_TINH: "Cờ thi đua của Bộ, ban, ngành, tỉnh",
    BK_TINH: "Bằng khen của Bộ, ban, ngành, tỉnh",
}
# Điều 23: Lao động tiên tiến, and an excellent year OR an initiative (no longer both)
CSTD_CS_PREREQUISITES: list[dict[str, Any]] = [
    {"type": "title_years", "form": LDTT, "years": 1, "consecutive": True},
    {
        "type": "any_of",
        "items": [
            {"type": "completed_tasks", "level": "excellent"},
            {"type": "initiative", "scope": "grassroots"},
        ],
    },
]
CSTD_CS_NOTE = (
    "Luật 2022 bỏ yêu cầu bắt buộc có sáng kiến. Tỷ lệ tối đa so với số 'Lao động tiên "
    "tiến' (15% thời NĐ 42/TT 07/2014) CHƯA đọc được trong NĐ 98/2023 / NĐ 152/2025 - "
    "chưa seed quota; kiểm tra. Quy định bỏ phiếu của Hội đồng chưa đọc."
)
# what is not read for the rule sets that apply this law (NĐ 98/2023, NĐ 152/2025): the standard of the
# provincial and national titles and of Tập thể lao động tiên tiến, and the council's vote
STANDARD_NOT_READ = (CSTD_TINH, CSTD_TQ, TTLDTT)
VOTE_NOT_READ = (
    " Bỏ phiếu: NĐ 91/2017 Điều 45 khoản 8 yêu cầu bỏ phiếu kín, ≥90% tổng số thành viên Hội đồng; "
    "quy định tương ứng của bộ quy tắc này chưa đọc - chưa seed, kiểm tra."
)
TTLDTT_NOTE = " Ngưỡng 50% theo Luật 2003 Điều 28; văn bản Luật 2022 chưa đọc - kiểm tra."
TTLDXS_MANUAL = ""
TTLDXS_NOTE = ""

_L22 = ["ND98-2023", "ND152-2025"]

QUOTED_CASES: list[QuotedCase] = [
    quoted_case(
        LDTT,
        _L22,
        "Luật TĐKT 2022, Điều 24",
        "Hoàn thành tốt nhiệm vụ trở lên",
        year=2025,
        declared={"task_grade": "excellent"},
        missing={"declared": {"task_grade": "completed"}},
    ),
    quoted_case(
        CSTD_CS,
        _L22,
        "Luật TĐKT 2022, Điều 23",
        "Đạt tiêu chuẩn danh hiệu lao động tiên tiến ... Hoàn thành xuất sắc nhiệm vụ hoặc có sáng "
        "kiến được cơ sở công nhận",
        year=2025,
        history=[(LDTT, 2025)],
        declared={"task_grade": "excellent"},
        missing={"declared": {"task_grade": "good"}},
    ),
    quoted_case(
        CSTD_TINH,
        _L22,
        "Luật TĐKT 2022 (số điều chưa xác minh)",
        'trong số những cá nhân có 03 lần liên tục được tặng danh hiệu "Chiến sĩ thi đua cơ sở"',
        year=2025,
        history=[(CSTD_CS, 2023), (CSTD_CS, 2024), (CSTD_CS, 2025)],
        declared={"task_grade": "excellent", **initiative("province", "Sáng kiến cấp tỉnh")},
        missing={"history": [(CSTD_CS, 2024), (CSTD_CS, 2025)]},
    ),
    quoted_case(
        CSTD_TQ,
        _L22,
        "Luật TĐKT 2022, Điều 21",
        "trong số những cá nhân có 02 lần liên tục được tặng danh hiệu chiến sĩ thi đua Bộ, ban, ngành, tỉnh",
        year=2025,
        history=[(CSTD_TINH, 2022), (CSTD_TINH, 2025)],
        declared={"task_grade": "excellent", **initiative("national", "Đề tài cấp quốc gia")},
        missing={"history": [(CSTD_TINH, 2023), (CSTD_TINH, 2025)]},
    ),
    # collectives
    quoted_case(
        TTLDXS,
        _L22,
        "Luật TĐKT 2022, Điều 27",
        "a) Hoàn thành xuất sắc nhiệm vụ được giao ... trong đó có ít nhất là 70% cá nhân đạt danh hiệu "
        '"Lao động tiên tiến"',
        year=2025,
        declared={"task_grade": "excellent"},
        collective=of_ten_members({LDTT: 7, CSTD_CS: 1}),
        missing={"collective": of_ten_members({LDTT: 6, CSTD_CS: 1})},
    ),
    quoted_case(
        TTLDXS,
        _L22,
        "Luật TĐKT 2022, Điều 27",
        'd) Có cá nhân đạt danh hiệu "Chiến sĩ thi đua cơ sở"',
        year=2025,
        declared={"task_grade": "excellent"},
        collective=of_ten_members({LDTT: 7, CSTD_CS: 1}),
        missing={"collective": of_ten_members({LDTT: 7})},
    ),
    quoted_case(
        TTLDTT,
        _L22,
        "Luật TĐKT 2022 (số điều chưa xác minh)",
        "hoàn thành tốt nhiệm vụ; tích cực tham gia phong trào thi đua; có trên một nửa số cá nhân đạt 'Lao "
        "động tiên tiến'",
        year=2025,
        declared={"task_grade": "good"},
        collective=of_ten_members({LDTT: 6}),
        missing={"collective": of_ten_members({LDTT: 5})},
    ),
]
