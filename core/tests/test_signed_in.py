"""The signed-in user kept in the cache between requests (core.signed_in): read from the cache
while nothing changed, and never a request after a change that matters — each test here signs
in, loads a page (which keeps the user), changes something, and checks the very next page."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import Role, RoleAssignment
from accounts.services import revoke_role
from accounts.testing import signed_in_client
from core.notifications import notify
from organisations.services import move_unit


def _unit_page(unit) -> str:
    return reverse("organisations:unit_detail", args=[unit.pk])


def test_the_next_page_reads_the_user_and_their_roles_from_the_cache(tree, officer_a):
    client = signed_in_client(officer_a)
    assert client.get("/thong-bao/").status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get("/thong-bao/").status_code == 200
    read = " ".join(q["sql"] for q in queries.captured_queries)
    assert "accounts_user" not in read and "accounts_roleassignment" not in read


def test_a_removed_role_refuses_the_next_request(tree, officer_a, admin_user):
    client = signed_in_client(officer_a)
    assert client.get(_unit_page(tree.grassroots_a1)).status_code == 200
    revoke_role(actor=admin_user, assignment=RoleAssignment.objects.get(user=officer_a))
    assert client.get(_unit_page(tree.grassroots_a1)).status_code == 404


def test_a_role_moved_to_another_subtree_refuses_the_old_one_on_the_next_request(tree, officer_a):
    client = signed_in_client(officer_a)
    assert client.get(_unit_page(tree.grassroots_a1)).status_code == 200
    assert client.get(_unit_page(tree.grassroots_b1)).status_code == 404
    assignment = RoleAssignment.objects.get(user=officer_a)
    assignment.unit = tree.district_b
    assignment.save()
    assert client.get(_unit_page(tree.grassroots_a1)).status_code == 404
    assert client.get(_unit_page(tree.grassroots_b1)).status_code == 200


def test_a_deactivated_user_is_signed_out_on_the_next_request(tree, officer_a):
    client = signed_in_client(officer_a)
    assert client.get("/thong-bao/").status_code == 200
    officer_a.is_active = False
    officer_a.save(update_fields=["is_active"])
    response = client.get("/thong-bao/")
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(tree, officer_a):
    here, elsewhere = signed_in_client(officer_a), signed_in_client(officer_a)
    assert here.get("/thong-bao/").status_code == 200
    assert elsewhere.get("/thong-bao/").status_code == 200
    response = here.post(
        reverse("accounts:password_change"),
        {
            "old_password": "demo12345",
            "new_password1": "mat-khau-moi-2025",
            "new_password2": "mat-khau-moi-2025",
        },
    )
    assert response.status_code == 302
    assert here.get("/thong-bao/").status_code == 200
    response = elsewhere.get("/thong-bao/")
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_a_unit_moved_out_of_the_officers_subtree_is_not_visible_on_the_next_request(tree, officer_a):
    client = signed_in_client(officer_a)
    assert client.get(_unit_page(tree.grassroots_a2)).status_code == 200
    move_unit(tree.grassroots_a2, tree.district_b)
    assert client.get(_unit_page(tree.grassroots_a2)).status_code == 404


def test_an_officer_whose_unit_moved_still_sees_it_on_the_next_request(tree):
    from accounts.testing import user_with_role

    officer = user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.a1")
    client = signed_in_client(officer)
    assert client.get(_unit_page(tree.grassroots_a1)).status_code == 200
    move_unit(tree.grassroots_a1, tree.district_b)  # its path, held with the officer's role, changes
    assert client.get(_unit_page(tree.grassroots_a1)).status_code == 200


def test_a_new_notification_shows_in_the_bell_on_the_next_page_and_reading_it_clears_it(tree, officer_a):
    client = signed_in_client(officer_a)
    assert "bell-count" not in client.get("/thong-bao/").content.decode()
    notify([officer_a], "Kế hoạch mới của LĐLĐ tỉnh")
    assert '<span class="bell-count">1</span>' in client.get("/thong-bao/").content.decode()
    client.post(reverse("core:notifications_read"))
    assert "bell-count" not in client.get("/thong-bao/").content.decode()
