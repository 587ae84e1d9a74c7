"""The signed-in user of a request comes with their roles and the bell's count in one query
(accounts.auth.RequestUserBackend), and the answers are those of the separate queries."""

from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from accounts.auth import RequestUserBackend
from accounts.models import Role, RoleAssignment
from accounts.permissions import visible_units
from accounts.testing import UserFactory
from core.context_processors import navigation
from core.notifications import notify

LAYOUT_QUERIES = 2  # the session; the user with roles and unread notifications (when not in the cache)


def test_the_bell_counts_only_unread_notifications_of_the_user(officer_a, officer_b, client_as):
    notify([officer_a], "Kế hoạch mới của LĐLĐ tỉnh")
    notify([officer_a], "Nhắc nộp báo cáo")
    notify([officer_b], "Việc của huyện Bảo Lạc")
    officer_a.notifications.filter(text="Nhắc nộp báo cáo").update(read_at="2025-01-02T08:00:00+07:00")
    html = client_as(officer_a).get("/thong-bao/").content.decode()
    assert '<span class="bell-count">1</span>' in html


def test_no_bell_count_without_unread_notifications(officer_a, client_as):
    assert "bell-count" not in client_as(officer_a).get("/thong-bao/").content.decode()


def test_roles_read_with_the_user_give_the_same_scope(tree, officer_a):
    RoleAssignment.objects.create(user=officer_a, unit=tree.sector, role=Role.VIEWER)
    user = RequestUserBackend().get_user(officer_a.pk)
    expected = set(visible_units(type(officer_a).objects.get(pk=officer_a.pk)).values_list("pk", flat=True))
    assert set(visible_units(user).values_list("pk", flat=True)) == expected
    assert tree.sector.pk in expected and tree.district_b.pk not in expected


def test_the_layout_costs_the_same_queries_whatever_the_number_of_roles(
    tree, officer_a, client_as, django_assert_max_num_queries
):
    client = client_as(officer_a)
    client.get("/thong-bao/")
    with django_assert_max_num_queries(LAYOUT_QUERIES + 2):  # + the notifications page's count and rows
        client.get("/thong-bao/")
    for unit in (tree.province, tree.sector, tree.district_b):
        RoleAssignment.objects.create(user=officer_a, unit=unit, role=Role.VIEWER)
    with django_assert_max_num_queries(LAYOUT_QUERIES + 2):
        assert client.get("/thong-bao/").status_code == 200


def test_a_user_without_roles_still_signs_in_and_sees_nothing(tree, client):
    user = UserFactory(username="chua.phan.quyen")
    client.force_login(user)
    assert client.get("/thong-bao/").status_code == 200
    assert not visible_units(RequestUserBackend().get_user(user.pk)).exists()


def test_a_deactivated_user_is_signed_out_on_the_next_request(officer_a, client_as):
    client = client_as(officer_a)
    officer_a.is_active = False
    officer_a.save()
    response = client.get("/thong-bao/")
    assert response.status_code == 302 and "dang-nhap" in response["Location"]


def test_the_bell_count_of_a_user_loaded_elsewhere_is_counted_when_shown(officer_a):
    notify([officer_a], "Kế hoạch mới")
    request = RequestFactory().get("/")
    request.user = type(officer_a).objects.get(pk=officer_a.pk)  # e.g. an API token's user
    assert navigation(request)["unread_notifications"]() == 1
    request.user = AnonymousUser()
    assert navigation(request)["unread_notifications"] == 0
