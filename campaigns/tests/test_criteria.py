from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from campaigns import services
from campaigns.models import CriteriaSet, Criterion, Score
from campaigns.tests.conftest import build_criteria, criterion, score_all


def test_a_well_formed_set_has_no_problems(criteria):
    assert services.criteria_problems(criteria) == []


def test_sub_criteria_points_must_add_up_to_the_parents_maximum_naming_the_criterion(criteria, admin_user):
    services.update_criterion(actor=admin_user, criterion=criterion(criteria, "1.2"), max_points=Decimal(15))
    problems = services.criteria_problems(criteria)
    assert problems == [
        "Các tiêu chí con của “1. Quán triệt, tuyên truyền” cộng lại được 35 điểm, "
        "trong khi điểm tối đa của tiêu chí này là 40."
    ]


def test_weights_that_do_not_add_up_to_100_are_refused_with_the_criteria_named(campaign, admin_user):
    cs = build_criteria(admin_user, campaign, weights=True)
    assert services.criteria_problems(cs) == []
    services.update_criterion(actor=admin_user, criterion=criterion(cs, "2"), weight=Decimal(55))
    with pytest.raises(ValidationError) as caught:
        services.check_criteria_set(cs)
    message = caught.value.messages[0]
    assert "95" in message and "100" in message
    assert (
        "1. Quán triệt, tuyên truyền: 40" in message
        and "2. Phát hiện, nhân rộng điển hình tiên tiến: 55" in message
    )


def test_a_set_that_does_not_add_up_cannot_be_scored_and_nothing_is_saved(
    criteria, admin_user, officer_a, tree, campaign
):
    services.update_criterion(actor=admin_user, criterion=criterion(criteria, "1.2"), max_points=Decimal(15))
    with pytest.raises(ValidationError, match="cộng lại được 35"):
        services.self_score(
            actor=officer_a,
            campaign=campaign,
            unit=tree.district_a,
            criterion=criterion(criteria, "2"),
            points=50,
        )
    assert not Score.objects.exists()
    criteria.refresh_from_db()
    assert not criteria.is_frozen


def test_only_top_level_criteria_carry_weights(criteria, admin_user):
    with pytest.raises(ValidationError) as caught:
        services.update_criterion(actor=admin_user, criterion=criterion(criteria, "1.1"), weight=Decimal(50))
    assert "weight" in caught.value.message_dict


def test_a_quantitative_target_needs_its_unit_of_measure(criteria, admin_user):
    with pytest.raises(ValidationError) as caught:
        services.add_criterion(
            actor=admin_user,
            criteria_set=criteria,
            code="5",
            name="Số sáng kiến",
            max_points=Decimal(0),
            target_value=Decimal(3),
        )
    assert "unit_of_measure" in caught.value.message_dict


def test_factors_put_every_total_on_the_100_point_scale(campaign, admin_user):
    cs = build_criteria(admin_user, campaign, weights=True)
    services.update_criterion(actor=admin_user, criterion=criterion(cs, "1"), max_points=Decimal(20))
    services.update_criterion(actor=admin_user, criterion=criterion(cs, "1.1"), max_points=Decimal(10))
    services.update_criterion(actor=admin_user, criterion=criterion(cs, "1.2"), max_points=Decimal(10))
    # weight 40 over 20 points: each point of 1.x counts 2; weight 60 over 60 points: 1
    assert criterion(cs, "1.1").factor == Decimal(2)
    assert criterion(cs, "2").factor == Decimal(1)
    assert criterion(cs, "3").factor == Decimal(1)  # bonus points count as they are


