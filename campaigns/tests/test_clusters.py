"""Clusters: membership, rotation of the lead, leaderboards with the federation's tie rules,
grade bands and the lead's emulation flag proposal."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from campaigns import selectors, services
from campaigns.models import Cluster, ClusterFlagProposal, Score, ScoreSheet
from campaigns.ranking import Standing, grade_for, rank
from campaigns.tests.conftest import score_all
from organisations.testing import make_unit

D = Decimal


# Pure ranking, hand-checked ------------------------------------------------------------


def test_a_higher_total_ranks_higher_whatever_the_tie_breakers():
    rows = rank(
        [Standing(1, "B", D(80), at_max=9), Standing(2, "A", D("80.5"), at_max=0)], ["criteria_at_max"]
    )
    assert [r.standing.unit_id for r in rows] == [2, 1] and rows[1].decided_by == "total"


def test_ties_are_broken_by_the_rules_in_the_federations_order():
    t0 = timezone.now()
    a = Standing(
        1, "Hòa An", D(85), at_max=2, criterion_points={"2": D(50)}, submitted_at=t0 + dt.timedelta(hours=1)
    )
    b = Standing(2, "Bảo Lạc", D(85), at_max=3, criterion_points={"2": D(45)}, submitted_at=t0)
    c = Standing(
        3, "Cao Bằng", D(85), at_max=3, criterion_points={"2": D(45)}, submitted_at=t0 + dt.timedelta(hours=2)
    )
    by_max = rank([a, b, c], ["criteria_at_max", "earlier_submission"])
    assert [r.standing.name for r in by_max] == ["Bảo Lạc", "Cao Bằng", "Hòa An"]
    assert [r.decided_by for r in by_max] == ["", "earlier_submission", "criteria_at_max"]
    by_criterion = rank([a, b, c], ["criterion:2", "earlier_submission"])
    assert [r.standing.name for r in by_criterion] == ["Hòa An", "Bảo Lạc", "Cao Bằng"]


def test_units_equal_under_every_rule_are_listed_by_name_and_marked_tied():
    rows = rank([Standing(2, "Trùng Khánh", D(70)), Standing(1, "Hà Quảng", D(70))], ["criteria_at_max"])
    assert [r.standing.name for r in rows] == ["Hà Quảng", "Trùng Khánh"]
    assert [r.position for r in rows] == [1, 2] and rows[1].tied


def test_grade_bands():
    bands = [("Xuất sắc", D(90)), ("Tốt", D(80)), ("Khá", D(65)), ("Trung bình", D(0))]
    assert [grade_for(D(v), bands) for v in ("90", "89.99", "80", "65", "64.9", "0")] == [
        "Xuất sắc",
        "Tốt",
        "Tốt",
        "Khá",
        "Trung bình",
        "Trung bình",
    ]
    assert grade_for(D(50), [("Khá", D(65))]) == ""


# Clusters and rotation -----------------------------------------------------------------


@pytest.fixture
def districts(tree):
    extra = [
        make_unit("district", tree.province, name=f"LĐLĐ huyện {n}", code=f"D-{n}") for n in ("C", "D", "E")
    ]
    return [tree.district_a, tree.district_b, *extra]


def test_next_years_lead_follows_the_rotation_order(districts, admin_user, tree):
    cluster = services.create_cluster(
        actor=admin_user,
        organiser=tree.province,
        name="Cụm 1",
        year=2015,
        units=districts,
        lead=districts[1],
        deputy=districts[2],
    )
    lead, deputy = services.next_leaders(cluster)
    assert (lead, deputy) == (districts[2], districts[3])
    services.set_cluster_leaders(actor=admin_user, cluster=cluster, lead=districts[4], deputy=districts[0])
    cluster.refresh_from_db()
    assert services.next_leaders(cluster) == (districts[0], districts[1])  # wraps round
    following = services.roll_cluster_forward(actor=admin_user, cluster=cluster)
    assert (following.year, following.lead_unit, following.deputy_unit, following.previous) == (
        2016,
        districts[0],
        districts[1],
        cluster,
    )
    assert [m.unit for m in following.memberships.all()] == districts
    with pytest.raises(ValidationError):
        services.roll_cluster_forward(actor=admin_user, cluster=cluster)


def test_a_unit_is_in_one_cluster_a_year_and_leaders_are_members(districts, admin_user, tree):
    services.create_cluster(
        actor=admin_user, organiser=tree.province, name="Cụm 1", year=2015, units=districts[:3]
    )
    with pytest.raises(ValidationError) as caught:
        services.create_cluster(
            actor=admin_user, organiser=tree.province, name="Cụm 2", year=2015, units=districts[2:]
        )
    assert "units" in caught.value.message_dict
    with pytest.raises(ValidationError) as caught:
        services.create_cluster(
            actor=admin_user,
            organiser=tree.province,
            name="Cụm 2",
            year=2015,
            units=districts[3:],
            lead=districts[0],
        )
    assert "lead_unit" in caught.value.message_dict
    assert Cluster.objects.count() == 1


def test_a_district_officer_cannot_organise_the_provinces_clusters(districts, officer_a, tree):
    with pytest.raises(PermissionDenied):
        services.create_cluster(
            actor=officer_a, organiser=tree.province, name="Cụm", year=2015, units=districts
        )


# Leaderboards from real scores ---------------------------------------------------------


@pytest.fixture
def scored_cluster(tree, admin_user, districts, campaign, criteria):
    """Five districts scored and confirmed by the province: A 85 (submitted last), B 85 with more
    criteria at max, C 92, D 64, E not submitted."""
    cluster = services.create_cluster(
        actor=admin_user,
        organiser=tree.province,
        name="Cụm các huyện phía Đông",
        year=campaign.year,
        units=districts,
        lead=districts[0],
        deputy=districts[1],
        scoring_mode=Cluster.ScoringMode.REVIEWER,
    )
    plans = {
        "D-C": {"1.1": 100, "1.2": 17, "2": 55},  # 20 + 17 + 55 = 92
        "LDLD-BLAC": {"1.1": 100, "1.2": 20, "2": 45},  # 20 + 20 + 45 = 85, three at max
        "LDLD-HOAAN": {"1.1": 75, "1.2": 20, "2": 50},  # 15 + 20 + 50 = 85, one at max
        "D-D": {"1.1": 50, "1.2": 10, "2": 44},  # 10 + 10 + 44 = 64
    }
    for unit in districts:
        if unit.code in plans:
            score_all(admin_user, campaign, unit, criteria, plans[unit.code])
    # submission order: B first, Hòa An later
    ScoreSheet.objects.filter(unit=tree.district_a).update(
        submitted_at=timezone.now() + dt.timedelta(hours=1)
    )
    for score in Score.objects.all():
        services.confirm_score(actor=admin_user, score=score)
    return cluster


def test_the_leaderboard_ranks_by_confirmed_total_then_the_tie_rules(scored_cluster, campaign, admin_user):
    (board,) = selectors.leaderboards(campaign, [scored_cluster])
    names = [r.standing.unit_id for r in board.rows]
    codes = {u.pk: u.code for u in [m.unit for m in scored_cluster.memberships.all()]}
    assert [codes[i] for i in names] == ["D-C", "LDLD-BLAC", "LDLD-HOAAN", "D-D", "D-E"]
    assert [r.standing.total for r in board.rows] == [D(92), D(85), D(85), D(64), D(0)]
    assert [r.grade for r in board.rows] == ["Xuất sắc", "Tốt", "Tốt", "Trung bình", "Trung bình"]
    assert board.rows[2].decided_by == "criteria_at_max"
    services.set_tie_breakers(
        actor=admin_user, campaign=campaign, rules=["criterion:2", "earlier_submission"]
    )
    campaign.refresh_from_db()
    (board,) = selectors.leaderboards(campaign, [scored_cluster])
    assert [codes[r.standing.unit_id] for r in board.rows][1:3] == ["LDLD-HOAAN", "LDLD-BLAC"]


def test_grade_bands_are_set_per_campaign(scored_cluster, campaign, admin_user):
    services.set_grade_bands(
        actor=admin_user,
        campaign=campaign,
        bands=[("Hoàn thành xuất sắc", D(85)), ("Hoàn thành", D(50)), ("Chưa hoàn thành", D(0))],
    )
    (board,) = selectors.leaderboards(campaign, [scored_cluster])
    assert [r.grade for r in board.rows] == ["Hoàn thành xuất sắc"] * 3 + ["Hoàn thành", "Chưa hoàn thành"]


def test_unknown_tie_breakers_are_refused(campaign, criteria, admin_user):
    for rules in (["luck"], ["criterion:9.9"], ["criteria_at_max", "criteria_at_max"]):
        with pytest.raises(ValidationError):
            services.set_tie_breakers(actor=admin_user, campaign=campaign, rules=rules)


def test_the_lead_proposes_the_clusters_emulation_flag(scored_cluster, campaign, officer_a, officer_b, tree):
    # Hòa An (A) leads the cluster
    with pytest.raises(PermissionDenied):
        services.propose_cluster_flag(
            actor=officer_b, cluster=scored_cluster, campaign=campaign, unit=tree.district_b, reason="Dẫn đầu"
        )
    top = scored_cluster.memberships.get(unit__code="D-C").unit
    with pytest.raises(ValidationError) as caught:
        services.propose_cluster_flag(
            actor=officer_a, cluster=scored_cluster, campaign=campaign, unit=top, reason=" "
        )
    assert "reason" in caught.value.message_dict
    proposal = services.propose_cluster_flag(
        actor=officer_a, cluster=scored_cluster, campaign=campaign, unit=top, reason="Dẫn đầu cụm với 92 điểm"
    )
    assert proposal.status == ClusterFlagProposal.Status.PROPOSED and proposal.proposed_by == officer_a
    with pytest.raises(ValidationError):
        services.propose_cluster_flag(
            actor=officer_a, cluster=scored_cluster, campaign=campaign, unit=tree.district_a, reason="Thứ hai"
        )
    services.withdraw_flag_proposal(actor=officer_a, proposal=proposal)
    services.propose_cluster_flag(
        actor=officer_a, cluster=scored_cluster, campaign=campaign, unit=tree.district_b, reason="Đề nghị lại"
    )
    (board,) = selectors.leaderboards(campaign, [scored_cluster])
    assert board.proposal.unit == tree.district_b
    # the campaign page's overview ranks the units without reading the proposal: the same ranking
    (ranked_only,) = selectors.leaderboards(campaign, [scored_cluster], proposals=False)
    assert ranked_only.proposal is None and ranked_only.rows == board.rows


def test_clusters_of_another_year_are_not_the_campaigns(tree, admin_user, districts, campaign):
    services.create_cluster(
        actor=admin_user,
        organiser=tree.province,
        name="Cụm năm trước",
        year=campaign.year - 1,
        units=districts,
    )
    this_year = services.create_cluster(
        actor=admin_user, organiser=tree.province, name="Cụm", year=campaign.year, units=districts[:2]
    )
    assert list(selectors.campaign_clusters(campaign)) == [this_year]
    assert list(selectors.campaign_clusters(campaign, tree.district_b)) == [this_year]
    assert list(selectors.campaign_clusters(campaign, tree.sector)) == []


def test_units_still_equal_are_listed_in_vietnamese_alphabetical_order_d_with_stroke_before_z():
    rows = rank([Standing(1, "Zô", D(80)), Standing(2, "Đông Khê", D(80)), Standing(3, "Dân Chủ", D(80))])
    assert [r.standing.name for r in rows] == ["Dân Chủ", "Đông Khê", "Zô"]
    assert [r.tied for r in rows] == [False, True, True]
