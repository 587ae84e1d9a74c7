"""The member list at a province's scale: keyset pages, a capped count, the unit picker, and the
import's writing path."""

import pytest
from django.urls import reverse

from accounts.models import ApiToken
from organisations import selectors
from organisations.imports import apply_member_import, check_member_file
from organisations.models import Member
from organisations.testing import MemberFactory
from organisations.tests.test_import_export import GOOD, workbook

LIST = "/to-chuc/doan-vien/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def _codes(response) -> list[str]:
    return [m.code for m in response.context["page"].members]


def test_paging_forward_and_back_shows_every_member_once_in_name_order(tree, officer_a, client_as):
    MemberFactory.create_batch(120, unit=tree.grassroots_a1)
    MemberFactory.create_batch(3, unit=tree.grassroots_b1)  # another district: never listed
    client = client_as(officer_a)
    pages, response = [], client.get(LIST)
    while True:
        pages.append(_codes(response))
        after = response.context["page"].next_after
        if after is None:
            break
        response = client.get(LIST, {"after": after})
    expected = list(
        Member.objects.filter(unit=tree.grassroots_a1)
        .order_by("sort_name", "pk")
        .values_list("code", flat=True)
    )
    assert [len(p) for p in pages] == [50, 50, 20]
    assert [code for page in pages for code in page] == expected
    back = client.get(LIST, {"before": response.context["page"].previous_before})
    assert _codes(back) == pages[1]
    first = client.get(LIST, {"before": back.context["page"].previous_before})
    assert _codes(first) == pages[0] and first.context["page"].previous_before is None


def test_a_member_id_from_another_district_as_cursor_gives_the_first_page(
    tree, members, officer_a, client_as
):
    client = client_as(officer_a)
    response = client.get(LIST, {"after": members["b1"][0].pk})
    assert response.status_code == 200
    assert sorted(_codes(response)) == sorted(m.code for m in members["a1"])


def test_a_long_list_says_more_than_instead_of_counting_every_member(tree, officer_a, client_as, monkeypatch):
    MemberFactory.create_batch(7, unit=tree.grassroots_a1)
    monkeypatch.setattr(selectors, "COUNT_CAP", 5)
    page = client_as(officer_a).get(LIST).content.decode()
    assert "Hơn 5 đoàn viên" in page
    monkeypatch.setattr(selectors, "COUNT_CAP", 7)
    assert "7 đoàn viên" in client_as(officer_a).get(LIST).content.decode()


