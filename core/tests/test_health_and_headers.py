from unittest import mock

from django.db import OperationalError


def test_healthz_reports_the_database(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["database"] == "ok"


def test_pages_carry_a_content_security_policy_without_inline_scripts(client, db):
    response = client.get("/tai-khoan/dang-nhap/")
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert response.headers["X-Frame-Options"] == "DENY"


def test_database_going_away_answers_503_with_a_clear_page(client, db, admin_user):
    client.force_login(admin_user)
    with mock.patch(
        "organisations.views.selectors.scope_roots",
        side_effect=OperationalError("could not connect to server: Connection refused"),
    ):
        response = client.get("/to-chuc/don-vi/")
    assert response.status_code == 503
    assert "Hệ thống tạm thời gián đoạn" in response.content.decode()
