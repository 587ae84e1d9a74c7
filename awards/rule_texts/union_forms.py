"""The trade union's own forms (Quy chế khen thưởng của tổ chức Công đoàn) under one rule set: the criteria
from the Confederation's regulation the rule set applies (``decree.UNION_RULES``: tld_1564_2014,
tld_1689_2019 or tld_999_2024), the prize money from the decree module."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from awards.rule_texts import tld_1564_2014, tld_unread
from awards.rule_texts.schema import (
    BANG_LDST,
    BK_LDLD,
    BK_TINH,
    BK_TLD,
    CO_LDLD,
    CO_TINH,
    CO_TLD,
    GIAY_KHEN,
    GK_CD,
    KNC_CD,
    AwardForm,
    Money,
    award_form,
    cite,
)

_MONEY_NOT_READ = (
    "Mức tiền thưởng do Quy chế khen thưởng của tổ chức Công đoàn quy định - chưa đọc, để trống."
)


def read(rules: ModuleType, name: str) -> Any:
    """What the regulation's module says of `name`, or what is seeded for an article not read."""
    if hasattr(rules, name):
        return getattr(rules, name)
    if name.endswith("_CITATION"):
        return cite(rules.TEXT, confidence="N")
    return getattr(tld_unread, name)


def union_forms(decree: ModuleType) -> list[AwardForm]:
    """Trade-union forms for the rule set of `decree`."""
    rs, rules, reg = decree.CODE, decree.UNION_RULES, decree.UNION_REGULATION
    flag: Money = decree.UNION_FLAG
    bk: Money = decree.UNION_BANG_KHEN
    medal: Money = decree.UNION_MEDAL
    return [
        award_form(
            rs,
            CO_TLD,
            "Cờ thi đua của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
            "union",
            "collective",
            "confederation",
            True,
            tld_unread.CONFEDERATION_FLAG_CRITERIA,
            reg + flag["source"],
            flag["verified"],
            citation=cite(rules.TEXT, confidence="N"),
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {
                    "type": "manual",
                    "text": "Dẫn đầu cụm, khối thi đua của Tổng Liên đoàn; được cụm, khối suy tôn.",
                },
            ],
            equivalent_to=CO_TINH,
            ci=flag["ci"],
            cc=flag["cc"],
            money_citation=flag["citation"],
            collective_money_citation=flag["collective_citation"],
            note="Tổng Liên đoàn là 'đoàn thể trung ương': tiền thưởng theo cờ thi đua cấp bộ, ngành, đoàn "
            "thể trung ương. Điều khoản tiêu chuẩn trong Quy chế chưa đọc.",
        ),
        award_form(
            rs,
            BK_TLD,
            "Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
            "union",
            "both",
            "confederation",
            True,
            read(rules, "CONFEDERATION_BANG_KHEN_CRITERIA"),
            reg + bk["source"],
            bk["verified"],
            citation=read(rules, "CONFEDERATION_BANG_KHEN_CITATION"),
            prerequisites=read(rules, "CONFEDERATION_BANG_KHEN_PREREQUISITES"),
            equivalent_to=BK_TINH,
            ci=bk["ci"],
            cc=bk["cc"],
            money_citation=bk["citation"],
            collective_money_citation=bk["collective_citation"],
            note=read(rules, "CONFEDERATION_BANG_KHEN_NOTE") + bk["note"],
        ),
        award_form(
            rs,
            CO_LDLD,
            "Cờ thi đua của Ban Chấp hành Liên đoàn Lao động tỉnh, thành phố",
            "union",
            "collective",
            "province",
            True,
            read(rules, "PROVINCIAL_FLAG_CRITERIA"),
            reg + read(rules, "PROVINCIAL_FLAG_ARTICLE"),
            False,
            citation=read(rules, "PROVINCIAL_FLAG_CITATION"),
            # its prize money is set by the union regulation, whose article on money was not read
            money_citation=cite(rules.TEXT, confidence="N"),
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {
                    "type": "manual",
                    "text": "Có thành tích xuất sắc trong phong trào thi đua do LĐLĐ tỉnh phát "
                    "động; tiêu biểu trong cụm, khối.",
                },
            ],
            note=_MONEY_NOT_READ,
        ),
        award_form(
            rs,
            BK_LDLD,
            "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh, thành phố",
            "union",
            "both",
            "province",
            True,
            tld_unread.PROVINCIAL_BANG_KHEN_CRITERIA,
            reg + tld_unread.ARTICLE_NOT_READ,
            False,
            citation=cite(rules.TEXT, confidence="N"),
            # its prize money is set by the union regulation, whose article on money was not read
            money_citation=cite(rules.TEXT, confidence="N"),
            prerequisites=[{"type": "completed_tasks", "level": "excellent"}],
            note=_MONEY_NOT_READ,
        ),
        award_form(
            rs,
            GK_CD,
            "Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở",
            "union",
            "both",
            "upper_union",
            True,
            tld_unread.GIAY_KHEN_CRITERIA,
            reg + tld_unread.ARTICLE_NOT_READ,
            False,
            citation=cite(rules.TEXT, confidence="N"),
            # its prize money is set by the union regulation, whose article on money was not read
            money_citation=cite(rules.TEXT, confidence="N"),
            prerequisites=[{"type": "completed_tasks", "level": "good"}],
            equivalent_to=GIAY_KHEN,
            note="bảng tóm tắt ban đầu (docs/award-rules.md) coi đây là Giấy khen trong Công đoàn. Mức tiền "
            "thưởng của Giấy khen công đoàn chưa đọc (không chắc thuộc danh sách Giấy khen của Nghị định) - để "
            "trống.",
        ),
        award_form(
            rs,
            KNC_CD,
            'Kỷ niệm chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"',
            "union",
            "individual",
            "confederation",
            True,
            tld_1564_2014.UNION_MEDAL_CRITERIA,
            reg + medal["source"],
            medal["verified"],
            citation=tld_1564_2014.UNION_MEDAL_CITATION,
            prerequisites=[
                {
                    "type": "manual",
                    "text": "Từ đủ 20 năm công tác công đoàn (liên tục hoặc cộng dồn; thời gian "
                    "không chuyên trách x1,5, ở CĐCS doanh nghiệp ngoài nhà nước x2); "
                    "tặng một lần; không đang bị kỷ luật.",
                },
            ],
            ci=medal["ci"],
            cc=medal["cc"],
            money_citation=medal["citation"],
            collective_money_citation=medal["collective_citation"],
            cap=decree.UNION_MEDAL_IS_CAP,
            note=medal["note"],
        ),
        award_form(
            rs,
            BANG_LDST,
            'Bằng "Lao động sáng tạo" của Tổng Liên đoàn Lao động Việt Nam',
            "union",
            "individual",
            "confederation",
            True,
            read(rules, "CREATIVE_LABOUR_CRITERIA"),
            reg + read(rules, "CREATIVE_LABOUR_ARTICLE"),
            read(rules, "CREATIVE_LABOUR_VERIFIED"),
            citation=read(rules, "CREATIVE_LABOUR_CITATION"),
            # its prize money is set by the union regulation, whose article on money was not read
            money_citation=cite(rules.TEXT, confidence="N"),
            prerequisites=[
                {"type": "initiative", "scope": "grassroots"},
                {
                    "type": "manual",
                    "text": "Giá trị làm lợi của giải pháp đạt ngưỡng theo đối tượng (QĐ "
                    "1564/2014: 80 triệu / 3 năm 120 triệu; 150 triệu; 200 triệu).",
                },
            ],
            note="Tiền thưởng/huy hiệu do Tổng Liên đoàn quy định riêng - chưa đọc, để trống. "
            + read(rules, "CREATIVE_LABOUR_NOTE"),
        ),
    ]
