"""Prize money carries the same structured citation as the criteria (the decree, article, clause, point,
its period in force, the confidence of the reading), and the legal texts carry the dates their own
texts state (docs/award-rules.md, "Citation of the prize money" and "Dates of the texts")."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils.html import strip_tags

from awards import rule_texts, services
from awards.models import AwardForm
from awards.rule_texts import (
    grading,
    luat_2003,
    luat_2022,
    nd42_2010,
    nd91_2017,
    nd98_2023,
    nd152_2025,
    tld_999_2024,
    tld_1564_2014,
    tld_1689_2019,
)
from awards.rules import load_award_rules

DECREES = {
    "ND42-2010": nd42_2010.TEXT,
    "ND91-2017": nd91_2017.TEXT,
    "ND98-2023": nd98_2023.TEXT,
    "ND152-2025": nd152_2025.TEXT,
}
UNION_REGULATIONS = {tld_1564_2014.TEXT["name"], tld_1689_2019.TEXT["name"], tld_999_2024.TEXT["name"]}


def _flat(page: str) -> str:
    """The page's text as a reader sees it (tags removed, spaces collapsed)."""
    return " ".join(strip_tags(page).split())


def test_every_money_entry_carries_the_citation_of_its_decree():
    """Every form with prize money (a coefficient, or a decree's entry left unset) cites the decree of its
    rule set, or the union regulation that sets a union form's money; an article counted as read verbatim
    has its number; a verified amount names its article."""
    with_money = [f for f in rule_texts.AWARD_FORMS if f["kind"] != "grading"]
    assert len(with_money) >= 40
    for form in with_money:
        where = f"{form['rule_set']} {form['code']}"
        for citation in (form["money_citation"], form["collective_money_citation"]):
            if citation is None:
                continue
            assert citation["legal_text"] in {DECREES[form["rule_set"]]["name"], *UNION_REGULATIONS}, where
            assert citation["confidence"] in ("V", "S", "N"), where
            assert citation["article"] is not None or citation["confidence"] != "V", where
        citation = form["money_citation"]
        assert citation is not None, where
        if citation["legal_text"] == DECREES[form["rule_set"]]["name"]:
            assert citation["effective_from"] == DECREES[form["rule_set"]]["effective_from"], where
        amount = form["coefficient_individual"] or form["coefficient_collective"]
        if amount is not None and form["verified"]:
            assert citation["article"] is not None, where
    # a yearly grade carries no money, so no citation of money
    assert all(f["money_citation"] is None for f in rule_texts.AWARD_FORMS if f["kind"] == "grading")
    assert all(f["coefficient_individual"] is None for f in rule_texts.AWARD_FORMS if f["kind"] == "grading")


@pytest.mark.django_db
def test_a_collective_order_shows_the_clause_that_doubles_it_apart_from_the_individual_amount():
    """NĐ 98/2023 Điều 55: the individual's 4,5 is khoản 1 điểm h; a collective's 9,0 is khoản 2 ("gấp hai
    lần mức tiền thưởng đối với cá nhân")."""
    load_award_rules()
    form = AwardForm.objects.get(rule_set__code="ND98-2023", code="huan-chuong-lao-dong-hang-ba")
    assert form.coefficient_individual == Decimal("4.5") and form.coefficient_collective == Decimal("9")
    cites = dict(form.money_cites)
    assert cites["Cá nhân"].text == "Nghị định 98/2023/NĐ-CP, Điều 55 khoản 1 điểm h"
    assert cites["Tập thể"].text == "Nghị định 98/2023/NĐ-CP, Điều 55 khoản 2"
    assert cites["Tập thể"].effective_from == dt.date(2024, 1, 1)
    assert cites["Tập thể"].effective_to == dt.date(2025, 6, 30)
    assert form.history.first().collective_money_clause == 2  # kept in the form's history


@pytest.mark.django_db
def test_the_rules_page_shows_the_article_of_each_amount(client_as, admin_user):
    load_award_rules()
    page = _flat(client_as(admin_user).get(reverse("awards:rules")).content.decode())
    assert "Tiền thưởng theo" in page
    assert "Tập thể: Nghị định 98/2023/NĐ-CP · Điều 55 khoản 2" in page
    assert "Nghị định 152/2025/NĐ-CP · Điều 50" in page


@pytest.mark.django_db
def test_the_money_page_of_a_flag_shows_its_article(client_as, admin_user):
    """NĐ 152/2025 Điều 50: cờ thi đua of a ministry or province 8,0 lần mức lương cơ sở."""
    load_award_rules()
    form = AwardForm.objects.get(rule_set__code="ND152-2025", code="co-thi-dua-cap-tinh")
    assert form.coefficient_collective == Decimal("8")
    assert form.money_citation_text == "Nghị định 152/2025/NĐ-CP, Điều 50 (Đọc qua nguồn thứ cấp)"
    page = _flat(client_as(admin_user).get(reverse("awards:form_money", args=[form.pk])).content.decode())
    assert "Nghị định 152/2025/NĐ-CP · Điều 50" in page and "01/07/2025" in page


