"""Checks on the seeded award rules in ``awards/rule_texts/`` (pure data, no database).

The amount helper below is only a reference for these tests: amount = coefficient x base
salary in force on the decision date, rounded as the rule set says (to 10,000 VND, upwards).
"""

from __future__ import annotations

import datetime as dt
import json
import re
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal
from typing import Any

import pytest

from awards import rule_texts as rd

REQUIRED_CODES = {
    # state emulation titles
    rd.LDTT,
    rd.CSTD_CS,
    rd.CSTD_TINH,
    rd.CSTD_TQ,
    rd.TTLDTT,
    rd.TTLDXS,
    rd.CO_TINH,
    rd.CO_CP,
    # forms of commendation
    rd.GIAY_KHEN,
    rd.BK_TINH,
    rd.BK_TTG,
    rd.HCLD3,
    rd.HC_SAO_VANG,
    # trade-union forms
    rd.CO_TLD,
    rd.BK_TLD,
    rd.CO_LDLD,
    rd.BK_LDLD,
    rd.GK_CD,
    rd.KNC_CD,
    rd.BANG_LDST,
    # yearly grading of members
    rd.DV_XS,
}
KINDS = {"title", "commendation", "union", "grading"}
RECIPIENTS = {"individual", "collective", "both"}
LEVELS = {"grassroots", "upper_union", "province", "confederation", "government", "state"}
PREREQ_TYPES = {
    "title_years",
    "initiative",
    "share_of_members_with_title",
    "members_with_title",
    "completed_tasks",
    "any_of",
    "manual",
}
LEGAL_TEXT = re.compile(r"Nghị định|Luật|Quyết định|QĐ \d|Hướng dẫn|Thông tư|Điều lệ")
ARTICLE = re.compile(r"Điều \d+")


# --- helpers ---------------------------------------------------------------------------------


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


def base_salary_on(day: dt.date) -> int:
    current = None
    for period in rd.BASE_SALARY_PERIODS:
        if _date(period["effective_from"]) <= day:
            current = period["amount_vnd"]
    assert current is not None, f"no base salary before {day}"
    return current


def rule_set_on(day: dt.date) -> dict[str, Any]:
    matches = [
        rs
        for rs in rd.RULE_SETS
        if _date(rs["valid_from"]) <= day and (rs["valid_to"] is None or day <= _date(rs["valid_to"]))
    ]
    assert len(matches) == 1, f"{len(matches)} rule sets cover {day}"
    return matches[0]


def form(rule_set: str, code: str) -> dict[str, Any]:
    (found,) = [f for f in rd.AWARD_FORMS if f["rule_set"] == rule_set and f["code"] == code]
    return found


def amount(coefficient: float, base: int, rounding: dict[str, Any]) -> int:
    raw = Decimal(str(coefficient)) * base
    step = Decimal(rounding["to"])
    mode = ROUND_CEILING if rounding["mode"] == "up" else ROUND_HALF_UP
    return int((raw / step).quantize(Decimal(1), rounding=mode) * step)


def prize(rule_set: str, code: str, decision_date: dt.date, collective: bool = False) -> int:
    rs = rule_set_on(decision_date)
    assert rs["code"] == rule_set
    f = form(rule_set, code)
    coefficient = f["coefficient_collective"] if collective else f["coefficient_individual"]
    assert coefficient is not None, f"{rule_set}/{code} has no coefficient"
    return amount(coefficient, base_salary_on(decision_date), rs["rounding"])


def _walk_prerequisites(items: list[dict[str, Any]]):
    for item in items:
        yield item
        if item["type"] == "any_of":
            yield from _walk_prerequisites(item["items"])


# --- structure --------------------------------------------------------------------------------


def test_data_is_plain_json():
    json.dumps([rd.BASE_SALARY_PERIODS, rd.RULE_SETS, rd.AWARD_FORMS, rd.ROUNDING], ensure_ascii=False)


def test_every_rule_has_a_source_citing_a_legal_text():
    for f in rd.AWARD_FORMS:
        assert f["source"].strip(), f["code"]
        assert LEGAL_TEXT.search(f["source"]), (f["rule_set"], f["code"], f["source"])
    for period in rd.BASE_SALARY_PERIODS:
        assert re.search(r"Nghị định \d+/\d{4}/NĐ-CP", period["source"]), period
    for rs in rd.RULE_SETS:
        assert rs["legal_basis"] and all(LEGAL_TEXT.search(b) for b in rs["legal_basis"]), rs["code"]
        assert LEGAL_TEXT.search(rs["rounding"]["source"]), rs["code"]


