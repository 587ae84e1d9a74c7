"""Cached figures (core/figures_cache.py) are keyed by a data version; saving or deleting any
record the dashboard or a campaign's overview counts bumps it, so a change shows at the next page
load (bulk writes that skip signals show when the short cache time runs out)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save

from core.figures_cache import bump_data_version, cache_seconds

COUNTED = [
    "organisations.Unit",
    "organisations.Member",
    "documents.Document",
    "documents.Obligation",
    "campaigns.Campaign",
    "campaigns.Participant",
    "campaigns.Registration",
    "campaigns.DisseminationSession",
    "campaigns.ScoreSheet",
    "campaigns.Score",
    "campaigns.Cluster",
    "campaigns.ClusterMembership",
    "campaigns.GradeBand",
    # a campaign's overview also shows the review round, its reports and the leaderboards' criteria
    "campaigns.ReviewRound",
    "campaigns.ReviewReport",
    "campaigns.CriteriaSet",
    "campaigns.Criterion",
    "awards.AwardRecord",
    "awards.AwardForm",
    "publishing.Article",
    "publishing.AdvancedModel",
]


def _bump(sender, **kwargs):
    if cache_seconds():
        bump_data_version()


def connect() -> None:
    for label in COUNTED:
        model = apps.get_model(label)
        post_save.connect(_bump, sender=model, dispatch_uid=f"reports-version-save-{label}")
        post_delete.connect(_bump, sender=model, dispatch_uid=f"reports-version-delete-{label}")
