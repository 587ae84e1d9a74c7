"""The year's campaigns of a subtree and the one the per-unit figures are about, computed once per dashboard."""

from __future__ import annotations

import datetime as dt

from django.db.models import Count, QuerySet
from django.urls import reverse
from django.utils import timezone

from campaigns.models import Campaign, Participant
from campaigns.selectors.progress import ProgressRow, campaign_progress
from organisations.models import Unit
from reports.rollup import SELF, Breakdown

__all__ = [
    "CAMPAIGNS_SHOWN",
    "campaign_url",
    "focus_campaign",
    "participant_counts",
    "participations",
    "year_campaigns",
]


CAMPAIGNS_SHOWN = 8


def campaign_url(campaign: Campaign) -> str:
    return reverse("campaigns:campaign", args=[campaign.pk])


def participations(unit: Unit) -> QuerySet[Participant]:
    """Participations of the subtree's units in launched (or closed) campaigns."""
    return Participant.objects.filter(unit__path__startswith=unit.path).exclude(
        campaign__status=Campaign.Status.DRAFT
    )


def participant_counts(campaign_ids: list[int], unit: Unit) -> dict[int, int]:
    """How many of the subtree's units take part in each campaign, by campaign id (one query)."""
    return dict(
        Participant.objects.filter(campaign_id__in=campaign_ids, unit__path__startswith=unit.path)
        .values("campaign_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("campaign_id", "n")
    )


def year_campaigns(unit: Unit, year: int) -> list[Campaign]:
    """Campaigns that units of the subtree take part in and that run during the year, newest first."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    ids = (
        participations(unit)
        .filter(campaign__starts_on__lte=end, campaign__ends_on__gte=start)
        .values("campaign_id")
    )
    return list(
        Campaign.objects.filter(pk__in=ids)
        .select_related("organiser")  # the clusters of the focus campaign are read under its organiser
        .order_by("-starts_on", "-pk")[:CAMPAIGNS_SHOWN]
    )


def focus_campaign(campaigns: list[Campaign], wanted: int | None = None) -> Campaign | None:
    """The campaign the per-unit figures are about: the one asked for, else the first running one."""
    if wanted:
        chosen = next((c for c in campaigns if c.pk == wanted), None)
        if chosen:
            return chosen
    today = timezone.localdate()
    running = [c for c in campaigns if c.is_launched and c.starts_on <= today <= c.ends_on]
    return next(iter(running or campaigns), None)


def _campaign_context(breakdown: Breakdown, year: int | None):
    """The year's campaigns and the focus campaign, computed once per dashboard."""

    def compute():
        campaigns = year_campaigns(breakdown.unit, year) if year else []
        focus = focus_campaign(campaigns, breakdown.campaign_id)
        # the dashboard shows neither the scores nor the review reports of the focus campaign
        progress = (
            campaign_progress(focus, breakdown.unit, children=breakdown.children, scores=False, reviews=False)
            if focus
            else None
        )
        return campaigns, focus, progress

    return breakdown.shared("campaigns", compute)


def _progress_by_key(progress) -> dict[int, ProgressRow]:
    return {(SELF if row.is_root else row.unit.pk): row for row in progress.rows} if progress else {}
