"""The nomination page: the nominee is picked by name (never a code), only from the proposing
unit's subtree; a closed round says so when the page opens."""

import datetime as dt

from django.urls import reverse

from awards.models import Nomination, NominationBatch
from awards.tests.conftest import LDTT
from organisations.testing import MemberFactory


def _batch(round_, tree, officer_a):
    return NominationBatch.objects.create(
        round=round_, proposing_unit=tree.district_a, at_unit=tree.district_a, created_by=officer_a
    )


def _nominate(client, batch, rules, **nominee):
    return client.post(
        reverse("awards:nomination_create", args=[batch.pk]),
        {
            "form": rules.forms[LDTT].pk,
            "achievement": "Hoàn thành tốt nhiệm vụ",
            "task_grade": "good",
            **nominee,
        },
    )


def test_a_member_is_nominated_by_typing_part_of_the_name_without_accents(
    client_as, rules, tree, round_2015, officer_a, person
):
    batch = _batch(round_2015, tree, officer_a)
    response = _nominate(client_as(officer_a), batch, rules, member_text="nong thi hoa")
    assert response.status_code == 302
    assert Nomination.objects.get().member == person


def test_a_name_several_members_share_is_refused_and_stays_in_its_box(
    client_as, rules, tree, round_2015, officer_a, person, monkeypatch
):
    monkeypatch.setattr("core.pickers.SELECT_UP_TO", 0)  # a picker even for the test's few members
    MemberFactory(unit=tree.grassroots_a2, full_name="Nông Thị Hoà Bình", code="DV-HB")
    batch = _batch(round_2015, tree, officer_a)
    response = _nominate(client_as(officer_a), batch, rules, member_text="nong thi")
    page = response.content.decode()
    assert response.status_code == 200 and not Nomination.objects.exists()
    assert "Có nhiều kết quả" in page and 'value="nong thi"' in page
    # the whole name of one of them picks that one
    assert _nominate(client_as(officer_a), batch, rules, member_text="Nông Thị Hoa").status_code == 302
    assert Nomination.objects.get().member == person


def test_a_member_of_another_unit_cannot_be_nominated_by_its_id(
    client_as, rules, tree, round_2015, officer_a
):
    stranger = MemberFactory(unit=tree.grassroots_b1, full_name="Hoàng Văn Lạ", code="DV-LA")
    batch = _batch(round_2015, tree, officer_a)
    response = _nominate(
        client_as(officer_a), batch, rules, member=stranger.pk, member_text=stranger.full_name
    )
    assert response.status_code == 200 and not Nomination.objects.exists()
    assert "không thuộc phạm vi" in response.content.decode()


def test_a_closed_round_says_so_when_the_nomination_page_opens(
    client_as, rules, tree, round_2015, officer_a, person
):
    batch = _batch(round_2015, tree, officer_a)
    round_2015.deadline = dt.date(2015, 11, 30)
    round_2015.save()
    client = client_as(officer_a)
    page = client.get(reverse("awards:nomination_create", args=[batch.pk])).content.decode()
    assert "Hạn gửi hồ sơ của đợt “Khen thưởng năm 2015” là ngày 30/11/2015." in page
    assert 'class="form-body" disabled' in page
    assert tree.province.display_name in page  # the next step: ask the deciding unit
    assert _nominate(client, batch, rules, member=person.pk).status_code == 200
    assert not Nomination.objects.exists()
    batch_page = client.get(reverse("awards:batch_detail", args=[batch.pk])).content.decode()
    assert (
        'id="refusal"' in batch_page
        and reverse("awards:nomination_create", args=[batch.pk]) not in batch_page
    )


def test_the_collective_help_does_not_ask_to_type_when_the_units_are_a_select(
    client_as, rules, tree, round_2015, officer_a
):
    """Seen in Chromium (issue 17): with few units the collective is a plain select, yet its help
    said to type part of the name; the help must hold for the select and the picker alike."""
    batch = _batch(round_2015, tree, officer_a)
    page = client_as(officer_a).get(reverse("awards:nomination_create", args=[batch.pk])).content.decode()
    assert '<select name="unit"' in page
    assert "Hoặc, với tập thể: chọn đơn vị được đề nghị." in page
    assert "gõ một phần tên đơn vị" not in page
