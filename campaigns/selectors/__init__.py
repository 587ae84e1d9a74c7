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
from campaigns.selectors.reviews import (
    chosen_round,
    review_indicators,
    review_rollup,
    review_rounds,
    submitted_reports,
    takes_part,
    unit_report,
)
from campaigns.selectors.scoring import (
    ScoringPage,
    campaign_clusters,
    leaderboards,
    peer_scorer,
    scoring_page,
    sheet_summaries,
    sheet_view,
)

__all__ = [
    "Progress", "ProgressRow", "Reach", "ScoringPage", "campaign_clusters", "campaign_progress", "campaign_units", "leaderboards",
    "participant_reach", "participant_units", "peer_scorer", "peer_units", "scoring_units", "reach_by_category", "reach_by_child", "reach_total",
    "review_rollup", "review_indicators", "review_rounds", "chosen_round", "takes_part", "unit_report", "scope_root", "scoring_page", "sheet_summaries", "sheet_view", "submitted_reports", "units_below_threshold",
    "unregistered_units", "visible_campaigns",
]
