"""The campaign overview's figures are cached like the dashboard's (core/figures_cache.py): shown
again until a counted record changes, recomputed at most once a grace period while data keeps
changing, and at once on `?fresh=1`; whoever opens the page, the cache never widens what they see."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from campaigns import services
from campaigns.models import AimedTitle


def overview(campaign, unit) -> str:
    return reverse("campaigns:unit_page", args=[campaign.pk, unit.pk])


def figures(response) -> str:
    """The figures part of the page (the rest holds the CSRF token, which changes every time)."""
    body = response.content.decode()
    return body[body.index('<div class="cards">') : body.index("</main>")]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


@override_settings(REPORTS_CACHE_SECONDS=60, REPORTS_STALE_SECONDS=0)
def test_the_overview_is_served_from_the_cache_until_a_registration_changes_it(
    client_as, campaign, admin_user, officer_a, tree
):
    client = client_as(admin_user)
    with CaptureQueriesContext(connection) as first:
        before = figures(client.get(overview(campaign, tree.province)))
    with CaptureQueriesContext(connection) as second:
        assert figures(client.get(overview(campaign, tree.province))) == before
    assert len(second) < len(first) - 5, (len(first), len(second))
    # the page says how old its figures are and offers to recompute them, as the dashboard does
    assert "Số liệu lúc" in before and 'href="?fresh=1"' in before

    services.register(
        actor=officer_a, campaign=campaign, unit=tree.district_a, aimed_title=AimedTitle.EXCELLENT_COLLECTIVE
    )
    after = figures(client.get(overview(campaign, tree.province)))
    assert after != before
    assert figures(client_as(admin_user).get(overview(campaign, tree.province) + "?fresh=1")) == after


@override_settings(REPORTS_CACHE_SECONDS=120, REPORTS_STALE_SECONDS=60)
def test_while_data_keeps_changing_the_cached_figures_stay_for_the_grace_period_and_fresh_recomputes(
    client_as, campaign, admin_user, officer_a, tree
):
    client = client_as(admin_user)
    before = figures(client.get(overview(campaign, tree.province)))
    services.register(
        actor=officer_a, campaign=campaign, unit=tree.district_a, aimed_title=AimedTitle.EXCELLENT_COLLECTIVE
    )
    assert figures(client.get(overview(campaign, tree.province))) == before  # within the grace period
    assert figures(client.get(overview(campaign, tree.province) + "?fresh=1")) != before


@override_settings(REPORTS_CACHE_SECONDS=60, REPORTS_STALE_SECONDS=60)
def test_a_cached_overview_is_still_refused_to_an_officer_outside_the_subtree(
    client_as, campaign, admin_user, officer_a, officer_b, tree
):
    assert client_as(admin_user).get(overview(campaign, tree.district_a)).status_code == 200  # now cached
    assert client_as(officer_b).get(overview(campaign, tree.district_a)).status_code == 404
    # and the officer inside it is served the same figures the administrator was
    assert client_as(officer_a).get(overview(campaign, tree.district_a)).status_code == 200
