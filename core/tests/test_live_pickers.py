"""Pickers over real HTTP with CSRF enforced (issue 17): the search endpoints answer another unit's
ids with 404 and never suggest its rows, and a form given another unit's id in the picker's hidden
input refuses it with a message, whatever the browser sends."""

import pytest
from django.urls import reverse

from organisations.models import Member
from organisations.testing import MemberFactory
from publishing.models import AdvancedModel

pytestmark = pytest.mark.live


def test_pickers_keep_to_the_users_scope_over_http(live_client, officer_a, tree):
    own = MemberFactory(unit=tree.grassroots_a1, full_name="Nông Thị Hoa")
    other = MemberFactory(unit=tree.grassroots_b1, full_name="Nông Thị Hòa Bảo Lạc")
    browser = live_client()
    browser.login(officer_a.username)
    members, units = reverse("organisations:member_search"), reverse("organisations:unit_search")
    found = browser.get(members, params={"q": "nong thi"})
    assert found.status_code == 200
    assert f'data-pick="{own.pk}"' in found.text and f'data-pick="{other.pk}"' not in found.text
    assert tree.district_b.name not in browser.get(units, params={"q": "bao lac"}).text
    for path in (members, units):
        for within in (tree.district_b.pk, tree.grassroots_b1.pk):
            assert browser.get(path, params={"q": "a", "within": within}).status_code == 404
        # digits Python reads as digits but no id is made of (superscript, Arabic-Indic), or an id past
        # what the database holds: not found, never a server error
        for within in ("²", "١٢", "9" * 25):
            assert browser.get(path, params={"q": "a", "within": within}).status_code == 404, within
    # a forged hidden id of another district's member is refused, never saved
    url = reverse("publishing:model_create")
    form = {
        "title": "Mô hình giả",
        "kind": "individual",
        "person_name": "Nông Thị Hòa",
        "unit": tree.grassroots_a1.pk,
        "summary": "Tóm tắt",
        "period_start": "2025-01-01",
        "field_of_work": "union",
        "figures-TOTAL_FORMS": "0",
        "figures-INITIAL_FORMS": "0",
        "figures-MIN_NUM_FORMS": "0",
        "figures-MAX_NUM_FORMS": "12",
        "member": other.pk,
        "member_text": other.full_name,
    }
    response = browser.post_form(url, form)
    assert response.status_code == 200 and "không thuộc phạm vi" in response.text
    assert not AdvancedModel.objects.exists() and Member.objects.count() == 2
