from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError, transaction

from campaigns import selectors, services
from campaigns.models import Cluster, Score, ScoreEvidence, ScoreSheet
from campaigns.tests.conftest import criterion, score_all


def pdf(name="bien-ban.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4 minutes of the meeting", content_type="application/pdf")


def self_score(actor, campaign, unit, cs, code, **kwargs):
    return services.self_score(
        actor=actor, campaign=campaign, unit=unit, criterion=criterion(cs, code), **kwargs
    )


# Self-scoring --------------------------------------------------------------------------


def test_a_score_above_the_maximum_is_refused_with_a_clear_message(campaign, criteria, officer_a, tree):
    with pytest.raises(ValidationError) as caught:
        self_score(officer_a, campaign, tree.district_a, criteria, "2", points="60,5")
    assert caught.value.message_dict["points"] == [
        "2. Phát hiện, nhân rộng điển hình tiên tiến: 60,5 điểm vượt quá điểm tối đa 60."
    ]
    assert not Score.objects.exists()


def test_a_negative_score_is_refused_unless_the_criterion_deducts_penalties(
    campaign, criteria, officer_a, tree
):
    with pytest.raises(ValidationError) as caught:
        self_score(officer_a, campaign, tree.district_a, criteria, "2", points=-1)
    assert "không được âm" in caught.value.message_dict["points"][0]
    penalty = self_score(officer_a, campaign, tree.district_a, criteria, "4", points=-3)
    assert penalty.self_points == Decimal(-3)
    with pytest.raises(ValidationError, match="trừ tối đa 5"):
        self_score(officer_a, campaign, tree.district_a, criteria, "4", points=-6)


def test_the_database_refuses_a_score_above_the_maximum_or_negative(campaign, criteria, officer_a, tree):
    score = self_score(officer_a, campaign, tree.district_a, criteria, "2", points=50)
    for bad in (Decimal(61), Decimal(-1)):
        with pytest.raises(IntegrityError), transaction.atomic():
            Score.objects.filter(pk=score.pk).update(self_points=bad)
    with pytest.raises(IntegrityError), transaction.atomic():
        Score.objects.filter(pk=score.pk).update(confirmed_points=Decimal("60.01"))


def test_a_quantitative_target_gives_points_in_proportion_to_the_result(campaign, criteria, officer_a, tree):
    score = self_score(officer_a, campaign, tree.district_a, criteria, "1.1", actual_value="85")
    assert (score.actual_value, score.self_points) == (
        Decimal(85),
        Decimal(17),
    )  # 85 % of a 100 % target × 20
    with pytest.raises(ValidationError) as caught:
        self_score(officer_a, campaign, tree.district_a, criteria, "1.1", points=20)
    assert "actual_value" in caught.value.message_dict


def test_lower_is_better_targets(criteria, admin_user):
    from campaigns.services.scoring import suggested_points

    c = services.add_criterion(
        actor=admin_user,
        criteria_set=criteria,
        code="5",
        name="Tai nạn lao động",
        max_points=Decimal(0),
        target_value=Decimal(2),
        unit_of_measure="vụ",
        direction="lower",
    )
    c.max_points = Decimal(10)
    assert suggested_points(c, Decimal(1)) == Decimal(10)
    assert suggested_points(c, Decimal(4)) == Decimal(5)


def test_evidence_of_the_wrong_type_is_refused_and_nothing_is_saved(campaign, criteria, officer_a, tree):
    fake = SimpleUploadedFile(
        "bien-ban.pdf", b"MZ\x90\x00 an executable renamed", content_type="application/pdf"
    )
    with pytest.raises(ValidationError) as caught:
        self_score(officer_a, campaign, tree.district_a, criteria, "1.2", points=15, evidence=[pdf(), fake])
    assert "bien-ban.pdf" in caught.value.messages[0] and "PDF" in caught.value.messages[0]
    assert not Score.objects.exists() and not ScoreEvidence.objects.exists()


def test_evidence_of_the_allowed_types_is_kept(campaign, criteria, officer_a, tree):
    png = SimpleUploadedFile("anh.png", b"\x89PNG\r\n\x1a\n" + b"\x00" * 32, content_type="image/png")
    score = self_score(
        officer_a, campaign, tree.district_a, criteria, "1.2", points=15, evidence=[pdf(), png]
    )
    assert sorted(score.evidence.values_list("kind", flat=True)) == ["pdf", "png"]


def test_scoring_a_unit_outside_ones_subtree_is_refused(campaign, criteria, officer_b, tree):
    with pytest.raises(PermissionDenied):
        self_score(officer_b, campaign, tree.district_a, criteria, "2", points=50)
    assert not ScoreSheet.objects.exists()


def test_submitting_needs_every_criterion_and_the_required_evidence(campaign, criteria, officer_a, tree):
    self_score(officer_a, campaign, tree.district_a, criteria, "1.1", actual_value=100)
    self_score(officer_a, campaign, tree.district_a, criteria, "1.2", points=15)
    with pytest.raises(ValidationError) as caught:
        services.submit_sheet(actor=officer_a, campaign=campaign, unit=tree.district_a)
    assert len(caught.value.messages) == 2  # 1.2 lacks evidence, 2 is not scored
    assert ScoreSheet.objects.get().status == ScoreSheet.Status.DRAFT


# Confirmation --------------------------------------------------------------------------


