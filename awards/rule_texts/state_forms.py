"""The state's emulation titles and forms of commendation under one rule set: the criteria come from the
law the rule set applies (``decree.LAW``: luat_2003 or luat_2022), the prize money, quota and vote from
the decree module itself. Nothing here branches on a rule set: what differs is the texts' data."""

from __future__ import annotations

from types import ModuleType
from typing import Any

from awards.rule_texts.schema import (
    BK_TINH,
    BK_TTG,
    CO_CP,
    CO_TINH,
    CSTD_CS,
    CSTD_TINH,
    CSTD_TQ,
    GIAY_KHEN,
    GK_XA,
    HC_SAO_VANG,
    HCLD3,
    LDTT,
    TTLDTT,
    TTLDXS,
    AwardForm,
    Coefficients,
    Money,
    award_form,
    citation_text,
    cite,
)

GIAY_KHEN_CRITERIA = (
    "Giấy khen của thủ trưởng cơ quan, đơn vị (trong tổ chức Công đoàn: của BCH công đoàn cấp trên "
    "trực tiếp cơ sở) tặng cá nhân, tập thể hoàn thành tốt nhiệm vụ, có thành tích trong phong trào "
    "thi đua (số điều về tiêu chuẩn chưa xác minh)."
)


def _money(money: Money) -> dict[str, Any]:
    """A form's coefficients and the citations of its prize money."""
    return {
        "ci": money["ci"],
        "cc": money["cc"],
        "money_citation": money["citation"],
        "collective_money_citation": money["collective_citation"],
    }


def state_forms(decree: ModuleType) -> list[AwardForm]:
    """State emulation titles and commendation forms for the rule set of `decree`."""
    return _titles(decree) + _commendations(decree)


