"""Campaigns after the 2025 structure: the grassroots unions a district federation held are
launched to directly and their officers are told; an ended unit is never offered or accepted for
new work."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from accounts.testing import user_with_role
from campaigns import services
from campaigns.tests.conftest import make_campaign
from core.models import Notification
from organisations import services as unit_services
from organisations.models import Unit

END = dt.date(2025, 7, 1)


@pytest.fixture
def restructured(tree):
    """District A ended on 1/7/2025, its grassroots unions now directly under the province."""
    unit_services.end_unit(tree.district_a, on=END, merged_into=tree.province)
    return tree


def test_launching_notifies_the_officers_of_the_grassroots_unions_now_under_the_province(
    restructured, admin_user, officer_a, plan_type
):
    tree = restructured
    grassroots_officer = user_with_role(Role.OFFICER, tree.grassroots_a1, username="canbo.cs-a1")
    district_b_officer = user_with_role(Role.OFFICER, tree.district_b, username="canbo.b")
    make_campaign(admin_user, tree.province, plan_type)
    told = set(Notification.objects.values_list("user__username", flat=True))
    assert "canbo.cs-a1" in told, "the grassroots union must act: it is a direct recipient now"
    assert "canbo.b" in told  # district B still exists and receives it
    assert "canbo.a" not in told  # the ended district's officer has nothing to do
    assert grassroots_officer.notifications.get().url.startswith("/van-ban/")
    assert district_b_officer.notifications.exists()


def test_an_ended_unit_is_not_offered_as_organiser_of_a_new_campaign(restructured, client_as):
    tree = restructured
    root_admin = user_with_role(Role.ADMIN, tree.province, username="admin.tinh")
    page = client_as(root_admin).get("/phong-trao/moi/").content.decode()
    organiser = page[page.index('name="organiser"') : page.index("</select>", page.index('name="organiser"'))]
    assert "Liên đoàn Lao động tỉnh" in organiser and "Bảo Lạc" in organiser
    assert "Hòa An" not in organiser


def test_an_ended_unit_cannot_register(tree, admin_user, officer_a, plan_type):
    campaign = make_campaign(admin_user, tree.province, plan_type)
    Unit.objects.filter(pk=tree.district_a.pk).update(valid_to=dt.date(2020, 1, 1))
    district = Unit.objects.get(pk=tree.district_a.pk)
    with pytest.raises(ValidationError) as error:
        services.register(actor=officer_a, campaign=campaign, unit=district, aimed_title="co_thi_dua")
    assert "Hòa An" in str(error.value)