def test_a_version_is_frozen_once_scored_and_a_new_version_leaves_old_scores_alone(
    criteria, admin_user, officer_a, tree, campaign
):
    services.self_score(
        actor=officer_a,
        campaign=campaign,
        unit=tree.district_a,
        criterion=criterion(criteria, "2"),
        points=50,
    )
    criteria.refresh_from_db()
    assert criteria.is_frozen
    with pytest.raises(ValidationError, match="đã bị khóa"):
        services.update_criterion(
            actor=admin_user, criterion=criterion(criteria, "2"), max_points=Decimal(70)
        )
    v2 = services.new_criteria_version(actor=admin_user, criteria_set=criteria)
    assert v2.version == 2 and v2.previous == criteria and v2.criteria.count() == criteria.criteria.count()
    services.update_criterion(
        actor=admin_user, criterion=criterion(v2, "2"), name="Điển hình tiên tiến (sửa)"
    )
    # the old score keeps its criterion; a unit starting now scores under version 2
    assert Score.objects.get().criterion.criteria_set == criteria
    services.self_score(
        actor=officer_a,
        campaign=campaign,
        unit=tree.district_a,
        criterion=criterion(criteria, "1.2"),
        points=10,
        evidence=[_pdf()],
    )
    services.self_score(
        actor=admin_user, campaign=campaign, unit=tree.district_b, criterion=criterion(v2, "2"), points=40
    )
    assert {s.criterion.criteria_set.version for s in Score.objects.all()} == {1, 2}


def test_scores_keep_the_version_they_were_given_under_when_a_sheet_is_submitted(
    criteria, admin_user, officer_a, tree, campaign
):
    score_all(officer_a, campaign, tree.district_a, criteria, {"1.1": 90, "1.2": 15, "2": 50})
    services.new_criteria_version(actor=admin_user, criteria_set=criteria)
    sheet = campaign.score_sheets.get(unit=tree.district_a)
    assert sheet.criteria_set == criteria


def test_a_template_is_copied_into_a_campaign(campaign, admin_user):
    template = services.create_criteria_set(actor=admin_user, name="Mẫu tiêu chí CĐCS vững mạnh")
    parent = services.add_criterion(
        actor=admin_user, criteria_set=template, code="1", name="Tổ chức", max_points=Decimal(100)
    )
    services.add_criterion(
        actor=admin_user,
        criteria_set=template,
        parent=parent,
        code="1.1",
        name="Họp định kỳ",
        max_points=Decimal(100),
        evidence_required=True,
    )
    copy = services.copy_criteria_template(actor=admin_user, template=template, campaign=campaign)
    assert copy.campaign == campaign and copy.version == 1 and not copy.is_template
    assert copy.criteria.get(code="1.1").parent.code == "1"
    assert copy.criteria.get(code="1.1").evidence_required
    assert template.criteria.count() == 2  # the template itself is untouched


def test_only_administrators_keep_templates(officer_a):
    with pytest.raises(PermissionDenied):
        services.create_criteria_set(actor=officer_a, name="Mẫu")


def test_an_officer_of_a_district_cannot_edit_the_provinces_criteria(criteria, officer_a):
    with pytest.raises(PermissionDenied):
        services.add_criterion(
            actor=officer_a, criteria_set=criteria, code="9", name="x", max_points=Decimal(1)
        )


def test_codes_are_unique_within_a_set(criteria, admin_user):
    with pytest.raises(ValidationError) as caught:
        services.add_criterion(
            actor=admin_user, criteria_set=criteria, code="2", name="Trùng mã", max_points=Decimal(1)
        )
    assert caught.value.message_dict["code"] == ["Một tiêu chí khác đã có mã 2."]


def test_penalty_points_cannot_have_sub_criteria(criteria, admin_user):
    with pytest.raises(ValidationError) as caught:
        services.add_criterion(
            actor=admin_user,
            criteria_set=criteria,
            parent=criterion(criteria, "4"),
            code="4.1",
            name="Vi phạm",
            max_points=Decimal(1),
        )
    assert "parent" in caught.value.message_dict


def test_a_campaign_gets_one_first_set(criteria, admin_user, campaign):
    with pytest.raises(ValidationError):
        services.create_criteria_set(actor=admin_user, campaign=campaign, name="Thứ hai")
    assert CriteriaSet.objects.filter(campaign=campaign).count() == 1
    assert Criterion.objects.filter(criteria_set=criteria).count() == 6


def _pdf():
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4 minutes", content_type="application/pdf")
