import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from campaigns import selectors, services
from campaigns.models import AimedTitle, Registration, RegistrationTarget
from campaigns.tests.conftest import TODAY, criterion
from core.models import Notification
from organisations.testing import MemberFactory


def register_unit(actor, campaign, unit, **fields):
    fields.setdefault("aimed_title", AimedTitle.EXCELLENT_COLLECTIVE)
    return services.register(actor=actor, campaign=campaign, unit=unit, **fields)


def test_a_unit_registers_targets_for_quantitative_criteria_and_a_title(campaign, criteria, officer_a, tree):
    reach = criterion(criteria, "1.1")
    registration = register_unit(
        officer_a,
        campaign,
        tree.district_a,
        targets={reach.pk: "95,5"},
        commitments="100% đoàn viên được quán triệt",
    )
    assert registration.status == Registration.Status.SUBMITTED
    assert RegistrationTarget.objects.get(registration=registration).target_value == Decimal("95.5")
    assert registration.title_label == "Tập thể lao động xuất sắc"


def test_a_registration_after_the_deadline_is_refused(campaign, officer_a, tree):
    campaign.registration_deadline = TODAY - dt.timedelta(days=1)
    campaign.save()
    with pytest.raises(ValidationError) as caught:
        register_unit(officer_a, campaign, tree.district_a)
    assert caught.value.messages == [
        f"Việc đăng ký thi đua đã kết thúc ngày {campaign.registration_deadline:%d/%m/%Y}."
    ]
    assert not Registration.objects.exists()


def test_a_returned_registration_can_be_corrected_after_the_deadline(campaign, officer_a, admin_user, tree):
    registration = register_unit(officer_a, campaign, tree.district_a)
    services.return_registration(actor=admin_user, registration=registration, comment="Bổ sung chỉ tiêu")
    campaign.registration_deadline = TODAY - dt.timedelta(days=1)
    campaign.save()
    again = register_unit(officer_a, campaign, tree.district_a, aimed_title_other="Cờ thi đua của LĐLĐ tỉnh")
    assert again.pk == registration.pk and again.status == Registration.Status.SUBMITTED


def test_the_level_above_approves_or_returns_with_a_comment(campaign, officer_a, admin_user, tree):
    a1 = register_unit(officer_a, campaign, tree.grassroots_a1)
    district = register_unit(officer_a, campaign, tree.district_a)
    # the district's officers are the level above their grassroots unions, not above themselves
    services.approve_registration(actor=officer_a, registration=a1)
    with pytest.raises(PermissionDenied):
        services.approve_registration(actor=officer_a, registration=district)
    with pytest.raises(ValidationError) as caught:
        services.return_registration(actor=admin_user, registration=district, comment="  ")
    assert "review_comment" in caught.value.message_dict
    returned = services.return_registration(
        actor=admin_user, registration=district, comment="Chỉ tiêu quá thấp"
    )
    assert returned.status == Registration.Status.RETURNED and returned.review_comment == "Chỉ tiêu quá thấp"
    assert returned.history.count() == 2
    told = Notification.objects.filter(user=officer_a).order_by("-pk").first()
    assert "bị trả lại" in told.text and "Chỉ tiêu quá thấp" in told.text


def test_a_decision_is_taken_once(campaign, officer_a, admin_user, tree):
    registration = register_unit(officer_a, campaign, tree.district_a)
    services.approve_registration(actor=admin_user, registration=registration)
    with pytest.raises(ValidationError, match="đã được duyệt"):
        services.return_registration(actor=admin_user, registration=registration, comment="Sửa")


def test_members_register_and_their_unit_approves(campaign, officer_a, tree):
    member = MemberFactory(unit=tree.grassroots_a1)
    registration = services.register(
        actor=officer_a,
        campaign=campaign,
        unit=tree.grassroots_a1,
        member=member,
        aimed_title=AimedTitle.GRASSROOTS_EMULATION_FIGHTER,
    )
    assert registration.is_individual and registration.unit == tree.grassroots_a1
    services.approve_registration(actor=officer_a, registration=registration)
    with pytest.raises(ValidationError):  # one registration per member
        services.register(
            actor=officer_a,
            campaign=campaign,
            unit=tree.grassroots_a1,
            member=member,
            aimed_title=AimedTitle.ADVANCED_WORKER,
        )


def test_an_officer_cannot_register_another_district(campaign, officer_b, tree):
    with pytest.raises(PermissionDenied):
        register_unit(officer_b, campaign, tree.district_a)


