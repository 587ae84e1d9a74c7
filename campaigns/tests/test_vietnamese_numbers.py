"""Numbers read the Vietnamese way wherever an officer sees them: decimal comma, thousands dot, no
trailing zeros ("8,5", "1.234.567"), and a decimal input accepts "8,5"."""

from decimal import Decimal

from django.urls import reverse

from campaigns.models import RegistrationTarget
from campaigns.tests.conftest import criterion
from core.text import decimal_vi


def test_numbers_are_written_with_a_decimal_comma_and_a_thousands_dot():
    assert decimal_vi(Decimal("8.50")) == "8,5"
    assert decimal_vi(Decimal("1234567")) == "1.234.567"
    assert decimal_vi(Decimal("-1234.25")) == "-1.234,25"
    assert decimal_vi(None) == "—"


def test_the_registration_page_states_the_campaign_target_and_takes_a_decimal_comma(
    client_as, campaign, criteria, officer_a, tree
):
    reach = criterion(criteria, "1.1")
    reach.target_value = Decimal("1234.50")
    reach.save()
    page_url = reverse("campaigns:registrations", args=[campaign.pk, tree.district_a.pk])
    client = client_as(officer_a)
    page = client.get(page_url).content.decode()
    assert "Chỉ tiêu chung của đợt thi đua là 1.234,5." in page and "1234.50" not in page
    response = client.post(
        page_url,
        {f"target_{reach.pk}": "8,5", "aimed_title": "tap_the_lao_dong_xuat_sac", "commitments": "Đủ"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert RegistrationTarget.objects.get(criterion=reach).target_value == Decimal("8.5")