@pytest.mark.django_db
def test_money_entered_by_an_administrator_drops_the_seeded_citation_and_survives_reloading(admin_user):
    load_award_rules()
    form = AwardForm.objects.get(rule_set__code="ND98-2023", code="bang-khen-cap-tinh")
    assert form.money_citation_text.startswith("Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 điểm b")
    services.set_award_form_money(
        actor=admin_user,
        form=form,
        coefficient_individual=Decimal("1"),
        coefficient_collective=Decimal("2"),
        source="Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 điểm b (văn bản gốc)",
    )
    load_award_rules()
    form.refresh_from_db()
    assert form.coefficient_individual == 1 and form.money_cites == []
    assert form.source == "Nghị định 98/2023/NĐ-CP, Điều 58 khoản 1 điểm b (văn bản gốc)"


# name: (in force from, until, confidence of those dates) as the texts state them
EFFECTIVE_DATES = {
    # Luật 15/2003/QH11 as consolidated (16/VBHN-VPQH): "có hiệu lực kể từ ngày 01 tháng 7 năm 2004"; Luật
    # 06/2022/QH15 Điều 94 khoản 2: it ends when that law takes effect
    luat_2003.L03["name"]: ("2004-07-01", "2023-12-31", "V"),
    # Luật 39/2013/QH13 Điều 2 khoản 1: "có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2014"
    luat_2003.L03_2013["name"]: ("2014-06-01", "2023-12-31", "V"),
    # Luật 06/2022/QH15 Điều 94 khoản 1: "có hiệu lực thi hành từ ngày 01 tháng 01 năm 2024"
    luat_2022.L22["name"]: ("2024-01-01", None, "V"),
    # its own clause on effect not read: signed 15/4/2010, ends when NĐ 91/2017 takes effect
    nd42_2010.TEXT["name"]: (None, "2017-09-30", "N"),
    # plo.vn: "có hiệu lực thi hành từ ngày 1-10" (2017)
    nd91_2017.TEXT["name"]: ("2017-10-01", "2023-12-31", "S"),
    nd98_2023.TEXT["name"]: ("2024-01-01", "2025-06-30", "S"),
    # laodong.vn: "effective from July 1, 2025"
    nd152_2025.TEXT["name"]: ("2025-07-01", None, "S"),
    # the Confederation's decisions: the signing dates only (luatvietnam.vn), their clause on effect not read
    tld_1564_2014.TEXT["name"]: ("2014-12-24", "2017-12-27", "N"),
    tld_1564_2014.HD149["name"]: ("2015-02-04", None, "N"),
    tld_1689_2019.TEXT["name"]: ("2019-11-12", "2024-05-28", "N"),
    tld_999_2024.TEXT["name"]: ("2024-05-29", None, "N"),
    grading.HD1294["name"]: (None, None, "N"),
}


def test_each_legal_text_carries_its_effective_dates_as_its_source_states_them():
    texts = [
        luat_2003.L03,
        luat_2003.L03_2013,
        luat_2022.L22,
        *DECREES.values(),
        tld_1564_2014.TEXT,
        tld_1564_2014.HD149,
        tld_1689_2019.TEXT,
        tld_999_2024.TEXT,
        grading.HD1294,
    ]
    assert {t["name"]: (t["effective_from"], t["effective_to"], t["dates_confidence"]) for t in texts} == (
        EFFECTIVE_DATES
    )
    for text in texts:
        assert text["dates_source"], text["name"]
        if text["dates_confidence"] == "V":
            assert "hiệu lực" in text["dates_source"], text["name"]  # the clause quoted


def test_a_citation_carries_the_dates_of_its_text():
    cited = [f["citation"] for f in rule_texts.AWARD_FORMS] + [
        c for f in rule_texts.AWARD_FORMS for c in (f["money_citation"], f["collective_money_citation"]) if c
    ]
    for citation in cited:
        if citation["legal_text"] in EFFECTIVE_DATES:
            start, end, _confidence = EFFECTIVE_DATES[citation["legal_text"]]
            assert (citation["effective_from"], citation["effective_to"]) == (start, end), citation


@pytest.mark.django_db
def test_the_admin_list_of_award_forms_shows_where_each_amount_comes_from(client, django_user_model):
    load_award_rules()
    client.force_login(django_user_model.objects.create_superuser("quan-tri", "qt@example.vn", "x-Secret-9"))
    url = reverse("admin:awards_awardform_changelist")
    page = _flat(client.get(url, {"rule_set__id__exact": _rule_set_id("ND98-2023")}).content.decode())
    assert "Tiền thưởng theo" in page  # the column's header
    assert "Tập thể: Nghị định 98/2023/NĐ-CP, Điều 55 khoản 2 (Đọc qua nguồn thứ cấp)" in page


def _rule_set_id(code: str) -> int:
    return AwardForm.objects.filter(rule_set__code=code).values_list("rule_set_id", flat=True)[0]
