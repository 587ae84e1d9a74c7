"""Nghị định 42/2010/NĐ-CP (15/4/2010; sửa đổi bởi NĐ 39/2012, NĐ 65/2014) and the rule set it anchors,
ND42-2010 (history 2013-2017, the 2015 sample campaign): its period and legal bases, rounding, and the
prize money read for it. The decree's own articles on prize money were not read: the title coefficients
come from a province's decision applying it (verified=False); the rest stays unset."""

from __future__ import annotations

from awards.rule_texts import luat_2003, tld_1564_2014, tt07_2014
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

# The one text read for NĐ 42/2010 prize money: a province's decision applying it, summarised by its
# emulation board. It quotes coefficients and amounts at 1.210.000 đ, not the decree's article numbers.
ND42_BENTRE = (
    "Nghị định 42/2010/NĐ-CP (số điều chưa đọc), theo Quyết định 1628/QĐ-UBND ngày 14/7/2016 của Chủ tịch UBND "
    "tỉnh Bến Tre 'phê duyệt mức chi tiền thưởng thực hiện theo Nghị định số 42/2010/NĐ-CP' (baodongkhoi.vn "
    "15/8/2016, MLCS 1.210.000 đ)"
)
# What was looked for and not found, for the NĐ 42/2010 forms of commendation (Bằng khen, Giấy khen).
ND42_COMMENDATION_NOT_READ = (
    "Hệ số chưa đọc được - để trống, không chép số của NĐ 91/2017: ở các danh hiệu, NĐ 42/2010 khác NĐ 91/2017 "
    "(cờ thi đua 15,5/24,5 so với 8/12) nên số của NĐ 91 không dùng thay được. Cần đọc: bảng 'Mức tiền thưởng "
    "theo Nghị định số 42/2010/NĐ-CP (Điều 71, 72, 73, 75 và 76)' kèm QĐ 2091/QĐ-UBND ngày 01/8/2013 của UBND "
    "tỉnh Bình Định (quy đổi theo 1.150.000 đ - đúng mức năm 2015), hoặc nguyên văn NĐ 42/2010 (sửa đổi NĐ "
    "39/2012, NĐ 65/2014), điều về tiền thưởng Bằng khen, Giấy khen và mức cho tập thể."
)

# The decree's period in force, as far as it was read (docs/award-rules.md, "Dates of the texts")
TEXT = legal_text(
    "Nghị định 42/2010/NĐ-CP",
    None,
    "2017-09-30",
    dates_confidence="N",
    dates_source="Ký ngày 15/4/2010; điều 'có hiệu lực thi hành' của Nghị định chưa đọc (bộ quy tắc "
    "ND42-2010 bắt đầu từ ngày ký). Ngày cuối: hôm trước ngày NĐ 91/2017/NĐ-CP có hiệu lực (01/10/2017, "
    "plo.vn); điều bãi bỏ của NĐ 91/2017 chưa đọc.",
)

