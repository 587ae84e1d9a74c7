"""The year's campaigns: those the subtree takes part in, their registration, reach and plans."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from campaigns.models import Registration
from campaigns.selectors.reach import Reach, participants_and_reach_by_campaign
from documents import tallies
from documents.models import Obligation
from reports.figures import PERCENT, TEXT, Cell, Column, Table
from reports.rollup import Breakdown
from reports.selectors.campaigns.common import _campaign_context, campaign_url
from reports.selectors.cascade import state_filter
from reports.selectors.common import Figure, Section, Stat, records_url

__all__ = ["campaigns_section"]


def campaigns_section(breakdown: Breakdown, year: int | None) -> Section | None:
    campaigns, focus, progress = _campaign_context(breakdown, year)
    if not campaigns:
        return None
    unit = breakdown.unit
    # the focus campaign's participants, registrations and reach are already read by its progress
    # (its reach's total is the children's sum); the other campaigns' are read here
    others = [c for c in campaigns if not (progress and focus and c.pk == focus.pk)]
    totals = participants_and_reach_by_campaign(others, unit)
    participants = {pk: units for pk, (units, _reach) in totals.items()}
    reaches = {pk: reach for pk, (_units, reach) in totals.items()}
    registered = _registered(others, unit)
    if progress and focus:
        participants[focus.pk] = progress.subtree_participants
        registered[focus.pk] = progress.subtree_registered
        reaches[focus.pk] = progress.total.reach
    plans, below = _plans(campaigns, focus, unit)
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
            Column(_("Share of members reached"), PERCENT),
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
    if focus is not None and focus.launching_document_id and below["total"]:
        section.stats.append(
            Stat(
                below["open"],
                _("units have not issued their plan for “%(c)s”") % {"c": Truncator(focus.name).chars(80)},
                records_url("obligations", unit, document=focus.launching_document_id, state="open", under=1),
                tone="bad" if below["open"] else "good",
                key="plans_not_issued",
            )
        )
    return section


def _registered(campaigns: list, unit) -> dict[int, int]:
    """The subtree's unit registrations in each campaign (one query; none for no campaign)."""
    if not campaigns:
        return {}
    return dict(
        Registration.objects.filter(
            campaign_id__in=[c.pk for c in campaigns], member__isnull=True, unit__path__startswith=unit.path
        )
        .values("campaign_id")
        .annotate(n=Count("pk"))
        .order_by()
        .values_list("campaign_id", "n")
    )


def _plans(campaigns: list, focus, unit) -> tuple[dict[int, dict], dict[str, int]]:
    """The plans asked of the subtree's units by each campaign's launching document ({document id:
    {total, done}}), and, in the same query, the focus campaign's plans asked of the units below the
    unit (`plan_obligations(unit, document=…, under=True)`: counted, and the unit is not its own
    subordinate) with those not issued ({total, open})."""
    documents = [c.launching_document_id for c in campaigns if c.launching_document_id]
    below = {"total": 0, "open": 0}
    if not documents:
        return {}, below
    counts = {"total": Count("pk"), "done": Count("pk", filter=Q(fulfilled_at__isnull=False))}
    focus_document = focus.launching_document_id if focus is not None else None
    if focus_document:
        asked_below = tallies.counted() & Q(document_id=focus_document) & ~Q(unit=unit)
        counts["below_total"] = Count("pk", filter=asked_below)
        counts["below_open"] = Count("pk", filter=asked_below & state_filter("open"))
    rows = (
        Obligation.objects.filter(
            document_id__in=documents, unit__path__startswith=unit.path, requires_plan=True
        )
        .values("document_id")
        .annotate(**counts)
        .order_by()
    )
    plans: dict[int, dict] = {}
    for row in rows:
        counted: dict[str, Any] = dict(row)
        below["total"] += counted.pop("below_total", 0)
        below["open"] += counted.pop("below_open", 0)
        plans[counted["document_id"]] = counted
    return plans, below
