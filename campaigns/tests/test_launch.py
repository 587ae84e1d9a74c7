import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from campaigns import services
from campaigns.models import Campaign, Movement, Participant
from campaigns.tests.conftest import TODAY, make_campaign, make_plan
from documents import selectors as document_selectors
from documents import services as document_services
from documents.models import Document, Obligation
from organisations.testing import make_unit, unit_type


def test_the_standing_movements_are_seeded_as_data(db):
    names = set(Movement.objects.values_list("name", flat=True))
    assert "Lao động giỏi, lao động sáng tạo" in names
    assert "Cao Bằng chung sức xây dựng nông thôn mới" in names
    assert "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh" in names
    assert len(names) >= 5


def test_launching_gives_the_campaign_to_every_unit_of_the_included_types_in_the_subtree(campaign, tree):
    units = set(Participant.objects.filter(campaign=campaign).values_list("unit__code", flat=True))
    assert units == {"LDLD-HOAAN", "LDLD-BLAC", "CDGD", "CS-A1", "CS-A2", "CS-B1", "CS-S1"}
    assert campaign.status == Campaign.Status.LAUNCHED and campaign.launched_at is not None


def test_launching_issues_the_plan_and_its_recipients_get_plan_obligations(campaign, tree):
    plan = Document.objects.get(pk=campaign.launching_document_id)
    assert plan.status == Document.Status.ISSUED and plan.number_symbol == "01/KH-LĐLĐ"
    # the plan goes to the top participating units; each must issue its own plan (the cascade)
    assert set(Obligation.objects.filter(document=plan).values_list("unit__code", flat=True)) == {
        "LDLD-HOAAN",
        "LDLD-BLAC",
        "CDGD",
    }
    counts = document_selectors.board_counts(plan)
    assert counts.total == 3 and counts.pending == 3


def test_a_plan_already_issued_is_linked_and_keeps_its_own_recipients(tree, admin_user, plan_type):
    plan = make_plan(admin_user, tree.province, plan_type, requires_plan=True)
    document_services.set_recipients(actor=admin_user, document=plan, units=[tree.district_a])
    document_services.issue_document(actor=admin_user, document=plan)
    campaign = make_campaign(admin_user, tree.province, plan_type, launching_document=plan)
    assert Obligation.objects.filter(document=plan).count() == 1
    assert Participant.objects.filter(campaign=campaign).count() == 7


def test_a_campaign_is_launched_once(campaign, admin_user):
    with pytest.raises(ValidationError, match="đã được phát động"):
        services.launch_campaign(actor=admin_user, campaign=campaign)
    assert Participant.objects.filter(campaign=campaign).count() == 7


def test_an_officer_of_a_district_cannot_launch_the_provinces_campaign(
    tree, admin_user, officer_a, plan_type
):
    draft = make_campaign(admin_user, tree.province, plan_type, launch=False)
    with pytest.raises(PermissionDenied):
        services.launch_campaign(actor=officer_a, campaign=draft)


def test_launching_without_content_items_is_refused_and_nothing_is_half_saved(tree, admin_user, plan_type):
    draft = make_campaign(admin_user, tree.province, plan_type, launch=False, content_items=[])
    with pytest.raises(ValidationError) as caught:
        services.launch_campaign(actor=admin_user, campaign=draft)
    assert "content_items" in caught.value.message_dict
    draft.refresh_from_db()
    assert draft.status == Campaign.Status.DRAFT
    assert not Participant.objects.filter(campaign=draft).exists()
    assert Document.objects.get(pk=draft.launching_document_id).status == Document.Status.DRAFT


def test_a_district_launches_its_own_campaign_to_its_grassroots_unions_only(tree, officer_a, plan_type):
    campaign = make_campaign(officer_a, tree.district_a, plan_type, types=("grassroots",))
    assert set(Participant.objects.filter(campaign=campaign).values_list("unit__code", flat=True)) == {
        "CS-A1",
        "CS-A2",
    }


def test_units_that_no_longer_existed_at_the_start_do_not_take_part(tree, admin_user, plan_type):
    ended = make_unit("grassroots", tree.district_b, code="CS-ENDED")
    ended.valid_to = TODAY - dt.timedelta(days=365)
    ended.save()
    campaign = make_campaign(admin_user, tree.province, plan_type)
    assert not Participant.objects.filter(campaign=campaign, unit=ended).exists()


def test_the_subtree_must_be_the_organisers_own(tree, officer_a, plan_type):
    with pytest.raises(ValidationError) as caught:
        make_campaign(officer_a, tree.district_a, plan_type, root_unit=tree.district_b, launch=False)
    assert "root_unit" in caught.value.message_dict


def test_an_end_before_the_start_is_refused(tree, admin_user, plan_type):
    with pytest.raises(ValidationError) as caught:
        make_campaign(
            admin_user, tree.province, plan_type, launch=False, ends_on=TODAY - dt.timedelta(days=60)
        )
    assert "ends_on" in caught.value.message_dict


def test_only_included_types_take_part(tree, admin_user, plan_type):
    campaign = make_campaign(admin_user, tree.province, plan_type, types=("district",))
    assert Participant.objects.filter(campaign=campaign).count() == 2
    assert set(campaign.included_unit_types.all()) == {unit_type("district")}
