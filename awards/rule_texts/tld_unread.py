"""The Confederation's forms whose article in the regulation in force was not read: what is seeded for
them (the criteria as reported, the prerequisites an officer checks), used under any regulation that has
not been read for that form. A regulation's module states only what was read in it; every name it leaves
out is taken from here (``union_forms.read``), and its citation names the regulation without an article."""

from __future__ import annotations

from typing import Any

CONFEDERATION_FLAG_CRITERIA = (
    "Cờ thi đua của Tổng Liên đoàn: tặng đơn vị 'đã hoàn thành xuất sắc, toàn diện nhiệm vụ công "
    "tác, dẫn đầu phong trào thi đua' của cụm, khối thi đua trực thuộc Tổng Liên đoàn "
    "(laodongthudo.vn 12/2022). Điều khoản trong Quy chế khen thưởng chưa đọc."
)
PROVINCIAL_FLAG_CRITERIA = (
    "Cờ thi đua của BCH LĐLĐ tỉnh, thành phố: CĐCS và công đoàn cấp trên trực tiếp cơ sở hoàn thành "
    "xuất sắc nhiệm vụ, có thành tích xuất sắc trong phong trào thi đua do LĐLĐ tỉnh phát động "
    "(nội dung QĐ 1564/QĐ-TLĐ Điều 11; quy chế sau đó chưa đọc)."
)
PROVINCIAL_BANG_KHEN_CRITERIA = (
    "Bằng khen của BCH LĐLĐ tỉnh, thành phố: cá nhân, tập thể có thành tích xuất sắc trong phong "
    "trào thi đua và hoạt động công đoàn (điều khoản trong Quy chế khen thưởng chưa đọc)."
)
GIAY_KHEN_CRITERIA = (
    "Giấy khen của BCH công đoàn cấp trên trực tiếp cơ sở: cá nhân, tập thể hoàn thành tốt nhiệm "
    "vụ, có thành tích trong phong trào thi đua (điều khoản chưa đọc)."
)
CREATIVE_LABOUR_CRITERIA = (
    "Bằng Lao động sáng tạo của Tổng Liên đoàn: đoàn viên có đề tài, sáng kiến được áp dụng, có giá "
    "trị làm lợi theo ngưỡng của Quy chế khen thưởng đang áp dụng (ngưỡng 80/120/150/200 triệu đồng "
    "đọc được cho QĐ 1564/2014; quy chế sau chưa đọc)."
)
EXCELLENT_MEMBER_CRITERIA = (
    "'Đoàn viên công đoàn xuất sắc': đoàn viên thực hiện xuất sắc nhiệm vụ đoàn viên theo Điều lệ "
    "Công đoàn Việt Nam (hướng dẫn bình xét của CĐCS; văn bản gốc của Tổng Liên đoàn chưa đọc)."
)
CONFEDERATION_BANG_KHEN_CRITERIA = (
    "Bằng khen của Tổng Liên đoàn tặng cá nhân, tập thể hoàn thành xuất sắc nhiệm vụ, có thành "
    "tích tiêu biểu (xem tiêu chuẩn QĐ 1689/2019 Điều 14 ở bộ ND91-2017)."
)
CONFEDERATION_BANG_KHEN_PREREQUISITES: list[dict[str, Any]] = [
    {"type": "completed_tasks", "level": "excellent"},
    {
        "type": "manual",
        "text": "Tiêu chuẩn theo Quy chế khen thưởng đang áp dụng (chưa đọc; QĐ "
        "1689/2019 Điều 14: 2 năm HTXS, 2 sáng kiến, BK LĐLĐ năm trước).",
    },
]
CONFEDERATION_BANG_KHEN_NOTE = "Tiêu chuẩn của quy chế áp dụng cho giai đoạn này chưa đọc. "
ARTICLE_NOT_READ = " (điều khoản chưa đọc)"
PROVINCIAL_FLAG_ARTICLE = ARTICLE_NOT_READ
CREATIVE_LABOUR_ARTICLE = ARTICLE_NOT_READ
CREATIVE_LABOUR_VERIFIED = False
CREATIVE_LABOUR_NOTE = (
    "Ngưỡng 80/120 triệu cũng thấy trong hỏi đáp 2022 (thuvienphapluat) nhưng không rõ quy chế nào."
)
