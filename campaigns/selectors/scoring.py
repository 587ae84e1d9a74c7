"""Reads of scoring: a unit's sheet against its criteria tree, and the clusters' leaderboards."""

from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Count, DecimalField, Exists, ExpressionWrapper, F, OuterRef, Prefetch, Q, Sum
from django.db.models.functions import Coalesce

from accounts import permissions
from campaigns.models import (
    Campaign,
    Cluster,
    ClusterFlagProposal,
    ClusterMembership,
    Criterion,
    Participant,
    PeerScore,
    Score,
    ScoreSheet,
)
from campaigns.models.campaign import TieBreaker
from campaigns.ranking import Ranked, Standing, rank
from campaigns.selectors.campaigns import campaign_units
from campaigns.selectors.tree import child_units
from campaigns.services.criteria import current_criteria_set
from campaigns.services.scoring import cluster_of, peer_mean
from organisations.models import Unit

__all__ = [
    "ScoringPage",
    "campaign_clusters",
    "leaderboards",
    "peer_scorer",
    "scoring_page",
    "sheet_summaries",
    "sheet_view",
]

POINTS = DecimalField(max_digits=14, decimal_places=6)
CENT = Decimal("0.01")


@dataclass
class CriterionLine:
    criterion: Criterion
    depth: int
    is_leaf: bool
    score: Score | None = None
    self_subtotal: Decimal | None = None
    confirmed_subtotal: Decimal | None = None
    # set by scoring_page for the user who looks, not by sheet_view (so no default: unset until then)
    peer_mean: Decimal | None = field(init=False, repr=False, compare=False)
    my_peer: PeerScore | None = field(init=False, repr=False, compare=False)


@dataclass
class SheetView:
    sheet: ScoreSheet | None
    lines: list[CriterionLine]
    self_total: Decimal
    confirmed_total: Decimal
    leaves: int
    scored: int
    confirmed: int
    extra: dict = field(default_factory=dict)


def sheet_view(campaign: Campaign, unit: Unit) -> SheetView:
    """The criteria tree of the unit's sheet (its own version, or the current one before it
    starts), each leaf with its score, evidence and peers' scores; totals on the 100-point scale."""
    sheet = ScoreSheet.objects.filter(campaign=campaign, unit=unit).select_related("criteria_set").first()
    criteria_set = sheet.criteria_set if sheet else current_criteria_set(campaign)
    if criteria_set is None:
        return SheetView(sheet, [], Decimal(0), Decimal(0), 0, 0, 0)
    criteria = list(criteria_set.criteria.order_by("order", "pk"))
    scores = {}
    if sheet is not None:
        scores = {
            s.criterion_id: s
            for s in sheet.scores.select_related("confirmed_by", "scored_by").prefetch_related(
                "evidence", Prefetch("peer_scores", queryset=_peer_queryset())
            )
        }
    children = defaultdict(list)
    for c in criteria:
        children[c.parent_id].append(c)
    lines: list[CriterionLine] = []

    def walk(parent_id, depth) -> tuple[Decimal | None, Decimal | None]:
        self_sum = confirmed_sum = None
        for c in children.get(parent_id, []):
            is_leaf = not children.get(c.pk)
            line = CriterionLine(c, depth, is_leaf, scores.get(c.pk))
            lines.append(line)
            if is_leaf:
                s = line.score
                own_self = s.self_points if s else None
                own_confirmed = s.confirmed_points if s and s.is_confirmed else None
            else:
                own_self, own_confirmed = walk(c.pk, depth + 1)
            line.self_subtotal, line.confirmed_subtotal = own_self, own_confirmed
            if own_self is not None:
                self_sum = (self_sum or Decimal(0)) + own_self
            if own_confirmed is not None:
                confirmed_sum = (confirmed_sum or Decimal(0)) + own_confirmed
        return self_sum, confirmed_sum

    walk(None, 0)
    # what counts: every standard leaf, and bonus or penalty points once given
    leaves = [
        line
        for line in lines
        if line.is_leaf and (line.criterion.kind == Criterion.Kind.STANDARD or line.score)
    ]
    self_total = sum(
        (
            line.score.self_points * line.criterion.factor
            for line in leaves
            if line.score and line.score.self_points is not None
        ),
        Decimal(0),
    )
    confirmed_total = sum(
        (
            line.score.confirmed_points * line.criterion.factor
            for line in leaves
            if line.score and line.score.is_confirmed and line.score.confirmed_points is not None
        ),
        Decimal(0),
    )
    return SheetView(
        sheet=sheet,
        lines=lines,
        self_total=self_total.quantize(CENT),
        confirmed_total=confirmed_total.quantize(CENT),
        leaves=len(leaves),
        scored=sum(1 for line in leaves if line.score),
        confirmed=sum(1 for line in leaves if line.score and line.score.is_confirmed),
    )