def test_verified_numbers_cite_an_article():
    """A rule marked verified carries numbers read in a text: its source must name the article."""
    for f in rd.AWARD_FORMS:
        has_number = f["coefficient_individual"] is not None or f["coefficient_collective"] is not None
        if f["verified"] and has_number:
            assert ARTICLE.search(f["source"]), (f["rule_set"], f["code"], f["source"])
        for extra in (f["quota"], f["vote"]):
            if extra is not None:
                assert extra["source"] and LEGAL_TEXT.search(extra["source"]), f["code"]
                if extra["verified"]:
                    assert ARTICLE.search(extra["source"]), f["code"]
                else:
                    assert not f["verified"], f["code"]
    assert ARTICLE.search(rd.ROUNDING["source"])


def test_unverified_rules_say_what_to_check():
    for f in rd.AWARD_FORMS:
        if not f["verified"]:
            assert f["note"].strip(), (f["rule_set"], f["code"])
    for period in rd.BASE_SALARY_PERIODS:
        if not period["verified"]:
            assert period.get("note", "").strip(), period


def test_enumerations_and_codes():
    rule_set_codes = {rs["code"] for rs in rd.RULE_SETS}
    seen: set[tuple[str, str]] = set()
    for f in rd.AWARD_FORMS:
        assert f["rule_set"] in rule_set_codes
        assert (f["rule_set"], f["code"]) not in seen, f"duplicate {f['rule_set']}/{f['code']}"
        seen.add((f["rule_set"], f["code"]))
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", f["code"]), f["code"]
        assert f["kind"] in KINDS and f["recipient"] in RECIPIENTS and f["level"] in LEVELS, f["code"]
        assert f["name"] and f["criteria_text"], f["code"]
        if f["coefficient_is_cap"]:
            assert f["coefficient_individual"] is not None or f["coefficient_collective"] is not None
        if f["recipient"] == "individual":
            assert f["coefficient_collective"] is None, f["code"]
        if f["recipient"] == "collective":
            assert f["coefficient_individual"] is None, f["code"]


@pytest.mark.parametrize("rule_set", [rs["code"] for rs in rd.RULE_SETS])
def test_each_rule_set_covers_the_forms_awards_md_lists(rule_set):
    codes = {f["code"] for f in rd.AWARD_FORMS if f["rule_set"] == rule_set}
    assert REQUIRED_CODES <= codes, REQUIRED_CODES - codes
    gradings = {f["code"] for f in rd.AWARD_FORMS if f["rule_set"] == rule_set and f["kind"] == "grading"}
    assert len(gradings) >= 5  # four grades of grassroots unions + excellent member


def test_prerequisites_and_quotas_reference_forms_of_the_same_rule_set():
    for f in rd.AWARD_FORMS:
        codes = {g["code"] for g in rd.AWARD_FORMS if g["rule_set"] == f["rule_set"]}
        for item in _walk_prerequisites(f["prerequisites"]):
            assert item["type"] in PREREQ_TYPES, item
            if item["type"] in ("title_years", "share_of_members_with_title", "members_with_title"):
                assert item["form"] in codes, (f["rule_set"], f["code"], item)
            if item["type"] == "title_years":
                assert item["years"] >= 1 and isinstance(item["consecutive"], bool)
                assert item.get("ending", "current_year") in ("current_year", "previous_year")
            if item["type"] == "initiative":
                assert item["scope"] in ("grassroots", "province", "national")
            if item["type"] == "share_of_members_with_title":
                assert 0 < item["min_percent"] <= 100
            if item["type"] in ("initiative", "members_with_title"):
                assert item.get("count", 1) >= 1
            if item["type"] == "completed_tasks":
                assert item["level"] in ("excellent", "good")
            if item["type"] == "manual":
                assert item["text"].strip()
            if item["type"] == "any_of":
                assert len(item["items"]) >= 2
        if f["quota"] is not None:
            assert f["quota"]["type"] == "percent_of_holders"
            assert f["quota"]["form"] in codes
            assert 0 < f["quota"]["max_percent"] <= 100
        if f["vote"] is not None:
            assert f["vote"]["of"] in ("members", "present")
            assert 0 < f["vote"]["threshold_percent"] <= 100
        if f["equivalent_to"] is not None:
            assert f["equivalent_to"] in codes


