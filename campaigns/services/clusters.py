"""Clusters and blocks: members, the rotating lead, next year's cluster and the flag proposal."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from accounts import permissions
from campaigns.models import Campaign, Cluster, ClusterFlagProposal, ClusterMembership
from organisations.models import Unit

__all__ = [
    "create_cluster",
    "next_leaders",
    "propose_cluster_flag",
    "roll_cluster_forward",
    "set_cluster_leaders",
    "withdraw_flag_proposal",
]


def _check_members(
    organiser: Unit, year: int, units: list[Unit], exclude_cluster: Cluster | None = None
) -> None:
    if len({u.pk for u in units}) != len(units):
        raise ValidationError({"units": _("A unit is listed twice.")})
    if len(units) < 2:
        raise ValidationError({"units": _("A cluster needs at least two units.")})
    for unit in units:
        if not unit.path.startswith(organiser.path) or unit.pk == organiser.pk:
            raise ValidationError(
                {
                    "units": _("%(unit)s is not under %(organiser)s.")
                    % {"unit": unit.display_name, "organiser": organiser.display_name}
                }
            )
    taken = (
        ClusterMembership.objects.filter(cluster__year=year, unit__in=units)
        .exclude(cluster=exclude_cluster)
        .select_related("unit", "cluster")
        .first()
    )
    if taken is not None:
        raise ValidationError(
            {
                "units": _("%(unit)s is already in %(cluster)s for %(year)s.")
                % {"unit": taken.unit.display_name, "cluster": taken.cluster.name, "year": year}
            }
        )


def _check_leaders(units: list[Unit], lead: Unit | None, deputy: Unit | None) -> None:
    ids = {u.pk for u in units}
    if lead is not None and lead.pk not in ids:
        raise ValidationError({"lead_unit": _("The lead unit must be a member of the cluster.")})
    if deputy is not None and deputy.pk not in ids:
        raise ValidationError({"deputy_unit": _("The deputy lead unit must be a member of the cluster.")})
    if lead is not None and deputy is not None and lead.pk == deputy.pk:
        raise ValidationError({"deputy_unit": _("The lead and the deputy lead must be different units.")})


@transaction.atomic
def create_cluster(
    *,
    actor,
    organiser: Unit,
    name: str,
    year: int,
    units: list[Unit],
    kind: str = Cluster.Kind.CLUSTER,
    scoring_mode: str = Cluster.ScoringMode.PEER_MEAN,
    lead: Unit | None = None,
    deputy: Unit | None = None,
    previous: Cluster | None = None,
) -> Cluster:
    """Group peer units for a year; their order in `units` is the rotation order of the lead."""
    if not permissions.can_organise_campaigns(actor, organiser):
        raise PermissionDenied(_("You may only organise clusters for units in your scope."))
    if not name or not name.strip():
        raise ValidationError({"name": _("Give the cluster a name.")})
    if Cluster.objects.filter(organiser=organiser, year=year, name=name.strip()).exists():
        raise ValidationError(
            {"name": _("There is already a cluster with this name for %(year)s.") % {"year": year}}
        )
    _check_members(organiser, year, units)
    _check_leaders(units, lead, deputy)
    cluster = Cluster(
        organiser=organiser,
        name=name.strip(),
        year=year,
        kind=kind,
        scoring_mode=scoring_mode,
        lead_unit=lead,
        deputy_unit=deputy,
        previous=previous,
    )
    cluster._history_user = actor
    cluster.save()
    ClusterMembership.objects.bulk_create(
        [
            ClusterMembership(cluster=cluster, unit=unit, rotation_order=i)
            for i, unit in enumerate(units, start=1)
        ]
    )
    return cluster


@transaction.atomic
def set_cluster_leaders(*, actor, cluster: Cluster, lead: Unit | None, deputy: Unit | None) -> Cluster:
    cluster = Cluster.objects.select_for_update(of=("self",)).select_related("organiser").get(pk=cluster.pk)
    if not permissions.can_manage_cluster(actor, cluster):
        raise PermissionDenied
    units = [m.unit for m in cluster.memberships.select_related("unit")]
    _check_leaders(units, lead, deputy)
    cluster.lead_unit = lead
    cluster.deputy_unit = deputy
    cluster._history_user = actor
    cluster.save()
    return cluster


def next_leaders(cluster: Cluster) -> tuple[Unit | None, Unit | None]:
    """Next year's lead and deputy by rotation order: the unit after this year's lead leads, the
    one after it deputises (wrapping round). Without a lead this year, the first two in order."""
    units = [m.unit for m in cluster.memberships.select_related("unit").order_by("rotation_order")]
    if not units:
        return None, None
    ids = [u.pk for u in units]
    start = (ids.index(cluster.lead_unit_id) + 1) % len(units) if cluster.lead_unit_id in ids else 0
    lead = units[start]
    deputy = units[(start + 1) % len(units)] if len(units) > 1 else None
    return lead, deputy


@transaction.atomic
def roll_cluster_forward(*, actor, cluster: Cluster) -> Cluster:
    """Next year's cluster: the same members in the same order, the lead passed on by rotation."""
    cluster = Cluster.objects.select_related("organiser").get(pk=cluster.pk)
    if not permissions.can_manage_cluster(actor, cluster):
        raise PermissionDenied
    if Cluster.objects.filter(previous=cluster).exists():
        raise ValidationError(
            _("%(name)s already has a cluster for %(year)s.")
            % {"name": cluster.name, "year": cluster.year + 1}
        )
    lead, deputy = next_leaders(cluster)
    units = [m.unit for m in cluster.memberships.select_related("unit").order_by("rotation_order")]
    return create_cluster(
        actor=actor,
        organiser=cluster.organiser,
        name=cluster.name,
        year=cluster.year + 1,
        units=units,
        kind=cluster.kind,
        scoring_mode=cluster.scoring_mode,
        lead=lead,
        deputy=deputy,
        previous=cluster,
    )


