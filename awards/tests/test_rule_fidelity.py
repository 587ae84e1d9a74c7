"""Issue 16, what an officer would catch at once in the seeded rules: each test quotes the text
(docs/award-rules.md records where it was read and how sure the reading is)."""

import datetime as dt

import pytest
from django.utils import translation

from awards import eligibility
from awards import rule_texts as rd
from awards.eligibility import FAILED, PASSED, Declared
from awards.models import AwardForm
from awards.rules import load_award_rules
from awards.tests.conftest import record
from organisations.testing import MemberFactory

NATIONAL_INITIATIVE = Declared(
    task_grade="excellent", initiative="Đề tài cấp quốc gia", initiative_scope="national", has_evidence=True
)


def form(rule_set: str, code: str) -> dict:
    (found,) = [f for f in rd.AWARD_FORMS if f["rule_set"] == rule_set and f["code"] == code]
    return found


def rule_set(code: str) -> dict:
    (found,) = [r for r in rd.RULE_SETS if r["code"] == code]
    return found


# Chiến sĩ thi đua toàn quốc: two consecutive TIMES of a title awarded for a three-year cycle ----------


def _national_check(tree, rule_set_code: str, years: tuple[int, ...], year: int):
    load_award_rules()
    person = MemberFactory(unit=tree.grassroots_a1, full_name="Nông Văn Bình")
    provincial = AwardForm.objects.get(rule_set__code=rule_set_code, code=rd.CSTD_TINH)
    for held in years:
        record(provincial, held, member=person)
    national = AwardForm.objects.get(rule_set__code=rule_set_code, code=rd.CSTD_TQ)
    checks = eligibility.evaluate(national, year, member=person, declared=NATIONAL_INITIATIVE)
    return next(c for c in checks if c.code.startswith("prerequisite") and "Chiến sĩ thi đua" in c.label)


@pytest.mark.django_db
def test_provincial_title_in_2012_and_2015_is_two_consecutive_times(tree):
    """Luật TĐKT 2003, Điều 21: 'trong số những cá nhân có hai lần liên tục đạt danh hiệu Chiến sĩ thi đua
    cấp bộ, ngành, tỉnh'; that title crowns 'ba lần liên tục' of Chiến sĩ thi đua cơ sở (Điều 22), so the
    2012 award covers 2010-2012 and the 2015 one 2013-2015: the later cycle begins the year after the
    earlier one ends. Before: refused with "Held in 2015 but not in 2014"."""
    check = _national_check(tree, "ND42-2010", (2012, 2015), 2015)
    assert check.status == PASSED, check.reason
    assert "2012, 2015" in check.reason


@pytest.mark.django_db
def test_overlapping_cycles_are_not_consecutive_times(tree):
    """2013 and 2015: the 2015 award's cycle (2013-2015) overlaps the 2013 one's (2011-2013)."""
    check = _national_check(tree, "ND91-2017", (2013, 2015), 2015)
    assert check.status == FAILED
    assert "2012" in check.reason


@pytest.mark.django_db
def test_consecutive_times_under_the_2022_law(tree):
    """Luật TĐKT 2022, Điều 21: 'trong số những cá nhân có 02 lần liên tục được tặng danh hiệu chiến sĩ
    thi đua Bộ, ban, ngành, tỉnh'."""
    check = _national_check(tree, "ND152-2025", (2022, 2025), 2025)
    assert check.status == PASSED, check.reason


def test_the_cycle_is_rule_data_not_a_special_case():
    for rs in rd.RULE_SETS:
        (rule,) = [p for p in form(rs["code"], rd.CSTD_TQ)["prerequisites"] if p["type"] == "title_years"]
        assert rule == {
            "type": "title_years",
            "form": rd.CSTD_TINH,
            "years": 2,
            "consecutive": True,
            "cycle_years": 3,
        }


# Luật TĐKT 2022 article numbers ------------------------------------------------------------------


@pytest.mark.parametrize("code", ["ND98-2023", "ND152-2025"])
def test_chien_si_thi_dua_co_so_is_article_23_of_the_2022_law(code):
    """'Article 23 of the Law on Emulation and Commendation 2022 stipulates the title of "Emulation
    Fighter at the grassroots level"' (laodong.vn); Điều 21 is Chiến sĩ thi đua toàn quốc (lawnet.vn:
    'Article 21. Title "National emulation fighter"')."""
    grassroots = form(code, rd.CSTD_CS)
    assert "Luật TĐKT 2022, Điều 23" in grassroots["criteria_text"]
    assert "Luật TĐKT 2022, Điều 23" in grassroots["source"]
    national = form(code, rd.CSTD_TQ)
    assert "Luật TĐKT 2022, Điều 21" in national["criteria_text"]