def test_the_api_count_is_exact_up_to_the_cap_and_says_when_it_is_not(tree, officer_a, client, monkeypatch):
    MemberFactory.create_batch(7, unit=tree.grassroots_a1)
    _, key = ApiToken.issue(officer_a, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    body = client.get("/api/v1/organisations/members", {"limit": 3}, **auth).json()
    assert (body["count"], body["count_is_exact"], len(body["items"])) == (7, True, 3)
    monkeypatch.setattr(selectors, "COUNT_CAP", 5)
    body = client.get("/api/v1/organisations/members", {"limit": 3, "offset": 6}, **auth).json()
    assert (body["count"], body["count_is_exact"], len(body["items"])) == (5, False, 1)


@pytest.mark.parametrize("cursor", [False, True])
def test_member_list_pages_query_count_does_not_grow(
    tree, officer_a, client_as, cursor, django_assert_max_num_queries
):
    client = client_as(officer_a)
    for extra in (60, 200):
        MemberFactory.create_batch(extra, unit=tree.grassroots_a1)
        after = client.get(LIST).context["page"].next_after
        with django_assert_max_num_queries(9):
            assert client.get(LIST, {"after": after} if cursor else {}).status_code == 200


# The unit picker ------------------------------------------------------------------------------------


def test_the_unit_picker_suggests_only_units_of_the_officers_scope(tree, officer_a, client_as):
    client = client_as(officer_a)
    response = client.get(LIST, {"unit_q": "cdcs truong"}, HTTP_HX_TARGET="unit-suggestions", **HTMX)
    html = response.content.decode()
    assert tree.grassroots_a1.name in html
    assert tree.grassroots_b1.name not in html  # "CĐCS Trường THCS Bảo Lạc" matches, but is district B's
    assert f"unit={tree.grassroots_a1.pk}" in html


def test_without_javascript_a_unit_typed_in_full_filters_the_list(tree, members, officer_a, client_as):
    MemberFactory(unit=tree.grassroots_a2, full_name="Đàm Văn Khác")
    page = client_as(officer_a).get(LIST, {"unit_q": "CS-A1"}).content.decode()
    assert all(m.full_name in page for m in members["a1"])
    assert "Đàm Văn Khác" not in page


def test_another_districts_unit_is_neither_suggested_nor_accepted_by_id(tree, members, officer_a, client_as):
    client = client_as(officer_a)
    assert client.get(LIST, {"unit": tree.grassroots_b1.pk}).status_code == 404
    assert client.get(LIST, {"unit": tree.district_b.pk, "export": "xlsx"}).status_code == 404
    page = client.get(LIST, {"unit_q": tree.grassroots_b1.code}).content.decode()
    assert tree.grassroots_b1.name not in page and members["b1"][0].code not in page
    suggestions = client.get(LIST, {"unit_q": "Bảo Lạc"}, HTTP_HX_TARGET="unit-suggestions", **HTMX)
    assert tree.grassroots_b1.name not in suggestions.content.decode()
    _, key = ApiToken.issue(officer_a, "test")
    api = client.get(
        "/api/v1/organisations/members",
        {"unit_id": tree.grassroots_b1.pk},
        HTTP_AUTHORIZATION=f"Bearer {key}",
    )
    assert api.status_code == 404


def test_the_member_list_offers_the_unit_picker(tree, officer_a, client_as):
    page = client_as(officer_a).get(reverse("organisations:member_list")).content.decode()
    assert 'name="unit_q"' in page and 'hx-target="#unit-suggestions"' in page


# Writing an import -----------------------------------------------------------------------------------


def test_an_applied_import_is_searchable_and_in_the_history_with_who_imported_it(tree, officer_a):
    checked = check_member_file(
        workbook([GOOD, ["DV2", "Lục Văn Sơn", "Nam", "", "", "", "", "CS-A2", ""]]), tree.district_a
    )
    assert apply_member_import(checked.rows, actor=officer_a) == 2
    hoa = Member.objects.get(code="DV1")
    assert (hoa.full_name, hoa.unit, hoa.category, hoa.status) == (
        "Nông Thị Hoa",
        tree.grassroots_a1,
        Member.Category.PUBLIC_EMPLOYEE,
        "active",
    )
    assert str(hoa.birth_date) == "1990-03-12" and str(hoa.joined_on) == "2012-09-01"
    assert [m.code for m in selectors.filter_members(officer_a, q="nong thi hoa")] == ["DV1"]
    history = hoa.history.get()
    assert (history.history_type, history.history_user, history.unit_id) == (
        "+",
        officer_a,
        tree.grassroots_a1.pk,
    )
    assert Member.history.filter(code="DV2").count() == 1


def test_members_are_listed_by_given_name_in_vietnamese_alphabetical_order(tree, officer_a, client_as):
    for name in ["Nông Văn Zũng", "Lê Thị Đào", "Hoàng Văn Dũng", "Trần Thị Ánh", "Bế Văn An", "Ma Thị Ân"]:
        MemberFactory(unit=tree.grassroots_a1, full_name=name)
    names = [m.full_name for m in client_as(officer_a).get(LIST).context["page"].members]
    assert names == [
        "Bế Văn An",
        "Trần Thị Ánh",
        "Ma Thị Ân",
        "Hoàng Văn Dũng",
        "Lê Thị Đào",
        "Nông Văn Zũng",
    ]


def test_a_renamed_member_and_imported_members_take_their_place_in_the_order(tree, admin_user):
    member = MemberFactory(unit=tree.grassroots_a1, full_name="Lý Văn Zơ")
    member.full_name = "Lý Văn Đông"
    member.save()
    check = check_member_file(
        workbook([GOOD, ["DV2", "Lục Văn Ân", "Nam", "", "", "", "", "CS-A1", ""]]), tree.province
    )
    assert not check.errors
    apply_member_import(check.rows, actor=admin_user)
    ordered = Member.objects.filter(unit=tree.grassroots_a1).order_by("sort_name", "pk")
    assert [m.full_name for m in ordered] == ["Lục Văn Ân", "Lý Văn Đông", "Nông Thị Hoa"]
