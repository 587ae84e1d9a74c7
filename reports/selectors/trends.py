"""Trends across years for the whole subtree: one grouped query per indicator."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _

from campaigns.models import ParticipationSubtreeTally
from reports.charts import small_multiples
from reports.figures import TEXT, Cell, Column, Table
from reports.rollup import Breakdown
from reports.selectors.awards import commendations, shared_award_counts
from reports.selectors.cascade import plans_by_year
from reports.selectors.common import Figure, Section, records_url
from reports.selectors.publishing import article_counts

YEARS = 10


def _articles_by_year(breakdown: Breakdown, year: int | None) -> dict[int | None, int]:
    """{year: articles published} of the subtree (with a year, only the YEARS shown up to it): the
    subtree's tally, a row a year, less the articles scheduled for later (`article_counts`, read with
    the news table's) — instead of counting the province's articles joined to its units (~11 ms of a
    fresh dashboard's SQL at 5,000 units)."""
    unit = breakdown.unit
    tallies, later = article_counts(breakdown, year)
    counts: dict[int | None, int] = {
        row_year: published
        for (unit_id, row_year), published in tallies.items()
        if unit_id == unit.pk and (not year or year - YEARS < row_year <= year)
    }
    for (_key, later_year), n in later.items():
        if later_year in counts:
            counts[later_year] -= n
    if not year:
        return counts
    return {y: counts.get(y, 0) for y in range(year - YEARS + 1, year + 1)}


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
    participations = ParticipationSubtreeTally.objects.filter(unit=unit).values_list("year", "participations")
    result.append((_("Units taking part in campaigns"), dict(participations), "participants", {}))
    awards: dict[int | None, int] = defaultdict(int)
    # in the year decided, as the awards section counts them and as the list each cell opens finds them
    for row in commendations(shared_award_counts(breakdown)):
        awards[row["counted"]] += row["total"]
    result.append((_("Awards"), dict(awards), "awards", {}))
    result.append((_("Articles published"), _articles_by_year(breakdown, year), "articles", {}))
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
