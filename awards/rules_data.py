"""Seeded award rules: plain data, no Django.

What this module holds (the awards app loads it into its models; nothing here is code that
decides anything):

* ``BASE_SALARY_PERIODS`` - the base salary (*mức lương cơ sở*) with the date each amount
  took effect. Later changes are appended as new rows; old rows are never edited.
* ``RULE_SETS`` - dated sets of rules. A decision uses the rule set whose validity covers the
  decision date (*ngày ban hành quyết định*); validity periods never overlap.
* ``AWARD_FORMS`` - one dict per award form per rule set: criteria, prerequisites, quota,
  council vote, prize-money coefficients, the article each number comes from, and whether
  that number was read in a text (``verified``).
* ``ROUNDING`` - how an amount (coefficient x base salary) is rounded.

Conventions
-----------
``verified`` is True only when every number in the entry (coefficients, years, percentages,
vote thresholds) was read in a text quoting the cited article, *and* the article is cited.
Figures that could not be confirmed are seeded only when the brief's table (``docs/award-rules.md``) gives
them, with ``verified=False`` and a ``note`` saying what to check; otherwise the figure is
``None``. A value read since carries its confidence in its source ("độ tin cậy V": read verbatim in
Vietnamese; "độ tin cậy S": read in a secondary source, a translation or a news report); where the
readings conflict or nothing was found the value stays ``None``. ``docs/award-rules.md`` lists what
was read where.

Prerequisite vocabulary (all items of ``prerequisites`` must hold; ``any_of`` needs one):

* ``{"type": "title_years", "form": code, "years": N, "consecutive": True,
  "ending": "current_year" | "previous_year", "cycle_years": C}`` - held the title/form ``form``
  N consecutive times, the last in the year under review (default) or the year before it. A title
  awarded for a cycle of C years (default 1) is held "consecutive times" when each cycle begins the
  year after the one before ends: with C = 3, 2012 and 2015.
* ``{"type": "initiative", "scope": "grassroots" | "province" | "national", "count": N}`` -
  N (default 1) initiatives / research works recognised at that scope.
* ``{"type": "share_of_members_with_title", "form": code, "min_percent": P,
  "exclusive": bool}`` - at least P % (more than P % when ``exclusive``) of the collective's
  members hold ``form`` for the year.
* ``{"type": "completed_tasks", "level": "excellent" | "good", "years": N,
  "consecutive": True}`` - yearly task-completion grade at least ``level`` (for N years,
  default 1).
* ``{"type": "any_of", "items": [...]}`` - at least one of the nested items.
* ``{"type": "manual", "text": "..."}`` - checked by a person; the engine only shows it.

``quota``: ``None`` or ``{"type": "percent_of_holders", "form": code, "max_percent": P,
"effective_from": "YYYY-MM-DD", "rounding": "down" | "up", "minimum_when_eligible": N,
"source": ..., "verified": bool}`` (in force for a year that ends on or after ``effective_from``;
the limit is P % of the holders of ``form`` rounded as said, never below N when anyone holds it). ``vote``: ``None`` or ``{"threshold_percent": P,
"of": "members" | "present", "secret_ballot": bool, "source": ..., "verified": bool}``.
``coefficient_individual`` / ``coefficient_collective``: multiples of the base salary
(``None`` = no money, or not confirmed - see ``note``); ``coefficient_is_cap`` marks "không
quá" (an upper limit). ``equivalent_to`` names the state form a union form corresponds to.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

Kind = Literal["title", "commendation", "union", "grading"]
Recipient = Literal["individual", "collective", "both"]
Level = Literal["grassroots", "upper_union", "province", "confederation", "government", "state"]


class BaseSalaryPeriod(TypedDict):
    effective_from: str
    amount_vnd: int
    source: str
    verified: bool
    note: NotRequired[str]


class Coefficients(TypedDict):
    """Prize money as multiples of the base salary: `ci` for an individual, `cc` for a collective."""

    ci: float | None
    cc: float | None


class CappedCoefficients(Coefficients):
    cap: bool  # the coefficient is a maximum ("không quá"), not the amount


class Rounding(TypedDict):
    to: int
    mode: Literal["up", "nearest"]
    source: str
    verified: bool
    note: str


class RuleSet(TypedDict):
    code: str
    name: str
    valid_from: str
    valid_to: str | None
    legal_basis: list[str]
    rounding: Rounding
    verified: bool
    note: str


class AwardForm(TypedDict):
    rule_set: str
    code: str
    name: str
    kind: Kind
    recipient: Recipient
    level: Level
    decided_here: bool
    criteria_text: str
    prerequisites: list[dict[str, Any]]
    quota: dict[str, Any] | None
    vote: dict[str, Any] | None
    coefficient_individual: float | None
    coefficient_collective: float | None
    coefficient_is_cap: bool
    equivalent_to: str | None
    source: str
    verified: bool
    note: str


# How sure a reading is (docs/award-rules.md, "Confidence").
_CONF_S = "độ tin cậy S: đọc qua nguồn thứ cấp (bản dịch, báo, hỏi đáp), chưa đọc nguyên văn"
_CONF_V = "độ tin cậy V: đọc nguyên văn tiếng Việt (văn bản trích dẫn điều khoản)"


# ---------------------------------------------------------------------------------------
# Base salary (mức lương cơ sở; before 7/2013 "mức lương tối thiểu chung")
# ---------------------------------------------------------------------------------------

BASE_SALARY_PERIODS: list[BaseSalaryPeriod] = [
    {
        "effective_from": "2012-05-01",
        "amount_vnd": 1_050_000,
        "source": "Nghị định 31/2012/NĐ-CP (mức lương tối thiểu chung)",
        "verified": False,
        "note": "Số tiền xác nhận gián tiếp: tin Nghị định 66/2013 nói 1.150.000 đ 'tăng thêm "
        "100.000 đồng/tháng so với mức 1.050.000 đồng/tháng hiện đang áp dụng'. Số hiệu và "
        "ngày hiệu lực của NĐ 31/2012 chưa đọc trong văn bản.",
    },
    {
        "effective_from": "2013-07-01",
        "amount_vnd": 1_150_000,
        "source": "Nghị định 66/2013/NĐ-CP: 'từ ngày 1-7-2013, mức lương cơ sở sẽ là 1.150.000 "
        "đồng/tháng' (baomoi.com dẫn ANTĐ)",
        "verified": True,
        "note": "Mức áp dụng trong suốt năm 2015 (chiến dịch mẫu của LĐLĐ Cao Bằng).",
    },
    {
        "effective_from": "2016-05-01",
        "amount_vnd": 1_210_000,
        "source": "Nghị định 47/2016/NĐ-CP",
        "verified": False,
        "note": "Số tiền và ngày 01/5/2016 chỉ thấy trong một bảng dữ liệu lương cơ sở công khai "
        "(kho mã nguồn), chưa đọc văn bản nghị định. Số hiệu và số tiền khớp với QĐ 1628/QĐ-UBND 2016 của "
        "Bến Tre: 'mức lương cơ sở (MLCS) quy định tại Nghị định số 47/2016/NĐ-CP ngày 26-5-2016', 'Chiến sĩ "
        "thi đua cơ sở thưởng 1,0 lần MLCS (1,21 triệu đồng)' (baodongkhoi.vn); ngày hiệu lực chưa đọc.",
    },
    {
        "effective_from": "2017-07-01",
        "amount_vnd": 1_300_000,
        "source": "Nghị định 47/2017/NĐ-CP",
        "verified": False,
        "note": "Số tiền xác nhận gián tiếp (toquoc.vn 6/2018: mức 1.390.000 từ 1/7/2018 'tăng "
        "90.000 đồng' so với mức cũ). Số hiệu NĐ 47/2017 chưa đọc trong văn bản.",
    },
    {
        "effective_from": "2018-07-01",
        "amount_vnd": 1_390_000,
        "source": "Nghị định 72/2018/NĐ-CP",
        "verified": False,
        "note": "Số tiền và ngày đọc được (toquoc.vn: 'từ ngày 1/7/2018 ... mức lương cơ sở mới là "
        "1.390.000 đồng/tháng'); số hiệu NĐ 72/2018 chưa đọc trong văn bản.",
    },
    {
        "effective_from": "2019-07-01",
        "amount_vnd": 1_490_000,
        "source": "Nghị định 38/2019/NĐ-CP: 'từ ngày 01/7/2019, mức lương cơ sở là 1.490.000 "
        "đồng/tháng' (thuvienphapluat.vn)",
        "verified": True,
        "note": "Mức 1.600.000 dự kiến từ 1/7/2020 (Nghị quyết 86/2019/QH14) không được thực hiện "
        "- không có dòng cho năm 2020.",
    },
    {
        "effective_from": "2023-07-01",
        "amount_vnd": 1_800_000,
        "source": "Nghị định 24/2023/NĐ-CP ngày 14/5/2023, khoản 2 Điều 3: 1.800.000 đồng từ ngày "
        "01/7/2023 (Sở Nội vụ Nam Định; hoatieu.vn)",
        "verified": True,
    },
    {
        "effective_from": "2024-07-01",
        "amount_vnd": 2_340_000,
        "source": "Nghị định 73/2024/NĐ-CP, khoản 2 Điều 3: mức lương cơ sở từ ngày 01/7/2024 là "
        "2.340.000 đồng/tháng (thuvienphapluat.vn)",
        "verified": True,
        "note": "Thay bằng mức 2.530.000 đ từ 01/7/2026 (Nghị định 161/2026/NĐ-CP, dòng sau).",
    },
    {
        "effective_from": "2026-07-01",
        "amount_vnd": 2_530_000,
        "source": "Nghị định 161/2026/NĐ-CP ngày 15/5/2026, khoản 2 Điều 3: mức lương cơ sở 2.530.000 "
        "đồng/tháng từ ngày 01/7/2026; bãi bỏ NĐ 73/2024 từ ngày đó (news.laodong.vn: 'The Government has "
        "just issued Decree No. 161/2026/ND-CP … base salary level is 2.53 million VND/month from July 1')",
        "verified": False,
        "note": "độ tin cậy S: đọc qua báo (laodong.vn, tiếng Anh) và baochinhphu.vn (kế hoạch 2,34 -> 2,53 "
        "triệu); chưa đọc nguyên văn nghị định. Số tiền, ngày và điều khoản khớp giữa các nguồn.",
    },
]


# ---------------------------------------------------------------------------------------
# Rounding
# ---------------------------------------------------------------------------------------

ROUNDING: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2: 'Tiền thưởng sau khi nhân với hệ số mức "
    "lương cơ sở được làm tròn số lên hàng chục ngàn đồng tiền Việt Nam.' Nghị định "
    "98/2023/NĐ-CP, Điều 53 khoản 2: 'Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm "
    "tròn số lên hàng chục nghìn đồng tiền Việt Nam.' (bản dịch laodong.vn: 'rounded up to tens of "
    "thousands'; độ tin cậy S)",
    "verified": True,
    "note": "Làm tròn đến HÀNG CHỤC NGHÌN (10.000 đ), không phải hàng nghìn như bảng tóm tắt ban đầu (docs/award-rules.md) giả định. "
    "'làm tròn số lên' được hiểu là làm tròn lên (trần); một số bài hỏi đáp (thuvienphapluat) "
    "lại làm tròn gần nhất (223.500 -> 220.000; 1.192.000 -> 1.190.000). Chế độ để cấu hình "
    "được. Mức lương cơ sở dùng là mức 'đang có hiệu lực vào thời điểm ban hành quyết định' "
    "(NĐ 98/2023, nguyên tắc tiền thưởng).",
}

_ROUND_ND91: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 91/2017/NĐ-CP, Điều 68 khoản 2",
    "verified": True,
    "note": "Xem ROUNDING.",
}
_ROUND_ND98: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 98/2023/NĐ-CP, Điều 53 khoản 2: 'Bonus after being multiplied by the basic "
    "salary coefficient is rounded up to tens of thousands of Vietnamese Dong' (news.laodong.vn, bản dịch "
    "toàn văn điều; " + _CONF_S + ")",
    "verified": True,
    "note": "Câu chữ tiếng Việt đọc được (phunuvietnam.vn/VGP 07/01/2024): 'làm tròn số lên hàng chục nghìn "
    "đồng'; số điều (Điều 53 khoản 2) theo bản dịch của laodong.vn. 'rounded up' khớp với mode='up'.",
}
_ROUND_ND42: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 42/2010/NĐ-CP (điều về làm tròn chưa đọc); cách làm tròn thấy trong Quyết định "
    "1628/QĐ-UBND 2016 của UBND tỉnh Bến Tre áp dụng NĐ 42/2010 (baodongkhoi.vn)",
    "verified": False,
    "note": "Giả định giống NĐ 91/2017 Điều 68 khoản 2. Bảng quy đổi của Bến Tre theo NĐ 42/2010 (MLCS "
    "1.210.000 đ) làm tròn LÊN hàng chục nghìn: 'Lao động tiên tiến' 0,3 x 1.210.000 = 363.000 -> '370 ngàn "
    "đồng'; 'Chiến sĩ thi đua toàn quốc' 4,5 x 1.210.000 = 5.445.000 -> '5,45 triệu đồng'. Quy định của chính "
    "NĐ 42/2010 chưa đọc.",
}
_ROUND_ND152: Rounding = {
    "to": 10_000,
    "mode": "up",
    "source": "Nghị định 152/2025/NĐ-CP (chưa đọc)",
    "verified": False,
    "note": "Giả định giống NĐ 98/2023; chưa đọc quy định làm tròn của NĐ 152/2025.",
}


# ---------------------------------------------------------------------------------------
# Rule sets
# ---------------------------------------------------------------------------------------

RULE_SETS: list[RuleSet] = [
    {
        "code": "ND42-2010",
        "name": "Luật Thi đua, khen thưởng 2003 (sửa đổi 2005, 2013) và Nghị định 42/2010/NĐ-CP "
        "(sửa đổi bởi NĐ 39/2012/NĐ-CP, NĐ 65/2014/NĐ-CP)",
        "valid_from": "2010-04-15",
        "valid_to": "2017-09-30",
        "legal_basis": [
            "Luật Thi đua, khen thưởng ngày 26/11/2003; Luật sửa đổi 14/6/2005; Luật sửa đổi 16/11/2013",
            "Nghị định 42/2010/NĐ-CP ngày 15/4/2010",
            "Nghị định 39/2012/NĐ-CP ngày 27/4/2012",
            "Nghị định 65/2014/NĐ-CP ngày 01/7/2014",
            "Thông tư 07/2014/TT-BNV ngày 29/8/2014 (hiệu lực 15/10/2014)",
            "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 1564/QĐ-TLĐ ngày 24/12/2014",
            "Hướng dẫn 149/HD-TLĐ ngày 04/02/2015 (Kỷ niệm chương)",
        ],
        "rounding": _ROUND_ND42,
        "verified": False,
        "note": "Bộ quy tắc cho lịch sử 2013-2017 (gồm chiến dịch mẫu 2015). valid_from là NGÀY BAN "
        "HÀNH NĐ 42/2010 (ngày hiệu lực chưa xác minh). valid_to = ngày trước khi NĐ 91/2017 có "
        "hiệu lực (01/10/2017). Chưa đọc nguyên văn các điều về tiền thưởng của NĐ 42/2010: hệ số danh "
        "hiệu thi đua đọc trong QĐ 1628/QĐ-UBND 2016 của Bến Tre áp dụng NĐ 42/2010 (cờ thi đua 15,5 và "
        "24,5 - KHÁC NĐ 91/2017), verified=False; Bằng khen, Giấy khen, Huân chương để trống.",
    },
    {
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
        "rounding": _ROUND_ND91,
        "verified": True,
        "note": "NĐ 91/2017 ký 31/7/2017 nhưng 'có hiệu lực thi hành từ ngày 1-10' (plo.vn) - vì vậy "
        "valid_from là 2017-10-01 chứ không phải 2017-07-31. Hệ số khớp với bảng của Sở Nội vụ "
        "Nam Định (bảng tóm tắt ban đầu (docs/award-rules.md)).",
    },
    {
        "code": "ND98-2023",
        "name": "Luật Thi đua, khen thưởng số 06/2022/QH15 và Nghị định 98/2023/NĐ-CP",
        "valid_from": "2024-01-01",
        "valid_to": "2025-06-30",
        "legal_basis": [
            "Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15/6/2022 (hiệu lực 01/01/2024)",
            "Nghị định 98/2023/NĐ-CP ngày 31/12/2023 (hiệu lực 01/01/2024)",
            "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 1689/QĐ-TLĐ ngày 12/11/2019 (đến 28/5/2024)",
            "Quy chế Khen thưởng của tổ chức Công đoàn ban hành kèm theo Quyết định số 999/QĐ-TLĐ ngày 29/5/2024",
        ],
        "rounding": _ROUND_ND98,
        "verified": True,
        "note": "Kết thúc 30/6/2025: từ 01/7/2025 mức tiền thưởng theo Nghị định 152/2025/NĐ-CP "
        "(laodong.vn: 'Before July 1, 2025, according to Decree No. 98/2023/ND-CP ... 0.15 times' "
        "-> từ 1/7/2025 là 0,3). Chưa đọc điều khoản chuyển tiếp của NĐ 152/2025.",
    },
    {
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
        "rounding": _ROUND_ND152,
        "verified": False,
        "note": "Không có trong yêu cầu ban đầu nhưng bắt buộc: NĐ 152/2025 thay mức tiền thưởng của "
        "NĐ 98/2023 từ 01/7/2025 (Bằng khen bộ/tỉnh 1,0 -> 1,5; Giấy khen cấp xã 0,15 -> 0,3). Chỉ "
        "đọc được một phần (Điều 51, Điều 54 khoản 1, bảng danh hiệu thi đua qua báo).",
    },
]


# ---------------------------------------------------------------------------------------
# Award forms
# ---------------------------------------------------------------------------------------


def _form(
    rule_set: str,
    code: str,
    name: str,
    kind: Kind,
    recipient: Recipient,
    level: Level,
    decided_here: bool,
    criteria_text: str,
    source: str,
    verified: bool,
    *,
    prerequisites: list[dict[str, Any]] | None = None,
    quota: dict[str, Any] | None = None,
    vote: dict[str, Any] | None = None,
    ci: float | None = None,
    cc: float | None = None,
    cap: bool = False,
    equivalent_to: str | None = None,
    note: str = "",
) -> AwardForm:
    """Build one award-form dict (keeps the table below readable; returns plain data)."""
    return {
        "rule_set": rule_set,
        "code": code,
        "name": name,
        "kind": kind,
        "recipient": recipient,
        "level": level,
        "decided_here": decided_here,
        "criteria_text": criteria_text,
        "prerequisites": prerequisites or [],
        "quota": quota,
        "vote": vote,
        "coefficient_individual": ci,
        "coefficient_collective": cc,
        "coefficient_is_cap": cap,
        "equivalent_to": equivalent_to,
        "source": source,
        "verified": verified,
        "note": note,
    }


# Codes (stable across rule sets)
LDTT = "lao-dong-tien-tien"
CSTD_CS = "chien-si-thi-dua-co-so"
CSTD_TINH = "chien-si-thi-dua-cap-tinh"
CSTD_TQ = "chien-si-thi-dua-toan-quoc"
TTLDTT = "tap-the-lao-dong-tien-tien"
TTLDXS = "tap-the-lao-dong-xuat-sac"
CO_TINH = "co-thi-dua-cap-tinh"
CO_CP = "co-thi-dua-chinh-phu"
GIAY_KHEN = "giay-khen"
BK_TINH = "bang-khen-cap-tinh"
BK_TTG = "bang-khen-thu-tuong"
HCLD3 = "huan-chuong-lao-dong-hang-ba"
HC_SAO_VANG = "huan-chuong-sao-vang"
CO_TLD = "co-thi-dua-tong-lien-doan"
BK_TLD = "bang-khen-tong-lien-doan"
CO_LDLD = "co-thi-dua-ldld-tinh"
BK_LDLD = "bang-khen-ldld-tinh"
GK_CD = "giay-khen-cong-doan-cap-tren"
GK_XA = "giay-khen-chu-tich-ubnd-cap-xa"
KNC_CD = "ky-niem-chuong-cong-doan"
BANG_LDST = "bang-lao-dong-sang-tao"
DV_XS = "doan-vien-cong-doan-xuat-sac"
CDCS_HTXS = "cdcs-hoan-thanh-xuat-sac-nhiem-vu"
CDCS_HTT = "cdcs-hoan-thanh-tot-nhiem-vu"
CDCS_HT = "cdcs-hoan-thanh-nhiem-vu"
CDCS_KHT = "cdcs-khong-hoan-thanh-nhiem-vu"
CDCS_VM = "cdcs-vung-manh"
CDCS_KHA = "cdcs-kha"
CDCS_TB = "cdcs-trung-binh"
CDCS_YEU = "cdcs-yeu"

_AWARDS_MD = "bảng tóm tắt ban đầu (docs/award-rules.md) (bảng hệ số 'trước 2024' của Sở Nội vụ Nam Định, thực chất theo NĐ 91/2017)"
# The one text read for NĐ 42/2010 prize money: a province's decision applying it, summarised by its
# emulation board. It quotes coefficients and amounts at 1.210.000 đ, not the decree's article numbers.
_ND42_BENTRE = (
    "Nghị định 42/2010/NĐ-CP (số điều chưa đọc), theo Quyết định 1628/QĐ-UBND ngày 14/7/2016 của Chủ tịch UBND "
    "tỉnh Bến Tre 'phê duyệt mức chi tiền thưởng thực hiện theo Nghị định số 42/2010/NĐ-CP' (baodongkhoi.vn "
    "15/8/2016, MLCS 1.210.000 đ)"
)
# What was looked for and not found, for the NĐ 42/2010 forms of commendation (Bằng khen, Giấy khen).
_ND42_COMMENDATION_NOT_READ = (
    "Hệ số chưa đọc được - để trống, không chép số của NĐ 91/2017: ở các danh hiệu, NĐ 42/2010 khác NĐ 91/2017 "
    "(cờ thi đua 15,5/24,5 so với 8/12) nên số của NĐ 91 không dùng thay được. Cần đọc: bảng 'Mức tiền thưởng "
    "theo Nghị định số 42/2010/NĐ-CP (Điều 71, 72, 73, 75 và 76)' kèm QĐ 2091/QĐ-UBND ngày 01/8/2013 của UBND "
    "tỉnh Bình Định (quy đổi theo 1.150.000 đ - đúng mức năm 2015), hoặc nguyên văn NĐ 42/2010 (sửa đổi NĐ "
    "39/2012, NĐ 65/2014), điều về tiền thưởng Bằng khen, Giấy khen và mức cho tập thể."
)

# --- criteria texts: Luật 2003 (sửa đổi 2013) ---------------------------------------------

_L03_LDTT = (
    "Luật TĐKT 2003, Điều 24: 'Hoàn thành tốt nhiệm vụ được giao, đạt năng suất và chất lượng "
    "cao; chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà nước, có tinh thần tự "
    "lực, tự cường; đoàn kết, tương trợ, tích cực tham gia các phong trào thi đua; tích cực học "
    "tập chính trị, văn hoá, chuyên môn, nghiệp vụ; có đạo đức, lối sống lành mạnh.'"
)
_L03_CSTD_CS = (
    "Luật TĐKT 2003 (sửa đổi 2013), Điều 23: 'Đạt các tiêu chuẩn của danh hiệu \"Lao động tiên "
    'tiến" hoặc "Chiến sĩ tiên tiến"; có sáng kiến là giải pháp kỹ thuật, giải pháp quản lý, '
    "giải pháp tác nghiệp hoặc giải pháp ứng dụng tiến bộ kỹ thuật để tăng năng suất lao động, "
    "tăng hiệu quả công tác được cơ sở công nhận hoặc có đề tài nghiên cứu khoa học đã nghiệm thu "
    "được áp dụng hoặc mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu, hoàn thành xuất sắc "
    "nhiệm vụ được đơn vị công nhận.'"
)
_L03_CSTD_TINH = (
    "Luật TĐKT 2003, Điều 22: 'Danh hiệu Chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung "
    "ương được xét tặng cho cá nhân có thành tích tiêu biểu xuất sắc trong số những cá nhân có ba "
    'lần liên tục đạt danh hiệu "Chiến sĩ thi đua cơ sở".\' Kèm yêu cầu sáng kiến/đề tài có phạm '
    "vi ảnh hưởng trong bộ, ngành, tỉnh (theo văn bản hướng dẫn; chưa đọc nguyên văn)."
)
_L03_CSTD_TQ = (
    'Luật TĐKT 2003, Điều 21: \'Danh hiệu "Chiến sĩ thi đua toàn quốc" được xét tặng cho cá nhân '
    "có thành tích tiêu biểu xuất sắc trong số những cá nhân có hai lần liên tục đạt danh hiệu "
    "Chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương' và có sáng kiến, đề tài có phạm vi "
    "ảnh hưởng toàn quốc."
)
_L03_TTLDTT = (
    "Luật TĐKT 2003, Điều 28 khoản 1: 'a) Hoàn thành tốt nhiệm vụ và kế hoạch được giao; b) Có "
    "phong trào thi đua thường xuyên, thiết thực, có hiệu quả; c) Có trên 50% cá nhân trong tập "
    'thể đạt danh hiệu "Lao động tiên tiến" và không có cá nhân bị kỷ luật từ hình thức cảnh cáo '
    "trở lên; d) Nội bộ đoàn kết, chấp hành tốt chủ trương, chính sách của Đảng, pháp luật của Nhà "
    "nước.'"
)
_L03_TTLDXS = (
    "Luật TĐKT 2003 (sửa đổi 2013), Điều 27: sáng tạo, vượt khó, hoàn thành xuất sắc nhiệm vụ; "
    "phong trào thi đua thường xuyên, thiết thực, hiệu quả; 'Có 100% cá nhân trong tập thể hoàn "
    'thành nhiệm vụ được giao, trong đó có ít nhất 70% cá nhân đạt danh hiệu "Lao động tiên tiến"\'; '
    '\'Có cá nhân đạt danh hiệu "Chiến sĩ thi đua cơ sở" và không có cá nhân bị kỷ luật từ hình '
    "thức cảnh cáo trở lên'; nội bộ đoàn kết."
)
_L03_CO_TINH = (
    "Luật TĐKT 2003, Điều 26 (chưa đọc nguyên văn): tập thể hoàn thành vượt mức, xuất sắc nhiệm vụ, "
    "là tập thể tiêu biểu xuất sắc, dẫn đầu cụm, khối thi đua của bộ, ngành, tỉnh, đoàn thể trung ương."
)
_L03_CO_CP = (
    "Luật TĐKT 2003, Điều 25: '1. Có thành tích, hoàn thành vượt mức các chỉ tiêu thi đua và nhiệm "
    "vụ được giao trong năm; là tập thể tiêu biểu xuất sắc trong toàn quốc; 2. Là tập thể tiêu biểu "
    "xuất sắc nhất trong phong trào thi đua của cấp bộ, ngành, tỉnh, đoàn thể trung ương. 3. Nội bộ "
    "đoàn kết, đi đầu trong việc thực hành tiết kiệm, chống lãng phí, chống tham nhũng và các tệ "
    "nạn xã hội khác.'"
)
_L03_BK_TINH = (
    "Bằng khen cấp bộ, ngành, tỉnh, đoàn thể trung ương tặng cá nhân 'Hoàn thành xuất sắc nhiệm vụ "
    "và nghĩa vụ công dân; có phẩm chất đạo đức tốt; đoàn kết, gương mẫu chấp hành chủ trương, chính "
    "sách của Đảng, pháp luật của Nhà nước; tích cực học tập nâng cao trình độ chuyên môn, nghiệp "
    "vụ'; tập thể 'Hoàn thành xuất sắc nhiệm vụ; nội bộ đoàn kết...' (giaithuong.vn; số điều chưa "
    "xác minh)."
)
_L03_BK_TTG = (
    "Luật TĐKT 2003, Điều 70 và Nghị định 91/2017/NĐ-CP, Điều 38: Bằng khen của Thủ tướng Chính "
    "phủ tặng cá nhân, tập thể gương mẫu chấp hành tốt chủ trương của Đảng, chính sách, pháp luật "
    "của Nhà nước, lập được thành tích thường xuyên hoặc đột xuất (ngoisao.vn tóm tắt)."
)
_GIAY_KHEN = (
    "Giấy khen của thủ trưởng cơ quan, đơn vị (trong tổ chức Công đoàn: của BCH công đoàn cấp trên "
    "trực tiếp cơ sở) tặng cá nhân, tập thể hoàn thành tốt nhiệm vụ, có thành tích trong phong trào "
    "thi đua (số điều về tiêu chuẩn chưa xác minh)."
)

# --- criteria texts: Luật 2022 --------------------------------------------------------------

_L22_LDTT = (
    "Luật TĐKT 2022, Điều 24: danh hiệu 'Lao động tiên tiến' tặng cán bộ, công chức, viên chức, "
    "người lao động: 'Hoàn thành tốt nhiệm vụ trở lên; có tinh thần tự lực, tự cường, đoàn kết, "
    "tương trợ, tích cực tham gia phong trào thi đua.'"
)
_L22_CSTD_CS = (
    "Luật TĐKT 2022, Điều 23 (theo laodong.vn: 'Article 23 of the Law on Emulation and Commendation 2022 "
    "stipulates the title of \"Emulation Fighter at the grassroots level\"'): '(1) Đạt tiêu chuẩn danh hiệu lao động tiên tiến "
    "hoặc chiến sĩ tiên tiến; (2) Hoàn thành xuất sắc nhiệm vụ hoặc có sáng kiến được cơ sở công "
    "nhận hoặc có đề tài khoa học, đề án khoa học, công trình khoa học và công nghệ đã được nghiệm "
    "thu hoặc mưu trí, sáng tạo trong chiến đấu, phục vụ chiến đấu được đơn vị công nhận.' Sáng "
    "kiến không còn bắt buộc."
)
_L22_CSTD_TINH = (
    "Luật TĐKT 2022 (số điều chưa xác minh; baoyenbai.com.vn): 'Có thành tích xuất sắc tiêu biểu "
    'được lựa chọn trong số những cá nhân có 03 lần liên tục được tặng danh hiệu "Chiến sĩ thi đua '
    'cơ sở"; có sáng kiến đã được áp dụng hiệu quả và có khả năng nhân rộng trong Bộ, ban, ngành, '
    "tỉnh hoặc có đề tài khoa học ... có phạm vi ảnh hưởng trong Bộ, ban, ngành, tỉnh ...'"
)
_L22_CSTD_TQ = (
    "Luật TĐKT 2022, Điều 21 (lawnet.vn: 'Article 21. Title \"National emulation fighter\"'; "
    "baoyenbai.com.vn): 'Có thành tích xuất sắc tiêu biểu được lựa chọn trong số những cá nhân có 02 lần liên tục được tặng danh hiệu chiến sĩ "
    "thi đua Bộ, ban, ngành, tỉnh; có sáng kiến đã được áp dụng hiệu quả và có khả năng nhân rộng "
    "trong toàn quốc hoặc có đề tài khoa học ... có phạm vi ảnh hưởng trong toàn quốc ...'"
)
_L22_TTLDXS = (
    "Luật TĐKT 2022, Điều 27: 'a) Hoàn thành xuất sắc nhiệm vụ được giao; b) Tích cực tham gia "
    "phong trào thi đua thường xuyên, thiết thực, hiệu quả; c) Có 100% cá nhân trong tập thể hoàn "
    'thành nhiệm vụ được giao, trong đó có ít nhất là 70% cá nhân đạt danh hiệu "Lao động tiên '
    'tiến"; d) Có cá nhân đạt danh hiệu "Chiến sĩ thi đua cơ sở"; đ) Nội bộ đoàn kết, gương mẫu '
    "chấp hành tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.'"
)
_L22_TTLDTT = (
    "Luật TĐKT 2022 (điều về 'Tập thể lao động tiên tiến'; chưa đọc nguyên văn): hoàn thành tốt "
    "nhiệm vụ; tích cực tham gia phong trào thi đua; có trên một nửa số cá nhân đạt 'Lao động tiên "
    "tiến'; nội bộ đoàn kết."
)
_L22_CO_TINH = (
    "Luật TĐKT 2022 (điều về cờ thi đua của Bộ, ban, ngành, tỉnh; chưa đọc nguyên văn): tập thể "
    "hoàn thành xuất sắc, toàn diện nhiệm vụ, tiêu biểu, dẫn đầu phong trào thi đua (cụm, khối) của "
    "Bộ, ban, ngành, tỉnh."
)
_L22_CO_CP = (
    "Luật TĐKT 2022 (điều về 'Cờ thi đua của Chính phủ'; chưa đọc nguyên văn): tập thể tiêu biểu "
    "xuất sắc nhất trong phong trào thi đua của Bộ, ban, ngành, tỉnh."
)
_L22_BK = (
    "Luật TĐKT 2022 (chưa đọc nguyên văn điều về Bằng khen): cá nhân, tập thể hoàn thành xuất sắc "
    "nhiệm vụ, có thành tích tiêu biểu trong phong trào thi đua."
)

# --- union criteria -------------------------------------------------------------------------

_U_CO_TLD = (
    "Cờ thi đua của Tổng Liên đoàn: tặng đơn vị 'đã hoàn thành xuất sắc, toàn diện nhiệm vụ công "
    "tác, dẫn đầu phong trào thi đua' của cụm, khối thi đua trực thuộc Tổng Liên đoàn "
    "(laodongthudo.vn 12/2022). Điều khoản trong Quy chế khen thưởng chưa đọc."
)
_U_BK_TLD_1689 = (
    "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1689/QĐ-TLĐ 2019), Điều 14 khoản 1: '1.1. Hai "
    "năm liên tục (tính cả năm đề nghị khen thưởng) hoàn thành xuất sắc nhiệm vụ, trong thời gian "
    "đó có 02 sáng kiến được công nhận và áp dụng hiệu quả trong phạm vi cấp cơ sở. 1.2. Năm trước "
    "liền kề thời điểm đề nghị khen thưởng Bằng khen của Tổng Liên đoàn đã được tặng Bằng khen của "
    "Liên đoàn Lao động tỉnh, thành phố, Công đoàn ngành Trung ương.'"
)
_U_CO_LDLD_1564 = (
    "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1564/QĐ-TLĐ 2014), Điều 11: 'xét tặng cho Công "
    "đoàn cơ sở và Công đoàn cấp trên trực tiếp cơ sở hoàn thành xuất sắc nhiệm vụ công tác được "
    "Liên đoàn Lao động tỉnh, thành phố ... công nhận. Có thành tích xuất sắc trong phong trào thi "
    "đua do Liên đoàn Lao động tỉnh, thành phố ... tổ chức phát động.'"
)
_U_CO_LDLD = (
    "Cờ thi đua của BCH LĐLĐ tỉnh, thành phố: CĐCS và công đoàn cấp trên trực tiếp cơ sở hoàn thành "
    "xuất sắc nhiệm vụ, có thành tích xuất sắc trong phong trào thi đua do LĐLĐ tỉnh phát động "
    "(nội dung QĐ 1564/QĐ-TLĐ Điều 11; quy chế sau đó chưa đọc)."
)
_U_BK_LDLD = (
    "Bằng khen của BCH LĐLĐ tỉnh, thành phố: cá nhân, tập thể có thành tích xuất sắc trong phong "
    "trào thi đua và hoạt động công đoàn (điều khoản trong Quy chế khen thưởng chưa đọc)."
)
_U_GK_CD = (
    "Giấy khen của BCH công đoàn cấp trên trực tiếp cơ sở: cá nhân, tập thể hoàn thành tốt nhiệm "
    "vụ, có thành tích trong phong trào thi đua (điều khoản chưa đọc)."
)
_U_KNC = (
    "Hướng dẫn 149/HD-TLĐ ngày 04/02/2015 (theo QĐ 1564/QĐ-TLĐ): Kỷ niệm chương 'Vì sự nghiệp xây "
    "dựng tổ chức Công đoàn' ghi nhận công lao, cống hiến; tặng một lần; cán bộ công đoàn chuyên "
    "trách và ủy viên BCH CĐCS trở lên 'có thời gian công tác công đoàn từ đủ 20 năm trở lên (liên "
    "tục hoặc cộng dồn)'; thời gian không chuyên trách nhân hệ số 1,5, không chuyên trách ở CĐCS "
    "doanh nghiệp ngoài nhà nước nhân hệ số 2; công chức, viên chức đơn vị sự nghiệp công đoàn đủ "
    "25 năm (congdoanvienchucvn.org.vn 2019; nganhangphapluat 2022)."
)
_U_LDST_1564 = (
    "Quy chế khen thưởng (QĐ 1564/QĐ-TLĐ 2014), Điều 16: Bằng Lao động sáng tạo xét tặng hằng năm "
    "cho đoàn viên có đề tài khoa học cấp cơ sở, sáng kiến được ứng dụng, được cấp có thẩm quyền "
    "công nhận, giá trị làm lợi: công nhân, viên chức trình độ cao đẳng trở xuống 'từ 1 giải pháp "
    "trở lên với tổng giá trị làm lợi từ 80 triệu đồng trở lên hoặc 3 năm liên tục ... từ 120 triệu "
    "đồng trở lên'; trình độ đại học trở lên 'từ 150 triệu đồng'; cán bộ lãnh đạo quản lý 'từ 200 "
    "triệu đồng' ..."
)
_U_LDST = (
    "Bằng Lao động sáng tạo của Tổng Liên đoàn: đoàn viên có đề tài, sáng kiến được áp dụng, có giá "
    "trị làm lợi theo ngưỡng của Quy chế khen thưởng đang áp dụng (ngưỡng 80/120/150/200 triệu đồng "
    "đọc được cho QĐ 1564/2014; quy chế sau chưa đọc)."
)
_U_DV_XS = (
    "'Đoàn viên công đoàn xuất sắc': đoàn viên thực hiện xuất sắc nhiệm vụ đoàn viên theo Điều lệ "
    "Công đoàn Việt Nam (hướng dẫn bình xét của CĐCS; văn bản gốc của Tổng Liên đoàn chưa đọc)."
)
_G_1294 = (
    "Hướng dẫn 1294/HD-TLĐ (2019): xếp loại chất lượng hoạt động CĐCS theo số điểm thành 4 mức: "
    "'CĐCS hoàn thành xuất sắc nhiệm vụ, CĐCS hoàn thành tốt nhiệm vụ, CĐCS hoàn thành nhiệm vụ và "
    "CĐCS không hoàn thành nhiệm vụ' (nld.com.vn 8/2019). Thang điểm chưa đọc."
)
_G_OLD = (
    "Thang xếp loại CĐCS trước 2019 (hướng dẫn của Tổng Liên đoàn, số hiệu chưa xác minh): vững "
    "mạnh từ 85 điểm trở lên và đủ điều kiện (không tiêu chuẩn nào dưới 50% số điểm...); 'khá: ... "
    "từ 70 điểm đến dưới 85 điểm'; 'trung bình: ... từ 50 điểm đến dưới 70 điểm'; 'yếu: ... dưới "
    "50 điểm'."
)


_ND98_COMMENDATION_NOT_READ = (
    "Hệ số chưa đọc được và bảng tóm tắt ban đầu (docs/award-rules.md) không cho số - để trống. Cần đọc: Nghị định 98/2023/NĐ-CP, Điều 58 "
    "khoản 1 (các điểm về Bằng khen của Thủ tướng, bằng khen của bộ, ban, ngành, tỉnh, Giấy khen; chỉ điểm d "
    "- Kỷ niệm chương - đọc được qua baochinhphu.vn) và khoản 2 (mức cho tập thể)."
)


def _coefficient_note(rs: str) -> str:
    """What an unverified title coefficient of this rule set still needs."""
    if rs == "ND42-2010":
        return (
            " Hệ số đọc trong quyết định của UBND tỉnh Bến Tre áp dụng NĐ 42/2010 (xem source), chưa đọc "
            "nguyên văn điều của NĐ 42/2010 (bảng kèm QĐ 2091/QĐ-UBND 2013 của Bình Định dẫn 'Điều 71, 72, "
            "73, 75 và 76') - đối chiếu rồi đặt verified."
        )
    return " Hệ số chưa đối chiếu văn bản của bộ quy tắc này."


def _state_titles(rs: str) -> list[AwardForm]:
    """State emulation titles and commendation forms for one rule set."""
    law2022 = rs in ("ND98-2023", "ND152-2025")
    out: list[AwardForm] = []

    # -- coefficient sources / values per rule set -------------------------------------------
    if rs == "ND42-2010":
        # Read in a provincial decision applying NĐ 42/2010 (the decree's own article not read). The flags
        # differ from NĐ 91/2017 (15,5 / 24,5, not 8 / 12): the brief's pre-2024 table is NĐ 91's.
        c = {
            LDTT: (0.3, None),
            CSTD_CS: (1.0, None),
            CSTD_TINH: (3.0, None),
            CSTD_TQ: (4.5, None),
            TTLDTT: (None, 0.8),
            TTLDXS: (None, 1.5),
            CO_TINH: (None, 15.5),
            CO_CP: (None, 24.5),
        }
        csrc = {
            LDTT: f"{_ND42_BENTRE}: 'Danh hiệu “Lao động tiên tiến” thưởng 0,3 lần MLCS (370 ngàn đồng)'",
            CSTD_CS: f"{_ND42_BENTRE}: 'Danh hiệu “Chiến sĩ thi đua cơ sở” thưởng 1,0 lần MLCS (1,21 triệu đồng)'",
            CSTD_TINH: f"{_ND42_BENTRE}: 'Danh hiệu “Chiến sĩ thi đua cấp tỉnh” thưởng 3,0 lần MLCS (3,63 triệu "
            "đồng)'",
            CSTD_TQ: f"{_ND42_BENTRE}: 'Danh hiệu “Chiến sĩ thi đua toàn quốc” thưởng 4,5 lần MLCS, được quy đổi "
            "tiền thưởng là 5,45 triệu đồng'",
            TTLDTT: f"{_ND42_BENTRE}: 'Danh hiệu “Tập thể Lao động tiên tiến”, “Đơn vị tiên tiến” thưởng 0,8 lần "
            "MLCS (970 ngàn đồng)'",
            TTLDXS: f"{_ND42_BENTRE}: 'Danh hiệu “Tập thể lao động xuất sắc”, “Đơn vị quyết thắng” thưởng 1,5 lần "
            "MLCS (1,82 triệu đồng)'",
            CO_TINH: f"{_ND42_BENTRE}: 'Danh hiệu “Cờ thi đua cấp tỉnh” thưởng 15,5 lần MLCS (18,76 triệu đồng)'",
            CO_CP: f"{_ND42_BENTRE}: 'Danh hiệu “Cờ thi đua của Chính phủ” thưởng 24,5 lần MLCS (29,65 triệu "
            "đồng)'",
        }
        cver = dict.fromkeys(c, False)
    elif rs == "ND91-2017":
        c = {
            LDTT: (0.3, None),
            CSTD_CS: (1.0, None),
            CSTD_TINH: (3.0, None),
            CSTD_TQ: (4.5, None),
            TTLDTT: (None, 0.8),
            TTLDXS: (None, 1.5),
            CO_TINH: (None, 8.0),
            CO_CP: (None, 12.0),
        }
        csrc = {
            LDTT: 'Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1 điểm d: \'Danh hiệu "Lao động tiên tiến", '
            '"Chiến sĩ tiên tiến" được thưởng 0,3 lần mức lương cơ sở.\'',
            CSTD_CS: "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1: 'Chiến sĩ thi đua cơ sở ... được tặng "
            "Bằng chứng nhận và được thưởng 1,0 lần mức lương cơ sở.'",
            CSTD_TINH: "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1: 'Chiến sĩ thi đua cấp bộ, ngành, tỉnh, "
            "đoàn thể trung ương ... được thưởng 3,0 lần mức lương cơ sở.'",
            CSTD_TQ: "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 1: 'Chiến sĩ thi đua toàn quốc ... được tặng "
            "Bằng, Huy hiệu và được thưởng 4,5 lần mức lương cơ sở.'",
            TTLDTT: "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2 điểm b: 'Danh hiệu \"Tập thể Lao động tiên "
            'tiến", "Đơn vị tiên tiến" được thưởng 0,8 lần mức lương cơ sở.\'',
            TTLDXS: "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2: 'Tập thể lao động xuất sắc', 'Đơn vị quyết "
            "thắng' hệ số 1,5 (hoatieu.vn; Sở Nội vụ Nam Định)",
            CO_TINH: "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2: 'Cờ thi đua cấp bộ, ban, ngành, tỉnh, đoàn "
            "thể trung ương' hệ số 8 (hoatieu.vn; Nam Định: 'Cờ Thi đua của UBND tỉnh 8,0')",
            CO_CP: "Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2: 'Cờ thi đua của Chính phủ' hệ số 12 "
            "(hoatieu.vn; Sở Nội vụ Nam Định)",
        }
        cver = dict.fromkeys(c, True)
    elif rs == "ND98-2023":
        c = {
            LDTT: (0.3, None),
            CSTD_CS: (1.0, None),
            CSTD_TINH: (3.0, None),
            CSTD_TQ: (4.5, None),
            TTLDTT: (None, 0.8),
            TTLDXS: (None, 1.5),
            CO_TINH: (None, 8.0),
            CO_CP: (None, 12.0),
        }
        p = "Nghị định 98/2023/NĐ-CP, Điều 54"
        csrc = {
            LDTT: f'{p} (đối với cá nhân): \'Danh hiệu "Lao động tiên tiến", "Chiến sĩ tiên tiến" được '
            "thưởng 0,3 lần mức lương cơ sở.'",
            CSTD_CS: f'{p} (đối với cá nhân): \'Danh hiệu "Chiến sĩ thi đua cơ sở" được tặng Bằng chứng '
            "nhận, khung và được thưởng 1,0 lần mức lương cơ sở.'",
            CSTD_TINH: f"{p} (đối với cá nhân): 'Danh hiệu Chiến sĩ thi đua bộ, ban, ngành, tỉnh được tặng "
            "Bằng chứng nhận, khung, Huy hiệu, hộp đựng Huy hiệu và được thưởng 3,0 lần mức "
            "lương cơ sở.'",
            CSTD_TQ: f'{p} (đối với cá nhân): \'Danh hiệu "Chiến sĩ thi đua toàn quốc" được tặng Bằng '
            "chứng nhận, khung, Huy hiệu, hộp đựng Huy hiệu và được thưởng 4,5 lần mức lương cơ sở.'",
            TTLDTT: f'{p} (đối với tập thể): \'Danh hiệu "Tập thể Lao động tiên tiến", "Đơn vị tiên tiến" '
            "được thưởng 0,8 lần mức lương cơ sở.'",
            TTLDXS: f'{p} (đối với tập thể): \'Danh hiệu "Tập thể lao động xuất sắc", "Đơn vị quyết '
            "thắng\" được tặng Bằng chứng nhận, khung và được thưởng 1,5 lần mức lương cơ sở.'",
            CO_TINH: f"{p} (đối với tập thể): 'Danh hiệu cờ thi đua của bộ, ban, ngành, tỉnh được tặng cờ "
            "và được thưởng 08 lần mức lương cơ sở'",
            CO_CP: f'{p} (đối với tập thể): \'Danh hiệu "Cờ thi đua của Chính phủ" được tặng cờ và được '
            "thưởng 12,0 lần mức lương cơ sở.'",
        }
        cver = dict.fromkeys(c, True)
    else:  # ND152-2025
        c = {
            LDTT: (0.3, None),
            CSTD_CS: (1.0, None),
            CSTD_TINH: (3.0, None),
            CSTD_TQ: (4.5, None),
            TTLDTT: (None, 0.8),
            TTLDXS: (None, 1.5),
            CO_TINH: (None, 8.0),
            CO_CP: (None, 12.0),
        }
        p = (
            "Nghị định 152/2025/NĐ-CP, Điều 50 (mức tiền thưởng danh hiệu thi đua, hiệu lực 01/7/2025): "
            "Chiến sĩ thi đua toàn quốc 4,5; Chiến sĩ thi đua bộ, ngành, tỉnh 3,0; Chiến sĩ thi đua cơ sở 1,0; "
            "Lao động tiên tiến 0,3; Tập thể lao động xuất sắc 1,5; Tập thể lao động tiên tiến 0,8; Cờ thi đua "
            "của Chính phủ 12,0; cờ thi đua của bộ, ngành, tỉnh 8,0 lần mức lương cơ sở (news.laodong.vn: "
            "'According to Article 50 of Decree 152/2025/ND-CP …'; cùng số liệu ở dantri.com.vn, vietnam.vn; "
            + _CONF_S
            + ")"
        )
        csrc = dict.fromkeys(c, p)
        cver = dict.fromkeys(c, True)

    def coef(code: str) -> Coefficients:
        ci, cc = c[code]
        return {"ci": ci, "cc": cc}

    # -- Lao động tiên tiến ---------------------------------------------------------------
    out.append(
        _form(
            rs,
            LDTT,
            "Lao động tiên tiến",
            "title",
            "individual",
            "grassroots",
            True,
            _L22_LDTT if law2022 else _L03_LDTT,
            csrc[LDTT]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022, Điều 24"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003, Điều 24"
            ),
            cver[LDTT],
            prerequisites=[{"type": "completed_tasks", "level": "good"}],
            **coef(LDTT),
            note="Danh hiệu nền, xét hằng năm." + ("" if cver[LDTT] else _coefficient_note(rs)),
        )
    )

    # -- Chiến sĩ thi đua cơ sở ---------------------------------------------------------------
    if law2022:
        cs_prereq: list[dict[str, Any]] = [
            {"type": "title_years", "form": LDTT, "years": 1, "consecutive": True},
            {
                "type": "any_of",
                "items": [
                    {"type": "completed_tasks", "level": "excellent"},
                    {"type": "initiative", "scope": "grassroots"},
                ],
            },
        ]
        cs_quota: dict[str, Any] | None = None
        cs_note = (
            "Luật 2022 bỏ yêu cầu bắt buộc có sáng kiến. Tỷ lệ tối đa so với số 'Lao động tiên "
            "tiến' (15% thời NĐ 42/TT 07/2014) CHƯA đọc được trong NĐ 98/2023 / NĐ 152/2025 - "
            "chưa seed quota; kiểm tra. Quy định bỏ phiếu của Hội đồng chưa đọc."
        )
    else:
        cs_prereq = [
            {"type": "title_years", "form": LDTT, "years": 1, "consecutive": True},
            {"type": "initiative", "scope": "grassroots"},
        ]
        if rs == "ND42-2010":
            cs_quota = {
                "type": "percent_of_holders",
                "form": LDTT,
                "max_percent": 15,
                "effective_from": "2014-10-15",
                # "không quá" is a ceiling, so round down; the text is silent on small units: at least one
                "rounding": "down",
                "minimum_when_eligible": 1,
                "source": "Thông tư 07/2014/TT-BNV, Điều 5: tỷ lệ 'không quá 15% tổng số cá nhân đạt danh hiệu "
                'danh hiệu "Lao động tiên tiến", "Chiến sĩ tiên tiến"\' (hiệu lực 15/10/2014)',
                "verified": True,
            }
            cs_note = "Quota 15% áp dụng từ 15/10/2014 (TT 07/2014)." + _coefficient_note(rs)
        else:
            cs_quota = None
            cs_note = (
                "Tỷ lệ tối đa 15% so với 'Lao động tiên tiến' đọc được cho TT 07/2014 (thời NĐ 42); "
                "văn bản tương ứng thời NĐ 91 (TT 12/2019/TT-BNV) chưa đọc - chưa seed quota. "
                "Quy định bỏ phiếu cho danh hiệu này chưa đọc."
            )
    out.append(
        _form(
            rs,
            CSTD_CS,
            "Chiến sĩ thi đua cơ sở",
            "title",
            "individual",
            "grassroots",
            True,
            _L22_CSTD_CS if law2022 else _L03_CSTD_CS,
            csrc[CSTD_CS]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022, Điều 23"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003 (sửa đổi 2013), Điều 23"
            ),
            cver[CSTD_CS] and (cs_quota is None or cs_quota["verified"]),
            prerequisites=cs_prereq,
            quota=cs_quota,
            **coef(CSTD_CS),
            note=cs_note,
        )
    )

    # -- Chiến sĩ thi đua cấp bộ, ngành, tỉnh ------------------------------------------------
    vote_nd91 = {
        "threshold_percent": 90,
        "of": "members",
        "secret_ballot": True,
        "source": "Nghị định 91/2017/NĐ-CP, Điều 45 khoản 8: 'Hội đồng thi đua cấp bộ, ban, ngành, "
        "tỉnh, đoàn thể trung ương phải họp và bỏ phiếu kín; ... phải có tỷ lệ phiếu đồng ý "
        "từ 90% trở lên tính trên tổng số thành viên của Hội đồng (nếu thành viên Hội đồng "
        "vắng mặt thì lấy ý kiến bằng văn bản)'",
        "verified": True,
    }
    vote = vote_nd91 if rs == "ND91-2017" else None
    vote_note = (
        ""
        if rs == "ND91-2017"
        else (
            " Bỏ phiếu: NĐ 91/2017 Điều 45 khoản 8 yêu cầu bỏ phiếu kín, ≥90% tổng số thành viên Hội đồng; "
            "quy định tương ứng của bộ quy tắc này chưa đọc - chưa seed, kiểm tra."
        )
    )
    out.append(
        _form(
            rs,
            CSTD_TINH,
            "Chiến sĩ thi đua Bộ, ban, ngành, tỉnh"
            if law2022
            else "Chiến sĩ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương",
            "title",
            "individual",
            "province",
            True,
            _L22_CSTD_TINH if law2022 else _L03_CSTD_TINH,
            csrc[CSTD_TINH]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022 (số điều chưa xác minh)"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003, Điều 22"
            ),
            rs == "ND91-2017" and cver[CSTD_TINH] and vote is not None,
            prerequisites=[
                {"type": "title_years", "form": CSTD_CS, "years": 3, "consecutive": True},
                {"type": "initiative", "scope": "province"},
            ],
            vote=vote,
            **coef(CSTD_TINH),
            note="Trong hệ thống Công đoàn, cấp 'đoàn thể trung ương' là Tổng Liên đoàn (Chiến sĩ thi đua "
            "Tổng Liên đoàn)." + vote_note + ("" if rs == "ND91-2017" else " Hệ số/điều khoản: xem source."),
        )
    )

    # -- Chiến sĩ thi đua toàn quốc -------------------------------------------------------------
    out.append(
        _form(
            rs,
            CSTD_TQ,
            "Chiến sĩ thi đua toàn quốc",
            "title",
            "individual",
            "government",
            False,
            _L22_CSTD_TQ if law2022 else _L03_CSTD_TQ,
            csrc[CSTD_TQ]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022, Điều 21"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003, Điều 21"
            ),
            rs == "ND91-2017" and cver[CSTD_TQ],
            prerequisites=[
                # "hai lần liên tục" of a title that itself crowns three years of CSTĐ cơ sở: 2012 and 2015
                {"type": "title_years", "form": CSTD_TINH, "years": 2, "consecutive": True, "cycle_years": 3},
                {"type": "initiative", "scope": "national"},
            ],
            vote=vote,
            **coef(CSTD_TQ),
            note="Thủ tướng Chính phủ quyết định: hệ thống chỉ lập hồ sơ đề nghị và ghi nhận." + vote_note,
        )
    )

    # -- Tập thể lao động tiên tiến --------------------------------------------------------------
    out.append(
        _form(
            rs,
            TTLDTT,
            "Tập thể lao động tiên tiến",
            "title",
            "collective",
            "grassroots",
            True,
            _L22_TTLDTT if law2022 else _L03_TTLDTT,
            csrc[TTLDTT]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022 (số điều chưa xác minh)"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003, Điều 28 khoản 1"
            ),
            cver[TTLDTT] and not law2022,
            prerequisites=[
                {"type": "completed_tasks", "level": "good"},
                {"type": "share_of_members_with_title", "form": LDTT, "min_percent": 50, "exclusive": True},
                {
                    "type": "manual",
                    "text": "Không có cá nhân bị kỷ luật từ hình thức cảnh cáo trở lên; nội bộ đoàn kết.",
                },
            ],
            **coef(TTLDTT),
            note="'trên 50%' (exclusive)."
            + (
                " Ngưỡng 50% theo Luật 2003 Điều 28; văn bản Luật 2022 chưa đọc - kiểm tra."
                if law2022
                else ""
            ),
        )
    )

    # -- Tập thể lao động xuất sắc ----------------------------------------------------------------
    out.append(
        _form(
            rs,
            TTLDXS,
            "Tập thể lao động xuất sắc",
            "title",
            "collective",
            "province",
            True,
            _L22_TTLDXS if law2022 else _L03_TTLDXS,
            csrc[TTLDXS]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022, Điều 27"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003 (sửa đổi 2013), Điều 27"
            ),
            cver[TTLDXS],
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {"type": "share_of_members_with_title", "form": LDTT, "min_percent": 70},
                {
                    "type": "manual",
                    "text": "100% cá nhân trong tập thể hoàn thành nhiệm vụ; có cá nhân đạt "
                    "'Chiến sĩ thi đua cơ sở'"
                    + ("" if law2022 else "; không có cá nhân bị kỷ luật từ cảnh cáo trở lên")
                    + "; nội bộ đoàn kết.",
                },
            ],
            **coef(TTLDXS),
            note="Do Bộ, ban, ngành, tỉnh, đoàn thể trung ương (trong Công đoàn: Tổng Liên đoàn) quyết định."
            + ("" if cver[TTLDXS] else _coefficient_note(rs))
            + (
                ""
                if law2022
                else " Nguyên văn Điều 27 Luật 2003 đọc qua văn bản hướng dẫn ngành "
                "(TT 06/2015/TT-BXD), cùng câu chữ."
            ),
        )
    )

    # -- Cờ thi đua cấp bộ, ngành, tỉnh -------------------------------------------------------------
    out.append(
        _form(
            rs,
            CO_TINH,
            "Cờ thi đua của Bộ, ban, ngành, tỉnh"
            if law2022
            else "Cờ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương",
            "title",
            "collective",
            "province",
            True,
            _L22_CO_TINH if law2022 else _L03_CO_TINH,
            csrc[CO_TINH]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022 (số điều chưa xác minh)"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003, Điều 26 (chưa đọc nguyên văn)"
            ),
            cver[CO_TINH],
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {"type": "manual", "text": "Tập thể tiêu biểu xuất sắc, dẫn đầu cụm, khối thi đua."},
            ],
            **coef(CO_TINH),
            note="Trong Công đoàn tương ứng Cờ thi đua của Tổng Liên đoàn."
            + ("" if cver[CO_TINH] else _coefficient_note(rs)),
        )
    )

    # -- Cờ thi đua của Chính phủ ----------------------------------------------------------------
    out.append(
        _form(
            rs,
            CO_CP,
            "Cờ thi đua của Chính phủ",
            "title",
            "collective",
            "government",
            False,
            _L22_CO_CP if law2022 else _L03_CO_CP,
            csrc[CO_CP]
            + (
                "; tiêu chuẩn: Luật TĐKT 2022 (số điều chưa xác minh)"
                if law2022
                else "; tiêu chuẩn: Luật TĐKT 2003, Điều 25"
            ),
            cver[CO_CP],
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {
                    "type": "manual",
                    "text": "Tập thể tiêu biểu xuất sắc nhất trong phong trào thi đua của "
                    "bộ, ngành, tỉnh, đoàn thể trung ương (đề nghị từ cụm, khối).",
                },
            ],
            **coef(CO_CP),
            note="Thủ tướng quyết định: hệ thống chỉ đề nghị và ghi nhận. bảng tóm tắt ban đầu (docs/award-rules.md) nói 'dẫn đầu nhiều năm "
            "liên tục' - không thấy trong Điều 25 Luật 2003; không seed số năm."
            + ("" if cver[CO_CP] else _coefficient_note(rs)),
        )
    )

    # -- Giấy khen ------------------------------------------------------------------------------------
    if rs == "ND91-2017":
        gk: Coefficients = {"ci": 0.3, "cc": 0.6}
        gk_src = (
            "Nghị định 91/2017/NĐ-CP, Điều 73 khoản 1 (Giấy khen của thủ trưởng cơ quan, đơn vị: "
            "0,3 lần mức lương cơ sở - hoatieu.vn, muthibiscus.com) và Điều 73 khoản 2 điểm b: "
            "'Tập thể được tặng Giấy khen các cấp được kèm theo tiền thưởng gấp hai lần tiền "
            "thưởng đối với cá nhân.'"
        )
        gk_ver = True
        gk_note = (
            "Giấy khen của Chủ tịch UBND cấp xã: 0,15 (Điều 73 khoản 1 điểm d) - không dùng cho Công đoàn."
        )
    elif rs == "ND152-2025":
        gk = {"ci": 0.3, "cc": None}
        gk_src = (
            "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm e: Giấy khen quy định tại các điểm a, "
            "b, c, d khoản 1 Điều 75 Luật Thi đua, khen thưởng: 'kèm theo mức tiền thưởng 0,3 lần "
            "mức lương cơ sở' (news.laodong.vn)"
        )
        gk_ver = False
        gk_note = (
            "Mức cho tập thể (khoản 2 Điều 54?) chưa đọc - coefficient_collective để trống. "
            "Giấy khen của Công đoàn có thuộc Điều 75 khoản 1 Luật hay không: kiểm tra."
        )
    else:
        gk = {"ci": None, "cc": None}
        gk_src = (
            "Nghị định 98/2023/NĐ-CP, Điều 58 (chưa đọc điểm về Giấy khen)"
            if rs == "ND98-2023"
            else "Nghị định 42/2010/NĐ-CP (chưa đọc)"
        )
        gk_ver = False
        gk_note = (_ND42_COMMENDATION_NOT_READ if rs == "ND42-2010" else _ND98_COMMENDATION_NOT_READ) + (
            " Tham khảo: NĐ 91/2017 là 0,3 (tập thể gấp đôi). Giấy khen của Chủ tịch UBND cấp xã (0,15, Điều "
            "58 khoản 1 điểm g) là hình thức khác: xem giay-khen-chu-tich-ubnd-cap-xa."
            if rs == "ND98-2023"
            else " Tham khảo: NĐ 91/2017 là 0,3 (tập thể gấp đôi); theo laodong.vn, NĐ 98/2023 cho Giấy khen Chủ "
            "tịch UBND xã 0,15."
        )
    out.append(
        _form(
            rs,
            GIAY_KHEN,
            "Giấy khen",
            "commendation",
            "both",
            "grassroots",
            True,
            _GIAY_KHEN,
            gk_src,
            gk_ver,
            prerequisites=[{"type": "completed_tasks", "level": "good"}],
            **gk,
            note=gk_note,
        )
    )

    # -- Giấy khen của Chủ tịch UBND cấp xã (record only: not a union form) ------------------------
    if rs in ("ND98-2023", "ND152-2025"):
        if rs == "ND98-2023":
            gx: Coefficients = {"ci": 0.15, "cc": None}
            gx_src = (
                "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 điểm g: Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã "
                "0,15 lần mức lương cơ sở ('hoặc 351.000 đồng' ở mức 2.340.000; Bộ Nội vụ trả lời, "
                "news.laodong.vn; " + _CONF_S + ")"
            )
            gx_note = (
                "Tập thể: Điều 58 khoản 2 điểm c cho 'gấp hai lần' mức cá nhân của điểm e, mà mức điểm e chưa "
                "đọc - để trống."
            )
        else:
            gx = {"ci": 0.3, "cc": None}
            gx_src = (
                "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm e: Giấy khen quy định tại các điểm a, b, c, d "
                "khoản 1 Điều 75 Luật Thi đua, khen thưởng (gồm Giấy khen của Chủ tịch UBND cấp xã) 0,3 lần mức "
                "lương cơ sở (news.laodong.vn: 'tăng gấp đôi mức tiền thưởng'; " + _CONF_S + ")"
            )
            gx_note = "Tập thể (Điều 54 khoản 2) chưa đọc - để trống; hộ gia đình 1,5 lần mức cá nhân (S)."
        out.append(
            _form(
                rs,
                GK_XA,
                "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã",
                "commendation",
                "both",
                "grassroots",
                False,
                "Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã (Luật TĐKT 2022, Điều 75 khoản 1): chỉ ghi nhận "
                "khi nhập lịch sử khen thưởng; tổ chức Công đoàn không tặng hình thức này.",
                gx_src,
                True,
                prerequisites=[{"type": "manual", "text": "Không xét trong hệ thống."}],
                **gx,
                note="Chỉ ghi nhận. " + gx_note,
            )
        )

    # -- Bằng khen cấp bộ, ngành, tỉnh -------------------------------------------------------------
    if rs == "ND91-2017":
        bk: Coefficients = {"ci": 1.0, "cc": 2.0}
        bk_src = (
            "Nghị định 91/2017/NĐ-CP, Điều 73: 'Bằng khen cấp bộ, ban, ngành, tỉnh, đoàn thể trung "
            "ương' 1,0 lần mức lương cơ sở (hoatieu.vn, plo.vn); 'Đối với tập thể, mức thưởng gấp "
            "hai lần mức thưởng đối với cá nhân' (plo.vn; ví dụ 2.980.000/1.490.000)"
        )
        bk_ver = True
        bk_note = ""
    elif rs == "ND152-2025":
        bk = {"ci": 1.5, "cc": None}
        bk_src = (
            "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b: 'Cá nhân được tặng hoặc truy tặng "
            "bằng khen của bộ, ban, ngành, tỉnh được tặng bằng, khung và được thưởng 1,5 lần mức "
            "lương cơ sở'"
        )
        bk_ver = False
        bk_note = "Mức cho tập thể chưa đọc - để trống (NĐ 91 là gấp đôi)."
    else:
        bk = {"ci": None, "cc": None}
        bk_src = (
            "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 (điểm về bằng khen của bộ, ban, ngành, tỉnh chưa đọc)"
            if rs == "ND98-2023"
            else "Nghị định 42/2010/NĐ-CP (chưa đọc)"
        )
        bk_ver = False
        bk_note = (_ND42_COMMENDATION_NOT_READ if rs == "ND42-2010" else _ND98_COMMENDATION_NOT_READ) + (
            " Tham khảo: NĐ 91/2017 = 1,0 (tập thể 2,0); NĐ 152/2025 = 1,5."
        )
    out.append(
        _form(
            rs,
            BK_TINH,
            "Bằng khen của Bộ, ban, ngành, tỉnh"
            if law2022
            else "Bằng khen cấp bộ, ngành, tỉnh, đoàn thể trung ương",
            "commendation",
            "both",
            "province",
            True,
            _L22_BK if law2022 else _L03_BK_TINH,
            bk_src,
            bk_ver,
            prerequisites=[{"type": "completed_tasks", "level": "excellent"}],
            **bk,
            note=(
                "Trong Công đoàn tương ứng Bằng khen của Tổng Liên đoàn (đoàn thể trung ương). " + bk_note
            ).strip(),
        )
    )

    # -- Bằng khen của Thủ tướng Chính phủ ---------------------------------------------------------
    if rs == "ND91-2017":
        bt: Coefficients = {"ci": 3.5, "cc": 7.0}
        bt_src = (
            "Nghị định 91/2017/NĐ-CP, Điều 73: 'Certificate of Merit from the Prime Minister ... "
            "rewarded 3.5 times the statutory pay rate; collectives ... double the reward amount "
            "for individuals' (lawnet.vn); bảng hệ số 3,5 (hoatieu.vn, muthibiscus.com)"
        )
        bt_ver = True
        bt_note = ""
    elif rs == "ND152-2025":
        bt = {"ci": None, "cc": None}
        bt_src = (
            "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm a (Bằng khen của Thủ tướng Chính phủ): các nguồn "
            "mâu thuẫn - để trống"
        )
        bt_ver = False
        bt_note = (
            "Nguồn mâu thuẫn: suckhoedoisong.vn ghi 3,5 lần mức lương cơ sở, bản dịch tiếng Nhật của laodong.vn "
            "ghi 3 lần (bản dịch này từng đổi '0,3' thành '3 lần', không tin được ở số thập phân). Chưa đọc "
            "nguyên văn điểm a khoản 1 Điều 54 - để trống; quản trị viên nhập từ văn bản. Mức cho tập thể "
            "(khoản 2) chưa đọc."
        )
    else:
        bt = {"ci": None, "cc": None}
        bt_src = (
            "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 (điểm về Bằng khen của Thủ tướng chưa đọc)"
            if rs == "ND98-2023"
            else "Nghị định 42/2010/NĐ-CP (chưa đọc)"
        )
        bt_ver = False
        bt_note = (_ND42_COMMENDATION_NOT_READ if rs == "ND42-2010" else _ND98_COMMENDATION_NOT_READ) + (
            " Tham khảo: NĐ 91/2017 và NĐ 152/2025 đều 3,5."
        )
    out.append(
        _form(
            rs,
            BK_TTG,
            "Bằng khen của Thủ tướng Chính phủ",
            "commendation",
            "both",
            "government",
            False,
            _L03_BK_TTG
            if not law2022
            else (
                "Luật TĐKT 2022 (chưa đọc nguyên văn): cá nhân, tập thể có thành tích xuất sắc tiêu biểu, "
                "thường là sau khi đã được tặng bằng khen của Bộ, ban, ngành, tỉnh."
            ),
            bt_src,
            bt_ver,
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
            **bt,
            note=(
                "Thủ tướng quyết định: chỉ đề nghị và ghi nhận. Điều kiện 'đã có Bằng khen cấp bộ, tỉnh' "
                "theo bảng tóm tắt ban đầu (docs/award-rules.md); số năm chưa xác minh. " + bt_note
            ).strip(),
        )
    )

    # -- Huân chương Lao động hạng Ba (record only) ------------------------------------------------
    if rs == "ND98-2023":
        h3: Coefficients = {"ci": 4.5, "cc": 9.0}
        h3_src = (
            'Nghị định 98/2023/NĐ-CP, Điều 55 khoản 1 điểm h: \'"Huân chương Lao động" hạng Ba, '
            '"Huân chương Chiến công" hạng Ba, "Huân chương Bảo vệ Tổ quốc" hạng Ba và "Huân '
            "chương Dũng cảm\": 4,5 lần mức lương cơ sở.' (thuvienphapluat.vn); Điều 55 khoản 2: "
            "'Collectives awarded Medals of all types … bonus amount twice the bonus amount for individuals' "
            "(news.laodong.vn; " + _CONF_S + ")"
        )
        h3_ver = True
        h3_note = "Tập thể 9,0 = 2 x 4,5 theo Điều 55 khoản 2."
    elif rs == "ND152-2025":
        h3 = {"ci": 4.5, "cc": 9.0}
        h3_src = (
            "Nghị định 152/2025/NĐ-CP, Điều 51 khoản 1 điểm h: 4,5 lần mức lương cơ sở; khoản 2: "
            "'Tập thể được tặng thưởng Huân chương các loại được tặng thưởng Bằng, khung, Huân "
            "chương kèm theo mức tiền thưởng gấp hai lần mức tiền thưởng đối với cá nhân'"
        )
        h3_ver = True
        h3_note = ""
    else:
        h3 = {"ci": None, "cc": None}
        h3_src = (
            "Nghị định 91/2017/NĐ-CP, Điều 70 khoản 1 (điểm về Huân chương Lao động hạng ba chưa đọc)"
            if rs == "ND91-2017"
            else "Nghị định 42/2010/NĐ-CP (chưa đọc)"
        )
        h3_ver = False
        h3_note = (
            "Hệ số chưa đọc, bảng tóm tắt ban đầu (docs/award-rules.md) không cho số - để trống. NĐ 98/2023 và NĐ 152/2025: 4,5 "
            "(tập thể gấp đôi theo NĐ 152)."
        )
    out.append(
        _form(
            rs,
            HCLD3,
            "Huân chương Lao động hạng Ba",
            "commendation",
            "both",
            "state",
            False,
            "Chủ tịch nước quyết định theo đề nghị; hệ thống chỉ ghi nhận (ví dụ về hình thức chỉ ghi nhận).",
            h3_src,
            h3_ver,
            prerequisites=[
                {
                    "type": "manual",
                    "text": "Tiêu chuẩn Huân chương theo Luật và Nghị định; không xét trong hệ thống.",
                }
            ],
            **h3,
            note=("Chỉ ghi nhận. " + h3_note).strip(),
        )
    )

    # -- Huân chương Sao vàng (record only) -----------------------------------------------------------
    if rs == "ND91-2017":
        sv: Coefficients = {"ci": 46.0, "cc": 92.0}
        sv_src = (
            'Nghị định 91/2017/NĐ-CP, Điều 70 khoản 1: \'"Huân chương Sao vàng": 46,0 lần mức lương '
            "cơ sở' (plo.vn); tập thể 92,0 (Sở Nội vụ Nam Định, bảng tóm tắt ban đầu (docs/award-rules.md))"
        )
        sv_ver = True
    elif rs == "ND98-2023":
        sv = {"ci": 46.0, "cc": 92.0}
        sv_src = (
            'Nghị định 98/2023/NĐ-CP, Điều 55 khoản 1 điểm a: \'"Huân chương Sao vàng": 46,0 lần mức '
            "lương cơ sở' (thuvienphapluat.vn); Điều 55 khoản 2: tập thể 'twice the bonus amount for "
            "individuals' (news.laodong.vn; " + _CONF_S + ")"
        )
        sv_ver = True
    elif rs == "ND152-2025":
        sv = {"ci": 46.0, "cc": 92.0}
        sv_src = (
            "Nghị định 152/2025/NĐ-CP, Điều 51 khoản 1 điểm a: 46,0 lần mức lương cơ sở; khoản 2: "
            "tập thể 'gấp hai lần mức tiền thưởng đối với cá nhân'"
        )
        sv_ver = True
    else:
        sv = {"ci": None, "cc": None}
        sv_src = "Nghị định 42/2010/NĐ-CP (điều về tiền thưởng Huân chương chưa đọc)"
        sv_ver = False
    out.append(
        _form(
            rs,
            HC_SAO_VANG,
            "Huân chương Sao vàng",
            "commendation",
            "both",
            "state",
            False,
            "Chủ tịch nước quyết định; hệ thống chỉ ghi nhận.",
            sv_src,
            sv_ver,
            prerequisites=[{"type": "manual", "text": "Không xét trong hệ thống."}],
            **sv,
            note="Chỉ ghi nhận."
            + (
                " Hệ số của NĐ 42/2010 chưa đọc - để trống (46,0/92,0 của bảng tóm tắt ban đầu (docs/award-rules.md) là số của NĐ 91/2017; ở cờ thi "
                "đua NĐ 42/2010 khác NĐ 91/2017 nên không chép)."
                if rs == "ND42-2010"
                else ""
            ),
        )
    )
    return out


def _union_forms(rs: str) -> list[AwardForm]:
    """Trade-union forms (Quy chế khen thưởng của tổ chức Công đoàn) for one rule set."""
    out: list[AwardForm] = []
    reg = {
        "ND42-2010": "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1564/QĐ-TLĐ ngày 24/12/2014)",
        "ND91-2017": "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 2106/QĐ-TLĐ 28/12/2017; QĐ "
        "1689/QĐ-TLĐ 12/11/2019)",
        "ND98-2023": "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1689/QĐ-TLĐ 2019; QĐ 999/QĐ-TLĐ "
        "29/5/2024)",
        "ND152-2025": "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 999/QĐ-TLĐ 29/5/2024)",
    }[rs]

    # Cờ thi đua Tổng Liên đoàn = cờ thi đua cấp đoàn thể trung ương
    if rs == "ND91-2017":
        co: Coefficients = {"ci": None, "cc": 8.0}
        co_src = (
            f"{reg}; tiền thưởng: Nghị định 91/2017/NĐ-CP, Điều 69 khoản 2 ('Cờ thi đua cấp bộ, ban, "
            "ngành, tỉnh, đoàn thể trung ương' hệ số 8)"
        )
        co_ver = True
    elif rs == "ND98-2023":
        co = {"ci": None, "cc": 8.0}
        co_src = (
            f"{reg}; tiền thưởng: Nghị định 98/2023/NĐ-CP, Điều 54 ('cờ thi đua của bộ, ban, ngành, "
            "tỉnh ... 08 lần mức lương cơ sở')"
        )
        co_ver = True
    elif rs == "ND42-2010":
        co = {"ci": None, "cc": 15.5}
        co_src = (
            f"{reg}; tiền thưởng theo cờ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương: {_ND42_BENTRE}: "
            "'Danh hiệu “Cờ thi đua cấp tỉnh” thưởng 15,5 lần MLCS (18,76 triệu đồng)'"
        )
        co_ver = False
    else:
        co = {"ci": None, "cc": 8.0}
        co_src = (
            f"{reg}; tiền thưởng: Nghị định 152/2025/NĐ-CP, Điều 50 ('cờ thi đua của bộ, ban, ngành, tỉnh' 8,0 "
            "lần mức lương cơ sở; news.laodong.vn; " + _CONF_S + ")"
        )
        co_ver = True
    out.append(
        _form(
            rs,
            CO_TLD,
            "Cờ thi đua của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
            "union",
            "collective",
            "confederation",
            True,
            _U_CO_TLD,
            co_src,
            co_ver,
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {
                    "type": "manual",
                    "text": "Dẫn đầu cụm, khối thi đua của Tổng Liên đoàn; được cụm, khối suy tôn.",
                },
            ],
            equivalent_to=CO_TINH,
            **co,
            note="Tổng Liên đoàn là 'đoàn thể trung ương': tiền thưởng theo cờ thi đua cấp bộ, ngành, đoàn "
            "thể trung ương. Điều khoản tiêu chuẩn trong Quy chế chưa đọc.",
        )
    )

    # Bằng khen Tổng Liên đoàn
    if rs == "ND91-2017":
        bk: Coefficients = {"ci": 1.0, "cc": 2.0}
        bk_src = (
            f"{reg}, QĐ 1689/QĐ-TLĐ Điều 14 khoản 1 (tiêu chuẩn cá nhân); tiền thưởng: Nghị định "
            "91/2017/NĐ-CP, Điều 73 ('Bằng khen của Bộ trưởng, Thủ trưởng ban, ngành, đoàn thể trung "
            "ương ...' 1,0; tập thể gấp hai)"
        )
        bk_ver = True
        bk_prereq: list[dict[str, Any]] = [
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
        bk_note = (
            "Tiêu chuẩn đọc được cho QĐ 1689/2019 (từ 12/11/2019); QĐ 2106/2017 (2017-2019) chưa "
            "đọc. Tiêu chuẩn tập thể (khoản 2) chưa đọc."
        )
    else:
        bk = {"ci": 1.5, "cc": None} if rs == "ND152-2025" else {"ci": None, "cc": None}
        bk_src = (
            f"{reg}; tiền thưởng: "
            + {
                "ND42-2010": "Nghị định 42/2010/NĐ-CP (chưa đọc)",
                "ND98-2023": "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 (điểm về bằng khen bộ, ban, ngành chưa đọc)",
                "ND152-2025": "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm b (bằng khen của bộ, ban, ngành, "
                "tỉnh: 1,5)",
            }[rs]
        )
        bk_ver = False
        bk_prereq = [
            {"type": "completed_tasks", "level": "excellent"},
            {
                "type": "manual",
                "text": "Tiêu chuẩn theo Quy chế khen thưởng đang áp dụng (chưa đọc; QĐ "
                "1689/2019 Điều 14: 2 năm HTXS, 2 sáng kiến, BK LĐLĐ năm trước).",
            },
        ]
        bk_note = "Tiêu chuẩn của quy chế áp dụng cho giai đoạn này chưa đọc. " + (
            "Áp 1,5 giả định BK Tổng Liên đoàn thuộc 'bằng khen của bộ, ban, ngành' - kiểm tra; "
            "mức tập thể chưa đọc."
            if rs == "ND152-2025"
            else "Hệ số chưa đọc - để trống."
        )
    out.append(
        _form(
            rs,
            BK_TLD,
            "Bằng khen của Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam",
            "union",
            "both",
            "confederation",
            True,
            _U_BK_TLD_1689
            if rs == "ND91-2017"
            else (
                "Bằng khen của Tổng Liên đoàn tặng cá nhân, tập thể hoàn thành xuất sắc nhiệm vụ, có thành "
                "tích tiêu biểu (xem tiêu chuẩn QĐ 1689/2019 Điều 14 ở bộ ND91-2017)."
            ),
            bk_src,
            bk_ver,
            prerequisites=bk_prereq,
            equivalent_to=BK_TINH,
            **bk,
            note=bk_note,
        )
    )

    # Cờ thi đua LĐLĐ tỉnh
    out.append(
        _form(
            rs,
            CO_LDLD,
            "Cờ thi đua của Ban Chấp hành Liên đoàn Lao động tỉnh, thành phố",
            "union",
            "collective",
            "province",
            True,
            _U_CO_LDLD_1564 if rs == "ND42-2010" else _U_CO_LDLD,
            f"{reg}" + (", Điều 11" if rs == "ND42-2010" else " (điều khoản chưa đọc)"),
            False,
            prerequisites=[
                {"type": "completed_tasks", "level": "excellent"},
                {
                    "type": "manual",
                    "text": "Có thành tích xuất sắc trong phong trào thi đua do LĐLĐ tỉnh phát "
                    "động; tiêu biểu trong cụm, khối.",
                },
            ],
            note="Mức tiền thưởng do Quy chế khen thưởng của tổ chức Công đoàn quy định - chưa đọc, để trống.",
        )
    )

    # Bằng khen LĐLĐ tỉnh
    out.append(
        _form(
            rs,
            BK_LDLD,
            "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh, thành phố",
            "union",
            "both",
            "province",
            True,
            _U_BK_LDLD,
            f"{reg} (điều khoản chưa đọc)",
            False,
            prerequisites=[{"type": "completed_tasks", "level": "excellent"}],
            note="Mức tiền thưởng do Quy chế khen thưởng của tổ chức Công đoàn quy định - chưa đọc, để trống.",
        )
    )

    # Giấy khen công đoàn cấp trên trực tiếp cơ sở
    out.append(
        _form(
            rs,
            GK_CD,
            "Giấy khen của Ban Chấp hành công đoàn cấp trên trực tiếp cơ sở",
            "union",
            "both",
            "upper_union",
            True,
            _U_GK_CD,
            f"{reg} (điều khoản chưa đọc)",
            False,
            prerequisites=[{"type": "completed_tasks", "level": "good"}],
            equivalent_to=GIAY_KHEN,
            note="bảng tóm tắt ban đầu (docs/award-rules.md) coi đây là Giấy khen trong Công đoàn. Mức tiền thưởng của Giấy khen công đoàn "
            "chưa đọc (không chắc thuộc danh sách Giấy khen của Nghị định) - để trống.",
        )
    )

    # Kỷ niệm chương
    if rs == "ND152-2025":
        knc: CappedCoefficients = {"ci": None, "cc": None, "cap": False}
        knc_src = (
            f"{reg}; Hướng dẫn 149/HD-TLĐ 2015 (tiêu chuẩn); tiền thưởng: Nghị định 152/2025/NĐ-CP, Điều 54 "
            "khoản 1 điểm d (Kỷ niệm chương của bộ, tỉnh, tổ chức chính trị - xã hội): các nguồn mâu thuẫn - "
            "để trống"
        )
        knc_ver = False
        knc_note = (
            "Nguồn mâu thuẫn: trước đây seed 'không quá 0,6' (như NĐ 98/2023 Điều 58 khoản 1 điểm d); bản dịch "
            "tiếng Nhật của laodong.vn ghi 'không quá 1 lần' (điểm c, Ủy ban Thường vụ Quốc hội: 0,8). Chưa "
            "đọc nguyên văn - để trống; Tổng Liên đoàn quyết định mức cụ thể trong mức tối đa."
        )
    elif rs == "ND98-2023":
        knc = {"ci": 0.6, "cc": None, "cap": True}
        knc_src = f"{reg}; Hướng dẫn 149/HD-TLĐ 2015 (tiêu chuẩn); tiền thưởng: " + (
            "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 điểm d: 'Cá nhân được tặng Kỷ niệm chương của bộ, "
            "ban, ngành, tỉnh, tổ chức chính trị, tổ chức chính trị - xã hội ... được tặng Bằng, khung, "
            "Kỷ niệm chương, Hộp đựng Kỷ niệm chương và kèm theo mức tiền thưởng không quá 0,6 lần mức "
            "lương cơ sở' (baochinhphu.vn)"
            if rs == "ND98-2023"
            else "Nghị định 152/2025/NĐ-CP, Điều 54 khoản 1 điểm d: Kỷ niệm chương của ... tổ chức chính trị - "
            "xã hội ... các đoàn thể trung ương: 'mức tiền thưởng không quá 0,6 lần mức lương cơ sở'"
        )
        knc_ver = False
        knc_note = (
            "Hệ số 0,6 đã đọc được và là MỨC TỐI ĐA ('không quá'); Tổng Liên đoàn quyết định mức "
            "cụ thể (chưa đọc). verified=False vì tiêu chuẩn 20 năm đọc được cho HD 149/2015 "
            "(và hỏi đáp 2019), chưa đối chiếu quy chế 999/QĐ-TLĐ 2024."
        )
    else:
        knc = {"ci": None, "cc": None, "cap": False}
        knc_src = f"{reg}; Hướng dẫn 149/HD-TLĐ ngày 04/02/2015 (tiêu chuẩn); tiền thưởng: " + (
            "Nghị định 91/2017/NĐ-CP (chưa đọc điều về Kỷ niệm chương)"
            if rs == "ND91-2017"
            else "Nghị định 42/2010/NĐ-CP (chưa đọc)"
        )
        knc_ver = False
        knc_note = "Mức tiền thưởng chưa đọc - để trống. Tiêu chuẩn 20 năm: HD 149/HD-TLĐ 2015."
    out.append(
        _form(
            rs,
            KNC_CD,
            'Kỷ niệm chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"',
            "union",
            "individual",
            "confederation",
            True,
            _U_KNC,
            knc_src,
            knc_ver,
            prerequisites=[
                {
                    "type": "manual",
                    "text": "Từ đủ 20 năm công tác công đoàn (liên tục hoặc cộng dồn; thời gian "
                    "không chuyên trách x1,5, ở CĐCS doanh nghiệp ngoài nhà nước x2); "
                    "tặng một lần; không đang bị kỷ luật.",
                },
            ],
            ci=knc["ci"],
            cc=knc["cc"],
            cap=knc["cap"],
            note=knc_note,
        )
    )

    # Bằng Lao động sáng tạo
    out.append(
        _form(
            rs,
            BANG_LDST,
            'Bằng "Lao động sáng tạo" của Tổng Liên đoàn Lao động Việt Nam',
            "union",
            "individual",
            "confederation",
            True,
            _U_LDST_1564 if rs == "ND42-2010" else _U_LDST,
            f"{reg}" + (", Điều 16" if rs == "ND42-2010" else " (điều khoản chưa đọc)"),
            rs == "ND42-2010",
            prerequisites=[
                {"type": "initiative", "scope": "grassroots"},
                {
                    "type": "manual",
                    "text": "Giá trị làm lợi của giải pháp đạt ngưỡng theo đối tượng (QĐ "
                    "1564/2014: 80 triệu / 3 năm 120 triệu; 150 triệu; 200 triệu).",
                },
            ],
            note="Tiền thưởng/huy hiệu do Tổng Liên đoàn quy định riêng - chưa đọc, để trống. "
            + (
                ""
                if rs == "ND42-2010"
                else "Ngưỡng 80/120 triệu cũng thấy trong hỏi đáp 2022 "
                "(thuvienphapluat) nhưng không rõ quy chế nào."
            ),
        )
    )
    return out


def _grading(rs: str) -> list[AwardForm]:
    """Yearly grading of grassroots unions and union members."""
    out: list[AwardForm] = []
    if rs == "ND42-2010":
        scale = [
            (CDCS_VM, "Công đoàn cơ sở vững mạnh", "Từ 85 điểm trở lên và đủ các điều kiện kèm theo."),
            (CDCS_KHA, "Công đoàn cơ sở khá", "Từ 70 đến dưới 85 điểm."),
            (CDCS_TB, "Công đoàn cơ sở trung bình", "Từ 50 đến dưới 70 điểm."),
            (CDCS_YEU, "Công đoàn cơ sở yếu", "Dưới 50 điểm."),
        ]
        for code, name, band in scale:
            out.append(
                _form(
                    rs,
                    code,
                    name,
                    "grading",
                    "collective",
                    "upper_union",
                    True,
                    f"{_G_OLD} Mức này: {band}",
                    "Hướng dẫn của Tổng Liên đoàn về đánh giá, xếp loại CĐCS (số hiệu chưa xác minh; thang "
                    "điểm đọc qua tài liệu 'Chính sách khen thưởng và công tác Đoàn ngành Giáo dục', thư viện "
                    "Bình Thuận)",
                    False,
                    prerequisites=[{"type": "manual", "text": f"Chấm điểm theo bảng tiêu chuẩn: {band}"}],
                    note="Thang cũ (trước Hướng dẫn 1294/HD-TLĐ 2019). 'CĐCS vững mạnh xuất sắc' là danh hiệu "
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
                _form(
                    rs,
                    code,
                    name,
                    "grading",
                    "collective",
                    "upper_union",
                    True,
                    _G_1294,
                    "Hướng dẫn 1294/HD-TLĐ (2019) về đánh giá, xếp loại chất lượng hoạt động CĐCS, nghiệp "
                    "đoàn cơ sở (tinbong247news/nld.com.vn); hướng dẫn sau 2019 chưa đọc",
                    True,
                    prerequisites=[
                        {
                            "type": "manual",
                            "text": "Chấm điểm theo 3 nhóm tiêu chí của hướng dẫn; "
                            "công đoàn cấp trên thẩm định.",
                        }
                    ],
                    note="Tên 4 mức đọc được; thang điểm chưa đọc nên không seed số điểm."
                    + (
                        " Trước 2019 (2017-2019) dùng thang vững mạnh/khá/trung bình/yếu (xem ND42-2010)."
                        if rs == "ND91-2017"
                        else ""
                    ),
                )
            )
    out.append(
        _form(
            rs,
            DV_XS,
            "Đoàn viên công đoàn xuất sắc",
            "grading",
            "individual",
            "grassroots",
            True,
            _U_DV_XS,
            "Điều lệ Công đoàn Việt Nam (nhiệm vụ đoàn viên) và hướng dẫn bình xét của công đoàn cơ sở (văn "
            "bản của Tổng Liên đoàn chưa đọc)",
            False,
            prerequisites=[
                {
                    "type": "manual",
                    "text": "Thực hiện xuất sắc nhiệm vụ đoàn viên; được tổ công đoàn / CĐCS bình xét.",
                }
            ],
            note="Chỉ thấy trong hướng dẫn bình xét cấp cơ sở; cần đối chiếu văn bản của Tổng Liên đoàn.",
        )
    )
    return out


AWARD_FORMS: list[AwardForm] = [
    form
    for rule_set in RULE_SETS
    for form in (
        _state_titles(rule_set["code"]) + _union_forms(rule_set["code"]) + _grading(rule_set["code"])
    )
]