def test_a_title_is_required_and_targets_only_for_quantitative_criteria(campaign, criteria, officer_a, tree):
    with pytest.raises(ValidationError) as caught:
        services.register(actor=officer_a, campaign=campaign, unit=tree.district_a)
    assert "aimed_title" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        register_unit(officer_a, campaign, tree.district_a, targets={criterion(criteria, "2").pk: 5})
    assert "targets" in caught.value.message_dict
    with pytest.raises(ValidationError):
        register_unit(officer_a, campaign, tree.district_a, targets={criterion(criteria, "1.1").pk: "-3"})
    assert not Registration.objects.exists()


def test_the_list_of_units_not_registered_covers_the_subtree(campaign, officer_a, tree):
    register_unit(officer_a, campaign, tree.grassroots_a1)
    missing = {u.code for u in selectors.unregistered_units(campaign, tree.district_a)}
    assert missing == {"LDLD-HOAAN", "CS-A2"}
    assert {u.code for u in selectors.unregistered_units(campaign, tree.province)} == {
        "LDLD-HOAAN",
        "CS-A2",
        "LDLD-BLAC",
        "CS-B1",
        "CDGD",
        "CS-S1",
    }


def test_a_collective_is_offered_only_collective_titles_and_a_member_only_individual_ones(
    campaign, officer_a, tree
):
    from campaigns.forms import RegistrationForm
    from organisations.models import Member

    collective = [value for value, _label in RegistrationForm().fields["aimed_title"].choices if value]
    individual = [
        value
        for value, _label in RegistrationForm(members=Member.objects.none()).fields["aimed_title"].choices
        if value
    ]
    assert AimedTitle.EXCELLENT_COLLECTIVE in collective and AimedTitle.ADVANCED_WORKER not in collective
    assert AimedTitle.ADVANCED_WORKER in individual and AimedTitle.EXCELLENT_COLLECTIVE not in individual
    with pytest.raises(ValidationError) as caught:
        register_unit(
            officer_a, campaign, tree.district_a, aimed_title=AimedTitle.GRASSROOTS_EMULATION_FIGHTER
        )
    assert caught.value.message_dict["aimed_title"] == [
        "Chiến sĩ thi đua cơ sở là danh hiệu cho cá nhân, không dành cho tập thể."
    ]


def test_a_unit_and_one_of_its_members_register_on_their_pages(
    client_as, campaign, criteria, officer_a, tree
):
    member = MemberFactory(unit=tree.grassroots_a1)
    client = client_as(officer_a)
    reach = criterion(criteria, "1.1")
    response = client.post(
        reverse("campaigns:registrations", args=[campaign.pk, tree.district_a.pk]),
        {"aimed_title": AimedTitle.EXCELLENT_COLLECTIVE, f"target_{reach.pk}": "95,5", "commitments": "Đủ"},
        follow=True,
    )
    assert "Đã gửi bản đăng ký lên cấp trên." in response.content.decode()
    own = Registration.objects.get(unit=tree.district_a, member__isnull=True)
    assert own.targets.get().target_value == Decimal("95.5") and own.commitments == "Đủ"
    member_page = reverse("campaigns:register_member", args=[campaign.pk, tree.grassroots_a1.pk])
    page = client.post(member_page, {"member": member.pk, "aimed_title": ""}).content.decode()
    assert "Hãy chọn danh hiệu đăng ký hoặc nhập danh hiệu khác." in page
    assert not Registration.objects.filter(member=member).exists()
    response = client.post(
        member_page,
        {"member": member.pk, "aimed_title": AimedTitle.GRASSROOTS_EMULATION_FIGHTER},
        follow=True,
    )
    assert "Đã ghi nhận đăng ký thi đua của đoàn viên." in response.content.decode()
    assert Registration.objects.get(member=member).unit == tree.grassroots_a1


@pytest.mark.parametrize(
    "typed, refusal",
    [
        ("chín mươi", "“{name}”: “chín mươi” không phải là số."),
        ("-5", "“{name}”: chỉ tiêu không được âm."),
        ("1000000000000", "“{name}”: số quá lớn."),
    ],
)
def test_a_target_that_cannot_be_stored_is_refused_naming_the_criterion(
    campaign, criteria, officer_a, tree, typed, refusal
):
    reach = criterion(criteria, "1.1")
    with pytest.raises(ValidationError) as caught:
        register_unit(officer_a, campaign, tree.district_a, targets={reach.pk: typed})
    assert caught.value.message_dict["targets"] == [refusal.format(name=reach.label)]
    assert not Registration.objects.exists()
