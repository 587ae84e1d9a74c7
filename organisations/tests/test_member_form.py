"""The member form: a member cannot leave before joining (the form, and services.save_member that the
API goes through, refuse it); a refused field says why under itself, under the id its input is
described by."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from core.testing.pages import field_message, missing_descriptions
from organisations import services
from organisations.models import Member

MEMBER = {
    "code": "CS-A1-0100",
    "full_name": "Nông Thị Hoa",
    "gender": "F",
    "birth_date": "12/03/1985",
    "ethnicity": "Tày",
    "position": "",
    "category": "worker",
    "joined_on": "01/01/2020",
    "status": "active",
    "left_on": "",
}


def _add(client, unit, **changes):
    return client.post(reverse("organisations:member_create", args=[unit.pk]), {**MEMBER, **changes})


def test_a_member_cannot_leave_before_joining(tree, officer_a, client_as):
    response = _add(client_as(officer_a), tree.grassroots_a1, status="left", left_on="01/01/2000")

    assert response.status_code == 200 and not Member.objects.exists()
    assert "Ngày thôi sinh hoạt không được trước ngày vào Công đoàn (01/01/2020)." in field_message(
        response.content.decode(), "left_on"
    )


def test_a_member_may_leave_on_the_day_of_joining(tree, officer_a, client_as):
    response = _add(client_as(officer_a), tree.grassroots_a1, status="left", left_on="01/01/2020")

    assert response.status_code == 302
    assert Member.objects.get().left_on == dt.date(2020, 1, 1)


def test_an_active_members_leaving_date_is_dropped_not_checked(tree, officer_a, client_as):
    assert _add(client_as(officer_a), tree.grassroots_a1, left_on="01/01/2000").status_code == 302
    assert Member.objects.get().left_on is None


def test_saving_a_member_who_left_before_joining_is_refused(tree):
    """The check every write goes through: the API's create, the form's save, other services."""
    member = Member(
        code="CS-A1-0101",
        full_name="Hoàng Văn Nam",
        gender="M",
        unit=tree.grassroots_a1,
        joined_on=dt.date(2020, 1, 1),
        status=Member.Status.RETIRED,
        left_on=dt.date(2019, 12, 31),
    )
    with pytest.raises(ValidationError) as refused:
        services.save_member(member)
    assert list(refused.value.message_dict) == ["left_on"]
    assert not Member.objects.exists()


def test_every_description_of_a_refused_member_is_on_the_page(tree, officer_a, client_as):
    response = _add(
        client_as(officer_a),
        tree.grassroots_a1,
        full_name="",
        birth_date="31/02/1985",
        status="left",
        left_on="01/01/2000",
    )
    page = response.content.decode()

    assert 'aria-describedby="id_full_name_error"' in page
    assert missing_descriptions(page) == []
    assert "Không được để trống." in field_message(page, "full_name")
