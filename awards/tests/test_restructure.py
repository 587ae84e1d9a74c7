"""The 2025 structure seen from the awards: a batch held by a district federation that ends goes to
the grassroots union's new upper level, and the next batch is sent there, not to the ended unit."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from accounts.models import Role
from accounts.testing import user_with_role
from awards import selectors, services
from awards.models import NominationBatch
from awards.tests.conftest import LDTT, nominate, pdf
from organisations import services as unit_services
from organisations.models import Member, Unit

END = dt.date(2025, 7, 1)


def test_a_batch_under_review_at_an_ended_district_goes_to_the_province(
    rules, tree, round_2015, officer_a, province_officer, person
):
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.grassroots_a1)
    nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good")
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    batch = services.submit_batch(actor=officer_a, batch=batch)
    assert batch.at_unit == tree.district_a

    unit_services.end_unit(tree.district_a, on=END, merged_into=tree.province, actor=province_officer)

    batch.refresh_from_db()
    assert batch.at_unit == tree.province and batch.status == NominationBatch.Status.SUBMITTED
    last = batch.events.last()
    assert (last.from_unit, last.to_unit) == (tree.district_a, tree.province)
    assert "Hòa An" in last.comment and "01/07/2025" in last.comment
    # the province acts on it now: it goes to the council
    batch = services.forward_batch(actor=province_officer, batch=batch)
    assert batch.status == NominationBatch.Status.AT_COUNCIL


def test_after_the_end_a_grassroots_batch_is_sent_to_the_province(
    rules, tree, round_2015, officer_a, province_officer, person, client_as
):
    unit_services.end_unit(tree.district_a, on=END, merged_into=tree.province)
    grassroots = Unit.objects.get(pk=tree.grassroots_a1.pk)
    grassroots_officer = _officer_of(grassroots)
    batch = services.create_batch(actor=grassroots_officer, round_=round_2015, proposing_unit=grassroots)
    page = client_as(grassroots_officer).get(f"/khen-thuong/ho-so/{batch.pk}/").content.decode()
    assert "Gửi Liên đoàn Lao động tỉnh" in page and "Gửi Liên đoàn Lao động huyện Hòa An" not in page
    person = Member.objects.get(pk=person.pk)
    nominate(grassroots_officer, batch, rules.forms[LDTT], member=person, task_grade="good")
    services.attach_minutes(actor=grassroots_officer, batch=batch, upload=pdf())
    batch = services.submit_batch(actor=grassroots_officer, batch=batch)
    assert batch.at_unit == tree.province


def test_a_batch_already_decided_keeps_the_district_it_went_through(
    rules, tree, round_2015, officer_a, province_officer, person
):
    batch = services.create_batch(actor=officer_a, round_=round_2015, proposing_unit=tree.grassroots_a1)
    nominate(officer_a, batch, rules.forms[LDTT], member=person, task_grade="good")
    services.attach_minutes(actor=officer_a, batch=batch, upload=pdf())
    batch = services.submit_batch(actor=officer_a, batch=batch)
    batch = services.forward_batch(actor=officer_a, batch=batch)
    events_before = list(batch.events.values_list("action", "from_unit", "to_unit"))

    unit_services.end_unit(tree.district_a, on=END, merged_into=tree.province)

    batch.refresh_from_db()
    assert batch.at_unit == tree.province
    assert list(batch.events.values_list("action", "from_unit", "to_unit")) == events_before


def _officer_of(unit):
    return user_with_role(Role.OFFICER, unit, username=f"canbo.{unit.code.lower()}")


def test_an_ended_unit_is_not_offered_and_cannot_propose(
    rules, tree, round_2015, officer_b, province_officer
):
    unit_services.end_unit(tree.district_b, on=END, merged_into=tree.province)
    offered = set(selectors.units_to_propose(province_officer, round_2015))
    assert Unit.objects.get(pk=tree.grassroots_b1.pk) in offered
    assert tree.district_b not in offered
    with pytest.raises(ValidationError) as error:
        services.create_batch(
            actor=province_officer, round_=round_2015, proposing_unit=Unit.objects.get(pk=tree.district_b.pk)
        )
    assert "Bảo Lạc" in str(error.value)
