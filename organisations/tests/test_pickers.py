"""Pick, do not type codes: the search endpoints behind every picker (core/pickers.py) suggest from
the user's own scope by part of a name, with or without diacritics, and never another unit's rows."""

import datetime as dt

import pytest
from django.urls import reverse

from core.pickers import Picked, PickerField
from organisations.models import Member, Unit
from organisations.testing import MemberFactory


def _suggested(client, kind, **query):
    response = client.get(reverse(f"organisations:{kind}_search"), query)
    assert response.status_code == 200
    return response.content.decode()


def test_units_are_suggested_by_part_of_the_name_with_or_without_accents(client_as, officer_a, tree):
    client = client_as(officer_a)
    for typed in ("hoa an", "Hòa An", "HOA", "nuoc hai", "Nước"):
        page = _suggested(client, "unit", q=typed)
        assert (tree.district_a.name in page) or (tree.grassroots_a1.name in page), typed
    assert f'data-pick="{tree.grassroots_a1.pk}"' in _suggested(client, "unit", q="tieu hoc")


def test_only_the_users_own_units_are_suggested(client_as, officer_a, tree):
    page = _suggested(client_as(officer_a), "unit", q="bao lac")
    assert tree.district_b.name not in page and tree.grassroots_b1.name not in page
    assert "data-pick" not in page and "Không có" in page


def test_ended_units_are_not_offered_for_new_work(client_as, officer_a, tree):
    tree.grassroots_a2.valid_to = dt.date(2025, 7, 1)
    tree.grassroots_a2.save()
    assert tree.grassroots_a2.name not in _suggested(client_as(officer_a), "unit", q="dan chu")


def test_members_are_suggested_from_the_scope_and_under_the_chosen_unit(client_as, officer_a, tree):
    own = MemberFactory(unit=tree.grassroots_a1, full_name="Nông Thị Hoa", code="DV-HOA")
    other = MemberFactory(unit=tree.grassroots_b1, full_name="Nông Văn Hòa", code="DV-HOA-B")
    left = MemberFactory(unit=tree.grassroots_a2, full_name="Nông Thị Hoà", status=Member.Status.LEFT)
    client = client_as(officer_a)
    page = _suggested(client, "member", q="nong hoa")
    assert f'data-pick="{own.pk}"' in page and own.unit.name in page
    assert f'data-pick="{other.pk}"' not in page and f'data-pick="{left.pk}"' not in page
    assert f'data-pick="{own.pk}"' not in _suggested(client, "member", q="nong", within=tree.grassroots_a2.pk)


def test_another_units_id_answers_404(client_as, officer_a, tree):
    client = client_as(officer_a)
    for kind in ("unit", "member"):
        for within in (tree.district_b.pk, "abc", 999999):
            response = client.get(reverse(f"organisations:{kind}_search"), {"q": "a", "within": within})
            assert response.status_code == 404, (kind, within)


def test_the_search_needs_a_login(client, tree):
    response = client.get(reverse("organisations:unit_search"), {"q": "hoa"})
    assert response.status_code == 302


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("nuoc hai", "grassroots_a1"),
        ("CS-A2", "grassroots_a2"),
        ("Liên đoàn Lao động huyện Hòa An", "district_a"),
    ],
)
def test_without_javascript_the_typed_text_is_looked_up_on_submit(tree, typed, expected):
    field = PickerField(queryset=Unit.objects.in_subtree(tree.district_a))
    assert field.clean(Picked("", typed)) == getattr(tree, expected)


def test_a_picker_says_when_nothing_or_several_match_and_refuses_ids_outside_its_scope(tree):
    from django.core.exceptions import ValidationError

    field = PickerField(queryset=Unit.objects.in_subtree(tree.district_a))
    with pytest.raises(ValidationError, match="bao lac"):
        field.clean(Picked("", "bao lac"))
    with pytest.raises(ValidationError, match="CĐCS"):
        field.clean(Picked("", "cdcs"))  # both of Hòa An's grassroots unions
    with pytest.raises(ValidationError):
        field.clean(Picked(str(tree.grassroots_b1.pk), tree.grassroots_b1.name))