def test_every_2022_law_citation_names_the_article_of_its_title():
    """Every 'Luật TĐKT 2022, Điều N' in the data cites the article of the form it is attached to."""
    articles = {21: rd.CSTD_TQ, 23: rd.CSTD_CS}
    for f in rd.AWARD_FORMS:
        for text in (f["criteria_text"], f["source"]):
            for number, code in articles.items():
                if f"Luật TĐKT 2022, Điều {number}" in text:
                    assert f["code"] == code, (f["rule_set"], f["code"], number)


# Values read since (docs/award-rules.md), each seeded with its source and confidence ----------------------


def test_flag_of_a_province_under_nd152_is_8():
    """NĐ 152/2025 Điều 50: Cờ thi đua of a ministry/sector/province 8.0 × base salary."""
    flag = form("ND152-2025", rd.CO_TINH)
    assert flag["coefficient_collective"] == 8.0
    assert "Nghị định 152/2025/NĐ-CP, Điều 50" in flag["source"] and "độ tin cậy" in flag["source"]


@pytest.mark.parametrize(
    "code", [rd.LDTT, rd.CSTD_CS, rd.CSTD_TINH, rd.CSTD_TQ, rd.TTLDTT, rd.TTLDXS, rd.CO_CP]
)
def test_nd152_title_coefficients_cite_article_50(code):
    assert "Nghị định 152/2025/NĐ-CP, Điều 50" in form("ND152-2025", code)["source"]


@pytest.mark.parametrize(
    ("code", "individual", "collective"), [(rd.HCLD3, 4.5, 9.0), (rd.HC_SAO_VANG, 46.0, 92.0)]
)
def test_nd98_orders_for_collectives_are_twice_the_individual(code, individual, collective):
    """NĐ 98/2023 Điều 55 khoản 2: 'Collectives awarded Medals of all types … bonus amount twice the bonus
    amount for individuals'."""
    order = form("ND98-2023", code)
    assert (order["coefficient_individual"], order["coefficient_collective"]) == (individual, collective)
    assert "Điều 55 khoản 2" in order["source"]


def test_nd98_rounding_is_article_53_clause_2():
    """NĐ 98/2023 Điều 53 khoản 2: 'rounded up to tens of thousands of Vietnamese Dong'."""
    rounding = rule_set("ND98-2023")["rounding"]
    assert rounding["mode"] == "up" and rounding["to"] == 10_000
    assert "Điều 53 khoản 2" in rounding["source"]


def test_giay_khen_of_a_commune_chairman():
    """NĐ 98/2023 Điều 58 khoản 1 điểm g: 0.15 (351,000 at 2,340,000); NĐ 152/2025 Điều 54 khoản 1 điểm e:
    0.3 for the Giấy khen of Law Art. 75 k1 a-d, the commune chairman's among them."""
    nd98 = form("ND98-2023", rd.GK_XA)
    assert nd98["coefficient_individual"] == 0.15 and "Điều 58 khoản 1 điểm g" in nd98["source"]
    nd152 = form("ND152-2025", rd.GK_XA)
    assert nd152["coefficient_individual"] == 0.3 and "Điều 54 khoản 1 điểm e" in nd152["source"]
    assert not nd98["decided_here"] and not nd152["decided_here"]


def test_base_salary_from_1_july_2026():
    """NĐ 161/2026/NĐ-CP of 15/5/2026, khoản 2 Điều 3: 2,530,000 đ from 1/7/2026."""
    (row,) = [p for p in rd.BASE_SALARY_PERIODS if p["effective_from"] == "2026-07-01"]
    assert row["amount_vnd"] == 2_530_000 and "161/2026/NĐ-CP" in row["source"]
    assert "độ tin cậy" in row["note"]