def _titles(decree: ModuleType) -> list[AwardForm]:
    rs, law = decree.CODE, decree.LAW
    sources, verified, read = decree.TITLE_SOURCES, decree.TITLE_VERIFIED, decree.TITLES_READ
    unread_note = "" if read else decree.COEFFICIENT_NOTE

    def coef(code: str) -> Coefficients:
        ci, cc = decree.TITLE_COEFFICIENTS[code]
        return {"ci": ci, "cc": cc}

    def title(code: str, name: str, recipient, level, decided_here: bool, **rest) -> AwardForm:
        return award_form(
            rs,
            code,
            law.NAMES.get(code, name),
            "title",
            recipient,
            level,
            decided_here,
            law.CRITERIA[code],
            sources[code] + "; tiêu chuẩn: " + citation_text(law.CITATIONS[code]),
            verified[code],
            citation=law.CITATIONS[code],
            money_citation=decree.TITLE_CITATIONS[code],
            **coef(code),
            **rest,
        )

    quota = decree.CSTD_CS_QUOTA
    vote = decree.PROVINCIAL_TITLE_VOTE
    return [
        title(
            LDTT,
            "Lao động tiên tiến",
            "individual",
            "grassroots",
            True,
            prerequisites=[{"type": "completed_tasks", "level": "good"}],
            note="Danh hiệu nền, xét hằng năm." + unread_note,
        ),
        title(
            CSTD_CS,
            "Chiến sĩ thi đua cơ sở",
            "individual",
            "grassroots",
            True,
            prerequisites=law.CSTD_CS_PREREQUISITES,
            quota=quota,
            note=decree.CSTD_CS_NOTE,
        ),
        title(
            CSTD_TINH,
            "",
            "individual",
            "province",
            True,
            prerequisites=[
                {"type": "title_years", "form": CSTD_CS, "years": 3, "consecutive": True},
                {"type": "initiative", "scope": "province"},
            ],
            vote=vote,
            note="Trong hệ thống Công đoàn, cấp 'đoàn thể trung ương' là Tổng Liên đoàn (Chiến sĩ thi đua "
            "Tổng Liên đoàn)." + decree.VOTE_NOTE + ("" if vote else " Hệ số/điều khoản: xem source."),
        ),
        title(
            CSTD_TQ,
            "Chiến sĩ thi đua toàn quốc",
            "individual",
            "government",
            False,
            prerequisites=[
                # "hai lần liên tục" of a title that itself crowns three years of CSTĐ cơ sở: 2012 and 2015
                {"type": "title_years", "form": CSTD_TINH, "years": 2, "consecutive": True, "cycle_years": 3},
                {"type": "initiative", "scope": "national"},
            ],
            vote=vote,
            note="Thủ tướng Chính phủ quyết định: hệ thống chỉ lập hồ sơ đề nghị và ghi nhận."
            + decree.VOTE_NOTE,
        ),
        title(
            TTLDTT,
            "Tập thể lao động tiên tiến",
            "collective",
            "grassroots",
            True,
            prerequisites=[
                {"type": "completed_tasks", "level": "good"},
                {"type": "share_of_members_with_title", "form": LDTT, "min_percent": 50, "exclusive": True},
                {
                    "type": "manual",
                    "text": "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên; nội bộ đoàn kết.",
                },
            ],
            note="'trên 50%' (exclusive)." + law.TTLDTT_NOTE,
        ),
        title(
            TTLDXS,
            "Tập thể lao động xuất sắc",
            "collective",
            "province",
            True,
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {"type": "share_of_members_with_title", "form": LDTT, "min_percent": 70},
                # "Có cá nhân đạt danh hiệu 'Chiến sĩ thi đua cơ sở'"
                {"type": "members_with_title", "form": CSTD_CS, "count": 1},
                {
                    "type": "manual",
                    "text": "100% cá nhân trong tập thể hoàn thành nhiệm vụ"
                    + law.TTLDXS_MANUAL
                    + "; nội bộ đoàn kết.",
                },
            ],
            note="Do Bộ, ban, ngành, tỉnh, đoàn thể trung ương (trong Công đoàn: Tổng Liên đoàn) quyết định."
            + unread_note
            + law.TTLDXS_NOTE,
        ),
        title(
            CO_TINH,
            "",
            "collective",
            "province",
            True,
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {"type": "manual", "text": "Tập thể tiêu biểu xuất sắc, dẫn đầu cụm, khối thi đua."},
            ],
            note="Trong Công đoàn tương ứng Cờ thi đua của Tổng Liên đoàn." + unread_note,
        ),
        title(
            CO_CP,
            "Cờ thi đua của Chính phủ",
            "collective",
            "government",
            False,
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {
                    "type": "manual",
                    "text": "Tập thể tiêu biểu xuất sắc nhất trong phong trào thi đua của "
                    "bộ, ngành, tỉnh, đoàn thể trung ương (đề nghị từ cụm, khối).",
                },
            ],
            note="Thủ tướng quyết định: hệ thống chỉ đề nghị và ghi nhận. bảng tóm tắt ban đầu (docs/award-rules.md) "
            "nói 'dẫn đầu nhiều năm liên tục' - không thấy trong Điều 25 Luật 2003; không seed số năm."
            + unread_note,
        ),
    ]