def test_record_only_forms_are_not_decided_here():
    for f in rd.AWARD_FORMS:
        if f["level"] in ("state", "government"):
            assert f["decided_here"] is False, (f["rule_set"], f["code"])


# --- dates -------------------------------------------------------------------------------------


def test_rule_set_validity_periods_do_not_overlap_and_leave_no_gap():
    ordered = sorted(rd.RULE_SETS, key=lambda rs: rs["valid_from"])
    for rs in ordered:
        assert rs["valid_to"] is None or _date(rs["valid_from"]) <= _date(rs["valid_to"])
    for before, after in zip(ordered, ordered[1:], strict=False):
        assert before["valid_to"] is not None, before["code"]
        assert _date(after["valid_from"]) == _date(before["valid_to"]) + dt.timedelta(days=1), after["code"]
    assert ordered[-1]["valid_to"] is None


@pytest.mark.parametrize(
    ("day", "code"),
    [
        ("2015-12-31", "ND42-2010"),  # the 2015 demo campaign
        ("2017-09-30", "ND42-2010"),
        ("2017-10-01", "ND91-2017"),  # NĐ 91/2017 in force from 01/10/2017
        ("2023-12-31", "ND91-2017"),
        ("2024-01-01", "ND98-2023"),
        ("2025-06-30", "ND98-2023"),
        ("2025-07-01", "ND152-2025"),
    ],
)
def test_rule_set_on_a_decision_date(day, code):
    assert rule_set_on(_date(day))["code"] == code


def test_base_salary_periods_are_increasing():
    periods = rd.BASE_SALARY_PERIODS
    for before, after in zip(periods, periods[1:], strict=False):
        assert _date(before["effective_from"]) < _date(after["effective_from"])
        assert before["amount_vnd"] < after["amount_vnd"]


@pytest.mark.parametrize(
    ("day", "amount_vnd"),
    [
        ("2015-06-01", 1_150_000),  # Nghị định 66/2013, in force throughout 2015
        ("2019-06-30", 1_390_000),
        ("2019-07-01", 1_490_000),
        ("2023-12-31", 1_800_000),
        ("2024-06-30", 1_800_000),
        ("2024-07-01", 2_340_000),  # Nghị định 73/2024
    ],
)
def test_base_salary_on_a_date(day, amount_vnd):
    assert base_salary_on(_date(day)) == amount_vnd


# --- coefficients ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "collective", "coefficient"),
    [
        (rd.CSTD_TQ, False, 4.5),
        (rd.CSTD_TINH, False, 3.0),
        (rd.CSTD_CS, False, 1.0),
        (rd.LDTT, False, 0.3),
        (rd.CO_CP, True, 12.0),
        (rd.CO_TINH, True, 8.0),
        (rd.TTLDXS, True, 1.5),
        (rd.TTLDTT, True, 0.8),
        (rd.HC_SAO_VANG, True, 92.0),
        (rd.HC_SAO_VANG, False, 46.0),
    ],
)
def test_pre_2024_coefficients_match_awards_md(code, collective, coefficient):
    """Test cases of the brief (docs/award-rules.md): the Sở Nội vụ Nam Định table at 1,800,000 VND."""
    f = form("ND91-2017", code)
    key = "coefficient_collective" if collective else "coefficient_individual"
    assert f[key] == coefficient
    assert f["verified"] is True


def test_nd91_collectives_get_twice_the_individual_for_bang_khen_and_giay_khen():
    """NĐ 91/2017 Điều 73 khoản 2 điểm b: 'Tập thể được tặng Giấy khen các cấp được kèm theo tiền
    thưởng gấp hai lần tiền thưởng đối với cá nhân.' (and the same for Bằng khen, plo.vn/lawnet.vn)."""
    for code in (rd.GIAY_KHEN, rd.BK_TINH, rd.BK_TTG, rd.BK_TLD):
        f = form("ND91-2017", code)
        assert f["coefficient_collective"] == 2 * f["coefficient_individual"], code


def test_rounding_is_to_tens_of_thousands():
    """NĐ 91/2017 Điều 68 khoản 2: 'Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được làm tròn
    số lên hàng chục ngàn đồng tiền Việt Nam.' - tens of thousands, not thousands."""
    assert rd.ROUNDING["to"] == 10_000
    assert all(rs["rounding"]["to"] == 10_000 for rs in rd.RULE_SETS)


# --- worked examples -----------------------------------------------------------------------------