@transaction.atomic
def propose_cluster_flag(
    *, actor, cluster: Cluster, campaign: Campaign, unit: Unit, reason: str
) -> ClusterFlagProposal:
    """The lead unit proposes which member receives the cluster's emulation flag (Cờ thi đua)."""
    cluster = (
        Cluster.objects.select_for_update(of=("self",))
        .select_related("lead_unit", "organiser")
        .get(pk=cluster.pk)
    )
    if not permissions.can_propose_cluster_flag(actor, cluster):
        raise PermissionDenied(_("Only the cluster's lead unit proposes its emulation flag."))
    if cluster.year != campaign.year:
        raise ValidationError(_("The cluster is for %(year)s; the campaign is not.") % {"year": cluster.year})
    if not cluster.memberships.filter(unit=unit).exists():
        raise ValidationError(
            {"unit": _("%(unit)s is not a member of the cluster.") % {"unit": unit.display_name}}
        )
    if not reason or not reason.strip():
        raise ValidationError({"reason": _("Give the reason for the proposal.")})
    open_proposal = ClusterFlagProposal.objects.filter(
        cluster=cluster, campaign=campaign, status=ClusterFlagProposal.Status.PROPOSED
    ).first()
    if open_proposal is not None:
        raise ValidationError(
            _("%(unit)s is already proposed; withdraw that proposal first.")
            % {"unit": open_proposal.unit.display_name}
        )
    proposal = ClusterFlagProposal(
        cluster=cluster, campaign=campaign, unit=unit, reason=reason.strip(), proposed_by=actor
    )
    proposal._history_user = actor
    proposal.save()
    return proposal


@transaction.atomic
def withdraw_flag_proposal(*, actor, proposal: ClusterFlagProposal) -> ClusterFlagProposal:
    proposal = (
        ClusterFlagProposal.objects.select_for_update(of=("self",))
        .select_related("cluster__lead_unit", "cluster__organiser")
        .get(pk=proposal.pk)
    )
    if not permissions.can_propose_cluster_flag(actor, proposal.cluster):
        raise PermissionDenied
    if proposal.status != ClusterFlagProposal.Status.PROPOSED:
        raise ValidationError(_("Only an open proposal can be withdrawn."))
    proposal.status = ClusterFlagProposal.Status.WITHDRAWN
    proposal._history_user = actor
    proposal.save(update_fields=["status"])
    return proposal
