"""The public lookup of awards on the portal (tra cứu khen thưởng, /tra-cuu-khen-thuong/): the
awards of signed decisions in force of units that publish them, by name and unit, with or without
diacritics, showing only what the verification page shows."""

from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from awards import services as awards_services
from signing import views
from signing.models import SignedPdf
from signing.tests.conftest import issue

pytestmark = pytest.mark.django_db

URL = reverse("signing:lookup")


@pytest.fixture(autouse=True)
def _no_rate_limit(settings):
    """Every test client comes from one address: only the rate limit's own test counts searches."""
    settings.SIGNING_LOOKUP_PER_MINUTE = 10_000


@pytest.fixture
def decision(tree, province_officer, approved):
    """The province's decision of two awards (Nông Thị Hoa and a member of A1), its file signed and
    the first award's certificate signed (stand-in files: the lookup reads only the rows)."""
    decision = issue(province_officer, tree, approved)
    SignedPdf.objects.create(
        kind=SignedPdf.Kind.DECISION,
        decision=decision,
        status=SignedPdf.Status.SIGNED,
        file=ContentFile(b"%PDF-1.7\n", name="d.pdf"),
        sha256="0" * 64,
        signed_at=timezone.now(),
    )
    SignedPdf.objects.create(
        kind=SignedPdf.Kind.CERTIFICATE,
        decision=decision,
        record=decision.records.get(member__full_name="Nông Thị Hoa"),
        status=SignedPdf.Status.SIGNED,
        file=ContentFile(b"%PDF-1.7\n", name="c.pdf"),
        sha256="1" * 64,
        signed_at=timezone.now(),
    )
    return decision


def _page(client, **query) -> str:
    response = client.get(URL, query)
    assert response.status_code == 200
    return response.content.decode()


def test_an_awardee_is_found_without_diacritics_and_leads_to_the_verification_page(client, decision, person):
    page = _page(client, name="nong thi hoa")
    certificate = decision.signed_pdfs.get(kind=SignedPdf.Kind.CERTIFICATE)
    assert "Nông Thị Hoa" in page
    assert reverse("signing:verify", args=[certificate.code]) in page
    for shown in (decision.number_symbol, "20/12/2015", decision.deciding_unit.name, "Còn hiệu lực"):
        assert shown in page
    assert "1 khen thưởng được tìm thấy" in page

    # by unit: the member's unit, typed without accents, finds both awards of A1
    page = _page(client, unit=decision.records.first().member.unit.name.upper())
    assert "2 khen thưởng được tìm thấy" in page

    # the other award has no certificate signed: it leads to the decision's verification page
    other = decision.records.exclude(member=person).get()
    page = _page(client, name=other.member.full_name)
    assert reverse("signing:verify", args=[decision.signed_pdfs.get(kind="decision").code]) in page


def test_nothing_personal_leaks_and_a_member_code_finds_nobody(client, decision, person):
    page = _page(client, unit=person.unit.name)
    person.refresh_from_db()
    hidden = [person.code, "DV-HOA", person.position or "@@", "SHA", "0" * 64]
    if person.birth_date:
        hidden.append(person.birth_date.strftime("%d/%m/%Y"))
    for text in hidden:
        assert text not in page, text
    page = _page(client, name=person.code)
    assert "Nông Thị Hoa" not in page and "Không tìm thấy khen thưởng nào" in page


def test_a_unit_that_does_not_publish_its_awards_is_absent(client, decision, tree):
    tree.province.publishes_awards = False
    tree.province.save()
    page = _page(client, name="hoa")
    assert "Nông Thị Hoa" not in page and "Không tìm thấy khen thưởng nào" in page


def test_a_revoked_or_unsigned_decision_is_absent(client, decision, tree, province_officer, approved):
    awards_services.revoke_decision(actor=province_officer, decision=decision, reason="Sai đối tượng")
    assert "Nông Thị Hoa" not in _page(client, name="hoa")


def test_an_unsigned_decision_is_absent(client, tree, province_officer, approved):
    issue(province_officer, tree, approved)  # the province holds no certificate: nothing signed
    assert "Nông Thị Hoa" not in _page(client, name="hoa")