def _commendations(decree: ModuleType) -> list[AwardForm]:
    rs, law = decree.CODE, decree.LAW
    out: list[AwardForm] = []
    gk: Money = decree.GIAY_KHEN
    out.append(
        award_form(
            rs,
            GIAY_KHEN,
            "Giấy khen",
            "commendation",
            "both",
            "grassroots",
            True,
            GIAY_KHEN_CRITERIA,
            gk["source"],
            gk["verified"],
            citation=cite(law.TEXT, confidence="N"),
            prerequisites=[{"type": "completed_tasks", "level": "good"}],
            **_money(gk),
            note=gk["note"],
        )
    )
    commune: Money | None = decree.COMMUNE_GIAY_KHEN
    if commune is not None:  # record only: not a union form
        out.append(
            award_form(
                rs,
                GK_XA,
                "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
                "commendation",
                "both",
                "grassroots",
                False,
                "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã (Luật TĐKT 2022, Điều 75 khoản 1): chỉ ghi nhận "
                "khi nhập lịch sử khen thưởng; tổ chức Công đoàn không tặng hình thức này.",
                commune["source"],
                commune["verified"],
                citation=law.CITATIONS.get(GK_XA, cite(law.TEXT, confidence="N")),
                prerequisites=[{"type": "manual", "text": "Không xét trong hệ thống."}],
                **_money(commune),
                note="Chỉ ghi nhận. " + commune["note"],
            )
        )
    bk: Money = decree.BANG_KHEN
    out.append(
        award_form(
            rs,
            BK_TINH,
            law.NAMES[BK_TINH],
            "commendation",
            "both",
            "province",
            True,
            law.CRITERIA[BK_TINH],
            bk["source"],
            bk["verified"],
            citation=law.CITATIONS[BK_TINH],
            prerequisites=[{"type": "completed_tasks", "level": "excellent"}],
            **_money(bk),
            note=(
                "Trong Công đoàn tương ứng Bằng khen của Tổng Liên đoàn (đoàn thể trung ương). " + bk["note"]
            ).strip(),
        )
    )
    bt: Money = decree.PRIME_MINISTER_BANG_KHEN
    out.append(
        award_form(
            rs,
            BK_TTG,
            "Bằng khen của Thủ tướng Chính phủ",
            "commendation",
            "both",
            "government",
            False,
            law.CRITERIA[BK_TTG],
            bt["source"],
            bt["verified"],
            citation=law.CITATIONS[BK_TTG],
            prerequisites=[
                {
                    "type": "title_years",
                    "form": BK_TINH,
                    "years": 1,
                    "consecutive": True,
                    "ending": "previous_year",
                },
                {
                    "type": "manual",
                    "text": "Điều kiện số năm/thành tích tiếp theo sau Bằng khen cấp bộ, tỉnh "
                    "theo văn bản hướng dẫn (chưa đọc nguyên văn).",
                },
            ],
            **_money(bt),
            note=(
                "Thủ tướng quyết định: chỉ đề nghị và ghi nhận. Điều kiện 'đã có Bằng khen cấp bộ, tỉnh' "
                "theo bảng tóm tắt ban đầu (docs/award-rules.md); số năm chưa xác minh. " + bt["note"]
            ).strip(),
        )
    )
    h3: Money = decree.LABOUR_ORDER_3
    out.append(
        award_form(
            rs,
            HCLD3,
            "Huân chương Lao động hạng Ba",
            "commendation",
            "both",
            "state",
            False,
            "Chủ tịch nước quyết định theo đề nghị; hệ thống chỉ ghi nhận (ví dụ về hình thức chỉ ghi nhận).",
            h3["source"],
            h3["verified"],
            citation=cite(law.TEXT, confidence="N"),
            prerequisites=[
                {
                    "type": "manual",
                    "text": "Tiêu chuẩn Huân chương theo Luật và Nghị định; không xét trong hệ thống.",
                }
            ],
            **_money(h3),
            note=("Chỉ ghi nhận. " + h3["note"]).strip(),
        )
    )
    sv: Money = decree.GOLD_STAR_ORDER
    out.append(
        award_form(
            rs,
            HC_SAO_VANG,
            "Huân chương Sao vàng",
            "commendation",
            "both",
            "state",
            False,
            "Chủ tịch nước quyết định; hệ thống chỉ ghi nhận.",
            sv["source"],
            sv["verified"],
            citation=cite(law.TEXT, confidence="N"),
            prerequisites=[{"type": "manual", "text": "Không xét trong hệ thống."}],
            **_money(sv),
            note="Chỉ ghi nhận." + sv["note"],
        )
    )
    return out
