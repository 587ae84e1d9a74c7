"""Trends across years for the whole subtree: one grouped query per indicator."""

from __future__ import annotations

from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils.translation import gettext as _

from organisations.models import Unit
from reports.charts import small_multiples
from reports.figures import TEXT, Cell, Column, Table
from reports.rollup import Breakdown
from reports.selectors.awards import award_records
from reports.selectors.campaigns import participations
from reports.selectors.cascade import plans_by_year
from reports.selectors.common import Figure, Section, records_url
from reports.selectors.publishing import published_articles

YEARS = 10


def _articles_by_year(unit: Unit, year: int | None) -> dict[int | None, int]:
    """{year: articles published} of the subtree. With a year, only the YEARS shown up to it, each
    counted between its bounds in local time, from the (status, publish_at, unit) index alone
    (PostgreSQL: an index-only scan, so publish_at is counted, not the id), instead of reading
    every article's row to extract its local year (a province: ~25 ms down to ~7 ms)."""
    articles = published_articles(unit)
    if not year:
        rows = articles.annotate(y=ExtractYear("publish_at")).values("y").annotate(n=Count("pk")).order_by()
        return {r["y"]: r["n"] for r in rows}
    shown = range(year - YEARS + 1, year + 1)
    counts = articles.filter(publish_at__year__gte=shown[0], publish_at__year__lte=year).aggregate(
        **{f"y{y}": Count("publish_at", filter=Q(publish_at__year=y)) for y in shown}
    )
    return {y: counts[f"y{y}"] for y in shown}


def _indicators(breakdown: Breakdown, year: int | None = None):
    """(label, {year: value}, link kind, link params) for each indicator (with a year, the
    articles only of the years shown up to it)."""
    unit = breakdown.unit
    result: list[tuple[str, dict[int | None, int], str, dict[str, str]]] = []
    plans = plans_by_year(unit)
    result.append((_("Implementing plans asked"), {y: n for y, (n, _d) in plans.items()}, "obligations", {}))
    result.append(
        (
            _("Implementing plans issued"),
            {y: done for y, (_n, done) in plans.items()},
            "obligations",
            {"state": "done"},
        )
    )
    campaign_rows = (
        participations(unit)
        .annotate(y=ExtractYear("campaign__starts_on"))
        .values("y")
        .annotate(n=Count("pk"))
        .order_by()
    )
    result.append(
        (_("Units taking part in campaigns"), {r["y"]: r["n"] for r in campaign_rows}, "participants", {})
    )
    award_rows = award_records(unit).values("year").annotate(n=Count("pk")).order_by()
    result.append((_("Awards"), {r["year"]: r["n"] for r in award_rows}, "awards", {}))
    result.append((_("Articles published"), _articles_by_year(unit, year), "articles", {}))
    return result


def trends_section(breakdown: Breakdown, year: int | None) -> Section | None:
    indicators = _indicators(breakdown, year)
    years_with_data = sorted({y for _l, values, _k, _p in indicators for y, v in values.items() if y and v})
    last = year or (years_with_data[-1] if years_with_data else None)
    years_with_data = [y for y in years_with_data if y <= (last or 0) and y > (last or 0) - YEARS]
    if len(years_with_data) < 2:
        return None
    assert last is not None  # there are years with data
    years = list(range(years_with_data[0], last + 1))
    unit = breakdown.unit
    table = Table(
        key="trends",
        title=_("Trends across years"),
        columns=[Column(_("Indicator"), TEXT)] + [Column(str(y)) for y in years],
    )
    for label, values, kind, params in indicators:
        if not any(values.get(y) for y in years):
            continue
        table.rows.append(
            [Cell(label)]
            + [Cell(values.get(y, 0), link=records_url(kind, unit, year=y, **params)) for y in years]
        )
    chart = small_multiples(
        table.title,
        years,
        [(row[0].value, [c.value for c in row[1:]], [c.link for c in row[1:]]) for row in table.rows],
    )
    return Section(key="trends", title=_("Trends across years"), figures=[Figure(table, chart)])