def test_results_are_paginated_in_a_constant_number_of_queries(client, decision, monkeypatch):
    monkeypatch.setattr(views, "LOOKUP_PAGE_SIZE", 1)
    unit = decision.records.first().member.unit.name
    first = _page(client, unit=unit)
    second = _page(client, unit=unit, page=2)
    names = {r.member.full_name for r in decision.records.select_related("member")}
    assert len([n for n in names if n in first]) == 1 and len([n for n in names if n in second]) == 1
    assert "Trang 1 / 2" in first and "Trang 2 / 2" in second
    next_page = urlencode({"unit": unit, "page": 2}).replace("&", "&amp;")
    assert f'href="?{next_page}"' in first  # the next page keeps the query

    monkeypatch.setattr(views, "LOOKUP_PAGE_SIZE", 20)
    with CaptureQueriesContext(connection) as one:
        _page(client, name="hoa")
    with CaptureQueriesContext(connection) as two:
        _page(client, unit=unit)
    assert len(one) == len(two)


def test_bad_input_gets_a_clear_answer_never_an_error(client, decision):
    page = _page(client, name="a" * 5000)
    assert "Trường «Họ tên cá nhân hoặc tên tập thể» quá dài: tối đa 100 ký tự (hiện có 5000)" in page
    page = client.get(URL + "?name=hoa%00hoa&unit=%00").content.decode()
    assert "Trường «Họ tên cá nhân hoặc tên tập thể» chứa ký tự không được phép" in page
    assert "Trường «Đơn vị» chứa ký tự không được phép" in page
    for query in ("?page=abc&name=hoa", "?page=999999&name=hoa", "?name=%25%5F%5C", "?name=%ED%A0%80"):
        assert client.get(URL + query).status_code == 200, query
    assert "Nông Thị Hoa" in _page(client, name="hoa", page="999")  # past the end: the last page


def test_searches_are_rate_limited_per_address(client, decision, settings):
    settings.SIGNING_LOOKUP_PER_MINUTE = 2
    statuses = [client.get(URL, {"name": "hoa"}, REMOTE_ADDR="192.0.2.9").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    page = client.get(URL, {"name": "hoa"}, REMOTE_ADDR="192.0.2.9").content.decode()
    assert "Bạn đã tìm quá nhiều lần" in page and "Nông Thị Hoa" not in page
    assert client.get(URL, {"name": "hoa"}, REMOTE_ADDR="192.0.2.10").status_code == 200
    assert client.get(URL, REMOTE_ADDR="192.0.2.9").status_code == 200  # the empty form costs nothing


def _unit_form_data(unit, **changes) -> dict:
    from organisations.forms import UnitForm

    data = {k: v for k, v in UnitForm(instance=unit).initial.items() if v is not None}
    data.update(changes)
    return {k: v for k, v in data.items() if v is not False}


def test_the_units_administrator_stops_publishing_through_the_unit_form_and_it_is_kept_in_history(
    client, decision, tree, admin_user, province_officer
):
    url = reverse("organisations:unit_edit", args=[tree.province.pk])
    # an officer edits the unit's details but not this setting: the field is not offered nor taken
    client.force_login(province_officer)
    assert 'name="publishes_awards"' not in client.get(url).content.decode()
    response = client.post(url, _unit_form_data(tree.province, publishes_awards=False))
    assert response.status_code == 302, response.context["form"].errors
    tree.province.refresh_from_db()
    assert tree.province.publishes_awards is True

    client.force_login(admin_user)
    page = client.get(url).content.decode()
    assert 'name="publishes_awards"' in page and "Công khai khen thưởng trên cổng thông tin" in page
    response = client.post(url, _unit_form_data(tree.province, publishes_awards=False))
    assert response.status_code == 302, response.context["form"].errors
    tree.province.refresh_from_db()
    assert tree.province.publishes_awards is False
    assert [h.publishes_awards for h in tree.province.history.order_by("history_date")][-2:] == [True, False]

    client.logout()
    assert "Nông Thị Hoa" not in _page(client, name="hoa")
