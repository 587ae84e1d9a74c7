"""Campaigns: organising, registration, review reports, scoring and clusters."""

from accounts.permissions.documents import can_act_for_unit
from accounts.permissions.organisations import can_manage_shared_settings
from accounts.permissions.roles import ALL_ROLES, MANAGE_ROLES, has_role, scope_paths

__all__ = [
    "can_confirm_score",
    "can_manage_campaign",
    "can_manage_cluster",
    "can_manage_criteria_templates",
    "can_open_review_round",
    "can_organise_campaigns",
    "can_peer_score",
    "can_propose_cluster_flag",
    "can_review_registration",
    "can_review_unit_work",
    "can_view_campaign",
    "can_write_review_report",
]


def _parent_path(unit) -> str:
    """The parent's path from the unit's own ("/1/7/42/" -> "/1/7/"), without a query."""
    return unit.path[: unit.path.rstrip("/").rfind("/") + 1]


def can_organise_campaigns(user, unit) -> bool:
    """Create campaigns and clusters in a unit's name: its officers and administrators."""
    return has_role(user, MANAGE_ROLES, unit)


def can_manage_campaign(user, campaign) -> bool:
    """Edit and launch a campaign, its criteria and review rounds: officers of the organiser."""
    return can_organise_campaigns(user, campaign.organiser)


def can_open_review_round(user, campaign) -> bool:
    """Open a periodic review round: the campaign's managers, once it is launched."""
    return campaign.is_launched and can_manage_campaign(user, campaign)


def can_write_review_report(user, campaign, unit, report) -> bool:
    """Write a unit's review report (`report` is None before the first draft): officers over the
    unit, while the campaign runs and the report is still a draft."""
    return (
        campaign.is_launched
        and can_act_for_unit(user, unit)
        and (report is None or report.status == report.Status.DRAFT)
    )


def can_manage_criteria_templates(user) -> bool:
    """Criteria templates are shared by every campaign: administrators of the tree's top."""
    return can_manage_shared_settings(user)


def can_view_campaign(user, campaign) -> bool:
    """Anyone with a role over the organiser or over part of the participating subtree."""
    root = campaign.root_unit.path
    return has_role(user, ALL_ROLES, campaign.organiser) or any(
        root.startswith(path) or path.startswith(root) for path in scope_paths(user)
    )


def can_review_unit_work(user, unit) -> bool:
    """Approve a unit's registration and confirm its scores: the level above (officers over its
    parent), never the unit's own officers."""
    parent_path = _parent_path(unit)
    return bool(parent_path) and any(parent_path.startswith(path) for path in scope_paths(user, MANAGE_ROLES))


def can_review_registration(user, registration) -> bool:
    """A unit's registration goes to the level above; a member's to the officers of the member's unit."""
    if registration.member_id:
        return can_act_for_unit(user, registration.unit)
    return can_review_unit_work(user, registration.unit)


def can_peer_score(user, scorer_unit, scored_unit, cluster_unit_ids) -> bool:
    """Cross-scoring: an officer acting for one member of the cluster scores another member."""
    return (
        scorer_unit.pk != scored_unit.pk
        and scorer_unit.pk in cluster_unit_ids
        and scored_unit.pk in cluster_unit_ids
        and can_act_for_unit(user, scorer_unit)
        and not can_act_for_unit(user, scored_unit)  # nobody scores their own unit as a peer
    )


def can_confirm_score(user, unit, cluster=None) -> bool:
    """Confirm (and lock) a unit's scores: the level above, or the officers of its cluster's
    lead unit when the unit is not the lead itself."""
    if can_review_unit_work(user, unit):
        return True
    lead = getattr(cluster, "lead_unit", None)
    return (
        lead is not None
        and lead.pk != unit.pk
        and can_act_for_unit(user, lead)
        and not can_act_for_unit(user, unit)
    )


def can_manage_cluster(user, cluster) -> bool:
    """Set a cluster's members, lead and rotation: officers of the unit that organises it."""
    return can_organise_campaigns(user, cluster.organiser)


def can_propose_cluster_flag(user, cluster) -> bool:
    """The lead unit proposes its cluster's emulation flag; the organiser may do it for it."""
    lead = cluster.lead_unit
    return (lead is not None and can_act_for_unit(user, lead)) or can_manage_cluster(user, cluster)
