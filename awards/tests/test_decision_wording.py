"""A decision as an office writes it (issue 16): a title named as a title, a form by the issuing
body's own name, and prize money that is partly unknown never issued silently."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from awards import printing, services
from awards.models import Decision
from awards.tests.conftest import BK_TINH
from documents.reader.docx_text import docx_text
from organisations.models import TitleWording

DECIDED_ON = dt.date(2015, 12, 20)
PROVINCE_FORM = "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh, thành phố"


@pytest.fixture
def approved(approved, rules):
    """The conftest's two approved nominations, the provincial federation's Bằng khen named as the
    seeded rules name it (the wording must turn "tỉnh, thành phố" into the province's name)."""
    rules.forms[BK_TINH].name = PROVINCE_FORM
    rules.forms[BK_TINH].save(update_fields=["name"])
    return approved


def _articles(decision: Decision) -> str:
    return "\n".join(p for section in printing.decision_document(decision).items for p in section.paragraphs)


def test_article_1_names_a_title_as_a_title_and_a_form_by_its_issuer(tree, province_officer, approved):
    decision = services.issue_decision(
        actor=province_officer, deciding_unit=tree.province, nominations=approved, decided_on=DECIDED_ON
    )
    articles = _articles(decision)
    assert "Tặng danh hiệu “Lao động tiên tiến” cho 1 cá nhân" in articles
    assert "Tặng Lao động tiên tiến" not in articles
    assert "Tặng Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng cho 1 cá nhân" in articles
    assert "tỉnh, thành phố" not in articles
    assert "có tên tại Điều 1 và Điều 2 chịu trách nhiệm thi hành" in articles
    annex = printing.decision_document(decision).annexes[0]
    forms = {row[3] for row in annex.rows}
    assert forms == {
        "Danh hiệu “Lao động tiên tiến”",
        "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng",
    }


def _without_money(form):
    form.coefficient_individual = None
    form.verified = False
    form.save()


def test_a_decision_with_unknown_prize_money_is_not_issued_silently(tree, rules, province_officer, approved):
    _without_money(rules.forms[BK_TINH])
    with pytest.raises(ValidationError) as error:
        services.issue_decision(
            actor=province_officer, deciding_unit=tree.province, nominations=approved, decided_on=DECIDED_ON
        )
    assert "issue_without_money" in error.value.message_dict
    assert PROVINCE_FORM in str(error.value)
    assert not Decision.objects.exists()


def test_issuing_without_the_unknown_amounts_is_a_recorded_choice(
    tree, rules, province_officer, approved, client_as
):
    _without_money(rules.forms[BK_TINH])
    decision = services.issue_decision(
        actor=province_officer,
        deciding_unit=tree.province,
        nominations=approved,
        decided_on=DECIDED_ON,
        issue_without_money=True,
    )
    assert decision.issued_without_money
    assert decision.history.earliest().issued_without_money
    assert decision.history.earliest().history_user == province_officer
    page = (
        client_as(province_officer)
        .get(reverse("awards:decision_detail", args=[decision.pk]))
        .content.decode()
    )
    assert "Ban hành khi chưa có mức tiền thưởng" in page
    assert (
        "Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng" in page and PROVINCE_FORM not in page
    )


def test_the_issuing_page_lists_the_missing_amounts_and_links_to_the_money_form(
    tree, rules, province_officer, admin_user, approved, client_as
):
    """An officer sees what is missing and who enters it; an administrator (who may enter prize money)
    gets the link to the form's money page."""
    _without_money(rules.forms[BK_TINH])
    session = approved[0].agenda_items.get().session
    client = client_as(province_officer)
    url = reverse("awards:decision_create", args=[session.pk])
    data = {
        "decided_on": "2015-12-20",
        "signer_position": "CHỦ TỊCH",
        "signer_name": "Hoàng Văn Nam",
        "nominations": [n.pk for n in approved],
    }
    money_page = reverse("awards:form_money", args=[rules.forms[BK_TINH].pk])
    page = client.post(url, data).content.decode()
    assert not Decision.objects.exists()
    assert "Mức tiền thưởng quy định chưa có" in page and PROVINCE_FORM in page
    assert "Quản trị viên nhập mức tiền thưởng" in page and money_page not in page
    assert money_page in client_as(admin_user).post(url, data).content.decode()
    response = client.post(url, {**data, "issue_without_money": "on"})
    assert response.status_code == 302
    assert Decision.objects.get().issued_without_money


def test_correcting_a_decision_with_unknown_prize_money_asks_first_then_replaces_it(
    tree, rules, province_officer, approved, client_as
):
    """The correcting page refuses as the issuing page does: the missing amounts listed, nothing
    replaced, until the officer chooses to issue without them."""
    decision = services.issue_decision(
        actor=province_officer, deciding_unit=tree.province, nominations=approved, decided_on=DECIDED_ON
    )
    _without_money(rules.forms[BK_TINH])
    client = client_as(province_officer)
    url = reverse("awards:decision_correct", args=[decision.pk])
    data = {
        "decided_on": "2015-12-22",
        "signer_position": "CHỦ TỊCH",
        "signer_name": "Hoàng Văn Nam",
        "nominations": [n.pk for n in approved],
        "reason": "Sửa ngày ký",
    }
    page = client.post(url, data).content.decode()
    assert "Mức tiền thưởng quy định chưa có" in page and PROVINCE_FORM in page
    decision.refresh_from_db()
    assert decision.status == Decision.Status.ISSUED and Decision.objects.count() == 1
    response = client.post(url, {**data, "issue_without_money": "on"}, follow=True)
    new = Decision.objects.exclude(pk=decision.pk).get()
    assert response.redirect_chain[-1][0] == reverse("awards:decision_detail", args=[new.pk])
    assert f"Quyết định số {new.number_symbol} thay thế Quyết định số {decision.number_symbol}" in (
        response.content.decode()
    )
    decision.refresh_from_db()
    assert decision.status == Decision.Status.REPLACED and new.issued_without_money


def test_a_body_whose_practice_is_to_recognise_titles_prints_cong_nhan(tree, province_officer, approved):
    """Issue 16: "Công nhận danh hiệu …" where the issuing body's practice says so; a form of
    commendation is still "Tặng …"."""
    tree.province.title_wording = TitleWording.RECOGNISE
    tree.province.save(update_fields=["title_wording"])
    decision = services.issue_decision(
        actor=province_officer, deciding_unit=tree.province, nominations=approved, decided_on=DECIDED_ON
    )
    printed = docx_text(printing.decision_docx(decision))
    assert "Công nhận danh hiệu “Lao động tiên tiến” cho 1 cá nhân" in printed
    assert "Tặng danh hiệu" not in printed
    assert "Tặng Bằng khen của Ban Chấp hành Liên đoàn Lao động tỉnh Cao Bằng cho 1 cá nhân" in printed


def test_the_practice_is_set_on_the_units_own_page(client, tree, admin_user):
    client.force_login(admin_user)
    url = reverse("organisations:unit_edit", args=[tree.province.pk])
    form = client.get(url).context["form"]
    data = {name: value for name, value in form.initial.items() if value is not None}
    data.update(unit_type=tree.province.unit_type_id, title_wording=TitleWording.RECOGNISE)
    response = client.post(url, data)
    assert response.status_code == 302, response.context["form"].errors
    tree.province.refresh_from_db()
    assert tree.province.title_wording == TitleWording.RECOGNISE
