"""Campaigns in numbers: those of the year and in progress, then, for one campaign, the
dissemination reach, registration and scoring under each child unit, and the clusters'
rankings.

Built on the campaigns app's own roll-ups (`campaign_progress`, `reach_by_child`,
`leaderboards`): the rules of reach (capped at the people in scope), registration and ranking
live there; this module only arranges their figures and the links to the records behind them.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from campaigns.models import Campaign, DisseminationSession, Participant, Registration, ScoreSheet
from campaigns.selectors.progress import ProgressRow, campaign_progress
from campaigns.selectors.reach import Reach, participant_reach, reach_by_campaign
from campaigns.selectors.scoring import campaign_clusters, leaderboards
from documents.models import Obligation
from organisations.models import Unit
from reports.charts import Bar, bar_chart
from reports.figures import DECIMAL, PERCENT, TEXT, Cell, Column, Table, share
from reports.formatting import percent
from reports.rollup import SELF, Breakdown
from reports.selectors.common import Figure, Filters, RecordKind, Section, Stat, records_url
from reports.selectors.organisation import unit_cell

CAMPAIGNS_SHOWN = 8


def campaign_url(campaign: Campaign) -> str:
    return reverse("campaigns:campaign", args=[campaign.pk])


def participations(unit: Unit) -> QuerySet[Participant]:
    """Participations of the subtree's units in launched (or closed) campaigns."""
    return Participant.objects.filter(unit__path__startswith=unit.path).exclude(
        campaign__status=Campaign.Status.DRAFT
    )


def year_campaigns(unit: Unit, year: int) -> list[Campaign]:
    """Campaigns that units of the subtree take part in and that run during the year, newest first."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    ids = (
        participations(unit)
        .filter(campaign__starts_on__lte=end, campaign__ends_on__gte=start)
        .values("campaign_id")
    )
    return list(
        Campaign.objects.filter(pk__in=ids)
        .select_related("organiser", "root_unit", "launching_document")
        .order_by("-starts_on", "-pk")[:CAMPAIGNS_SHOWN]
    )


def focus_campaign(campaigns: list[Campaign], wanted: int | None = None) -> Campaign | None:
    """The campaign the per-unit figures are about: the one asked for, else the first running one."""
    if wanted:
        chosen = next((c for c in campaigns if c.pk == wanted), None)
        if chosen:
            return chosen
    today = timezone.localdate()
    running = [c for c in campaigns if c.is_launched and c.starts_on <= today <= c.ends_on]
    return next(iter(running or campaigns), None)


def builders() -> list:
    return [campaigns_section, reach_section, registration_section, rankings_section]


def _campaign_context(breakdown: Breakdown, year: int | None):
    """The year's campaigns and the focus campaign, computed once per dashboard."""
    cached = getattr(breakdown, "_campaigns", None)
    if cached is None:
        campaigns = year_campaigns(breakdown.unit, year) if year else []
        focus = focus_campaign(campaigns, breakdown.campaign_id)
        progress = campaign_progress(focus, breakdown.unit) if focus else None
        cached = (campaigns, focus, progress)
        breakdown._campaigns = cached  # type: ignore[attr-defined]
    return cached


def _progress_by_key(progress) -> dict[int, ProgressRow]:
    return {(SELF if row.is_root else row.unit.pk): row for row in progress.rows} if progress else {}


# The year's campaigns ----------------------------------------------------------------------


