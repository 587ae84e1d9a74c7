"""A new installation's first administrator, made by `manage.py create_first_admin`, can log in and manage."""

import pytest
from django.core.management import CommandError, call_command

from accounts.models import Role, RoleAssignment, User
from organisations.models import Unit, UnitType


def test_the_first_administrator_gets_the_root_unit_and_can_open_the_admin_pages(db, client, monkeypatch):
    monkeypatch.setenv("THIDUA_ADMIN_PASSWORD", "Mat-khau-dai-2026")
    call_command(
        "create_first_admin",
        "--username",
        "quantri",
        "--full-name",
        "Nông Văn Quản",
        "--unit-code",
        "LDLD-HG",
        "--unit-name",
        "Liên đoàn Lao động tỉnh Hà Giang",
    )
    unit = Unit.objects.get(code="LDLD-HG")
    assert unit.parent is None and unit.unit_type.code == "ldld-tinh"
    assert UnitType.objects.filter(code="cdcs", is_grassroots=True).exists()
    assert RoleAssignment.objects.get(user__username="quantri").role == Role.ADMIN
    assert RoleAssignment.history.filter(user__username="quantri").exists()
    response = client.post("/tai-khoan/dang-nhap/", {"username": "quantri", "password": "Mat-khau-dai-2026"})
    assert response.status_code == 302
    assert client.get("/tai-khoan/nguoi-dung/them/").status_code == 200
    assert client.get(f"/to-chuc/don-vi/{unit.pk}/them/").status_code == 200
    with pytest.raises(CommandError, match="already exists"):
        call_command(
            "create_first_admin", "--username", "quantri2", "--full-name", "X", "--unit-code", "LDLD-HG"
        )


def test_a_weak_password_is_refused_and_nothing_is_created(db, monkeypatch):
    monkeypatch.setenv("THIDUA_ADMIN_PASSWORD", "123456789")
    with pytest.raises(CommandError):
        call_command(
            "create_first_admin",
            "--username",
            "quantri",
            "--full-name",
            "A",
            "--unit-code",
            "LDLD-HG",
            "--unit-name",
            "Liên đoàn Lao động tỉnh Hà Giang",
        )
    assert not User.objects.exists() and not Unit.objects.exists()
