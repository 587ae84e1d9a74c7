"""Reads of the reports area: the dashboard's roll-ups by area, the records behind each figure."""

from reports.cache import cache_key, cached
from reports.selectors.common import dashboard_url, records_url
from reports.selectors.dashboard import Dashboard, dashboard, data_years, default_year
from reports.selectors.records import kinds as record_kinds

__all__ = ["Dashboard", "cache_key", "cached", "dashboard", "dashboard_url", "data_years", "default_year", "record_kinds", "records_url"]
