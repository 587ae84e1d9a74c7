"""The demo campaign: the seed plan's special campaign, launched to every union unit of the province."""

import io
import random

import pytest

from accounts import demo as accounts_demo
from campaigns import demo, selectors
from campaigns.models import Cluster, Registration, ReviewReport, Score
from core.demo import DemoContext
from documents import demo as documents_demo
from organisations import demo as organisations_demo
from organisations.models import Unit


def _context(with_documents: bool) -> DemoContext:
    context = DemoContext(seed=2015, units=90, members=900, rng=random.Random(2015), out=io.StringIO())
    organisations_demo.load(context)
    accounts_demo.load(context)
    if with_documents:
        documents_demo.load(context)
    demo.load(context)
    return context


@pytest.fixture
def ctx(db):
    return _context(with_documents=True)


def test_the_campaign_of_the_seed_plan_reaches_every_union_unit(ctx):
    campaign = ctx.data["campaign_2015"]
    assert campaign.theme == demo.THEME and campaign.slogan == "Đoàn kết - sáng tạo - vượt khó"
    assert campaign.content_items.count() == 5
    assert campaign.launching_document == ctx.data["seed_plan"]
    units = Unit.objects.in_subtree(ctx.data["province"]).exclude(pk=ctx.data["province"].pk)
    assert campaign.participants.count() == units.count()
    assert campaign.registration_deadline.isoformat() == "2015-07-15"


def test_it_has_clusters_registrations_reach_scores_and_a_review(ctx):
    campaign = ctx.data["campaign_2015"]
    clusters = list(Cluster.objects.filter(year=2015))
    assert [len(c.memberships.all()) for c in clusters if c.kind == Cluster.Kind.CLUSTER] == [5, 5]
    assert any(c.kind == Cluster.Kind.BLOCK for c in clusters)
    registrations = Registration.objects.filter(campaign=campaign, member__isnull=True)
    assert 0.7 * campaign.participants.count() < registrations.count() < campaign.participants.count()
    assert registrations.filter(status=Registration.Status.RETURNED).exists()
    assert not registrations.filter(unit__code="LDLD-BLAC").exists()  # canbo.baolac has one to make
    reach = selectors.reach_total(campaign, ctx.data["province"])
    assert reach.below_threshold > 0 and 0.7 < reach.ratio < 1
    scores = Score.objects.filter(sheet__campaign=campaign)
    assert (
        scores.filter(status=Score.Status.CONFIRMED).exists()
        and scores.filter(status=Score.Status.SELF_SCORED).exists()
    )
    (board, *_rest) = selectors.leaderboards(campaign, selectors.campaign_clusters(campaign))
    assert board.rows[0].standing.total > board.rows[-1].standing.total
    assert (
        ReviewReport.objects.filter(round__campaign=campaign, status=ReviewReport.Status.SUBMITTED).count()
        > 10
    )


def test_without_the_documents_demo_the_campaign_issues_its_own_plan(db):
    context = _context(with_documents=False)
    plan = context.data["campaign_2015"].launching_document
    assert plan.status == "issued" and plan.issued_on.isoformat() == "2015-06-15"
    assert plan.obligations.count() > 0
