"""The tables of the report, each built in a fixed number of queries."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q
from django.utils.translation import gettext as _

from campaigns.models import Campaign, Registration
from campaigns.selectors.reach import reach_total, subtree_reach
from campaigns.selectors.scoring import campaign_clusters, leaderboards
from campaigns.selectors.tree import prefix_unit_id
from organisations.models import Unit
from publishing.models import AdvancedModel
from reports.figures import PERCENT, TEXT, Cell, Column, Table, share
from reports.review.figures import FINAL, ReviewFigures, _period
from reports.rollup import SELF, Breakdown
from reports.selectors.awards import award_records, by_form, by_form_columns, family_label, level_label
from reports.selectors.campaigns import participant_counts, participations, reach_cells, reach_columns
from reports.selectors.cascade import plan_obligations, plans_by_unit_table, state_filter
from reports.selectors.common import records_url
from reports.selectors.publishing import advanced_models, published_articles

__all__ = ["review_figures"]


def review_figures(unit: Unit, date_from: dt.date, date_to: dt.date, kind: str = FINAL) -> ReviewFigures:
    """Every table of the report for the subtree and period, a fixed number of queries each."""
    figures = ReviewFigures(unit=unit, date_from=date_from, date_to=date_to, kind=kind)
    breakdown = Breakdown.of(unit)
    figures.tables.append(_cascade(breakdown, figures))
    figures.campaigns = _campaigns(unit, date_from, date_to)
    figures.tables.append(_reach(breakdown, figures))
    figures.tables.append(_registration(breakdown, figures))
    figures.tables.append(_awards_by_form(unit, figures))
    figures.tables.append(_awardees(unit, figures))
    figures.tables.append(_grades(breakdown, figures))
    figures.tables.append(_publishing(breakdown, figures))
    return figures


def _cascade(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    unit = breakdown.unit
    base = plan_obligations(unit, date_from=figures.date_from, date_to=figures.date_to)
    rows = breakdown.group(
        base,
        "unit__path",
        total=Count("pk"),
        done=Count("pk", filter=state_filter("done")),
        late=Count("pk", filter=state_filter("late")),
    )
    table = plans_by_unit_table("cascade", waiting=False)
    for key, child in breakdown.row_units([rows]):
        row = rows.get(key)
        if not row:
            continue
        own = 1 if key == SELF else None
        table.rows.append(
            [
                Cell(child.name),
                Cell(row["total"], link=records_url("obligations", child, own=own, **_period(figures))),
                Cell(
                    row["done"],
                    link=records_url("obligations", child, own=own, state="done", **_period(figures)),
                ),
                Cell(
                    row["late"],
                    link=records_url("obligations", child, own=own, state="late", **_period(figures)),
                ),
                Cell(share(row["done"], row["total"])),
            ]
        )
    totals = {k: sum(r.get(k, 0) for r in rows.values()) for k in ("total", "done", "late")}
    if table.rows:
        table.totals = [
            Cell(_("Total")),
            Cell(totals["total"]),
            Cell(totals["done"]),
            Cell(totals["late"]),
            Cell(share(totals["done"], totals["total"])),
        ]
    figures.facts["plans"] = totals
    figures.facts["plans_issued_by_unit"] = (
        base.filter(document__issuer_unit=unit).values("document").distinct().count()
    )
    return table


def _campaigns(unit: Unit, date_from: dt.date, date_to: dt.date) -> list:
    ids = (
        participations(unit)
        .filter(campaign__starts_on__lte=date_to, campaign__ends_on__gte=date_from)
        .values("campaign_id")
    )
    return list(Campaign.objects.filter(pk__in=ids).order_by("starts_on", "pk")[:12])


def _reach(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    table = Table(
        key="reach",
        title=_("Dissemination reach"),
        columns=[Column(_("Campaign"), TEXT), Column(_("Unit"), TEXT), *reach_columns()],
    )
    unit = breakdown.unit
    names = {child.pk: child.name for child in breakdown.children} | {unit.pk: unit.name}
    reach_facts = []
    for campaign in figures.campaigns:
        reach_rows = subtree_reach(campaign, unit)
        by_child, units_by_child = reach_rows.by_child(), reach_rows.participants_by_child()
        ordered = sorted(
            by_child.items(), key=lambda item: (item[0] == unit.path, names.get(prefix_unit_id(item[0]), ""))
        )
        for prefix, reach in ordered:
            child_id = prefix_unit_id(prefix)
            own = 1 if prefix == unit.path else None
            table.rows.append(
                [
                    Cell(campaign.name),
                    Cell(names.get(child_id, "")),
                    *reach_cells(campaign, child_id, units_by_child.get(prefix, 0), reach, own=own),
                ]
            )
        total = reach_total(campaign, unit)
        reach_facts.append((campaign, total))
    figures.facts["reach"] = reach_facts
    return table


def _registration(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    unit = breakdown.unit
    ids = [c.pk for c in figures.campaigns]
    participants = participant_counts(ids, unit)
    registered = {
        row["campaign_id"]: row
        for row in Registration.objects.filter(campaign_id__in=ids, unit__path__startswith=unit.path)
        .values("campaign_id")
        .annotate(
            units=Count("pk", filter=Q(member__isnull=True)),
            individuals=Count("pk", filter=Q(member__isnull=False)),
        )
        .order_by()
    }
    table = Table(
        key="registration",
        title=_("Registration"),
        columns=[
            Column(_("Campaign"), TEXT),
            Column(_("Units taking part")),
            Column(_("Units registered")),
            Column(_("Registered"), PERCENT),
            Column(_("Individuals registered")),
        ],
    )
    for campaign in figures.campaigns:
        n = participants.get(campaign.pk, 0)
        row: Mapping[str, Any] = registered.get(campaign.pk, {})
        table.rows.append(
            [
                Cell(campaign.name),
                Cell(n),
                Cell(row.get("units", 0)),
                Cell(share(row.get("units", 0), n)),
                Cell(row.get("individuals", 0)),
            ]
        )
    return table


def _awards_by_form(unit: Unit, figures: ReviewFigures) -> Table:
    records = award_records(unit, date_from=figures.date_from, date_to=figures.date_to)
    rows = by_form(records)
    table = Table(
        key="awards",
        title=_("Awards by form and level"),
        columns=by_form_columns(),
    )
    for info, row in rows:
        params = {"form": info.code, **_period(figures)}
        table.rows.append(
            [
                Cell(info.name),
                Cell(level_label(info.level)),
                Cell(row["collective"], link=records_url("awards", unit, holder="collective", **params)),
                Cell(row["individual"], link=records_url("awards", unit, holder="individual", **params)),
                Cell(row["total"], link=records_url("awards", unit, **params)),
            ]
        )
    totals = {k: sum(r[k] for _i, r in rows) for k in ("collective", "individual", "total")}
    if rows:
        table.totals = [
            Cell(_("Total")),
            Cell(""),
            Cell(totals["collective"]),
            Cell(totals["individual"]),
            Cell(totals["total"]),
        ]
    figures.facts["awards"] = totals
    figures.facts["awards_by_family"] = _by_family(rows)
    return table


def _by_family(rows) -> list[tuple[str, int]]:
    counts: Counter = Counter()
    for info, row in rows:
        counts[info.family] += row["total"]
    return [(family_label(family), n) for family, n in counts.most_common()]


def _awardees(unit: Unit, figures: ReviewFigures) -> Table:
    records = (
        award_records(unit, date_from=figures.date_from, date_to=figures.date_to)
        .select_related("member__unit", "unit", "form", "decision__document")
        .order_by("form__kind", "form_code", "unit_id", "pk")
    )
    table = Table(
        key="awardees",
        title=_("Collectives and individuals commended"),
        columns=[
            Column(_("No."), TEXT),
            Column(_("Collective or individual"), TEXT),
            Column(_("Unit"), TEXT),
            Column(_("Form"), TEXT),
            Column(_("Award decision"), TEXT),
        ],
    )
    collectives = [r for r in records if r.unit_id]
    individuals = [r for r in records if r.member_id]
    number = 0
    for record in collectives + individuals:
        number += 1
        decision = record.decision.number_symbol if record.decision is not None else record.decision_ref
        if record.decision_date:
            decision = f"{decision} ngày {record.decision_date:%d/%m/%Y}".strip()
        if record.unit is not None:
            holder = record.unit.name
            where = record.unit.parent.name if record.unit.parent is not None else ""
        else:
            assert record.member is not None  # a record is a collective's or an individual's
            holder, where = record.member.full_name, record.member.unit.name
        table.rows.append(
            [Cell(str(number)), Cell(holder), Cell(where), Cell(record.form.name), Cell(decision or "")]
        )
    figures.facts["collectives"] = len(collectives)
    figures.facts["individuals"] = len(individuals)
    return table


def _grades(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    """Units by grade: the yearly grading of grassroots unions (award records) and each campaign's
    grades from the clusters' rankings."""
    table = Table(
        key="grades",
        title=_("Units by grade"),
        columns=[Column(_("Graded in"), TEXT), Column(_("Grade"), TEXT), Column(_("Number of units"))],
    )
    unit = breakdown.unit
    for info, row in by_form(
        award_records(unit, grading=True, date_from=figures.date_from, date_to=figures.date_to)
    ):
        table.rows.append(
            [
                Cell(_("Yearly grading of grassroots unions")),
                Cell(info.name),
                Cell(
                    row["total"],
                    link=records_url("awards", unit, form=info.code, grading=1, **_period(figures)),
                ),
            ]
        )
    if figures.campaigns:
        for campaign in figures.campaigns:
            grades: Counter = Counter()
            for board in leaderboards(campaign, campaign_clusters(campaign, unit)):
                for ranked in board.rows:
                    if ranked.standing.confirmed:
                        grades[ranked.grade or _("Below every grade")] += 1
            order = {name: i for i, name in enumerate(campaign.grade_bands.values_list("name", flat=True))}
            for grade, n in sorted(grades.items(), key=lambda item: order.get(item[0], 99)):
                table.rows.append(
                    [
                        Cell(campaign.name),
                        Cell(grade),
                        Cell(n, link=records_url("ranking", unit, campaign=campaign.pk, level=grade)),
                    ]
                )
    return table


