"""A user sees and changes only what their role and subtree allow: tried from outside, by id."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from accounts.models import ApiToken
from organisations.testing import MemberFactory, make_unit


def test_an_officer_cannot_open_another_districts_units_or_members(tree, members, officer_a, client_as):
    client = client_as(officer_a)
    assert client.get(f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/").status_code == 200
    assert client.get(f"/to-chuc/don-vi/{tree.grassroots_b1.pk}/").status_code == 404
    assert client.get(f"/to-chuc/don-vi/{tree.grassroots_b1.pk}/sua/").status_code == 404
    foreign = members["b1"][0]
    assert client.get(f"/to-chuc/doan-vien/{foreign.pk}/").status_code == 404
    assert client.post(f"/to-chuc/doan-vien/{foreign.pk}/sua/", {"full_name": "X"}).status_code == 404
    foreign.refresh_from_db()
    assert foreign.full_name != "X"


def test_member_list_shows_only_the_officers_subtree(tree, members, officer_a, client_as):
    page = client_as(officer_a).get("/to-chuc/doan-vien/").content.decode()
    for member in members["a1"]:
        assert member.full_name in page
    assert members["b1"][0].code not in page


def test_an_officer_cannot_restructure_units(tree, officer_a, client_as):
    client = client_as(officer_a)
    assert client.get(f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/chuyen/").status_code == 403
    assert client.get(f"/to-chuc/don-vi/{tree.district_a.pk}/them/").status_code == 403


def test_the_admin_moves_a_unit_and_a_move_under_its_own_descendant_is_refused(tree, admin_user, client_as):
    client = client_as(admin_user)
    response = client.post(f"/to-chuc/don-vi/{tree.district_a.pk}/chuyen/", {"new_parent": "CS-A1"})
    assert response.status_code == 200
    assert "Không thể chuyển một đơn vị vào chính nó" in response.content.decode()
    response = client.post(f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/chuyen/", {"new_parent": "LDLD-BLAC"})
    assert response.status_code == 302
    tree.grassroots_a1.refresh_from_db()
    assert tree.grassroots_a1.parent_id == tree.district_b.pk


def test_a_member_with_a_future_birth_date_is_refused_and_not_saved(tree, officer_a, client_as):
    response = client_as(officer_a).post(
        f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/doan-vien/them/",
        {
            "code": "DV-NEW",
            "full_name": "Bế Văn Tương Lai",
            "gender": "M",
            "birth_date": "2099-01-01",
            "category": "worker",
            "status": "active",
        },
    )
    assert response.status_code == 200
    assert "tương lai" in response.content.decode()
    assert not tree.grassroots_a1.members.exists()


def test_the_api_applies_the_same_scope_with_a_token(tree, members, officer_a, client):
    _, key = ApiToken.issue(officer_a, "test")
    auth = {"HTTP_AUTHORIZATION": f"Bearer {key}"}
    listed = client.get("/api/v1/organisations/members", **auth).json()
    assert {m["code"] for m in listed["items"]} == {m.code for m in members["a1"]}
    assert client.get(f"/api/v1/organisations/members/{members['b1'][0].pk}", **auth).status_code == 404
    assert client.get(f"/api/v1/organisations/units/{tree.district_b.pk}", **auth).status_code == 404
    assert client.get("/api/v1/organisations/units").status_code == 401
    response = client.post(
        "/api/v1/organisations/members",
        {"code": "API1", "full_name": "Lý Văn A", "gender": "M", "unit_id": tree.grassroots_b1.pk},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 404


def test_the_api_hides_personal_data_from_viewers(tree, members, viewer, client):
    _, key = ApiToken.issue(viewer, "test")
    item = client.get("/api/v1/organisations/members", HTTP_AUTHORIZATION=f"Bearer {key}").json()["items"][0]
    assert item["birth_date"] is None and item["ethnicity"] is None


@pytest.mark.parametrize("extra", [5, 40])
def test_member_list_query_count_does_not_grow_with_members(
    tree, officer_a, client_as, extra, django_assert_max_num_queries
):
    for i in range(extra):
        MemberFactory(unit=make_unit("grassroots", tree.district_a) if i % 10 == 0 else tree.grassroots_a1)
    client = client_as(officer_a)
    with django_assert_max_num_queries(8):
        assert client.get("/to-chuc/doan-vien/").status_code == 200


def test_unit_tree_children_query_count_does_not_grow(tree, admin_user, client_as):
    client = client_as(admin_user)
    for _ in range(30):
        make_unit("grassroots", tree.district_a)
    client.get(f"/to-chuc/don-vi/{tree.district_b.pk}/don-vi-con/")  # the signed-in user, then kept
    with CaptureQueriesContext(connection) as few:
        client.get(f"/to-chuc/don-vi/{tree.district_b.pk}/don-vi-con/")
    with CaptureQueriesContext(connection) as many:
        client.get(f"/to-chuc/don-vi/{tree.district_a.pk}/don-vi-con/")
    assert len(many) == len(few)
