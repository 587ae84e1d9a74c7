"""An advanced model's member is picked by name (core/pickers.py), never typed as a code."""

from django.urls import reverse

from organisations.testing import MemberFactory
from publishing.models import AdvancedModel


def _form(unit, **extra):
    return {
        "title": "Cô giáo vùng cao",
        "kind": "individual",
        "person_name": "Hoàng Thị Thu",
        "unit": unit.pk,
        "summary": "Mười năm bám bản",
        "period_start": "2025-01-01",
        "field_of_work": "union",
        "figures-TOTAL_FORMS": "0",
        "figures-INITIAL_FORMS": "0",
        "figures-MIN_NUM_FORMS": "0",
        "figures-MAX_NUM_FORMS": "12",
        **extra,
    }


def test_the_member_is_found_by_part_of_the_name_and_never_outside_the_scope(client_as, officer_a, tree):
    teacher = MemberFactory(unit=tree.grassroots_a1, full_name="Hoàng Thị Thu", position="Giáo viên")
    stranger = MemberFactory(unit=tree.grassroots_b1, full_name="Lý Văn Lạ")
    client = client_as(officer_a)
    url = reverse("publishing:model_create")
    response = client.post(url, _form(tree.grassroots_a1, member_text="hoang thi thu"))
    assert response.status_code == 302
    assert AdvancedModel.objects.get().member == teacher
    refused = client.post(url, _form(tree.grassroots_a1, member=stranger.pk, member_text=stranger.full_name))
    assert refused.status_code == 200 and AdvancedModel.objects.count() == 1