def test_conflicting_readings_are_left_unset():
    """docs/award-rules.md records a conflict for NĐ 152/2025 Điều 54 k1 a (Bằng khen of the Prime Minister: 3.5 or
    3?) and k1 d (Kỷ niệm chương cap: 0.6 or 1.0?): an administrator enters them."""
    assert form("ND152-2025", rd.BK_TTG)["coefficient_individual"] is None
    assert form("ND152-2025", rd.KNC_CD)["coefficient_individual"] is None
    # "not found" stays unset too: NĐ 98/2023 Điều 58 k1 e (Giấy khen of a head of unit)
    assert form("ND98-2023", rd.GIAY_KHEN)["coefficient_individual"] is None


# The 15% quota of Chiến sĩ thi đua cơ sở -------------------------------------------------------------


def _quota_check(tree, year: int, *, holders: int, others: int):
    """`holders` members of one grassroots union hold Lao động tiên tiến in `year`, `others` of them hold
    Chiến sĩ thi đua cơ sở already; the check for one more."""
    load_award_rules()
    rule_set_code = "ND42-2010"
    ldtt = AwardForm.objects.get(rule_set__code=rule_set_code, code=rd.LDTT)
    cstd = AwardForm.objects.get(rule_set__code=rule_set_code, code=rd.CSTD_CS)
    members = [MemberFactory(unit=tree.grassroots_a1) for _ in range(holders)]
    for index, member in enumerate(members):
        record(ldtt, year, member=member)
        if index < others:
            record(cstd, year, member=member)
    checks = eligibility.evaluate(cstd, year, member=members[-1], declared=NATIONAL_INITIATIVE)
    return next(c for c in checks if c.code == "quota")


@pytest.mark.django_db
def test_a_small_union_with_eligible_people_never_gets_a_limit_of_0(tree):
    """Thông tư 07/2014/TT-BNV Điều 5: 'không quá 15% tổng số cá nhân đạt danh hiệu "Lao động tiên tiến"'.
    15% of 6 is 0.9: the text is silent on rounding, and a limit of 0 would bar the title from every union
    of fewer than 7 people; the limit is 1."""
    check = _quota_check(tree, 2015, holders=6, others=0)
    assert check.status == PASSED, check.reason
    assert "1" in check.reason


@pytest.mark.django_db
def test_the_quota_rounds_down_above_the_floor(tree):
    """15% of 20 holders is 3: a fourth is over the limit ('không quá')."""
    check = _quota_check(tree, 2015, holders=20, others=3)
    assert check.status == FAILED
    assert "3" in check.reason


@pytest.mark.django_db
def test_the_quota_applies_from_its_effective_date_only(tree):
    """Thông tư 07/2014/TT-BNV took effect on 15/10/2014: the 2013 review was not limited by it."""
    check = _quota_check(tree, 2013, holders=6, others=3)
    assert check.status == PASSED, check.reason
    assert "15/10/2014" in check.reason


def test_the_quota_says_its_effective_date_and_rounding():
    quota = form("ND42-2010", rd.CSTD_CS)["quota"]
    assert quota["effective_from"] == "2014-10-15"
    assert quota["rounding"] == "down" and quota["minimum_when_eligible"] == 1


# Legal bases a decision cites -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("rule_set_code", "day", "cited", "not_cited"),
    [
        ("ND98-2023", dt.date(2024, 3, 1), "1689/QĐ-TLĐ", "999/QĐ-TLĐ"),
        ("ND98-2023", dt.date(2024, 7, 1), "999/QĐ-TLĐ ngày 29/5/2024", "1689/QĐ-TLĐ"),
        ("ND91-2017", dt.date(2017, 11, 1), "1564/QĐ-TLĐ", "2106/QĐ-TLĐ"),
        ("ND91-2017", dt.date(2020, 12, 20), "1689/QĐ-TLĐ ngày 12/11/2019", "2106/QĐ-TLĐ"),
    ],
)
def test_a_decision_cites_the_union_regulation_in_force_on_its_date(rule_set_code, day, cited, not_cited):
    """QĐ 999/QĐ-TLĐ of 29/5/2024, 'Quy chế Khen thưởng của tổ chức Công đoàn', replaced QĐ 1689/QĐ-TLĐ of
    12/11/2019 (luatvietnam.vn metadata, read verbatim)."""
    from awards.printing import legal_bases_on

    bases = legal_bases_on(rule_set(rule_set_code)["legal_basis"], day)
    assert any(cited in basis for basis in bases), bases
    assert not any(not_cited in basis for basis in bases), bases


# Counts carried by a criterion: the interpreter honours every one -----------------------------------


