"""Registration for the focus campaign under each child unit."""

from __future__ import annotations

from django.utils.translation import gettext as _

from reports.figures import PERCENT, TEXT, Cell, Column, Table
from reports.rollup import SELF, Breakdown
from reports.selectors.campaigns.common import _campaign_context, _progress_by_key
from reports.selectors.common import Figure, Section, Stat, records_url
from reports.selectors.organisation import unit_cell

__all__ = ["registration_section"]


def registration_section(breakdown: Breakdown, year: int | None) -> Section | None:
    _campaigns, campaign, progress = _campaign_context(breakdown, year)
    if campaign is None or not progress.rows:
        return None
    rows = _progress_by_key(progress)
    table = Table(
        key="registration",
        title=_("Registration by unit: %(c)s") % {"c": campaign.name},
        columns=[
            Column(_("Unit"), TEXT),
            Column(_("Units taking part")),
            Column(_("Registered")),
            Column(_("Not registered")),
            Column(_("Share registered"), PERCENT),
            Column(_("Individuals registered")),
            Column(_("Score sheets submitted")),
        ],
    )
    measure = {}
    for key, child in breakdown.row_units([rows]):
        row = rows.get(key)
        if row is None:
            continue
        own = 1 if key == SELF else None

        def link(kind, **params):
            return records_url(kind, child, campaign=campaign.pk, own=own, **params)  # noqa: B023

        table.rows.append(
            [
                unit_cell(child, key, year),
                Cell(row.participants, link=link("participants")),
                Cell(row.registered, link=link("registrations")),
                Cell(
                    row.not_registered,
                    link=link("participants", registered="no"),
                    css="bad" if row.not_registered else "",
                ),
                Cell(row.registration_ratio),
                Cell(row.individuals, link=link("registrations", holder="individual")),
                Cell(row.sheets_submitted, link=link("sheets")),
            ]
        )
        measure[key] = (row.registration_ratio, f"{row.registered}/{row.participants}")
    total = progress.total
    unit = breakdown.unit

    def total_link(kind, **params):
        return records_url(kind, unit, campaign=campaign.pk, **params)

    table.totals = [
        Cell(_("Total")),
        Cell(total.participants, link=total_link("participants")),
        Cell(total.registered, link=total_link("registrations")),
        Cell(total.not_registered, link=total_link("participants", registered="no")),
        Cell(total.registration_ratio),
        Cell(total.individuals, link=total_link("registrations", holder="individual")),
        Cell(total.sheets_submitted, link=total_link("sheets")),
    ]
    section = Section(
        key="registration",
        title=_("Registration and scoring"),
        figures=[Figure(table)],
        tile_measure=measure,
        tile_label=_("units registered"),
    )
    section.stats = [
        Stat(
            total.registration_ratio,
            _("of units registered"),
            total_link("registrations"),
            kind="percent",
            glance=0,
        ),
        Stat(
            total.not_registered,
            _("units not registered"),
            total_link("participants", registered="no"),
            tone="bad" if total.not_registered else "",
            glance=1,
        ),
        Stat(total.sheets_submitted, _("score sheets submitted"), total_link("sheets")),
    ]
    return section
