"""The short cache of computed figures: the dashboard's roll-ups, a campaign's overview.

Cached figures are kept under a key their page chooses (the unit, its path, the year or the
campaign, the language) with the data version at the time: every save or delete of a record the
figures count bumps the version (the counted models are listed in reports/signals.py). A change
shows at the next page load, and while officers keep entering data the figures are recomputed at
most every `REPORTS_STALE_SECONDS`; `fresh` recomputes now.
"""

from __future__ import annotations

import logging
import time

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

logger = logging.getLogger(__name__)

VERSION_KEY = "reports:data-version"


def figures_key(kind: str, unit, *parts) -> str:
    """The cache key of a page's figures for a unit: the kind of figures, the unit and its path (a
    move of the unit changes the key), the page's own parts (a year, a campaign, a map) and the
    language they were rendered in."""
    tail = ":".join("" if part is None else str(part) for part in parts)
    return f"figures:{kind}:{unit.pk}:{unit.path}:{tail}:{translation.get_language()}"


def cache_seconds() -> int:
    default = 0 if getattr(settings, "TESTING", False) else 120
    return int(getattr(settings, "REPORTS_CACHE_SECONDS", default))


def data_version() -> int:
    return cache.get(VERSION_KEY) or 0


def bump_data_version(**_kwargs) -> None:
    """Called on every save or delete of a counted record: cached figures stop being used."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def stale_seconds() -> int:
    return int(getattr(settings, "REPORTS_STALE_SECONDS", 30))


def cached(key: str, compute, *, fresh: bool = False):
    """`compute()`, or its value from the cache.

    A cached value is used while no counted record has changed since it was computed (the data
    version is the same) and, after a change, for at most `REPORTS_STALE_SECONDS` more: while
    officers keep entering data, the province's figures are recomputed at most that often
    instead of on every page load. `fresh` recomputes now."""
    seconds = cache_seconds()
    if not seconds:
        return compute()
    version, now = data_version(), time.time()
    if not fresh:
        entry = cache.get(key)
        if entry is not None:
            entry_version, computed_at, value = entry
            if entry_version == version or now - computed_at < stale_seconds():
                return value
    value = compute()
    try:
        cache.set(key, (version, now, value), seconds)
    except Exception:  # noqa: BLE001 - a cache that cannot store is not a reason to fail the page
        logger.warning("could not cache %s", key, exc_info=True)
    return value
