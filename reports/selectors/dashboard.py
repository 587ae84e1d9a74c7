"""The dashboard of a unit: every area's section for a year, and the map of its child units.

Each area contributes a builder `(breakdown, year) -> Section | None`. The whole result is
cached for a short time (core/figures_cache.py).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.translation import gettext as _

from campaigns.models import Participant
from core.figures_cache import cached, figures_key
from documents.models import Obligation
from organisations.models import Unit
from reports.charts import Tile, TileMap, tile_map
from reports.formatting import percent
from reports.rollup import SELF, Breakdown
from reports.selectors import campaigns
from reports.selectors.awards import award_records, awards_section, counted_year
from reports.selectors.cascade import cascade_section
from reports.selectors.common import Section, dashboard_url, paths_remembered
from reports.selectors.organisation import organisation_section
from reports.selectors.publishing import publishing_section
from reports.selectors.trends import trends_section

__all__ = ["Dashboard", "SELF", "build_dashboard", "dashboard", "data_years", "default_year"]


def builders() -> list:
    """The sections of the dashboard, in the order a federation's review report follows."""
    return [
        organisation_section,
        *campaigns.builders(),
        cascade_section,
        awards_section,
        publishing_section,
        trends_section,
    ]


@dataclass
class Dashboard:
    unit: Unit
    year: int
    sections: list[Section]
    children: list[Unit] = field(default_factory=list)
    computed_at: dt.datetime | None = None
    campaigns: list[tuple[int, str]] = field(default_factory=list)  # the year's campaigns, to choose from
    campaign: int | None = None  # the one the per-unit campaign figures follow

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def table(self, key: str):
        for section in self.sections:
            table = section.table(key)
            if table is not None:
                return table
        return None

    @property
    def colourings(self) -> list[Section]:
        """Sections whose measure can colour the map of child units."""
        return [s for s in self.sections if s.tile_measure is not None and s.key != "organisation"]

    def tiles(self, colour_by: str = "") -> TileMap | None:
        organisation = self.section("organisation")
        if not self.children or organisation is None or not organisation.tile_weights:
            return None
        colourings = self.colourings
        source = next((s for s in colourings if s.key == colour_by), colourings[0] if colourings else None)
        weights = organisation.tile_weights
        tiles = []
        for child in self.children:
            value, text = (source.tile_measure or {}).get(child.pk, (None, "")) if source else (None, "")
            members = weights.get(child.pk, 0)
            detail = _("%(n)s active members") % {"n": f"{members:,}".replace(",", ".")}
            tiles.append(
                Tile(
                    label=child.display_name,
                    weight=members,
                    css=tone(value),
                    value_text=(percent(value, 0) if value is not None else text)
                    if source
                    else f"{members:,}".replace(",", "."),
                    detail=f"{detail} · {text}" if source and text else detail,
                    href=dashboard_url(child, self.year),
                )
            )
        legend = (
            [
                (_("%(share)s or more") % {"share": "80%"}, "good"),
                (_("%(low)s to under %(high)s") % {"low": "50%", "high": "80%"}, "mid"),
                (_("under %(share)s") % {"share": "50%"}, "bad"),
                (_("nothing to measure"), "none"),
            ]
            if source
            else []
        )
        title = (
            _("Units below, sized by members, coloured by %(measure)s") % {"measure": source.tile_label}
            if source
            else _("Units below, sized by members")
        )
        chart = tile_map(title, tiles, legend)
        chart.colour_by = source.key if source else ""  # type: ignore[attr-defined]
        return chart


def tone(value: float | None) -> str:
    if value is None:
        return "none"
    if value >= 0.8:
        return "good"
    if value >= 0.5:
        return "mid"
    return "bad"


def build_dashboard(unit: Unit, year: int, campaign: int | None = None) -> Dashboard:
    breakdown = Breakdown.of(unit)
    breakdown.campaign_id = campaign
    sections = []
    with paths_remembered():
        for builder in builders():
            section = builder(breakdown, year)
            if section is not None:
                sections.append(section)
    campaigns, focus, _progress = breakdown.shared("campaigns", lambda: ([], None, None))
    return Dashboard(
        unit=unit,
        year=year,
        sections=sections,
        children=breakdown.children,
        computed_at=timezone.now(),
        campaigns=[(c.pk, c.name) for c in campaigns],
        campaign=focus.pk if focus else None,
    )


def dashboard(unit: Unit, year: int, *, campaign: int | None = None, fresh: bool = False) -> Dashboard:
    """The dashboard, from the cache when the same figures were computed a moment ago."""
    return cached(
        figures_key("dashboard", unit, year, campaign),
        lambda: build_dashboard(unit, year, campaign),
        fresh=fresh,
    )


def default_year(unit: Unit, years: list[int] | None = None) -> int:
    """The latest year with records in the subtree (not after this year), else this year
    (`years`: the unit's `data_years`, when the caller has them already)."""
    this_year = timezone.localdate().year
    years = [y for y in (data_years(unit) if years is None else years) if y <= this_year]
    return max(years) if years else this_year


def data_years(unit: Unit) -> list[int]:
    """Years that have plans, campaigns or awards in the subtree, newest first (cached)."""
    return cached(figures_key("years", unit), lambda: _data_years(unit))


def _data_years(unit: Unit) -> list[int]:
    years: set[int] = set()
    years.update(
        Obligation.objects.filter(unit__path__startswith=unit.path, document__issued_on__isnull=False)
        .annotate(y=ExtractYear("document__issued_on"))
        .order_by()
        .values_list("y", flat=True)
        .distinct()
    )
    years.update(
        Participant.objects.filter(unit__path__startswith=unit.path)
        .annotate(y=ExtractYear("campaign__starts_on"))
        .order_by()
        .values_list("y", flat=True)
        .distinct()
    )
    years.update(award_records(unit).order_by().values_list("year", flat=True).distinct())
    # a decision in a later year than its nomination counts in that year: offer it too
    years.update(
        award_records(unit).annotate(y=counted_year()).order_by().values_list("y", flat=True).distinct()
    )
    return sorted((y for y in years if y), reverse=True)
