"""Scoring and the clusters' rankings of the focus campaign."""

from __future__ import annotations

from collections import Counter

from django.utils.translation import gettext as _

from campaigns.selectors.scoring import campaign_clusters, leaderboards
from reports.charts import Bar, bar_chart
from reports.figures import DECIMAL, TEXT, Cell, Column, Table
from reports.rollup import Breakdown
from reports.selectors.campaigns.common import _campaign_context
from reports.selectors.common import Figure, Section, records_url

__all__ = ["rankings_section"]


def rankings_section(breakdown: Breakdown, year: int | None) -> Section | None:
    _campaigns, campaign, _progress = _campaign_context(breakdown, year)
    if campaign is None:
        return None
    boards = leaderboards(campaign, campaign_clusters(campaign, breakdown.unit))
    if not boards:
        return None
    unit = breakdown.unit
    firsts = Table(
        key="ranking_firsts",
        title=_("First in each cluster: %(c)s") % {"c": campaign.name},
        columns=[
            Column(_("Cluster"), TEXT),
            Column(_("Lead unit"), TEXT),
            Column(_("First"), TEXT),
            Column(_("Score"), DECIMAL),
            Column(_("Grade"), TEXT),
            Column(_("Second"), TEXT),
            Column(_("Number of units")),
        ],
        note=_("Confirmed scores on the 100-point scale; ties are broken by the campaign's rules."),
    )
    grades: Counter = Counter()
    for board in boards:
        scored = [r for r in board.rows if r.standing.confirmed]
        first = scored[0] if scored else None
        second = scored[1] if len(scored) > 1 else None
        link = records_url("ranking", unit, campaign=campaign.pk, cluster=board.cluster.pk)
        firsts.rows.append(
            [
                Cell(board.cluster.name, link=link),
                Cell(board.cluster.lead_unit.display_name if board.cluster.lead_unit else "—"),
                Cell(
                    first.standing.name if first else _("no confirmed scores yet"),
                    link=link,
                    note=_("tied") if first and len(scored) > 1 and scored[1].tied else "",
                ),
                Cell(first.standing.total if first else None),
                Cell(first.grade if first else ""),
                Cell(second.standing.name if second else "—"),
                Cell(len(board.rows), link=link),
            ]
        )
        for ranked in scored:
            grades[ranked.grade or _("Below every grade")] += 1
    figures = [Figure(firsts)]
    if grades:
        bands = list(campaign.grade_bands.values_list("name", flat=True))
        order = {name: i for i, name in enumerate(bands)}
        grade_table = Table(
            key="ranking_grades",
            title=_("Clustered units by grade: %(c)s") % {"c": campaign.name},
            columns=[Column(_("Grade"), TEXT), Column(_("Number of units"))],
        )
        for grade, count in sorted(grades.items(), key=lambda item: order.get(item[0], 99)):
            grade_table.rows.append(
                [
                    Cell(grade),
                    Cell(count, link=records_url("ranking", unit, campaign=campaign.pk, level=grade)),
                ]
            )
        grade_table.totals = [
            Cell(_("Total")),
            Cell(sum(grades.values()), link=records_url("ranking", unit, campaign=campaign.pk)),
        ]
        figures.append(
            Figure(
                grade_table,
                bar_chart(
                    grade_table.title,
                    [
                        Bar(row[0].value, row[1].value, str(row[1].value), href=row[1].link)
                        for row in grade_table.rows
                    ],
                ),
            )
        )
    return Section(key="rankings", title=_("Scoring and rankings"), figures=figures)
