"""Hardening: production settings, login throttling and lockout, sessions, passwords,
user enumeration and uploads, each tried the way an attacker or a careless user would."""

import io
import json
import os
import re
import secrets
import subprocess
import sys
import zipfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from axes.models import AccessAttempt
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from core.tests.authz import member_workbook
from core.uploads import DOCX, PDF, PNG, XLSX, check_upload

BASE_DIR = Path(__file__).resolve().parents[2]
LOGIN = "/tai-khoan/dang-nhap/"
WRONG_CREDENTIALS = "Tên đăng nhập hoặc mật khẩu không đúng"


def production_env(tmp_path, **extra) -> dict:
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTEST", "DJANGO_SETTINGS", "DJANGO_ALLOW_ASYNC_UNSAFE"))
    }
    env.update(
        THIDUA_ENV="production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="example.org",
        DATABASE_URL=f"sqlite:///{tmp_path / 'prod.sqlite3'}",
        DJANGO_SETTINGS_MODULE="thidua.settings",
        MEDIA_ROOT=str(tmp_path / "media"),
        **extra,
    )
    return env


# Production settings -----------------------------------------------------------------


def test_check_deploy_is_clean_in_production(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASE_DIR,
        env=production_env(tmp_path),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key(tmp_path):
    env = production_env(tmp_path)
    env.pop("SECRET_KEY")
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


PRODUCTION_PROBE = """
import json, django
django.setup()
from django.conf import settings
from django.test import Client
from django.test.utils import override_settings
# the manifest of collected static files is not built here; everything else is production's
override_settings(STORAGES={**settings.STORAGES, "staticfiles": {
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}).enable()
response = Client().get("/tai-khoan/dang-nhap/", secure=True, HTTP_HOST="example.org")
plain = Client().get("/tai-khoan/dang-nhap/", HTTP_HOST="example.org")
print(json.dumps({
    "status": response.status_code,
    "headers": dict(response.headers),
    "cookies": {name: dict(morsel) for name, morsel in response.cookies.items()},
    "plain_status": plain.status_code,
    "plain_location": plain.headers.get("Location", ""),
    "session_secure": settings.SESSION_COOKIE_SECURE,
    "csrf_secure": settings.CSRF_COOKIE_SECURE,
    "debug": settings.DEBUG,
}))
"""


def test_production_pages_are_https_only_with_strict_headers_and_secure_cookies(tmp_path):
    env = production_env(tmp_path)
    subprocess.run(
        [sys.executable, "manage.py", "migrate", "-v", "0"],
        cwd=BASE_DIR,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    result = subprocess.run(
        [sys.executable, "-c", PRODUCTION_PROBE],
        cwd=BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    probe = json.loads(result.stdout.strip().splitlines()[-1])
    headers = probe["headers"]
    assert probe["status"] == 200
    assert probe["debug"] is False
    assert probe["plain_status"] == 301 and probe["plain_location"].startswith("https://")
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "includeSubDomains" in headers["Strict-Transport-Security"]
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["X-Content-Type-Options"] == "nosniff"
    policy = headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert probe["session_secure"] and probe["csrf_secure"]
    assert probe["cookies"]["csrftoken"]["secure"] is True


def test_every_page_forbids_framing_and_inline_scripts(client, db):
    response = client.get(LOGIN)
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "frame-ancestors 'none'" in response.headers["Content-Security-Policy"]
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", response.content.decode()), (
        "inline script on the login page"
    )


# Login: lockout per username, throttling per address, no enumeration -----------------


def post_login(client, username, password, ip="203.0.113.7"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_failures_lock_the_username_even_from_many_addresses(client, admin_user, settings):
    for n in range(settings.LOGIN_FAILURE_LIMIT):
        post_login(client, "admin", "wrong", ip=f"198.51.100.{n + 1}")
    response = post_login(client, "admin", "demo12345", ip="198.51.100.200")
    assert response.status_code == 429
    assert "tạm khóa" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_ends_after_the_window(client, admin_user, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        post_login(client, "admin", "wrong")
    assert post_login(client, "admin", "demo12345", ip="198.51.100.9").status_code == 429
    earlier = timezone.now() - timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES + 1)
    AccessAttempt.objects.update(attempt_time=earlier)  # the window has passed
    assert post_login(client, "admin", "demo12345", ip="198.51.100.9").status_code == 302


def test_one_address_trying_many_usernames_is_throttled(client, admin_user, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 8
    for n in range(8):
        post_login(client, f"guess{n}", "Password1!")  # spraying: one try per username
    response = post_login(client, "admin", "demo12345")
    assert response.status_code == 429
    assert "địa chỉ của bạn" in response.content.decode()
    assert "_auth_user_id" not in client.session
    # another address is not affected
    assert post_login(client, "admin", "demo12345", ip="192.0.2.55").status_code == 302


def test_a_successful_login_does_not_reset_the_address_counter(client, admin_user, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 4
    for n in range(3):
        post_login(client, f"guess{n}", "x")
    assert post_login(client, "admin", "demo12345").status_code == 302
    client.logout()
    post_login(client, "guess9", "x")
    assert "địa chỉ của bạn" in post_login(client, "admin", "demo12345").content.decode()


def test_the_proxy_header_names_the_client_when_configured(client, admin_user, settings):
    settings.LOGIN_IP_FAILURE_LIMIT = 3
    settings.CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
    for n in range(3):
        client.post(
            LOGIN, {"username": f"g{n}", "password": "x"}, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="192.0.2.1"
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.1"}
    # another client behind the same proxy still logs in
    ok = client.post(
        LOGIN,
        {"username": "admin", "password": "demo12345"},
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_REAL_IP="192.0.2.2",
    )
    assert ok.status_code == 302
    # a forged, unparsable header falls back to the socket's address
    client.post(LOGIN, {"username": "g", "password": "x"}, REMOTE_ADDR="10.0.0.1", HTTP_X_REAL_IP="<script>")
    assert AccessAttempt.objects.filter(ip_address="10.0.0.1").exists()


def _form_html(response) -> str:
    html = response.content.decode()
    html = re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", html)
    html = re.sub(r'"X-CSRFToken": "[^"]+"', "", html)
    return re.sub(r'value="[^"]*"', "", html)  # the username echoed back


def test_unknown_user_and_wrong_password_get_the_same_page(client, admin_user):
    wrong = post_login(client, "admin", "nope")
    unknown = post_login(client, "nobody", "nope")
    assert wrong.status_code == unknown.status_code == 200
    assert WRONG_CREDENTIALS in wrong.content.decode()
    assert _form_html(wrong) == _form_html(unknown)


def test_lockout_does_not_tell_whether_a_username_exists(client, admin_user, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        post_login(client, "admin", "nope", ip="192.0.2.10")
        post_login(client, "nobody", "nope", ip="192.0.2.11")
    real = post_login(client, "admin", "nope", ip="192.0.2.12")
    fake = post_login(client, "nobody", "nope", ip="192.0.2.13")
    assert real.status_code == fake.status_code == 429
    assert "tạm khóa" in real.content.decode() and "tạm khóa" in fake.content.decode()
    assert _form_html(real).replace("admin", "X") == _form_html(fake).replace("nobody", "X")


def test_an_inactive_user_gets_the_same_answer_as_a_wrong_password(client, admin_user):
    admin_user.is_active = False
    admin_user.save()
    assert WRONG_CREDENTIALS in post_login(client, "admin", "demo12345").content.decode()


def test_login_does_not_redirect_to_another_site(client, admin_user):
    response = client.post(
        LOGIN + "?next=https://evil.example/", {"username": "admin", "password": "demo12345"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/"


# Sessions ------------------------------------------------------------------------------


def test_a_session_expires_after_session_cookie_age(client, admin_user, settings):
    assert settings.SESSION_COOKIE_AGE <= 12 * 3600
    assert post_login(client, "admin", "demo12345").status_code == 302
    now = timezone.now()
    with mock.patch(
        "django.contrib.sessions.backends.db.timezone.now",
        return_value=now + timedelta(seconds=settings.SESSION_COOKIE_AGE - 60),
    ):
        assert client.get("/to-chuc/don-vi/").status_code == 200
    # with cached_db sessions (CACHE_URL=redis://…) the cached copy expires by its TTL, which
    # is SESSION_COOKIE_AGE (core/tests/test_cache.py) and which the clock mock cannot move
    cache.clear()
    with mock.patch(
        "django.contrib.sessions.backends.db.timezone.now",
        return_value=now + timedelta(seconds=settings.SESSION_COOKIE_AGE + 60),
    ):
        response = client.get("/to-chuc/don-vi/")
    assert response.status_code == 302 and response["Location"].startswith(LOGIN)


def test_the_session_cookie_is_not_readable_by_scripts_and_ends_with_the_browser(
    client, admin_user, settings
):
    response = post_login(client, "admin", "demo12345")
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["httponly"] is True
    assert cookie["max-age"] == ""  # a browser-session cookie
    assert cookie["samesite"] == "Lax"


def test_logging_in_rotates_the_session_key(client, admin_user):
    client.get(LOGIN)
    client.session.save()
    before = client.session.session_key
    post_login(client, "admin", "demo12345")
    assert client.session.session_key != before


# Passwords -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "weak, message",
    [
        ("abc12", "Mật khẩu quá ngắn"),
        ("password123", "Mật khẩu này quá phổ biến"),
        ("83920174615", "Mật khẩu này hoàn toàn là số"),
        ("canbo.a.2024", "quá giống"),
    ],
)
def test_a_weak_password_is_refused_on_password_change_in_vietnamese(client, officer_a, weak, message):
    client.force_login(officer_a)
    response = client.post(
        "/tai-khoan/doi-mat-khau/",
        {"old_password": "demo12345", "new_password1": weak, "new_password2": weak},
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    officer_a.refresh_from_db()
    assert officer_a.check_password("demo12345")


def test_a_strong_password_is_accepted(client, officer_a):
    client.force_login(officer_a)
    response = client.post(
        "/tai-khoan/doi-mat-khau/",
        {
            "old_password": "demo12345",
            "new_password1": "Nước-Hai-mùa-xuân-2025",
            "new_password2": "Nước-Hai-mùa-xuân-2025",
        },
    )
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert officer_a.check_password("Nước-Hai-mùa-xuân-2025")


def test_an_administrator_cannot_give_a_new_user_a_weak_password(client, admin_user, tree):
    client.force_login(admin_user)
    response = client.post(
        "/tai-khoan/nguoi-dung/them/",
        {
            "username": "moi",
            "full_name": "Người Mới",
            "unit": tree.district_a.pk,
            "role": "viewer",
            "password": "12345678",
        },
    )
    assert response.status_code == 200
    assert "Mật khẩu quá ngắn" in response.content.decode() or "hoàn toàn là số" in response.content.decode()


# Uploads -------------------------------------------------------------------------------


def _docx_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


@pytest.mark.parametrize(
    "name, content, allowed, message",
    [
        ("quyet-dinh.pdf", b"This is plain text pretending to be a PDF", {PDF}, "không phải loại được phép"),
        (
            "quyet-dinh.pdf",
            b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + bytes(200),
            {PDF},
            "không phải loại được phép",
        ),
        ("rong.pdf", b"", {PDF}, "Tệp rỗng"),
        ("anh.png", b"%PDF-1.7\n", {PNG}, "không phải loại được phép"),
        ("bang.xlsx", _docx_bytes(), {XLSX}, "không phải loại được phép"),
        ("bang.xlsx", b"PK\x03\x04 not really a zip", {XLSX}, "không phải loại được phép"),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), {DOCX}, "định dạng Office cũ"),
    ],
)
def test_uploads_are_judged_by_content_not_name(name, content, allowed, message, settings):
    settings.LANGUAGE_CODE = "vi"
    from django.utils import translation

    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        check_upload(SimpleUploadedFile(name, content), allowed)
    assert message in " ".join(caught.value.messages)


def test_an_upload_over_the_limit_is_refused_before_it_is_read(settings):
    from django.utils import translation

    big = SimpleUploadedFile("lon.pdf", b"%PDF-1.4\n" + b"0" * (2 * 1024 * 1024))
    with translation.override("vi"), pytest.raises(ValidationError) as caught:
        check_upload(big, {PDF}, max_mb=1)
    assert "vượt giới hạn 1 MB" in caught.value.messages[0]


def test_real_files_pass(settings):
    assert check_upload(SimpleUploadedFile("a.pdf", b"%PDF-1.7\n%..."), {PDF}) == PDF
    assert check_upload(SimpleUploadedFile("a.docx", _docx_bytes()), {DOCX, PDF}) == DOCX


def test_the_member_import_page_refuses_a_fake_workbook_with_a_message(client, officer_a, tree):
    client.force_login(officer_a)
    url = f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/nhap-doan-vien/"
    fake = SimpleUploadedFile("doan-vien.xlsx", b"<html>not excel</html>")
    response = client.post(url, {"file": fake})
    assert response.status_code == 200
    assert "không phải loại được phép" in response.content.decode()
    empty = client.post(url, {"file": SimpleUploadedFile("doan-vien.xlsx", b"")})
    assert empty.status_code == 200
    assert "rỗng" in empty.content.decode() or "empty" in empty.content.decode().lower()


def test_the_member_import_page_refuses_an_upload_over_the_limit(client, officer_a, tree, settings):
    settings.MAX_UPLOAD_MB = 1
    client.force_login(officer_a)
    content = member_workbook(tree.grassroots_a1.code) + b"\0" * (1024 * 1024 + 10)
    response = client.post(
        f"/to-chuc/don-vi/{tree.grassroots_a1.pk}/nhap-doan-vien/",
        {"file": SimpleUploadedFile("doan-vien.xlsx", content)},
    )
    assert response.status_code == 200
    assert "vượt giới hạn 1 MB" in response.content.decode()