DECISION_2023 = dt.date(2023, 12, 15)  # base salary 1,800,000 (Nghị định 24/2023), rules ND91-2017
DECISION_2024 = dt.date(2024, 12, 15)  # base salary 2,340,000 (Nghị định 73/2024), rules ND98-2023


def test_nd91_chien_si_thi_dua_co_so_at_1_800_000():
    """Nam Định worked example: 'Danh hiệu: "Chiến sĩ thi đua cơ sở" 1,0 -> 1.800.000' (hệ số x
    1.800.000); NĐ 91/2017 Điều 69 khoản 1: '... được thưởng 1,0 lần mức lương cơ sở'."""
    assert base_salary_on(DECISION_2023) == 1_800_000
    assert prize("ND91-2017", rd.CSTD_CS, DECISION_2023) == 1_800_000


def test_nd91_lao_dong_tien_tien_at_1_800_000():
    """NĐ 91/2017 Điều 69 khoản 1 điểm d: 'Danh hiệu "Lao động tiên tiến", "Chiến sĩ tiên tiến" được
    thưởng 0,3 lần mức lương cơ sở.' 0,3 x 1.800.000 = 540.000."""
    assert prize("ND91-2017", rd.LDTT, DECISION_2023) == 540_000


def test_nd91_tap_the_lao_dong_xuat_sac_at_1_800_000():
    """NĐ 91/2017 Điều 69 khoản 2 (Nam Định: 'Tập thể lao động xuất sắc; Đơn vị quyết thắng 1,5 ->
    2.700.000'). 1,5 x 1.800.000 = 2.700.000."""
    assert prize("ND91-2017", rd.TTLDXS, DECISION_2023, collective=True) == 2_700_000


def test_nd98_chien_si_thi_dua_toan_quoc_at_2_340_000():
    """NĐ 98/2023 Điều 54: 'Danh hiệu "Chiến sĩ thi đua toàn quốc" được tặng Bằng chứng nhận, khung,
    Huy hiệu, hộp đựng Huy hiệu và được thưởng 4,5 lần mức lương cơ sở.'
    4,5 x 2.340.000 = 10.530.000 (already a multiple of 10.000)."""
    assert base_salary_on(DECISION_2024) == 2_340_000
    assert prize("ND98-2023", rd.CSTD_TQ, DECISION_2024) == 10_530_000


def test_nd98_tap_the_lao_dong_xuat_sac_at_2_340_000():
    """NĐ 98/2023 Điều 54: 'Danh hiệu "Tập thể lao động xuất sắc", "Đơn vị quyết thắng" được tặng Bằng
    chứng nhận, khung và được thưởng 1,5 lần mức lương cơ sở.' 1,5 x 2.340.000 = 3.510.000."""
    assert prize("ND98-2023", rd.TTLDXS, DECISION_2024, collective=True) == 3_510_000


def test_nd98_rounding_up_to_tens_of_thousands():
    """NĐ 98/2023 (nguyên tắc tiền thưởng): 'Tiền thưởng sau khi nhân với hệ số mức lương cơ sở được
    làm tròn số lên hàng chục nghìn đồng tiền Việt Nam.' Read as rounding UP (the seeded mode):
    'Lao động tiên tiến' 0,3 x 2.340.000 = 702.000 -> 710.000; 'Tập thể Lao động tiên tiến'
    0,8 x 2.340.000 = 1.872.000 -> 1.880.000. (Some Q&A sites round to nearest; see the note.)"""
    assert rule_set_on(DECISION_2024)["rounding"]["mode"] == "up"
    assert prize("ND98-2023", rd.LDTT, DECISION_2024) == 710_000
    assert prize("ND98-2023", rd.TTLDTT, DECISION_2024, collective=True) == 1_880_000


def test_2015_demo_campaign_uses_the_2015_base_salary():
    """The Cao Bằng 2015 campaign: decisions in 2015 use 1.150.000 (Nghị định 66/2013) and the
    ND42-2010 set (coefficients read in a province's decision applying NĐ 42/2010, article unread)."""
    day = dt.date(2015, 12, 20)
    assert prize("ND42-2010", rd.CSTD_CS, day) == 1_150_000
    assert prize("ND42-2010", rd.CSTD_TINH, day) == 3_450_000  # 3,0 x 1.150.000
    assert prize("ND42-2010", rd.LDTT, day) == 350_000  # 345.000 rounded up to tens of thousands
    assert prize("ND42-2010", rd.CO_TINH, day, collective=True) == 17_830_000  # 15,5 x 1.150.000 = 17.825.000
    assert form("ND42-2010", rd.CSTD_CS)["verified"] is False


