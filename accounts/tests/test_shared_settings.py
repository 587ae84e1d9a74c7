"""What the whole tree shares (unit types, award forms and their prize money, the base salary,
criteria templates) is changed only by administrators of the tree's root or by superusers.

Issue 13, finding 3: a district administrator raised the district unit type's level to 2 and
then, as a "provincial" administrator, set the prize money of every award form; the unit type
form at the same time cleared "may have child units" for every district."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from accounts.models import Role
from accounts.permissions import can_manage_shared_settings
from accounts.testing import UserFactory, user_with_role
from awards.models import AwardForm, BaseSalary, RuleSet
from campaigns.models import CriteriaSet
from campaigns.services import criteria as criteria_services
from organisations.models import UnitType
from organisations.testing import make_unit, unit_type


@pytest.fixture
def confederation(db):
    """The Confederation at the root, a province under it and a district under the province."""
    UnitType.objects.get_or_create(code="tld", defaults={"name": "Tổng Liên đoàn", "level": 1})
    root = make_unit("province", name="Tổng Liên đoàn Lao động Việt Nam", code="TLD")
    root.unit_type = UnitType.objects.get(code="tld")
    root.save()
    province = make_unit("province", root, name="Liên đoàn Lao động tỉnh Cao Bằng", code="LDLD-CB")
    district = make_unit("district", province, name="Liên đoàn Lao động huyện Hòa An", code="LDLD-HOAAN")
    make_unit("grassroots", district, name="CĐCS Trường Tiểu học Nước Hai", code="CS-A1")
    return {
        "district_admin": user_with_role(Role.ADMIN, district, username="admin.huyen"),
        "province_admin": user_with_role(Role.ADMIN, province, username="admin.tinh"),
        "root_admin": user_with_role(Role.ADMIN, root, username="admin.tld"),
        "superuser": UserFactory(username="root", is_superuser=True, is_staff=True),
        "district": district,
    }


@pytest.fixture
def award_form(db):
    rule_set = RuleSet.objects.create(
        code="T-2024", name="NĐ 98/2023 (kiểm thử)", valid_from=dt.date(2024, 1, 1)
    )
    BaseSalary.objects.create(effective_from=dt.date(2024, 7, 1), amount=2_340_000, source="NĐ 73/2024")
    return AwardForm.objects.create(
        rule_set=rule_set,
        code="lao-dong-tien-tien",
        name="Lao động tiên tiến",
        kind="title",
        recipient="individual",
        level="grassroots",
        coefficient_individual=Decimal("0.3"),
    )


LOWER = ("district_admin", "province_admin")
TOP = ("root_admin", "superuser")


def _district_type_post(level: int, **overrides) -> dict:
    data = {
        "name": "Liên đoàn Lao động huyện",
        "code": "district",
        "level": level,
        "may_have_members": "False",
        "may_have_children": "True",
        "is_grassroots": "False",
        "is_active": "True",
    }
    data.update(overrides)
    return data


def test_a_district_admin_cannot_raise_its_unit_type_and_then_set_prize_money(
    confederation, award_form, client
):
    """The attack of finding 3, step by step: both steps answer 403 and nothing changes."""
    client.force_login(confederation["district_admin"])
    district_type = unit_type("district")
    response = client.post(
        reverse("organisations:unittype_edit", args=[district_type.pk]), _district_type_post(2)
    )
    assert response.status_code == 403
    district_type.refresh_from_db()
    assert district_type.level == 3 and district_type.may_have_children
    response = client.post(
        reverse("awards:form_money", args=[award_form.pk]),
        {"coefficient_individual": "9.9", "source": "Điều 1"},
    )
    assert response.status_code == 403
    award_form.refresh_from_db()
    assert award_form.coefficient_individual == Decimal("0.3")


def test_a_unit_type_level_does_not_make_an_admin_a_top_admin(confederation):
    """Even a district type raised to level 1 (by whoever) gives its admins nothing shared."""
    UnitType.objects.filter(code="district").update(level=1)
    for name in LOWER:
        assert not can_manage_shared_settings(confederation[name]), name
    for name in TOP:
        assert can_manage_shared_settings(confederation[name]), name


@pytest.mark.parametrize("who", LOWER)
def test_lower_admins_get_403_on_every_shared_settings_page(confederation, award_form, client, who):
    client.force_login(confederation[who])
    district_type = unit_type("district")
    assert client.get(reverse("organisations:unittype_list")).status_code == 403
    assert client.get(reverse("organisations:unittype_create")).status_code == 403
    assert (
        client.post(
            reverse("organisations:unittype_create"), _district_type_post(2, code="new-type", name="Loại mới")
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("organisations:unittype_edit", args=[district_type.pk]), _district_type_post(2)
        ).status_code
        == 403
    )
    assert client.get(reverse("awards:form_money", args=[award_form.pk])).status_code == 403
    assert (
        client.post(
            reverse("awards:form_money", args=[award_form.pk]),
            {"coefficient_individual": "9.9", "source": "Điều 1"},
        ).status_code
        == 403
    )
    assert (
        client.post(
            reverse("awards:rules"), {"effective_from": "2026-01-01", "amount": "9000000", "source": "NĐ giả"}
        ).status_code
        == 403
    )
    rules_page = client.get(reverse("awards:rules")).content.decode()
    assert reverse("awards:form_money", args=[award_form.pk]) not in rules_page
    assert not UnitType.objects.filter(code="new-type").exists()
    assert UnitType.objects.get(code="district").level == 3
    assert AwardForm.objects.get(pk=award_form.pk).coefficient_individual == Decimal("0.3")
    assert not BaseSalary.objects.filter(effective_from=dt.date(2026, 1, 1)).exists()


@pytest.mark.parametrize("who", TOP)
def test_the_root_admin_and_a_superuser_change_shared_settings(confederation, award_form, client, who):
    client.force_login(confederation[who])
    district_type = unit_type("district")
    assert client.get(reverse("organisations:unittype_list")).status_code == 200
    response = client.post(
        reverse("organisations:unittype_edit", args=[district_type.pk]), _district_type_post(4)
    )
    assert response.status_code == 302
    assert UnitType.objects.get(code="district").level == 4
    response = client.post(
        reverse("awards:form_money", args=[award_form.pk]),
        {"coefficient_individual": "1.5", "source": "Điều 1"},
    )
    assert response.status_code == 302
    assert AwardForm.objects.get(pk=award_form.pk).coefficient_individual == Decimal("1.5")
    response = client.post(
        reverse("awards:rules"), {"effective_from": "2026-01-01", "amount": "2530000", "source": "NĐ mới"}
    )
    assert response.status_code == 302
    assert BaseSalary.objects.filter(effective_from=dt.date(2026, 1, 1), amount=2_530_000).exists()


def test_criteria_templates_only_by_top_admins(confederation):
    template = CriteriaSet.objects.create(name="Mẫu tiêu chí chung")
    assert template.is_template
    for name in LOWER:
        with pytest.raises(PermissionDenied):
            criteria_services.update_criteria_set(
                actor=confederation[name],
                criteria_set=template,
                name="Đổi tên",
                requires_points_sum=True,
                requires_weights_sum=False,
            )
    template.refresh_from_db()
    assert template.name == "Mẫu tiêu chí chung"
    criteria_services.update_criteria_set(
        actor=confederation["root_admin"],
        criteria_set=template,
        name="Đổi tên",
        requires_points_sum=True,
        requires_weights_sum=False,
    )
    template.refresh_from_db()
    assert template.name == "Đổi tên"


def test_no_api_operation_writes_a_shared_object():
    """The API has no operation that changes what the tree shares; one added later must be
    checked with can_manage_shared_settings and listed here."""
    from core.tests.test_authorization_matrix import api_operations

    shared_words = ("type", "rule", "salar", "form-money", "categor", "template", "indicator", "sequence")
    writes = {op for op in api_operations() if not op.startswith("GET ")}
    assert not [op for op in writes if any(word in op.lower() for word in shared_words)]


# The unit type form: no setting is cleared because a field was not sent -----------------


def test_the_unit_type_form_refuses_a_submission_without_a_yes_no_field(confederation, client):
    client.force_login(confederation["root_admin"])
    district_type = unit_type("district")
    data = _district_type_post(3)
    del data["may_have_children"]
    response = client.post(reverse("organisations:unittype_edit", args=[district_type.pk]), data)
    assert response.status_code == 200
    assert "Hãy chọn có hoặc không cho “có đơn vị trực thuộc”." in response.content.decode()
    district_type.refresh_from_db()
    assert district_type.may_have_children


def test_the_unit_type_page_shows_the_current_answers(confederation, client):
    client.force_login(confederation["root_admin"])
    district_type = unit_type("district")
    page = client.get(reverse("organisations:unittype_edit", args=[district_type.pk])).content.decode()
    assert 'name="may_have_children" value="True" required id="id_may_have_children_0" checked' in page
    assert 'name="may_have_members" value="False" required id="id_may_have_members_1" checked' in page


def test_a_unit_type_with_child_units_keeps_may_have_children(confederation, client):
    client.force_login(confederation["root_admin"])
    district_type = unit_type("district")
    response = client.post(
        reverse("organisations:unittype_edit", args=[district_type.pk]),
        _district_type_post(3, may_have_children="False"),
    )
    assert response.status_code == 200
    assert "Các đơn vị thuộc loại này đang có đơn vị trực thuộc" in response.content.decode()
    assert UnitType.objects.get(code="district").may_have_children


# Siblings: the whole tree's history, and the roles of higher administrators ------------------


def test_the_whole_tree_history_is_for_top_admins_only(confederation, client):
    for name in LOWER:
        client.force_login(confederation[name])
        assert client.get(reverse("accounts:history")).status_code == 403, name
    for name in TOP:
        client.force_login(confederation[name])
        assert client.get(reverse("accounts:history")).status_code == 200, name


def test_a_lower_admin_cannot_change_the_roles_of_a_higher_admin(confederation, client):
    from accounts.models import RoleAssignment

    district = confederation["district"]
    province_admin = confederation["province_admin"]
    # the province admin also holds a role inside the district: the district admin sees that account
    held = RoleAssignment.objects.create(user=province_admin, unit=district, role=Role.VIEWER)
    client.force_login(confederation["district_admin"])
    response = client.post(
        reverse("accounts:user_detail", args=[province_admin.pk]),
        {"unit": district.pk, "role": Role.OFFICER},
    )
    assert response.status_code == 403
    assert client.post(reverse("accounts:role_revoke", args=[held.pk])).status_code == 403
    assert set(province_admin.role_assignments.values_list("role", "unit_id")) == {
        (Role.ADMIN, district.parent_id),
        (Role.VIEWER, district.pk),
    }
    # the superuser's roles neither
    superuser = confederation["superuser"]
    su_role = RoleAssignment.objects.create(user=superuser, unit=district, role=Role.VIEWER)
    assert client.post(reverse("accounts:role_revoke", args=[su_role.pk])).status_code == 403
    assert RoleAssignment.objects.filter(pk=su_role.pk).exists()


def test_an_admin_cannot_grant_a_role_outside_their_subtree(confederation, client):
    district_admin = confederation["district_admin"]
    officer = user_with_role(Role.OFFICER, confederation["district"], username="canbo.huyen")
    client.force_login(district_admin)
    for code in ("LDLD-CB", "TLD"):
        response = client.post(
            reverse("accounts:user_detail", args=[officer.pk]), {"unit": code, "role": Role.ADMIN}
        )
        assert response.status_code == 200  # the form refuses a unit outside the scope
    for user in (officer, district_admin):
        assert set(user.role_assignments.values_list("unit__code", flat=True)) == {"LDLD-HOAAN"}
    # and a lower admin's own account gets nothing above through the root admin's pages either
    assert (
        client.get(reverse("accounts:user_detail", args=[confederation["root_admin"].pk])).status_code == 404
    )