def _peer_queryset():
    from campaigns.models import PeerScore

    return PeerScore.objects.select_related("scorer_unit").order_by("scorer_unit__sort_name")


@dataclass
class Leaderboard:
    cluster: Cluster
    rows: list[Ranked]
    proposal: ClusterFlagProposal | None


def _standings(campaign: Campaign, units: dict[int, Unit]) -> dict[int, Standing]:
    """One aggregate query over the sheets (totals, criteria at max), one for named criteria."""
    confirmed = Q(scores__status=Score.Status.CONFIRMED)
    sheets = list(
        ScoreSheet.objects.filter(campaign=campaign, unit_id__in=list(units))
        .order_by()
        .annotate(
            total=Coalesce(
                Sum(
                    ExpressionWrapper(
                        F("scores__confirmed_points") * F("scores__criterion__factor"), output_field=POINTS
                    ),
                    filter=confirmed,
                ),
                Decimal(0),
                output_field=POINTS,
            ),
            self_total=Coalesce(
                Sum(
                    ExpressionWrapper(
                        F("scores__self_points") * F("scores__criterion__factor"), output_field=POINTS
                    )
                ),
                Decimal(0),
                output_field=POINTS,
            ),
            at_max=Count(
                "scores",
                filter=confirmed
                & Q(
                    scores__criterion__kind=Criterion.Kind.STANDARD,
                    scores__max_points__gt=0,
                    scores__confirmed_points=F("scores__max_points"),
                ),
            ),
            n_confirmed=Count("scores", filter=confirmed),
            n_scores=Count("scores"),
        )
        .values(
            "unit_id",
            "criteria_set_id",
            "total",
            "self_total",
            "at_max",
            "n_confirmed",
            "n_scores",
            "submitted_at",
        )
    )
    # criteria every unit must score (standard leaves) per version, apart: joining them to the
    # scores would multiply the sums; bonus and penalty points count once given
    leaves: dict[int | None, int] = dict(
        Criterion.objects.filter(
            criteria_set_id__in={row["criteria_set_id"] for row in sheets},
            children__isnull=True,
            kind=Criterion.Kind.STANDARD,
        )
        .order_by()
        .values("criteria_set_id")
        .annotate(n=Count("pk"))
        .values_list("criteria_set_id", "n")
    )
    codes = [
        rule.partition(":")[2]
        for rule in campaign.tie_breakers
        if rule.startswith(TieBreaker.CRITERION + ":")
    ]
    named: dict[int, dict[str, Decimal]] = defaultdict(dict)
    if codes:
        code_filter = Q()
        for code in codes:
            code_filter |= Q(criterion__code=code) | Q(criterion__code__startswith=code + ".")
        rows = Score.objects.filter(
            code_filter,
            sheet__campaign=campaign,
            sheet__unit_id__in=list(units),
            status=Score.Status.CONFIRMED,
        ).values_list("sheet__unit_id", "criterion__code", "confirmed_points")
        for unit_id, code, points in rows:
            assert points is not None  # a confirmed score has its points
            for wanted in codes:
                if code == wanted or code.startswith(wanted + "."):
                    named[unit_id][wanted] = named[unit_id].get(wanted, Decimal(0)) + points
    standings = {}
    by_unit = {row["unit_id"]: row for row in sheets}
    for unit_id, unit in units.items():
        row: Mapping[str, Any] = by_unit.get(unit_id, {})
        standings[unit_id] = Standing(
            unit_id=unit_id,
            name=unit.display_name,
            total=Decimal(row.get("total") or 0).quantize(CENT),
            at_max=row.get("at_max", 0),
            criterion_points=dict(named.get(unit_id, {})),
            submitted_at=row.get("submitted_at"),
            self_total=Decimal(row.get("self_total") or 0).quantize(CENT),
            confirmed=row.get("n_confirmed", 0),
            expected=max(leaves.get(row.get("criteria_set_id"), 0), row.get("n_scores", 0)),
        )
    return standings


def sheet_summaries(campaign: Campaign, units: list[Unit]) -> dict[int, Standing]:
    """Totals, confirmed count and submission time of each unit's sheet, in two queries."""
    return _standings(campaign, {u.pk: u for u in units})


def peer_scorer(user, unit: Unit, cluster: Cluster | None) -> Unit | None:
    """The cluster member the user cross-scores `unit` for, if any."""
    if cluster is None:
        return None
    members = [m.unit for m in cluster.memberships.select_related("unit")]
    ids = {u.pk for u in members}
    return next((u for u in members if permissions.can_peer_score(user, u, unit, ids)), None)