ROUNDING: Rounding = {
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

RULE_SET: RuleSet = {
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
    "rounding": ROUNDING,
    "verified": False,
    "note": "Bộ quy tắc cho lịch sử 2013-2017 (gồm chiến dịch mẫu 2015). valid_from là NGÀY BAN "
    "HÀNH NĐ 42/2010 (ngày hiệu lực chưa xác minh). valid_to = ngày trước khi NĐ 91/2017 có "
    "hiệu lực (01/10/2017). Chưa đọc nguyên văn các điều về tiền thưởng của NĐ 42/2010: hệ số danh "
    "hiệu thi đua đọc trong QĐ 1628/QĐ-UBND 2016 của Bến Tre áp dụng NĐ 42/2010 (cờ thi đua 15,5 và "
    "24,5 - KHÁC NĐ 91/2017), verified=False; Bằng khen, Giấy khen, Huân chương để trống.",
}

CODE = RULE_SET["code"]
LAW = luat_2003
UNION_RULES = tld_1564_2014
UNION_REGULATION = "Quy chế khen thưởng của tổ chức Công đoàn (QĐ 1564/QĐ-TLĐ ngày 24/12/2014)"
GRADING = "before-2019"
GRADING_NOTE = ""

# Read in a provincial decision applying NĐ 42/2010 (the decree's own article not read). The flags
# differ from NĐ 91/2017 (15,5 / 24,5, not 8 / 12): the brief's pre-2024 table is NĐ 91's.
TITLE_COEFFICIENTS = title_coefficients(individual=(0.3, 1.0, 3.0, 4.5), collective=(0.8, 1.5, 15.5, 24.5))
TITLE_SOURCES = per_title(
    ldtt=f"{ND42_BENTRE}: 'Danh hiệu “Lao động tiên tiến” thưởng 0,3 lần MLCS (370 ngàn đồng)'",
    cstd_cs=f"{ND42_BENTRE}: 'Danh hiệu “Chiến sĩ thi đua cơ sở” thưởng 1,0 lần MLCS (1,21 triệu đồng)'",
    cstd_tinh=f"{ND42_BENTRE}: 'Danh hiệu “Chiến sĩ thi đua cấp tỉnh” thưởng 3,0 lần MLCS (3,63 triệu đồng)'",
    cstd_tq=f"{ND42_BENTRE}: 'Danh hiệu “Chiến sĩ thi đua toàn quốc” thưởng 4,5 lần MLCS, được quy đổi "
    "tiền thưởng là 5,45 triệu đồng'",
    ttldtt=f"{ND42_BENTRE}: 'Danh hiệu “Tập thể Lao động tiên tiến”, “Đơn vị tiên tiến” thưởng 0,8 lần "
    "MLCS (970 ngàn đồng)'",
    ttldxs=f"{ND42_BENTRE}: 'Danh hiệu “Tập thể lao động xuất sắc”, “Đơn vị quyết thắng” thưởng 1,5 lần "
    "MLCS (1,82 triệu đồng)'",
    co_tinh=f"{ND42_BENTRE}: 'Danh hiệu “Cờ thi đua cấp tỉnh” thưởng 15,5 lần MLCS (18,76 triệu đồng)'",
    co_cp=f"{ND42_BENTRE}: 'Danh hiệu “Cờ thi đua của Chính phủ” thưởng 24,5 lần MLCS (29,65 triệu đồng)'",
)
# read in a province's table applying the decree: its article is not known
TITLE_CITATIONS = dict.fromkeys(TITLE_COEFFICIENTS, cite(TEXT, confidence="S"))
TITLES_READ = False  # the coefficients were read in the decree's own article
TITLE_VERIFIED = dict.fromkeys(TITLE_COEFFICIENTS, False)
COEFFICIENT_NOTE = (
    " Hệ số đọc trong quyết định của UBND tỉnh Bến Tre áp dụng NĐ 42/2010 (xem source), chưa đọc "
    "nguyên văn điều của NĐ 42/2010 (bảng kèm QĐ 2091/QĐ-UBND 2013 của Bình Định dẫn 'Điều 71, 72, "
    "73, 75 và 76') - đối chiếu rồi đặt verified."
)
CSTD_CS_QUOTA = tt07_2014.CSTD_CS_QUOTA
CSTD_CS_NOTE = "Quota 15% áp dụng từ 15/10/2014 (TT 07/2014)." + COEFFICIENT_NOTE
PROVINCIAL_TITLE_VOTE = None
VOTE_NOTE = (
    " Bỏ phiếu: NĐ 91/2017 Điều 45 khoản 8 yêu cầu bỏ phiếu kín, ≥90% tổng số thành viên Hội đồng; "
    "quy định tương ứng của bộ quy tắc này chưa đọc - chưa seed, kiểm tra."
)

_NOT_READ = "Nghị định 42/2010/NĐ-CP (chưa đọc)"
GIAY_KHEN: Money = money(
    None,
    None,
    _NOT_READ,
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note=ND42_COMMENDATION_NOT_READ
    + " Tham khảo: NĐ 91/2017 là 0,3 (tập thể gấp đôi); theo laodong.vn, NĐ 98/2023 cho Giấy khen Chủ "
    "tịch UBND xã 0,15.",
)
COMMUNE_GIAY_KHEN: Money | None = None
BANG_KHEN: Money = money(
    None,
    None,
    _NOT_READ,
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note=ND42_COMMENDATION_NOT_READ + " Tham khảo: NĐ 91/2017 = 1,0 (tập thể 2,0); NĐ 152/2025 = 1,5.",
)
PRIME_MINISTER_BANG_KHEN: Money = money(
    None,
    None,
    _NOT_READ,
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note=ND42_COMMENDATION_NOT_READ + " Tham khảo: NĐ 91/2017 và NĐ 152/2025 đều 3,5.",
)
LABOUR_ORDER_3: Money = money(
    None,
    None,
    _NOT_READ,
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note="Hệ số chưa đọc, bảng tóm tắt ban đầu (docs/award-rules.md) không cho số - để trống. NĐ 98/2023 "
    "và NĐ 152/2025: 4,5 (tập thể gấp đôi theo NĐ 152).",
)
GOLD_STAR_ORDER: Money = money(
    None,
    None,
    "Nghị định 42/2010/NĐ-CP (điều về tiền thưởng Huân chương chưa đọc)",
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note=" Hệ số của NĐ 42/2010 chưa đọc - để trống (46,0/92,0 của bảng tóm tắt ban đầu (docs/award-rules.md) "
    "là số của NĐ 91/2017; ở cờ thi đua NĐ 42/2010 khác NĐ 91/2017 nên không chép).",
)

# the Confederation's forms: money after the regulation's name in the source
UNION_FLAG: Money = money(
    None,
    15.5,
    "; tiền thưởng theo cờ thi đua cấp bộ, ngành, tỉnh, đoàn thể trung ương: "
    f"{ND42_BENTRE}: 'Danh hiệu “Cờ thi đua cấp tỉnh” thưởng 15,5 lần MLCS (18,76 triệu đồng)'",
    citation=cite(TEXT, confidence="S"),
    verified=False,
)
UNION_BANG_KHEN: Money = money(
    None,
    None,
    "; tiền thưởng: Nghị định 42/2010/NĐ-CP (chưa đọc)",
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note="Hệ số chưa đọc - để trống.",
)
UNION_MEDAL: Money = money(
    None,
    None,
    "; Hướng dẫn 149/HD-TLĐ ngày 04/02/2015 (tiêu chuẩn); tiền thưởng: Nghị định 42/2010/NĐ-CP (chưa đọc)",
    citation=cite(TEXT, confidence="N"),
    verified=False,
    note="Mức tiền thưởng chưa đọc - để trống. Tiêu chuẩn 20 năm: HD 149/HD-TLĐ 2015.",
)
UNION_MEDAL_IS_CAP = False