@pytest.fixture
def submitted(campaign, criteria, officer_a, tree):
    score_all(officer_a, campaign, tree.district_a, criteria, {"1.1": 90, "1.2": 15, "2": 50, "3": 2})
    return {s.criterion.code: s for s in Score.objects.select_related("criterion")}


def test_the_level_above_confirms_with_a_reason_when_the_score_differs(submitted, admin_user):
    with pytest.raises(ValidationError) as caught:
        services.confirm_score(actor=admin_user, score=submitted["2"], points=45)
    assert "reason" in caught.value.message_dict
    score = services.confirm_score(
        actor=admin_user, score=submitted["2"], points=45, reason="Thiếu minh chứng mô hình"
    )
    assert (score.status, score.confirmed_points, score.confirm_reason) == (
        Score.Status.CONFIRMED,
        Decimal(45),
        "Thiếu minh chứng mô hình",
    )
    same = services.confirm_score(actor=admin_user, score=submitted["1.2"])
    assert same.confirmed_points == Decimal(15)


def test_the_second_confirmation_of_a_score_is_refused_clearly(submitted, admin_user, tree):
    services.confirm_score(actor=admin_user, score=submitted["2"], points=50)
    with pytest.raises(ValidationError) as caught:
        services.confirm_score(actor=admin_user, score=submitted["2"], points=40, reason="Chấm lại")
    assert "đã được xác nhận" in caught.value.messages[0] and "đã bị khóa" in caught.value.messages[0]
    assert Score.objects.get(pk=submitted["2"].pk).confirmed_points == Decimal(50)


def test_every_change_to_a_score_is_kept_in_history(submitted, admin_user):
    services.confirm_score(actor=admin_user, score=submitted["2"], points=48, reason="Trừ 2 điểm")
    history = list(Score.objects.get(pk=submitted["2"].pk).history.order_by("history_date"))
    assert [h.status for h in history] == ["self_scored", "confirmed"]
    assert history[-1].history_user == admin_user


def test_a_units_own_officers_cannot_confirm_its_scores(submitted, officer_a, officer_b):
    for actor in (officer_a, officer_b):
        with pytest.raises(PermissionDenied):
            services.confirm_score(actor=actor, score=submitted["2"], points=50)


def test_a_confirmed_score_cannot_be_self_scored_again(
    submitted, admin_user, officer_a, campaign, criteria, tree
):
    with pytest.raises(ValidationError, match="đã nộp"):
        self_score(officer_a, campaign, tree.district_a, criteria, "2", points=10)


def test_confirming_a_batch_is_all_or_nothing(submitted, admin_user):
    with pytest.raises(ValidationError):
        services.confirm_scores(
            actor=admin_user, decisions=[(submitted["1.2"], 15, ""), (submitted["2"], 70, "quá điểm")]
        )
    assert not Score.objects.filter(status=Score.Status.CONFIRMED).exists()


def test_sheet_totals_are_on_the_100_point_scale(submitted, admin_user, campaign, tree):
    for code in ("1.1", "1.2", "2", "3"):
        services.confirm_score(actor=admin_user, score=submitted[code])
    view = selectors.sheet_view(campaign, tree.district_a)
    assert view.self_total == Decimal(18 + 15 + 50 + 2)  # 1.1: 90 % of 20 = 18
    assert view.confirmed_total == view.self_total
    parent = next(line for line in view.lines if line.criterion.code == "1")
    assert parent.confirmed_subtotal == Decimal(33) and not parent.is_leaf


# Cross-scoring in a cluster ------------------------------------------------------------


@pytest.fixture
def cluster(tree, admin_user, campaign):
    return services.create_cluster(
        actor=admin_user,
        organiser=tree.province,
        name="Cụm thi đua số 1",
        year=campaign.year,
        units=[tree.district_a, tree.district_b, tree.sector],
        lead=tree.district_b,
        deputy=tree.sector,
    )


def test_peers_score_and_the_confirmed_score_is_their_mean(cluster, submitted, officer_b, admin_user, tree):
    from accounts.models import Role
    from accounts.testing import user_with_role

    officer_s = user_with_role(Role.OFFICER, tree.sector, username="canbo.s")
    services.peer_score(actor=officer_b, score=submitted["2"], scorer_unit=tree.district_b, points=44)
    services.peer_score(actor=officer_s, score=submitted["2"], scorer_unit=tree.sector, points=47)
    # the lead unit (B) confirms A's score: the mean of the peers, not a number it types in
    score = services.confirm_score(
        actor=officer_b, score=submitted["2"], points=60, reason="Trung bình cụm chấm chéo"
    )
    assert score.confirmed_points == Decimal("45.50")


def test_a_peer_cannot_score_its_own_unit_nor_units_outside_the_cluster(cluster, submitted, officer_a, tree):
    with pytest.raises(PermissionDenied):
        services.peer_score(actor=officer_a, score=submitted["2"], scorer_unit=tree.district_a, points=40)


def test_peer_mean_needs_at_least_one_peer(cluster, submitted, officer_b):
    with pytest.raises(ValidationError, match="chưa có đơn vị nào"):
        services.confirm_score(actor=officer_b, score=submitted["2"])


def test_reviewer_mode_uses_the_reviewers_score(cluster, submitted, admin_user):
    Cluster.objects.filter(pk=cluster.pk).update(scoring_mode=Cluster.ScoringMode.REVIEWER)
    score = services.confirm_score(
        actor=admin_user, score=submitted["2"], points=41, reason="Theo đoàn kiểm tra"
    )
    assert score.confirmed_points == Decimal(41)