def campaigns_section(breakdown: Breakdown, year: int | None) -> Section | None:
    campaigns, focus, progress = _campaign_context(breakdown, year)
    if not campaigns:
        return None
    unit = breakdown.unit
    ids = [c.pk for c in campaigns]
    participants = dict(
        Participant.objects.filter(campaign_id__in=ids, unit__path__startswith=unit.path)
        .values("campaign_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("campaign_id", "n")
    )
    registered = dict(
        Registration.objects.filter(
            campaign_id__in=ids, member__isnull=True, unit__path__startswith=unit.path
        )
        .values("campaign_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("campaign_id", "n")
    )
    plans = {
        row["document_id"]: row
        for row in Obligation.objects.filter(
            document_id__in=[c.launching_document_id for c in campaigns if c.launching_document_id],
            unit__path__startswith=unit.path,
            requires_plan=True,
        )
        .values("document_id")
        .annotate(total=Count("pk"), done=Count("pk", filter=Q(fulfilled_at__isnull=False)))
        .order_by()
    }
    # the focus campaign's reach is already rolled up by child (its total is their sum); the others' in one query
    reaches = reach_by_campaign([c for c in campaigns if not (progress and focus and c.pk == focus.pk)], unit)
    if progress and focus:
        reaches[focus.pk] = progress.total.reach
    today = timezone.localdate()
    table = Table(
        key="campaigns",
        title=_("Campaigns of %(year)s") % {"year": year},
        columns=[
            Column(_("Campaign"), TEXT),
            Column(_("Period"), TEXT),
            Column(_("Status"), TEXT),
            Column(_("Units taking part")),
            Column(_("Registered")),
            Column(_("Reach"), PERCENT),
            Column(_("Plans issued")),
            Column(_("Plans asked")),
        ],
    )
    running = 0
    for campaign in campaigns:
        in_progress = campaign.is_launched and campaign.starts_on <= today <= campaign.ends_on
        running += in_progress
        reach = reaches.get(campaign.pk, Reach())
        plan: Mapping[str, Any] = plans.get(campaign.launching_document_id, {})
        document = campaign.launching_document_id
        status = _("in progress") if in_progress else campaign.get_status_display()
        table.rows.append(
            [
                Cell(campaign.name, link=campaign_url(campaign)),
                Cell(f"{campaign.starts_on:%d/%m/%Y} – {campaign.ends_on:%d/%m/%Y}"),
                Cell(status, css="good" if in_progress else ""),
                Cell(
                    participants.get(campaign.pk, 0),
                    link=records_url("participants", unit, campaign=campaign.pk),
                ),
                Cell(
                    registered.get(campaign.pk, 0),
                    link=records_url("registrations", unit, campaign=campaign.pk),
                ),
                Cell(reach.ratio, link=records_url("reach", unit, campaign=campaign.pk)),
                Cell(
                    plan.get("done", 0),
                    link=records_url("obligations", unit, document=document, state="done")
                    if document
                    else "",
                ),
                Cell(
                    plan.get("total", 0),
                    link=records_url("obligations", unit, document=document) if document else "",
                ),
            ]
        )
    section = Section(
        key="campaigns",
        title=_("Campaigns"),
        figures=[Figure(table)],
        links=[(_("Campaigns"), reverse("campaigns:index"))],
    )
    section.stats = [
        Stat(running, _("campaigns in progress"), glance=0),
        Stat(len(campaigns), _("campaigns in %(year)s") % {"year": year}, glance=1),
    ]
    if focus is not None and focus.launching_document_id:
        plan = plans.get(focus.launching_document_id, {})
        not_issued = plan.get("total", 0) - plan.get("done", 0)
        section.stats.append(
            Stat(
                not_issued,
                _("units have not issued their plan for “%(c)s”") % {"c": Truncator(focus.name).chars(60)},
                records_url("obligations", unit, document=focus.launching_document_id, state="open"),
                tone="bad" if not_issued else "good",
                key="plans_not_issued",
            )
        )
    return section


# Reach -------------------------------------------------------------------------------------


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
            Column(_("People in scope")),
            Column(_("Reached")),
            Column(_("Share reached"), PERCENT),
            Column(_("Sessions")),
            Column(_("Units below %(t)s%%") % {"t": campaign.reach_threshold}),
        ],
        note=_(
            "People in scope are the active members of the participating units; a unit's reached "
            "count is capped at its people in scope."
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
                Cell(row.reach.scope, link=link),
                Cell(row.reach.reached, link=link),
                Cell(ratio, css="bad" if ratio is not None and ratio < threshold else ""),
                Cell(row.reach.sessions, link=records_url("sessions", child, campaign=campaign.pk, own=own)),
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
        )
        if breakdown.children and bars
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


# Registration ------------------------------------------------------------------------------


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


# Rankings ----------------------------------------------------------------------------------


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


# Drill-down lists ----------------------------------------------------------------------------


def _campaign_of(f: Filters) -> Campaign | None:
    return Campaign.objects.filter(pk=f.campaign).first() if f.campaign else None


def _scope(queryset, unit: Unit, own: bool, path: str = "unit__path"):
    return queryset.filter(unit=unit) if own else queryset.filter(**{f"{path}__startswith": unit.path})


def _participants(unit: Unit, f: Filters):
    queryset = _scope(Participant.objects.exclude(campaign__status=Campaign.Status.DRAFT), unit, f.own)
    if f.campaign:
        queryset = queryset.filter(campaign_id=f.campaign)
    if f.year:
        queryset = queryset.filter(campaign__starts_on__year=f.year)
    if f.registered == "no":
        registered = Registration.objects.filter(campaign=f.campaign, member__isnull=True).values("unit_id")
        queryset = queryset.exclude(unit_id__in=registered)
    elif f.registered == "yes":
        registered = Registration.objects.filter(campaign=f.campaign, member__isnull=True).values("unit_id")
        queryset = queryset.filter(unit_id__in=registered)
    return queryset.select_related("unit", "campaign").order_by("unit__path", "campaign_id")


def _participant_row(participant) -> list[Cell]:
    return [
        unit_cell(participant.unit, participant.unit.pk, participant.campaign.year),
        Cell(participant.campaign.name, link=campaign_url(participant.campaign)),
        Cell(participant.joined_on.strftime("%d/%m/%Y")),
    ]


def _registrations(unit: Unit, f: Filters):
    queryset = _scope(Registration.objects.filter(campaign=f.campaign), unit, f.own)
    queryset = queryset.filter(member__isnull=f.holder != "individual")
    return queryset.select_related("unit", "member").order_by("unit__path", "pk")


def _registration_row(registration) -> list[Cell]:
    return [
        unit_cell(registration.unit, registration.unit.pk, None),
        Cell(registration.member.full_name if registration.member_id else "—"),
        Cell(registration.title_label or "—"),
        Cell(registration.get_status_display()),
        Cell(timezone.localtime(registration.submitted_at).strftime("%d/%m/%Y")),
    ]


def _reach(unit: Unit, f: Filters):
    campaign = _campaign_of(f)
    if campaign is None:
        return Participant.objects.none()
    return participant_reach(campaign, unit, own=bool(f.own), below=bool(f.below))


def _reach_row(participant) -> list[Cell]:
    return [
        unit_cell(participant.unit, participant.unit.pk, None),
        Cell(participant.unit_scope),
        Cell(participant.unit_reported),
        Cell(participant.unit_reached),
        Cell(
            share(participant.unit_reached, participant.unit_scope),
            css="bad" if participant.unit_below else "",
        ),
        Cell(participant.unit_sessions),
    ]


def _sessions(unit: Unit, f: Filters):
    queryset = _scope(DisseminationSession.objects.filter(campaign=f.campaign), unit, f.own)
    return queryset.select_related("unit").order_by("-held_on", "pk")


def _session_row(session) -> list[Cell]:
    return [
        Cell(session.held_on.strftime("%d/%m/%Y")),
        unit_cell(session.unit, session.unit.pk, None),
        Cell(session.topic),
        Cell(session.get_form_display()),
        Cell(session.participants),
    ]


def _sheets(unit: Unit, f: Filters):
    queryset = _scope(
        ScoreSheet.objects.filter(campaign=f.campaign, status=ScoreSheet.Status.SUBMITTED), unit, f.own
    )
    return queryset.select_related("unit").order_by("unit__path")


def _sheet_row(sheet) -> list[Cell]:
    return [
        unit_cell(sheet.unit, sheet.unit.pk, None),
        Cell(timezone.localtime(sheet.submitted_at).strftime("%d/%m/%Y") if sheet.submitted_at else "—"),
    ]


class RankingRows(list):
    """A ranking is computed, not queried: a list that answers `count()` like a queryset."""

    def count(self) -> int:  # type: ignore[override]
        return len(self)


def _ranking(unit: Unit, f: Filters):
    campaign = _campaign_of(f)
    if campaign is None:
        return RankingRows()
    clusters = campaign_clusters(campaign, unit)
    if f.cluster:
        clusters = clusters.filter(pk=f.cluster)
    rows = RankingRows()
    for board in leaderboards(campaign, clusters):
        for ranked in board.rows:
            if f.level and (ranked.grade or _("Below every grade")) != f.level:
                continue
            if f.level and not ranked.standing.confirmed:
                continue
            rows.append((board.cluster, ranked))
    return rows


def _ranking_row(item) -> list[Cell]:
    cluster, ranked = item
    return [
        Cell(cluster.name),
        Cell(str(ranked.position) + (" =" if ranked.tied else "")),
        Cell(ranked.standing.name),
        Cell(ranked.standing.total),
        Cell(ranked.grade or "—"),
        Cell(f"{ranked.standing.confirmed}/{ranked.standing.expected}"),
    ]


def _describe(f: Filters) -> list[str]:
    campaign = _campaign_of(f)
    parts = [campaign.name] if campaign else []
    if f.registered == "no":
        parts.append(_("not registered"))
    if f.below:
        parts.append(_("below the reach threshold"))
    if f.holder == "individual":
        parts.append(_("individuals"))
    if f.level:
        parts.append(f.level)
    return parts


def record_kinds() -> dict[str, RecordKind]:
    unit_col = Column(_("Unit"), TEXT)
    return {
        "participants": RecordKind(
            _("Units taking part"),
            [unit_col, Column(_("Campaign"), TEXT), Column(_("Joined on"), TEXT)],
            _participants,
            _participant_row,
            _describe,
        ),
        "registrations": RecordKind(
            _("Registrations"),
            [
                unit_col,
                Column(_("Member"), TEXT),
                Column(_("Aimed title"), TEXT),
                Column(_("Status"), TEXT),
                Column(_("Submitted on"), TEXT),
            ],
            _registrations,
            _registration_row,
            _describe,
        ),
        "reach": RecordKind(
            _("Dissemination reach of units"),
            [
                unit_col,
                Column(_("People in scope")),
                Column(_("Reported reached")),
                Column(_("Reached (capped)")),
                Column(_("Share reached"), PERCENT),
                Column(_("Sessions")),
            ],
            _reach,
            _reach_row,
            _describe,
        ),
        "sessions": RecordKind(
            _("Dissemination sessions"),
            [
                Column(_("Session date"), TEXT),
                unit_col,
                Column(_("Topic"), TEXT),
                Column(_("Form"), TEXT),
                Column(_("People reached")),
            ],
            _sessions,
            _session_row,
            _describe,
        ),
        "sheets": RecordKind(
            _("Score sheets submitted"),
            [unit_col, Column(_("Submitted on"), TEXT)],
            _sheets,
            _sheet_row,
            _describe,
        ),
        "ranking": RecordKind(
            _("Cluster ranking"),
            [
                Column(_("Cluster"), TEXT),
                Column(_("Rank"), TEXT),
                unit_col,
                Column(_("Score"), DECIMAL),
                Column(_("Grade"), TEXT),
                Column(_("Criteria confirmed"), TEXT),
            ],
            _ranking,
            _ranking_row,
            _describe,
        ),
    }
