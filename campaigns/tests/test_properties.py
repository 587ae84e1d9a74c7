"""Properties on generated data: a roll-up equals the sum of its parts, and a ranking is a total
order consistent with the scores and the tie rules."""

import datetime as dt
import random
from decimal import Decimal

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from campaigns import selectors, services
from campaigns.models import ReviewRound
from campaigns.ranking import Standing, rank, rule_keys
from campaigns.tests.conftest import TODAY, add_members

DB_SETTINGS = settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Ranking, pure ---------------------------------------------------------------------------------

RULES = ["criteria_at_max", "earlier_submission", "criterion:1", "criterion:2"]
T0 = dt.datetime(2015, 11, 20, 8, 0, tzinfo=dt.UTC)

standings = st.lists(
    st.builds(
        Standing,
        unit_id=st.integers(1, 10_000),
        name=st.sampled_from(["Hòa An", "Bảo Lạc", "Hà Quảng", "Trùng Khánh", "Thạch An", "Nguyên Bình"]),
        total=st.decimals(0, 105, places=2, allow_nan=False, allow_infinity=False),
        at_max=st.integers(0, 8),
        criterion_points=st.fixed_dictionaries(
            {},
            optional={
                "1": st.decimals(0, 25, places=1, allow_nan=False, allow_infinity=False),
                "2": st.decimals(0, 20, places=1, allow_nan=False, allow_infinity=False),
            },
        ),
        submitted_at=st.none() | st.integers(0, 5).map(lambda h: T0 + dt.timedelta(hours=h)),
    ),
    max_size=12,
    unique_by=lambda s: s.unit_id,
)
tie_rules = st.lists(st.sampled_from(RULES), unique=True, max_size=4)


@settings(deadline=None)  # the machine may be busy; the property, not the speed, is under test
@given(standings, tie_rules, st.randoms())
def test_a_ranking_is_a_total_order_consistent_with_scores_and_tie_rules(items, rules, rnd):
    ranked = rank(items, rules)
    assert [r.position for r in ranked] == list(range(1, len(items) + 1))
    assert sorted(r.standing.unit_id for r in ranked) == sorted(s.unit_id for s in items)
    for above, below in zip(ranked, ranked[1:], strict=False):
        assert above.standing.total >= below.standing.total  # a higher total always ranks higher
        if above.standing.total == below.standing.total:
            assert rule_keys(above.standing, rules) <= rule_keys(below.standing, rules)
        assert below.tied == (rule_keys(above.standing, rules) == rule_keys(below.standing, rules))
    shuffled = list(items)
    rnd.shuffle(shuffled)
    assert [r.standing.unit_id for r in rank(shuffled, rules)] == [r.standing.unit_id for r in ranked]


# Roll-ups on the database ---------------------------------------------------------------------


def _grassroots(tree):
    return [tree.grassroots_a1, tree.grassroots_a2, tree.grassroots_b1, tree.grassroots_s1]


@pytest.fixture
def setup(campaign, admin_user, tree):
    return campaign, admin_user, tree


unit_numbers = st.lists(st.tuples(st.integers(0, 12), st.integers(0, 25)), min_size=4, max_size=4)


@DB_SETTINGS
@given(numbers=unit_numbers, threshold=st.integers(1, 100))
def test_reach_rolled_up_equals_the_sum_of_its_capped_parts(setup, numbers, threshold):
    campaign, admin, tree = setup
    with transaction.atomic():
        campaign.reach_threshold = threshold
        campaign.save()
        expected = {}
        for unit, (members, reported) in zip(_grassroots(tree), numbers, strict=True):
            add_members(unit, members)
            if reported:
                services.record_session(
                    actor=admin,
                    campaign=campaign,
                    unit=unit,
                    held_on=TODAY,
                    topic="Quán triệt",
                    workers=reported,
                )
            expected[unit.pk] = (members, min(members, reported))
        rows = selectors.reach_by_child(campaign, tree.province)
        total = selectors.reach_total(campaign, tree.province)
        # the total is the sum of the rows, and each unit counts at most its own members
        assert total.scope == sum(r.scope for r in rows.values()) == sum(m for m, _r in expected.values())
        assert total.reached == sum(r.reached for r in rows.values()) == sum(r for _m, r in expected.values())
        assert total.below_threshold == sum(1 for m, r in expected.values() if m and r * 100 < m * threshold)
        # a child's row equals the rows one level down
        inner = selectors.reach_by_child(campaign, tree.district_a)
        assert rows[tree.district_a.path].reached == sum(r.reached for r in inner.values())
        assert rows[tree.district_a.path].scope == sum(r.scope for r in inner.values())
        transaction.set_rollback(True)


@DB_SETTINGS
@given(
    values=st.lists(st.tuples(st.booleans(), st.integers(0, 500), st.integers(0, 9)), min_size=7, max_size=7)
)
def test_review_numbers_rolled_up_equal_the_sum_of_submitted_reports(setup, values):
    campaign, admin, tree = setup
    with transaction.atomic():
        review_round = services.open_review_round(
            actor=admin, campaign=campaign, kind=ReviewRound.Kind.INTERIM, period_end=TODAY
        )
        indicators = list(campaign.indicators.all())
        units = [p.unit for p in campaign.participants.select_related("unit")]
        expected: dict[int, Decimal] = {i.pk: Decimal(0) for i in indicators}
        for unit, (submit, people, meetings) in zip(units, values, strict=True):
            numbers = {i.pk: (people if i.code == "people_reached" else meetings) for i in indicators}
            services.save_review_report(
                actor=admin,
                review_round=review_round,
                unit=unit,
                values=numbers,
                results="Kết quả",
                submit=submit,
            )
            if submit:
                for pk, value in numbers.items():
                    expected[pk] += value
        rollup = selectors.review_rollup(review_round, tree.province)
        for indicator in indicators:
            parts = sum((row.values.get(indicator.pk, Decimal(0)) for row in rollup.rows), Decimal(0))
            assert parts == rollup.totals.get(indicator.pk, Decimal(0)) == expected[indicator.pk]
        assert rollup.submitted == sum(1 for submit, _p, _m in values if submit)
        transaction.set_rollback(True)


@DB_SETTINGS
@given(seed=st.integers(0, 10_000))
def test_the_campaign_pages_totals_are_the_sum_of_the_rows(setup, seed):
    from campaigns.models import AimedTitle

    campaign, admin, tree = setup
    rnd = random.Random(seed)
    with transaction.atomic():
        for participant in campaign.participants.select_related("unit"):
            if rnd.random() < 0.6:
                services.register(
                    actor=admin,
                    campaign=campaign,
                    unit=participant.unit,
                    aimed_title=AimedTitle.ADVANCED_COLLECTIVE,
                )
        progress = selectors.campaign_progress(campaign, tree.province)
        assert progress.total.registered == sum(r.registered for r in progress.rows)
        # the dashboard passes the children it has read, in its own order: the same rows and total
        children = list(tree.province.children.order_by("-pk"))
        given_children = selectors.campaign_progress(campaign, tree.province, children=children)
        assert given_children.total == progress.total
        assert sorted(given_children.rows, key=lambda r: r.unit.pk) == sorted(
            progress.rows, key=lambda r: r.unit.pk
        )
        assert progress.total.participants == campaign.participants.count()
        assert (
            progress.total.registered + len(list(selectors.unregistered_units(campaign, tree.province, None)))
            == progress.total.participants
        )
        transaction.set_rollback(True)
