"""Lockout on every login path (issue 13, finding 4): django-axes counts failures where
authentication happens, so the admin site's login, the app's login and the password change
share one count per username and one per client address."""

import json

import pytest
from axes.models import AccessAttempt
from django.test import RequestFactory
from django.urls import reverse

from accounts.testing import UserFactory
from accounts.views import lockout_response

APP_LOGIN = "/tai-khoan/dang-nhap/"
ADMIN_LOGIN = "/quan-tri-he-thong/login/"
LOCKED = "tạm khóa"
THROTTLED = "địa chỉ của bạn"


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True, is_staff=True)


def admin_login(client, username, password, ip="203.0.113.7"):
    return client.post(
        ADMIN_LOGIN,
        {"username": username, "password": password, "next": "/quan-tri-he-thong/"},
        REMOTE_ADDR=ip,
    )


def test_the_admin_site_login_locks_a_superuser_after_the_limit(client, superuser, settings):
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        admin_login(client, "root", f"guess{n}", ip=f"198.51.100.{n + 1}")
    response = admin_login(client, "root", "demo12345", ip="198.51.100.99")
    assert response.status_code == 429
    body = response.content.decode()
    assert LOCKED in body and "Account locked" not in body
    assert "_auth_user_id" not in client.session
    assert client.get("/quan-tri-he-thong/").status_code == 302


def test_the_admin_site_login_throttles_one_address_whatever_the_usernames(client, superuser, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 6
    for n in range(6):
        admin_login(client, f"guess{n}", "Password1!")
    response = admin_login(client, "root", "demo12345")
    assert response.status_code == 429
    assert THROTTLED in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert admin_login(client, "root", "demo12345", ip="192.0.2.55").status_code == 302


def test_failures_on_the_admin_site_lock_the_app_login_too(client, superuser, settings):
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        admin_login(client, "root", f"guess{n}", ip=f"198.51.100.{n + 1}")
    response = client.post(
        APP_LOGIN, {"username": "root", "password": "demo12345"}, REMOTE_ADDR="198.51.100.50"
    )
    assert response.status_code == 429 and LOCKED in response.content.decode()


def test_a_username_in_other_letter_case_counts_for_the_same_account(client, superuser, settings):
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        admin_login(client, "ROOT" if n % 2 else " Root", f"guess{n}", ip=f"198.51.100.{n + 1}")
    assert admin_login(client, "root", "demo12345", ip="198.51.100.77").status_code == 429


def test_a_successful_login_clears_the_username_but_not_the_address(client, superuser, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 5
    for n in range(3):
        client.post(APP_LOGIN, {"username": f"guess{n}", "password": "x"})
    client.post(APP_LOGIN, {"username": "root", "password": "x"})
    assert client.post(APP_LOGIN, {"username": "root", "password": "demo12345"}).status_code == 302
    assert not AccessAttempt.objects.filter(username="root").exists()
    assert AccessAttempt.objects.filter(username__startswith="guess").count() == 3
    client.post(reverse("accounts:logout"))
    client.post(APP_LOGIN, {"username": "guess9", "password": "x"})
    client.post(APP_LOGIN, {"username": "guess8", "password": "x"})
    assert THROTTLED in client.post(APP_LOGIN, {"username": "root", "password": "demo12345"}).content.decode()


def test_the_password_change_form_cannot_be_used_to_guess_the_password(client, admin_user, settings):
    """A stolen session must not try passwords through "current password" without limit."""
    client.force_login(admin_user)
    url = reverse("accounts:password_change")
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        response = client.post(
            url, {"old_password": f"guess{n}", "new_password1": "Xy7!kq9Lmz", "new_password2": "Xy7!kq9Lmz"}
        )
        assert response.status_code == (429 if n == settings.LOGIN_FAILURE_LIMIT - 1 else 200)
    response = client.post(
        url, {"old_password": "demo12345", "new_password1": "Xy7!kq9Lmz", "new_password2": "Xy7!kq9Lmz"}
    )
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    admin_user.refresh_from_db()
    assert admin_user.check_password("demo12345")


def test_the_password_change_still_works_with_the_right_password(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("accounts:password_change"),
        {"old_password": "demo12345", "new_password1": "Xy7!kq9Lmz", "new_password2": "Xy7!kq9Lmz"},
    )
    assert response.status_code == 302
    admin_user.refresh_from_db()
    assert admin_user.check_password("Xy7!kq9Lmz")


def test_a_lockout_on_an_api_path_answers_json_in_vietnamese(db):
    request = RequestFactory().post("/api/v1/token", {"username": "root", "password": "x"})
    request.thidua_lockout_reason = "throttled"
    response = lockout_response(request)
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    assert THROTTLED in json.loads(response.content)["detail"]


def test_a_signed_in_page_costs_no_query_for_the_lockout(
    client, admin_user, settings, django_assert_num_queries
):
    """accounts.auth loads user and roles in one query; the lockout reads nothing on a signed-in page:
    the unit list costs the same number of queries with axes as without it."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin_user)
    client.get("/to-chuc/don-vi/")
    with CaptureQueriesContext(connection) as with_axes:
        assert client.get("/to-chuc/don-vi/").status_code == 200
    settings.AUTHENTICATION_BACKENDS = ["accounts.auth.RequestUserBackend"]
    settings.MIDDLEWARE = [m for m in settings.MIDDLEWARE if not m.startswith("axes.")]
    client.force_login(admin_user)
    client.get("/to-chuc/don-vi/")
    with CaptureQueriesContext(connection) as without_axes:
        assert client.get("/to-chuc/don-vi/").status_code == 200
    assert len(with_axes) == len(without_axes)
    assert not [q for q in with_axes.captured_queries if "axes_" in q["sql"]]
    settings.AUTHENTICATION_BACKENDS = [
        "axes.backends.AxesStandaloneBackend",
        "accounts.auth.RequestUserBackend",
    ]
    # the session (read from Redis, not the database, when sessions are cached_db); the user with
    # roles and unread count come from the cache (core.signed_in), read there by the page before
    from django.conf import settings as django_settings

    session_queries = 0 if django_settings.SESSION_ENGINE.endswith("cached_db") else 1
    with django_assert_num_queries(session_queries):
        assert client.get(reverse("accounts:password_change")).status_code == 200