def _publishing(breakdown: Breakdown, figures: ReviewFigures) -> Table:
    unit = breakdown.unit
    articles = breakdown.group(
        published_articles(unit, date_from=figures.date_from, date_to=figures.date_to),
        "unit__path",
        n=Count("pk"),
    )
    recognised = [AdvancedModel.Stage.RECOGNISED, AdvancedModel.Stage.REPLICATING]
    models = breakdown.group(
        advanced_models(unit, date_from=figures.date_from, date_to=figures.date_to),
        "unit__path",
        n=Count("pk"),
        recognised=Count("pk", filter=Q(stage__in=recognised)),
    )
    table = Table(
        key="publishing",
        title=_("Advanced models and news"),
        columns=[
            Column(_("Unit"), TEXT),
            Column(_("Articles published")),
            Column(_("Advanced models found")),
            Column(_("Recognised or being replicated")),
        ],
    )
    for key, child in breakdown.row_units([articles, models]):
        a, m = articles.get(key, {}).get("n", 0), models.get(key, {})
        if not a and not m:
            continue
        table.rows.append([Cell(child.name), Cell(a), Cell(m.get("n", 0)), Cell(m.get("recognised", 0))])
    totals = [sum(r[i].value for r in table.rows) for i in (1, 2, 3)]
    if table.rows:
        table.totals = [Cell(_("Total"))] + [Cell(v) for v in totals]
    figures.facts["articles"], figures.facts["models"], figures.facts["models_recognised"] = totals
    return table
