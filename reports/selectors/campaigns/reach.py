"""The focus campaign's dissemination reach under each child unit."""

from __future__ import annotations

from django.utils.translation import gettext as _

from campaigns.selectors.reach import Reach
from organisations.models import Unit
from reports.charts import Bar, bar_chart
from reports.figures import PERCENT, TEXT, Cell, Column, Table
from reports.formatting import percent
from reports.rollup import SELF, Breakdown
from reports.selectors.campaigns.common import _campaign_context, _progress_by_key
from reports.selectors.common import Figure, Section, Stat, records_url
from reports.selectors.organisation import unit_cell

__all__ = ["reach_cells", "reach_columns", "reach_section"]

# A district's or sector's hundreds of grassroots units: its chart draws the lowest ones.
CHART_LOWEST = 15


def reach_columns() -> list[Column]:
    """The reach figures of a unit, as the dashboard and the review report show them: units and
    members side by side, each said, since every number links to the list of the units it covers,
    which counts those units in its heading and sums their members in its totals."""
    return [
        Column(_("Units taking part")),
        Column(_("Members in scope")),
        Column(_("Members reached")),
        Column(_("Share of members reached"), PERCENT),
        Column(_("Sessions")),
    ]


def reach_cells(
    campaign, unit: Unit | int, units: int, reach: Reach, *, own: int | None, threshold: float | None = None
) -> list[Cell]:
    """The cells under `reach_columns` for a unit's subtree (`own`: the unit's own participation),
    the share marked when under `threshold`."""
    link = records_url("reach", unit, campaign=campaign.pk, own=own)
    low = threshold is not None and reach.ratio is not None and reach.ratio < threshold
    return [
        Cell(units, link=link),
        Cell(reach.scope, link=link),
        Cell(reach.reached, link=link),
        Cell(reach.ratio, css="bad" if low else ""),
        Cell(reach.sessions, link=records_url("sessions", unit, campaign=campaign.pk, own=own)),
    ]


def reach_section(breakdown: Breakdown, year: int | None) -> Section | None:
    _campaigns, campaign, progress = _campaign_context(breakdown, year)
    if campaign is None or not progress.rows:
        return None
    rows = _progress_by_key(progress)
    threshold = campaign.reach_threshold / 100
    table = Table(
        key="reach",
        title=_("Dissemination reach by unit: %(c)s") % {"c": campaign.name},
        columns=[
            Column(_("Unit"), TEXT),
            *reach_columns(),
            Column(_("Units below %(t)s%%") % {"t": campaign.reach_threshold}),
        ],
        note=_(
            "Members in scope are those of the participating units during the campaign (joined by its "
            "end, not left before its start); a unit's members reached are capped at its members in "
            "scope. Each number opens the list of the units it covers, with their members in its totals."
        ),
    )
    bars, measure = [], {}
    for key, child in breakdown.row_units([rows]):
        row = rows.get(key)
        if row is None:
            continue
        own = 1 if key == SELF else None
        link = records_url("reach", child, campaign=campaign.pk, own=own)
        ratio = row.reach.ratio
        table.rows.append(
            [
                unit_cell(child, key, year),
                *reach_cells(campaign, child, row.participants, row.reach, own=own, threshold=threshold),
                Cell(
                    row.reach.below_threshold,
                    link=records_url("reach", child, campaign=campaign.pk, own=own, below=1),
                ),
            ]
        )
        measure[key] = (ratio, percent(ratio) if ratio is not None else _("no members"))
        bars.append(
            Bar(
                child.display_name,
                ratio,
                percent(ratio),
                href=link,
                css="bad" if ratio is not None and ratio < threshold else "good",
            )
        )
    total = progress.total.reach
    table.totals = [
        Cell(_("Total")),
        Cell(progress.total.participants, link=records_url("reach", breakdown.unit, campaign=campaign.pk)),
        Cell(total.scope, link=records_url("reach", breakdown.unit, campaign=campaign.pk)),
        Cell(total.reached, link=records_url("reach", breakdown.unit, campaign=campaign.pk)),
        Cell(total.ratio),
        Cell(total.sessions, link=records_url("sessions", breakdown.unit, campaign=campaign.pk)),
        Cell(total.below_threshold, link=records_url("reach", breakdown.unit, campaign=campaign.pk, below=1)),
    ]
    chart = (
        bar_chart(
            table.title,
            bars,
            maximum=1,
            threshold=threshold,
            threshold_label=_("threshold %(t)s%%") % {"t": campaign.reach_threshold},
            lowest=CHART_LOWEST,
        )
        # While nobody is reached yet every bar would read 0%: the table and the figures say it.
        if breakdown.children and bars and total.reached
        else None
    )
    section = Section(
        key="reach",
        title=_("Dissemination reach"),
        figures=[Figure(table, chart)],
        tile_measure=measure,
        tile_label=_("share of members reached"),
    )
    section.stats = [
        Stat(
            total.ratio,
            _("of members reached"),
            records_url("reach", breakdown.unit, campaign=campaign.pk),
            kind="percent",
            tone="good" if (total.ratio or 0) >= threshold else "bad",
            glance=0,
        ),
        Stat(
            total.sessions,
            _("dissemination sessions"),
            records_url("sessions", breakdown.unit, campaign=campaign.pk),
        ),
        Stat(
            total.below_threshold,
            _("units below the threshold"),
            records_url("reach", breakdown.unit, campaign=campaign.pk, below=1),
            tone="bad" if total.below_threshold else "",
            glance=1,
        ),
    ]
    return section
