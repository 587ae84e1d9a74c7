"""The Confederation's guidance on the yearly grading of grassroots unions: the scale before 2019 (its
number not verified) and Hướng dẫn 1294/HD-TLĐ (2019), and the grading of union members. Which scale a
rule set uses is its decree module's GRADING."""

from __future__ import annotations

from types import ModuleType

from awards.rule_texts.schema import (
    CDCS_HT,
    CDCS_HTT,
    CDCS_HTXS,
    CDCS_KHA,
    CDCS_KHT,
    CDCS_TB,
    CDCS_VM,
    CDCS_YEU,
    DV_XS,
    AwardForm,
    Level,
    Recipient,
    award_form,
    cite,
    legal_text,
)
from awards.rule_texts.tld_unread import EXCELLENT_MEMBER_CRITERIA

HD1294_CRITERIA = (
    "Hướng dẫn 1294/HD-TLĐ (2019): xếp loại chất lượng hoạt động CĐCS theo số điểm thành 4 mức: "
    "'CĐCS hoàn thành xuất sắc nhiệm vụ, CĐCS hoàn thành tốt nhiệm vụ, CĐCS hoàn thành nhiệm vụ và "
    "CĐCS không hoàn thành nhiệm vụ' (nld.com.vn 8/2019). Thang điểm chưa đọc."
)
BEFORE_2019_CRITERIA = (
    "Thang xếp loại CĐCS trước 2019 (hướng dẫn của Tổng Liên đoàn, số hiệu chưa xác minh): vững "
    "mạnh từ 85 điểm trở lên và đủ điều kiện (không tiêu chuẩn nào dưới 50% số điểm...); 'khá: ... "
    "từ 70 điểm đến dưới 85 điểm'; 'trung bình: ... từ 50 điểm đến dưới 70 điểm'; 'yếu: ... dưới "
    "50 điểm'."
)


# the dates these guidances took effect were not read
_DATES_NOT_READ = "Ngày ký và ngày hiệu lực chưa đọc."
BEFORE_2019 = legal_text(
    "Hướng dẫn xếp loại CĐCS của Tổng Liên đoàn (trước 2019)",
    None,
    dates_confidence="N",
    dates_source=_DATES_NOT_READ,
)
HD1294 = legal_text("Hướng dẫn 1294/HD-TLĐ 2019", None, dates_confidence="N", dates_source=_DATES_NOT_READ)
UNION_CHARTER = legal_text(
    "Điều lệ Công đoàn Việt Nam", None, dates_confidence="N", dates_source=_DATES_NOT_READ
)


def grading_forms(decree: ModuleType) -> list[AwardForm]:
    """Yearly grading of grassroots unions and union members under the rule set of `decree`."""
    rs = decree.CODE

    def grade(
        code: str, name: str, criteria: str, source: str, verified: bool, citation, manual: str, note: str
    ):
        recipient: Recipient = "individual" if code == DV_XS else "collective"
        level: Level = "grassroots" if code == DV_XS else "upper_union"
        return award_form(
            rs,
            code,
            name,
            "grading",
            recipient,
            level,
            True,
            criteria,
            source,
            verified,
            citation=citation,
            prerequisites=[{"type": "manual", "text": manual}],
            note=note,
        )

    out: list[AwardForm] = []
    if decree.GRADING == "before-2019":
        for code, name, band in (
            (CDCS_VM, "Công đoàn cơ sở vững mạnh", "Từ 85 điểm trở lên và đủ các điều kiện kèm theo."),
            (CDCS_KHA, "Công đoàn cơ sở khá", "Từ 70 đến dưới 85 điểm."),
            (CDCS_TB, "Công đoàn cơ sở trung bình", "Từ 50 đến dưới 70 điểm."),
            (CDCS_YEU, "Công đoàn cơ sở yếu", "Dưới 50 điểm."),
        ):
            out.append(
                grade(
                    code,
                    name,
                    f"{BEFORE_2019_CRITERIA} Mức này: {band}",
                    "Hướng dẫn của Tổng Liên đoàn về đánh giá, xếp loại CĐCS (số hiệu chưa xác minh; thang "
                    "điểm đọc qua tài liệu 'Chính sách khen thưởng và công tác Đoàn ngành Giáo dục', thư viện "
                    "Bình Thuận)",
                    False,
                    cite(BEFORE_2019, confidence="S"),
                    f"Chấm điểm theo bảng tiêu chuẩn: {band}",
                    "Thang cũ (trước Hướng dẫn 1294/HD-TLĐ 2019). 'CĐCS vững mạnh xuất sắc' là danh hiệu "
                    "khen thưởng trên nền 'vững mạnh' (chưa seed). Văn bản gốc chưa đọc.",
                )
            )
    else:
        for code, name in (
            (CDCS_HTXS, "Công đoàn cơ sở hoàn thành xuất sắc nhiệm vụ"),
            (CDCS_HTT, "Công đoàn cơ sở hoàn thành tốt nhiệm vụ"),
            (CDCS_HT, "Công đoàn cơ sở hoàn thành nhiệm vụ"),
            (CDCS_KHT, "Công đoàn cơ sở không hoàn thành nhiệm vụ"),
        ):
            out.append(
                grade(
                    code,
                    name,
                    HD1294_CRITERIA,
                    "Hướng dẫn 1294/HD-TLĐ (2019) về đánh giá, xếp loại chất lượng hoạt động CĐCS, nghiệp "
                    "đoàn cơ sở (tinbong247news/nld.com.vn); hướng dẫn sau 2019 chưa đọc",
                    True,
                    cite(HD1294, confidence="S"),
                    "Chấm điểm theo 3 nhóm tiêu chí của hướng dẫn; công đoàn cấp trên thẩm định.",
                    "Tên 4 mức đọc được; thang điểm chưa đọc nên không seed số điểm." + decree.GRADING_NOTE,
                )
            )
    out.append(
        grade(
            DV_XS,
            "Đoàn viên công đoàn xuất sắc",
            EXCELLENT_MEMBER_CRITERIA,
            "Điều lệ Công đoàn Việt Nam (nhiệm vụ đoàn viên) và hướng dẫn bình xét của công đoàn cơ sở (văn "
            "bản của Tổng Liên đoàn chưa đọc)",
            False,
            cite(UNION_CHARTER, confidence="N"),
            "Thực hiện xuất sắc nhiệm vụ đoàn viên; được tổ công đoàn / CĐCS bình xét.",
            "Chỉ thấy trong hướng dẫn bình xét cấp cơ sở; cần đối chiếu văn bản của Tổng Liên đoàn.",
        )
    )
    return out
