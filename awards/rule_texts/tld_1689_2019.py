"""Quy chế khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 1689/QĐ-TLĐ ngày 12/11/2019
(until 28/5/2024; QĐ 2106/QĐ-TLĐ of 28/12/2017 before it was not read): Điều 14 khoản 1, the individual
criteria of Bằng khen of the Confederation, and the test case quoted from it."""

from __future__ import annotations

from typing import Any

from awards.rule_texts.schema import (
    BK_LDLD,
    BK_TLD,
    QuotedCase,
    cite,
    initiative,
    legal_text,
    quoted_case,
)

CONFEDERATION_BANG_KHEN_CRITERIA = (
    "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1689/QĐ-TLĐ 2019), Điều 14 khoản 1: '1.1. Hai "
    "năm liên tục (tính cả năm đề nghị khen thưởng) hoàn thành xuất sắc nhiệm vụ, trong thời gian "
    "đó có 02 sáng kiến được công nhận và áp dụng hiệu quả trong phạm vi cấp cơ sở. 1.2. Năm trước "
    "liền kề thời điểm đề nghị khen thưởng Bằng khen của Tổng Liên đoàn đã được tặng Bằng khen của "
    "Liên đoàn Lao động tỉnh, thành phố, Công đoàn ngành Trung ương.'"
)
# 1.1 two years excellent with two initiatives at the grassroots; 1.2 Bằng khen of the province the year before
CONFEDERATION_BANG_KHEN_PREREQUISITES: list[dict[str, Any]] = [
    {"type": "completed_tasks", "level": "excellent", "years": 2, "consecutive": True},
    {"type": "initiative", "scope": "grassroots", "count": 2},
    {
        "type": "title_years",
        "form": BK_LDLD,
        "years": 1,
        "consecutive": True,
        "ending": "previous_year",
    },
]
CONFEDERATION_BANG_KHEN_NOTE = ""
TEXT = legal_text(
    "QĐ 1689/QĐ-TLĐ 2019",
    "2019-11-12",
    "2024-05-28",
    dates_confidence="N",
    dates_source="Ngày ký 12/11/2019 (luatvietnam.vn, thuộc tính văn bản); điều hiệu lực của Quyết định chưa "
    "đọc: giả định hiệu lực từ ngày ký, đến hôm trước ngày ký QĐ 999/QĐ-TLĐ (29/5/2024) thay thế nó.",
)
CONFEDERATION_BANG_KHEN_CITATION = cite(TEXT, 14, 1, confidence="V")

_TWO_INITIATIVES = initiative("grassroots", "Sổ tay điện tử quản lý đoàn viên; Phần mềm theo dõi đoàn phí", 2)

QUOTED_CASES: list[QuotedCase] = [
    quoted_case(
        BK_TLD,
        ["ND91-2017"],
        "QĐ 1689/QĐ-TLĐ 2019, Điều 14 khoản 1",
        "Năm trước liền kề thời điểm đề nghị khen thưởng Bằng khen của Tổng Liên đoàn đã được tặng Bằng "
        "khen của Liên đoàn Lao động tỉnh, thành phố",
        year=2020,
        history=[(BK_LDLD, 2019)],
        declared={"task_grade": "excellent", **_TWO_INITIATIVES},
        missing={"history": [(BK_LDLD, 2018)]},
    ),
    quoted_case(
        BK_TLD,
        ["ND91-2017"],
        "QĐ 1689/QĐ-TLĐ 2019, Điều 14 khoản 1",
        "trong thời gian đó có 02 sáng kiến được công nhận và áp dụng hiệu quả trong phạm vi cấp cơ sở",
        year=2020,
        history=[(BK_LDLD, 2019)],
        declared={"task_grade": "excellent", **_TWO_INITIATIVES},
        missing={"declared": {"initiative": "Sổ tay điện tử quản lý đoàn viên", "initiative_count": 1}},
    ),
]
