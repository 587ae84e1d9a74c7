"""Reads of the campaigns app that pages and the API share, grouped by concept."""

from campaigns.selectors.campaigns import (
    campaign_units,
    participant_units,
    peer_units,
    scope_root,
    scoring_units,
    visible_campaigns,
)
from campaigns.selectors.progress import Progress, ProgressRow, campaign_progress, unregistered_units
from campaigns.selectors.reach import (
    Reach,
    participant_reach,
    reach_by_category,
    reach_by_child,
    reach_total,
    units_below_threshold,
)
from campaigns.selectors.reviews import review_rollup, submitted_reports
from campaigns.selectors.scoring import campaign_clusters, leaderboards, sheet_summaries, sheet_view

__all__ = [
    "Progress", "ProgressRow", "Reach", "campaign_clusters", "campaign_progress", "campaign_units", "leaderboards",
    "participant_reach", "participant_units", "peer_units", "scoring_units", "reach_by_category", "reach_by_child", "reach_total",
    "review_rollup", "scope_root", "sheet_summaries", "sheet_view", "submitted_reports", "units_below_threshold",
    "unregistered_units", "visible_campaigns",
]
