"""The keys of the reports' cached figures; the cache itself is core.figures_cache (a campaign's
overview uses it too), its data version bumped by reports/signals.py."""

from __future__ import annotations

from django.utils import translation

from organisations.models import Unit


def cache_key(unit: Unit, year: int, campaign: int | None = None, *, kind: str = "dashboard") -> str:
    """The cache key of a unit's figures for a year (the unit's path is in it: a move changes it)."""
    return f"reports:{kind}:{unit.pk}:{unit.path}:{year}:{campaign or ''}:{translation.get_language()}"
