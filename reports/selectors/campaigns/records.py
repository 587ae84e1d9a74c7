"""The records behind the campaign figures: the drill-down lists and their rows."""

from __future__ import annotations

from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from campaigns.models import Campaign, DisseminationSession, Participant, Registration, ScoreSheet
from campaigns.selectors.reach import ParticipantReach, Reach, participant_reach
from campaigns.selectors.scoring import campaign_clusters, leaderboards
from organisations.models import Unit
from reports.figures import DECIMAL, PERCENT, Cell, Column, share, text_columns
from reports.selectors.campaigns.common import campaign_url
from reports.selectors.common import Filters, RecordKind
from reports.selectors.organisation import unit_cell

__all__ = ["RankingRows", "record_kinds"]


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


def _reach_totals(records) -> list[Cell]:
    """The whole list's figures: its units, and the members in scope and reached across them (what
    the dashboard's reach cells show, each under the same words as here)."""
    total = records.total() if isinstance(records, ParticipantReach) else Reach()
    units = len(records)
    return [
        Cell(ngettext("Total: %(n)s unit", "Total: %(n)s units", units) % {"n": units}),
        Cell(total.scope),
        Cell(total.reported),
        Cell(total.reached),
        Cell(total.ratio),
        Cell(total.sessions),
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
    unit = _("Unit")
    return {
        "participants": RecordKind(
            _("Units taking part"),
            text_columns(unit, _("Campaign"), _("Joined on")),
            _participants,
            _participant_row,
            _describe,
        ),
        "registrations": RecordKind(
            _("Registrations"),
            text_columns(unit, _("Member"), _("Aimed title"), _("Status"), _("Submitted on")),
            _registrations,
            _registration_row,
            _describe,
        ),
        # a list of units whose figures are members: the heading counts units, the totals the members
        "reach": RecordKind(
            _("Dissemination reach by participating unit"),
            [
                *text_columns(unit),
                Column(_("Members in scope")),
                Column(_("Reported reached (not capped)")),
                Column(_("Members reached")),
                Column(_("Share of members reached"), PERCENT),
                Column(_("Sessions")),
            ],
            _reach,
            _reach_row,
            _describe,
            totals=_reach_totals,
            counted=lambda n: ngettext("unit", "units", n),
        ),
        "sessions": RecordKind(
            _("Dissemination sessions"),
            [*text_columns(_("Session date"), unit, _("Topic"), _("Form")), Column(_("People reached"))],
            _sessions,
            _session_row,
            _describe,
        ),
        "sheets": RecordKind(
            _("Score sheets submitted"),
            text_columns(unit, _("Submitted on")),
            _sheets,
            _sheet_row,
            _describe,
        ),
        "ranking": RecordKind(
            _("Cluster ranking"),
            [
                *text_columns(_("Cluster"), _("Rank"), unit),
                Column(_("Score"), DECIMAL),
                *text_columns(_("Grade"), _("Criteria confirmed")),
            ],
            _ranking,
            _ranking_row,
            _describe,
        ),
    }