# Bến Tre, QĐ 1628/QĐ-UBND of 14/7/2016 'phê duyệt mức chi tiền thưởng thực hiện theo Nghị định số
# 42/2010/NĐ-CP', at the base salary of Nghị định 47/2016 (1.210.000 đ), as its emulation board summarised
# it (baodongkhoi.vn, 15/8/2016). The amounts are the board's own, rounded as published.
DECISION_2016 = dt.date(2016, 12, 15)


@pytest.mark.parametrize(
    ("code", "collective", "published"),
    [
        # 'Danh hiệu “Chiến sĩ thi đua toàn quốc” thưởng 4,5 lần MLCS, được quy đổi tiền thưởng là 5,45 triệu đồng'
        (rd.CSTD_TQ, False, 5_450_000),
        # 'Danh hiệu “Chiến sĩ thi đua cấp tỉnh” thưởng 3,0 lần MLCS (3,63 triệu đồng)'
        (rd.CSTD_TINH, False, 3_630_000),
        # 'Danh hiệu “Chiến sĩ thi đua cơ sở” thưởng 1,0 lần MLCS (1,21 triệu đồng)'
        (rd.CSTD_CS, False, 1_210_000),
        # 'Danh hiệu “Lao động tiên tiến” thưởng 0,3 lần MLCS (370 ngàn đồng)' - 363.000 rounded up
        (rd.LDTT, False, 370_000),
        # '“Tập thể lao động xuất sắc”, “Đơn vị quyết thắng” thưởng 1,5 lần MLCS (1,82 triệu đồng)'
        (rd.TTLDXS, True, 1_820_000),
        # '“Tập thể Lao động tiên tiến”, “Đơn vị tiên tiến” thưởng 0,8 lần MLCS (970 ngàn đồng)'
        (rd.TTLDTT, True, 970_000),
        # '“Cờ thi đua của Chính phủ” thưởng 24,5 lần MLCS (29,65 triệu đồng)'
        (rd.CO_CP, True, 29_650_000),
        # '“Cờ thi đua cấp tỉnh” thưởng 15,5 lần MLCS (18,76 triệu đồng)'
        (rd.CO_TINH, True, 18_760_000),
        # the Confederation's flag is paid as a flag of a 'đoàn thể trung ương'
        (rd.CO_TLD, True, 18_760_000),
    ],
)
def test_nd42_amounts_match_a_province_table_at_1_210_000(code, collective, published):
    assert rule_set_on(DECISION_2016)["code"] == "ND42-2010"
    assert base_salary_on(DECISION_2016) == 1_210_000
    assert prize("ND42-2010", code, DECISION_2016, collective=collective) == published


def test_nd42_flags_are_not_the_nd91_figures():
    """NĐ 42/2010 paid 15,5 / 24,5 times for the provincial / Government flag; NĐ 91/2017 Điều 69 khoản 2
    pays 8,0 / 12,0. A 2015 flag paid at the NĐ 91 figure would be about half the money."""
    assert (
        form("ND42-2010", rd.CO_TINH)["coefficient_collective"],
        form("ND42-2010", rd.CO_CP)["coefficient_collective"],
    ) == (15.5, 24.5)
    assert (
        form("ND91-2017", rd.CO_TINH)["coefficient_collective"],
        form("ND91-2017", rd.CO_CP)["coefficient_collective"],
    ) == (8.0, 12.0)


def test_nd42_numbers_come_from_a_text_about_nd42_never_from_the_nd91_table():
    """Every coefficient of the ND42-2010 set quotes a text applying NĐ 42/2010; forms whose NĐ 42
    coefficient was not read carry no money rather than NĐ 91's, and say what to read."""
    for f in rd.AWARD_FORMS:
        if f["rule_set"] != "ND42-2010":
            continue
        if f["coefficient_individual"] is not None or f["coefficient_collective"] is not None:
            assert "42/2010" in f["source"] and "tóm tắt ban đầu" not in f["source"], (f["code"], f["source"])
    for code in (rd.BK_TINH, rd.GIAY_KHEN, rd.BK_TTG):
        f = form("ND42-2010", code)
        assert (f["coefficient_individual"], f["coefficient_collective"]) == (None, None), code
        assert "Cần đọc" in f["note"], code
