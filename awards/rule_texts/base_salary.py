"""The base salary (mức lương cơ sở; before 7/2013 "mức lương tối thiểu chung"), one row per decree that
set it, with the date each amount took effect. Later amounts are appended as new rows; old rows are never
edited. Pure data."""

from __future__ import annotations

from awards.rule_texts.schema import BaseSalaryPeriod

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
