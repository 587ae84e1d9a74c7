"""The campaign page's reads rewritten for speed (issue 20) give the answers of the rules as first
written, on the demo province: the rule's first form is kept here as the specification."""

import io
import random

import pytest
from django.contrib.auth import get_user_model
from django.db.models import Count, Exists, OuterRef, Q

from accounts import demo as accounts_demo
from accounts.permissions import visible_units
from campaigns import demo, selectors
from campaigns.models import Campaign, Participant, Registration, ReviewReport, ReviewRound, Score, ScoreSheet
from campaigns.selectors.tree import child_prefix
from core.demo import DemoContext
from documents import demo as documents_demo
from organisations import demo as organisations_demo
from organisations.models import Unit


@pytest.fixture
def ctx(db):
    context = DemoContext(seed=2015, units=90, members=900, rng=random.Random(2015), out=io.StringIO())
    organisations_demo.load(context)
    accounts_demo.load(context)
    documents_demo.load(context)
    demo.load(context)
    return context


def _campaigns_as_first_written(user) -> set[int]:
    units = visible_units(user).values("pk")
    takes_part = Participant.objects.filter(campaign=OuterRef("pk"), unit__in=units)
    return set(
        Campaign.objects.filter(
            Q(organiser__in=units) | (~Q(status=Campaign.Status.DRAFT) & Exists(takes_part))
        ).values_list("pk", flat=True)
    )


def _unregistered_as_first_written(campaign, root) -> list[int]:
    registered = Registration.objects.filter(campaign=campaign, member__isnull=True).values("unit_id")
    units = (
        Unit.objects.filter(path__startswith=root.path, campaign_participations__campaign=campaign)
        .exclude(pk__in=registered)
        .order_by("path")
    )
    return list(units.values_list("pk", flat=True))


def test_each_user_sees_the_campaigns_the_first_rule_gave(ctx):
    users = list(get_user_model().objects.all())
    seen = {}
    for user in users:
        seen[user.username] = set(selectors.visible_campaigns(user).values_list("pk", flat=True))
        assert seen[user.username] == _campaigns_as_first_written(user), user.username
    campaign = ctx.data["campaign_2015"]
    # a district officer sees the province's campaign (their district takes part), someone without
    # a role sees none
    assert campaign.pk in seen["canbo.baolac"]
    assert all(seen[u.username] == set() for u in users if not visible_units(u).exists())


def test_the_units_still_to_register_are_those_of_the_first_rule_in_path_order(ctx):
    campaign = ctx.data["campaign_2015"]
    province = ctx.data["province"]
    # a returned registration waits for correction: the unit keeps it, so it must not be listed
    roots = [province, *Unit.objects.filter(parent=province)]
    listed_somewhere = False
    for root in roots:
        expected = _unregistered_as_first_written(campaign, root)
        assert [u.pk for u in selectors.unregistered_units(campaign, root, None)] == expected
        assert [u.pk for u in selectors.unregistered_units(campaign, root, limit=3)] == expected[:3]
        listed_somewhere = listed_somewhere or bool(expected)
    assert listed_somewhere
    baolac = Unit.objects.get(code="LDLD-BLAC")
    assert baolac.pk in [u.pk for u in selectors.unregistered_units(campaign, province, None)]
    # a district's list holds only its own subtree
    district = baolac.parent if baolac.parent != province else baolac
    assert all(
        u.path.startswith(district.path) for u in selectors.unregistered_units(campaign, district, None)
    )


def _figures_as_first_written(campaign, root) -> dict[str, tuple[int, ...]]:
    """Each figure of a progress row as its own GROUP BY over the children's path prefixes, keyed by
    the child's path: (registered, approved, returned, individuals, sheets submitted, scores,
    confirmed, reports submitted of the latest round)."""

    def grouped(queryset, path_field, **aggregates):
        rows = (
            queryset.filter(**{f"{path_field}__startswith": root.path})
            .annotate(prefix=child_prefix(root.path, path_field))
            .order_by()
            .values("prefix")
            .annotate(**aggregates)
        )
        return {row["prefix"]: row for row in rows}

    registrations = grouped(
        Registration.objects.filter(campaign=campaign),
        "unit__path",
        units=Count("pk", filter=Q(member__isnull=True)),
        approved=Count("pk", filter=Q(member__isnull=True, status=Registration.Status.APPROVED)),
        returned=Count("pk", filter=Q(member__isnull=True, status=Registration.Status.RETURNED)),
        individuals=Count("pk", filter=Q(member__isnull=False)),
    )
    sheets = grouped(
        ScoreSheet.objects.filter(campaign=campaign, status=ScoreSheet.Status.SUBMITTED),
        "unit__path",
        n=Count("pk"),
    )
    scores = grouped(
        Score.objects.filter(sheet__campaign=campaign),
        "sheet__unit__path",
        n=Count("pk"),
        confirmed=Count("pk", filter=Q(status=Score.Status.CONFIRMED)),
    )
    review_round = ReviewRound.objects.filter(campaign=campaign).order_by("-period_end", "-pk").first()
    reports = grouped(
        ReviewReport.objects.filter(round=review_round, status=ReviewReport.Status.SUBMITTED),
        "unit__path",
        n=Count("pk"),
    )
    prefixes = {*registrations, *sheets, *scores, *reports}
    return {
        prefix: (
            registrations.get(prefix, {}).get("units", 0),
            registrations.get(prefix, {}).get("approved", 0),
            registrations.get(prefix, {}).get("returned", 0),
            registrations.get(prefix, {}).get("individuals", 0),
            sheets.get(prefix, {}).get("n", 0),
            scores.get(prefix, {}).get("n", 0),
            scores.get(prefix, {}).get("confirmed", 0),
            reports.get(prefix, {}).get("n", 0),
        )
        for prefix in prefixes
    }


def test_the_progress_rows_count_what_each_figures_own_query_counted(ctx):
    """The registration, scoring and review figures of the campaign page, read in one query, are
    those each figure's own GROUP BY gave, for every row of the province and of each district."""
    campaign = ctx.data["campaign_2015"]
    province = ctx.data["province"]
    seen = [0] * 8
    for root in [province, *Unit.objects.filter(parent=province)]:
        expected = _figures_as_first_written(campaign, root)
        progress = selectors.campaign_progress(campaign, root)
        for row in progress.rows:
            figures = (
                row.registered,
                row.approved,
                row.returned,
                row.individuals,
                row.sheets_submitted,
                row.scores,
                row.confirmed,
                row.reports_submitted,
            )
            assert figures == expected.get(row.unit.path, (0,) * 8), row.unit.name
            seen = [a + b for a, b in zip(seen, figures, strict=True)]
        assert progress.subtree_registered == sum(figures[0] for figures in expected.values())
        # the dashboard leaves the scores and the reviews out: the others stay the same
        lighter = selectors.campaign_progress(campaign, root, scores=False, reviews=False)
        assert [
            (r.unit.pk, r.registered, r.sheets_submitted, r.scores, r.reports_submitted) for r in lighter.rows
        ] == [(r.unit.pk, r.registered, r.sheets_submitted, 0, 0) for r in progress.rows]
    # the demo's campaign has every kind of record: each figure was compared on something
    assert all(seen), seen
