"""Forms that say no before, not after: a form its service would refuse for a state known when the
page opens says so on opening (a banner naming the next step, the form disabled); the page and the
service ask the same predicate. A self-score saves one criterion without reloading the page."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from campaigns import services
from campaigns.models import Campaign, Registration, Score
from campaigns.tests.conftest import TODAY, criterion, make_campaign


def url(name, *args):
    return reverse(f"campaigns:{name}", args=args)


def _closed(campaign):
    campaign.registration_deadline = TODAY - dt.timedelta(days=1)
    campaign.save()


def test_registration_past_its_deadline_says_so_when_the_page_opens(client_as, campaign, officer_a, tree):
    _closed(campaign)
    page = client_as(officer_a).get(url("registrations", campaign.pk, tree.district_a.pk)).content.decode()
    closed_on = (TODAY - dt.timedelta(days=1)).strftime("%d/%m/%Y")
    assert f"Việc đăng ký thi đua đã kết thúc ngày {closed_on}." in page
    assert 'class="form-body" disabled' in page
    assert campaign.organiser.display_name in page  # the next step names who can extend it


def test_a_refused_registration_is_refused_by_the_service_with_the_same_words(campaign, officer_a, tree):
    _closed(campaign)
    refusal = services.registration_refusal(campaign, None)
    assert refusal is not None
    with pytest.raises(ValidationError) as raised:
        services.register(actor=officer_a, campaign=campaign, unit=tree.district_a, aimed_title="co_thi_dua")
    assert raised.value.messages == [refusal.reason]
    assert not Registration.objects.exists()


def test_a_returned_registration_may_still_be_sent_after_the_deadline(
    client_as, campaign, officer_a, admin_user, tree
):
    registration = services.register(
        actor=officer_a, campaign=campaign, unit=tree.district_a, aimed_title="co_thi_dua"
    )
    services.return_registration(actor=admin_user, registration=registration, comment="Ghi rõ chỉ tiêu")
    _closed(campaign)
    page = client_as(officer_a).get(url("registrations", campaign.pk, tree.district_a.pk)).content.decode()
    assert 'id="refusal"' not in page and 'class="form-body">' in page


def test_member_registration_is_closed_after_the_deadline_unless_one_was_returned(
    client_as, campaign, officer_a, tree
):
    _closed(campaign)
    page = client_as(officer_a).get(url("register_member", campaign.pk, tree.grassroots_a1.pk)).content
    assert 'id="refusal"' in page.decode() and 'class="form-body" disabled' in page.decode()


def test_a_draft_campaign_without_content_says_what_is_missing_before_launching(
    client_as, tree, admin_user, plan_type
):
    draft = make_campaign(admin_user, tree.province, plan_type, launch=False, content_items=[])
    client = client_as(admin_user)
    page = client.get(url("campaign_launch", draft.pk)).content.decode()
    assert "Hãy nhập các nội dung chủ yếu trước khi phát động đợt thi đua." in page
    assert url("campaign_edit", draft.pk) in page  # the next step: edit the campaign
    assert "disabled>" in page
    client.post(url("campaign_launch", draft.pk))
    assert Campaign.objects.get(pk=draft.pk).is_draft
    with pytest.raises(ValidationError) as raised:
        services.launch_campaign(actor=admin_user, campaign=draft)
    assert [r.reason for r in services.launch_refusals(draft)] == raised.value.message_dict["content_items"]


def test_a_ready_draft_opens_its_launch_page_without_a_banner(client_as, tree, admin_user, plan_type):
    draft = make_campaign(admin_user, tree.province, plan_type, launch=False)
    page = client_as(admin_user).get(url("campaign_launch", draft.pk)).content.decode()
    assert 'id="refusal"' not in page


def test_saving_one_criterion_answers_its_row_and_keeps_a_rejected_value_in_its_box(
    client_as, campaign, criteria, officer_a, tree
):
    client = client_as(officer_a)
    target = url("score_self", campaign.pk, tree.district_a.pk, criterion(criteria, "2").pk)
    response = client.post(target, {"points": "75", "note": "Hai mô hình"}, headers={"HX-Request": "true"})
    page = response.content.decode()
    assert response.status_code == 200 and not Score.objects.exists()
    assert "vượt quá điểm tối đa 60" in page
    assert 'value="75"' in page and 'value="Hai mô hình"' in page
    response = client.post(target, {"points": "50"}, headers={"HX-Request": "true"})
    assert response.status_code == 200 and "đã lưu điểm tự chấm" in response.content.decode()
    assert Score.objects.get().self_points == 50


def test_without_javascript_a_rejected_self_score_comes_back_in_its_box(
    client_as, campaign, criteria, officer_a, tree
):
    response = client_as(officer_a).post(
        url("score_self", campaign.pk, tree.district_a.pk, criterion(criteria, "2").pk), {"points": "75"}
    )
    assert response.status_code == 200 and 'value="75"' in response.content.decode()


def _late_review_round(campaign, admin_user):
    from campaigns.models import ReviewRound

    review_round = services.open_review_round(
        actor=admin_user,
        campaign=campaign,
        kind=ReviewRound.Kind.INTERIM,
        title="Sơ kết 6 tháng",
        period_end=TODAY - dt.timedelta(days=20),
        due_on=TODAY - dt.timedelta(days=10),
    )
    return review_round


def test_a_review_report_past_its_due_date_says_so_when_the_page_opens(
    client_as, campaign, officer_a, admin_user, tree
):
    review_round = _late_review_round(campaign, admin_user)
    page_url = url("reviews", campaign.pk, tree.district_a.pk) + f"?round={review_round.pk}"
    client = client_as(officer_a)
    page = client.get(page_url).content.decode()
    due = (TODAY - dt.timedelta(days=10)).strftime("%d/%m/%Y")
    assert f"Hạn gửi báo cáo “Sơ kết 6 tháng” là ngày {due}." in page
    assert 'class="form-body" disabled' in page
    assert campaign.organiser.display_name in page  # the next step names who can open a new round
    response = client.post(page_url, {"submit_report": "1", "results": "Đã quán triệt"})
    assert response.status_code == 200 and not review_round.reports.exists()


def test_a_late_review_report_is_refused_by_the_service_with_the_same_words(
    campaign, officer_a, admin_user, tree
):
    review_round = _late_review_round(campaign, admin_user)
    refusal = services.review_report_refusal(review_round)
    assert refusal is not None
    with pytest.raises(ValidationError) as raised:
        services.save_review_report(
            actor=officer_a, review_round=review_round, unit=tree.district_a, values={}
        )
    assert raised.value.messages == [refusal.reason]


def test_a_review_round_not_yet_due_opens_its_report_form_without_a_banner(
    client_as, campaign, officer_a, admin_user, tree
):
    from campaigns.models import ReviewRound

    review_round = services.open_review_round(
        actor=admin_user,
        campaign=campaign,
        kind=ReviewRound.Kind.INTERIM,
        title="Sơ kết 6 tháng",
        period_end=TODAY,
        due_on=TODAY,
    )
    page = (
        client_as(officer_a)
        .get(url("reviews", campaign.pk, tree.district_a.pk) + f"?round={review_round.pk}")
        .content.decode()
    )
    assert 'id="refusal"' not in page and 'class="form-body">' in page


def test_a_closed_campaigns_score_sheet_says_so_when_it_opens_and_takes_no_score(
    client_as, campaign, criteria, officer_a, admin_user, tree
):
    campaign = services.close_campaign(actor=admin_user, campaign=campaign)
    page = client_as(officer_a).get(url("scoring", campaign.pk, tree.district_a.pk)).content.decode()
    assert 'id="refusal"' in page and "Đợt thi đua đã kết thúc." in page
    assert 'name="points"' not in page
    refusal = services.running_refusal(campaign)
    assert refusal is not None
    with pytest.raises(ValidationError) as raised:
        services.self_score(
            actor=officer_a,
            campaign=campaign,
            unit=tree.district_a,
            criterion=criterion(criteria, "2"),
            points="10",
        )
    assert raised.value.messages == [refusal.reason]