@dataclass
class ScoringPage:
    """What a unit's scoring page shows the user, and what it lets them do."""

    in_scope: bool  # the unit is in the user's own scope (not only a cluster peer's)
    takes_part: bool
    view: SheetView | None
    sheet: ScoreSheet | None
    submitted: bool
    cluster: Cluster | None
    peer_mode: bool
    can_self: bool
    can_confirm: bool
    scorer: Unit | None
    children: list[tuple[Unit, Standing]]


def scoring_page(user, campaign: Campaign, unit: Unit) -> ScoringPage:
    """The unit's sheet with each line's peers' mean and the user's own cross-score, what the user
    may do on it, and the sheets of the participating units right below when the unit is in scope."""
    in_scope = campaign_units(user, campaign).filter(pk=unit.pk).exists()
    takes_part = Participant.objects.filter(campaign=campaign, unit=unit).exists()
    view = sheet_view(campaign, unit) if takes_part else None
    cluster = cluster_of(unit, campaign.year)
    sheet = view.sheet if view else None
    submitted = sheet is not None and sheet.status == ScoreSheet.Status.SUBMITTED
    can_self = (
        takes_part and campaign.is_launched and not submitted and permissions.can_act_for_unit(user, unit)
    )
    can_confirm = submitted and campaign.is_launched and permissions.can_confirm_score(user, unit, cluster)
    scorer = peer_scorer(user, unit, cluster) if submitted and campaign.is_launched else None
    peer_mode = cluster is not None and cluster.scoring_mode == cluster.ScoringMode.PEER_MEAN
    if view:
        for line in view.lines:
            score = line.score
            line.peer_mean = peer_mean(score) if score else None
            line.my_peer = (
                next((p for p in score.peer_scores.all() if scorer and p.scorer_unit_id == scorer.pk), None)
                if score
                else None
            )
    children: list[tuple[Unit, Standing]] = []
    if in_scope:
        units = [u for u in child_units(unit) if u.pk != unit.pk]
        participating = set(
            Participant.objects.filter(campaign=campaign, unit__in=units).values_list("unit_id", flat=True)
        )
        units = [u for u in units if u.pk in participating]
        summaries = sheet_summaries(campaign, units)
        children = [(u, summaries[u.pk]) for u in units]
    return ScoringPage(
        in_scope=in_scope,
        takes_part=takes_part,
        view=view,
        sheet=sheet,
        submitted=submitted,
        cluster=cluster,
        peer_mode=peer_mode,
        can_self=can_self,
        can_confirm=can_confirm,
        scorer=scorer,
        children=children,
    )


def campaign_clusters(campaign: Campaign, root: Unit | None = None):
    """The clusters of the campaign's year inside its subtree; with `root`, those with a member in it."""
    clusters = Cluster.objects.filter(year=campaign.year, organiser__path__startswith=campaign.organiser.path)
    if root is not None:  # a semi-join: no DISTINCT over the clusters' rows joined to every membership
        members_in_root = ClusterMembership.objects.filter(
            cluster=OuterRef("pk"), unit__path__startswith=root.path
        )
        clusters = clusters.filter(Exists(members_in_root))
    return clusters.select_related("lead_unit", "deputy_unit", "organiser").order_by("kind", "name")


def leaderboards(campaign: Campaign, clusters, *, proposals: bool = True) -> list[Leaderboard]:
    """Each cluster's ranking under the campaign's tie-breakers and grade bands, in a fixed
    number of queries however many clusters and units there are. `proposals=False` leaves out the
    emulation flag proposed in each cluster (None): a page that does not show it reads one query fewer."""
    clusters = list(clusters)
    if not clusters:
        return []
    memberships = list(ClusterMembership.objects.filter(cluster__in=clusters).select_related("unit"))
    units = {m.unit_id: m.unit for m in memberships}
    standings = _standings(campaign, units)
    bands = list(campaign.grade_bands.values_list("name", "min_score"))
    proposed = (
        {
            p.cluster_id: p
            for p in ClusterFlagProposal.objects.filter(
                campaign=campaign, cluster__in=clusters, status=ClusterFlagProposal.Status.PROPOSED
            ).select_related("unit")
        }
        if proposals
        else {}
    )
    by_cluster = defaultdict(list)
    for m in memberships:
        by_cluster[m.cluster_id].append(standings[m.unit_id])
    return [
        Leaderboard(
            cluster, rank(by_cluster[cluster.pk], campaign.tie_breakers, bands), proposed.get(cluster.pk)
        )
        for cluster in clusters
    ]