def _confederation_bang_khen_check(tree, initiatives: int):
    """QĐ 1689/QĐ-TLĐ 2019, Điều 14 khoản 1.1: 'Hai năm liên tục ... hoàn thành xuất sắc nhiệm vụ, trong
    thời gian đó có 02 sáng kiến được công nhận và áp dụng hiệu quả trong phạm vi cấp cơ sở'."""
    load_award_rules()
    person = MemberFactory(unit=tree.grassroots_a1, full_name="Hà Thị Mai")
    bang_khen = AwardForm.objects.get(rule_set__code="ND91-2017", code=rd.BK_TLD)
    declared = Declared(
        task_grade="excellent",
        initiative="Sổ tay điện tử quản lý đoàn viên",
        initiative_scope="grassroots",
        initiative_count=initiatives,
        has_evidence=True,
    )
    with translation.override("en"):
        checks = eligibility.evaluate(bang_khen, 2020, member=person, declared=declared)
    return next(c for c in checks if c.code.startswith("prerequisite") and "Initiative" in c.label)


@pytest.mark.django_db
def test_one_initiative_is_refused_where_the_regulation_requires_two(tree):
    check = _confederation_bang_khen_check(tree, 1)
    assert check.status == FAILED
    assert "1" in check.reason and "2" in check.reason


@pytest.mark.django_db
def test_two_initiatives_meet_the_regulations_count(tree):
    check = _confederation_bang_khen_check(tree, 2)
    assert check.status == PASSED, check.reason
    assert "2" in check.label


def test_every_key_of_every_prerequisite_is_one_the_interpreter_reads():
    """A count (or any other value) the engine does not read would be ignored silently."""
    from awards.eligibility.prerequisites import KEYS_READ

    def walk(rules):
        for rule in rules:
            yield rule
            yield from walk(rule.get("items", []))

    for f in rd.AWARD_FORMS:
        for rule in walk(f["prerequisites"]):
            unread = set(rule) - KEYS_READ[rule["type"]]
            assert not unread, (f["rule_set"], f["code"], rule["type"], unread)


# Each rule's article, clause, period in force and confidence as separate fields -------------------


def test_every_rule_carries_its_text_article_period_and_confidence():
    for f in rd.AWARD_FORMS:
        citation = f["citation"]
        assert citation["legal_text"], f["code"]
        assert citation["confidence"] in ("V", "S", "N"), f["code"]
        # an article read verbatim has its number; an unverified number is never "read verbatim"
        assert citation["article"] is not None or citation["confidence"] != "V", f["code"]


def test_a_titles_source_cites_the_same_article_as_its_fields():
    for f in rd.AWARD_FORMS:
        if f["kind"] == "title":
            assert "tiêu chuẩn: " + rd.citation_text(f["citation"]) in f["source"], f["code"]


@pytest.mark.django_db
def test_the_loaded_forms_keep_the_citation_field_by_field():
    load_award_rules()
    cstd = AwardForm.objects.get(rule_set__code="ND152-2025", code=rd.CSTD_CS)
    assert (cstd.legal_text, cstd.article, cstd.clause, cstd.point) == ("Luật TĐKT 2022", 23, None, "")
    assert (cstd.effective_from, cstd.effective_to, cstd.confidence) == (dt.date(2024, 1, 1), None, "S")
    assert cstd.citation == "Luật TĐKT 2022, Điều 23"
    bang_khen = AwardForm.objects.get(rule_set__code="ND91-2017", code=rd.BK_TLD)
    assert (bang_khen.legal_text, bang_khen.article, bang_khen.clause) == ("QĐ 1689/QĐ-TLĐ 2019", 14, 1)
    assert (bang_khen.effective_from, bang_khen.effective_to) == (dt.date(2019, 11, 12), dt.date(2024, 5, 28))
    assert bang_khen.confidence == "V"
    assert bang_khen.history.exists()


@pytest.mark.django_db
def test_the_officer_sees_the_article_period_and_confidence_on_the_rules_page(client_as, officer_a):
    from django.urls import reverse

    load_award_rules()
    page = client_as(officer_a).get(reverse("awards:rules")).content.decode()
    assert "QĐ 1689/QĐ-TLĐ 2019" in page and "Điều 14" in page and "khoản 1" in page
    assert "12/11/2019 – 28/05/2024" in page
    assert "Đọc nguyên văn" in page and "Đọc qua nguồn thứ cấp" in page and "Chưa đọc trong văn bản" in page
