"""Which campaigns and units of a campaign a user sees."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from accounts.permissions import managed_units, scope_paths, visible_units
from campaigns.models import Campaign, ClusterMembership, Participant
from organisations.models import Unit, UnitQuerySet

__all__ = [
    "campaign_units",
    "participant_units",
    "peer_units",
    "scope_root",
    "scoring_units",
    "visible_campaigns",
]


def _in_scope(field: str, paths: list[str]) -> Q:
    """`field` (a unit's path) lies in one of the subtrees."""
    query = Q(pk__in=[])
    for path in paths:
        query |= Q(**{f"{field}__startswith": path})
    return query


def visible_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns organised by a unit in the user's scope, or launched to one: a unit in scope
    takes part, or the user's scope is inside the participating subtree.

    The scope is tested on the joined unit's path (not `unit IN (units in scope)`): PostgreSQL
    would otherwise read every unit of a province's scope to answer for one campaign."""
    paths = scope_paths(user)
    takes_part = Participant.objects.filter(_in_scope("unit__path", paths), campaign=OuterRef("pk"))
    return Campaign.objects.filter(
        _in_scope("organiser__path", paths) | (~Q(status=Campaign.Status.DRAFT) & Exists(takes_part))
    )


def campaign_units(user, campaign: Campaign) -> QuerySet[Unit]:
    """Units of the participating subtree the user may open the campaign page at."""
    return visible_units(user).filter(path__startswith=campaign.root_unit.path)


def scope_root(user, campaign: Campaign) -> Unit | None:
    """Where the campaign page opens: the participating root when the user sees all of it, or
    the highest unit of the user's scope inside it."""
    root = campaign.root_unit
    paths = scope_paths(user)
    if any(root.path.startswith(path) for path in paths):
        return root
    inside = sorted((p for p in paths if p.startswith(root.path)), key=lambda p: (p.count("/"), p))
    if not inside:
        return None
    return Unit.objects.filter(path=inside[0]).first()


def participant_units(campaign: Campaign, root: Unit) -> UnitQuerySet:
    return Unit.objects.filter(path__startswith=root.path, campaign_participations__campaign=campaign)


def peer_units(user, campaign: Campaign) -> QuerySet[Unit]:
    """Units of the campaign year's clusters in which the user acts for another member: their
    score sheets are open to the user for cross-scoring."""
    mine = managed_units(user).values("pk")
    clusters = ClusterMembership.objects.filter(cluster__year=campaign.year, unit__in=mine).values(
        "cluster_id"
    )
    return Unit.objects.filter(cluster_memberships__cluster__in=clusters)


def scoring_units(user, campaign: Campaign) -> QuerySet[Unit]:
    """Units whose score sheets the user may open: the subtree in scope, and cluster peers."""
    return Unit.objects.filter(
        Q(pk__in=campaign_units(user, campaign).values("pk"))
        | Q(pk__in=peer_units(user, campaign).values("pk"))
    )
