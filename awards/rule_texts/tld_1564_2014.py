"""Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 1564/QĐ-TLĐ ngày 24/12/2014
(until 27/12/2017) and its guidance Hướng dẫn 149/HD-TLĐ ngày 04/02/2015 (Kỷ niệm chương): the articles
read (Điều 11 Cờ thi đua of a province's federation, Điều 16 Bằng Lao động sáng tạo) and the test case
quoted from them."""

from __future__ import annotations

from awards.rule_texts.schema import (
    BANG_LDST,
    CO_LDLD,
    QuotedCase,
    cite,
    initiative,
    legal_text,
    of_ten_members,
    quoted_case,
)

PROVINCIAL_FLAG_CRITERIA = (
    "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1564/QĐ-TLĐ 2014), Điều 11: 'xét tặng cho Công "
    "đoàn cơ sở và Công đoàn cấp trên trực tiếp cơ sở hoàn thành xuất sắc nhiệm vụ công tác được "
    "Liên đoàn Lao động tỉnh, thành phố ... công nhận. Có thành tích xuất sắc trong phong trào thi "
    "đua do Liên đoàn Lao động tỉnh, thành phố ... tổ chức phát động.'"
)
CREATIVE_LABOUR_CRITERIA = (
    "Quy chế khen thưởng (QĐ 1564/QĐ-TLĐ 2014), Điều 16: Bằng Lao động sáng tạo xét tặng hằng năm "
    "cho đoàn viên có đề tài khoa học cấp cơ sở, sáng kiến được ứng dụng, được cấp có thẩm quyền "
    "công nhận, giá trị làm lợi: công nhân, viên chức trình độ cao đẳng trở xuống 'từ 1 giải pháp "
    "trở lên với tổng giá trị làm lợi từ 80 triệu đồng trở lên hoặc 3 năm liên tục ... từ 120 triệu "
    "đồng trở lên'; trình độ đại học trở lên 'từ 150 triệu đồng'; cán bộ lãnh đạo quản lý 'từ 200 "
    "triệu đồng' ..."
)
UNION_MEDAL_CRITERIA = (
    "Hướng dẫn 149/HD-TLĐ ngày 04/02/2015 (theo QĐ 1564/QĐ-TLĐ): Kỷ niệm chương 'Vì sự nghiệp xây "
    "dựng tổ chức Công đoàn' ghi nhận công lao, cống hiến; tặng một lần; cán bộ công đoàn chuyên "
    "trách và ủy viên BCH CĐCS trở lên 'có thời gian công tác công đoàn từ đủ 20 năm trở lên (liên "
    "tục hoặc cộng dồn)'; thời gian không chuyên trách nhân hệ số 1,5, không chuyên trách ở CĐCS "
    "doanh nghiệp ngoài nhà nước nhân hệ số 2; công chức, viên chức đơn vị sự nghiệp công đoàn đủ "
    "25 năm (congdoanvienchucvn.org.vn 2019; nganhangphapluat 2022)."
)
TEXT = legal_text(
    "QĐ 1564/QĐ-TLĐ 2014",
    "2014-12-24",
    "2017-12-27",
    dates_confidence="N",
    dates_source="Ngày ký 24/12/2014 (luatvietnam.vn, thuộc tính văn bản); điều hiệu lực của Quyết định chưa "
    "đọc: giả định hiệu lực từ ngày ký, đến hôm trước ngày ký QĐ 2106/QĐ-TLĐ (28/12/2017) thay thế nó.",
)
HD149 = legal_text(
    "Hướng dẫn 149/HD-TLĐ 2015",
    "2015-02-04",
    dates_confidence="N",
    dates_source="Ngày ký 04/02/2015; hiệu lực chưa đọc (giả định từ ngày ký).",
)
PROVINCIAL_FLAG_ARTICLE = ", Điều 11"
PROVINCIAL_FLAG_CITATION = cite(TEXT, 11, confidence="V")
CREATIVE_LABOUR_CITATION = cite(TEXT, 16, confidence="V")
UNION_MEDAL_CITATION = cite(HD149, confidence="S")
CREATIVE_LABOUR_ARTICLE = ", Điều 16"
CREATIVE_LABOUR_VERIFIED = True
CREATIVE_LABOUR_NOTE = ""

QUOTED_CASES: list[QuotedCase] = [
    quoted_case(
        BANG_LDST,
        ["ND42-2010"],
        "QĐ 1564/QĐ-TLĐ 2014, Điều 16",
        "cho đoàn viên có đề tài khoa học cấp cơ sở, sáng kiến được ứng dụng, được cấp có thẩm quyền công nhận",
        year=2015,
        declared=initiative("grassroots", "Cải tiến dây chuyền"),
        missing={"declared": {"initiative": "", "initiative_scope": ""}},
    ),
    # a collective: Cờ thi đua of the province's federation
    quoted_case(
        CO_LDLD,
        ["ND42-2010"],
        "QĐ 1564/QĐ-TLĐ 2014, Điều 11",
        "xét tặng cho Công đoàn cơ sở và Công đoàn cấp trên trực tiếp cơ sở hoàn thành xuất sắc nhiệm vụ công tác",
        year=2015,
        declared={"task_grade": "excellent"},
        collective=of_ten_members(),
        missing={"declared": {"task_grade": "good"}},
    ),
]
