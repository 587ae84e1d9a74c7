"""The campaign sections of the dashboard, in the order they are shown."""

from __future__ import annotations

from reports.selectors.campaigns.rankings import rankings_section
from reports.selectors.campaigns.reach import reach_section
from reports.selectors.campaigns.registration import registration_section
from reports.selectors.campaigns.year import campaigns_section

__all__ = ["builders"]


def builders() -> list:
    return [campaigns_section, reach_section, registration_section, rankings_section]
