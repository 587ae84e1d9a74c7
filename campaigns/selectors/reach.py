"""Dissemination reach: people reached over people in scope, per unit and rolled up any subtree.

People in scope of a unit are its own active members; a subtree's are those of its
participating units. A unit's reached count is the sum of its sessions' participants, capped at
its people in scope when rolling up (a unit reporting 150 of 100 counts 100), so one unit's
over-reporting cannot hide another's gap. Everything is computed in SQL.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Case, Count, F, IntegerField, OuterRef, Q, QuerySet, Subquery, Sum, Value, When
from django.db.models.functions import Coalesce, Least
from django.utils.text import capfirst

from campaigns.models import Campaign, DisseminationSession, Participant
from campaigns.models.outreach import CATEGORY_FIELDS
from campaigns.selectors.tree import child_prefix
from organisations.models import Member, Unit

REPORTED = sum((F(name) for name in CATEGORY_FIELDS[1:]), F(CATEGORY_FIELDS[0]))


@dataclass
class Reach:
    scope: int = 0
    reported: int = 0
    reached: int = 0
    sessions: int = 0
    below_threshold: int = 0

    @property
    def ratio(self) -> float | None:
        return self.reached / self.scope if self.scope else None

    def __add__(self, other: "Reach") -> "Reach":
        return Reach(self.scope + other.scope, self.reported + other.reported, self.reached + other.reached,
                     self.sessions + other.sessions, self.below_threshold + other.below_threshold)


def _subquery_total(queryset, expression):
    return Coalesce(Subquery(queryset.order_by().values("unit_id").annotate(n=expression).values("n")[:1],
                             output_field=IntegerField()), Value(0))


def participant_reach(campaign: Campaign, root: Unit) -> QuerySet[Participant]:
    """Participating units of the subtree, each annotated with unit_scope (active members),
    unit_reported (people its sessions reached), unit_reached (the same, capped at the scope),
    unit_sessions and unit_below (1 when below the campaign's threshold)."""
    members = Member.objects.filter(unit_id=OuterRef("unit_id"), status=Member.Status.ACTIVE)
    sessions = DisseminationSession.objects.filter(campaign_id=campaign.pk, unit_id=OuterRef("unit_id"))
    threshold = campaign.reach_threshold
    return (
        Participant.objects.filter(campaign=campaign, unit__path__startswith=root.path)
        .annotate(unit_scope=_subquery_total(members, Count("pk")),
                  unit_reported=_subquery_total(sessions, Sum(REPORTED)),
                  unit_sessions=_subquery_total(sessions, Count("pk")))
        .annotate(unit_reached=Least(F("unit_reported"), F("unit_scope")))
        # below the threshold: reached / scope < threshold %, in integers: scope × threshold > reached × 100
        .annotate(unit_gap=F("unit_scope") * threshold - F("unit_reached") * 100)
        .annotate(unit_below=Case(When(Q(unit_scope__gt=0) & Q(unit_gap__gt=0), then=Value(1)),
                                  default=Value(0), output_field=IntegerField()))
    )


def reach_by_child(campaign: Campaign, root: Unit) -> dict[str, Reach]:
    """Reach rolled up per child of `root` (keyed by the child's path), in one query."""
    rows = (participant_reach(campaign, root).annotate(prefix=child_prefix(root.path)).order_by()
            .values("prefix")
            .annotate(scope=Sum("unit_scope"), reported=Sum("unit_reported"), reached=Sum("unit_reached"),
                      sessions=Sum("unit_sessions"), below=Sum("unit_below")))
    return {row["prefix"]: Reach(int(row["scope"] or 0), int(row["reported"] or 0), int(row["reached"] or 0),
                                 int(row["sessions"] or 0), int(row["below"] or 0)) for row in rows}


def reach_total(campaign: Campaign, root: Unit) -> Reach:
    row = participant_reach(campaign, root).aggregate(
        scope=Sum("unit_scope"), reported=Sum("unit_reported"), reached=Sum("unit_reached"),
        sessions=Sum("unit_sessions"), below=Sum("unit_below"))
    return Reach(int(row["scope"] or 0), int(row["reported"] or 0), int(row["reached"] or 0),
                 int(row["sessions"] or 0), int(row["below"] or 0))


def units_below_threshold(campaign: Campaign, root: Unit, limit: int = 50) -> list[Participant]:
    """The participating units of the subtree under the threshold, lowest reach first."""
    rows = list(
        participant_reach(campaign, root).filter(unit_below=1).select_related("unit", "unit__parent")
        .order_by(F("unit_reached") * 1.0 / F("unit_scope"), "unit__name")[:limit]
    )
    for row in rows:
        row.reach_ratio = row.unit_reached / row.unit_scope
    return rows


@dataclass
class CategoryReach:
    category: str
    label: str
    scope: int
    reported: int


def reach_by_category(campaign: Campaign, root: Unit) -> list[CategoryReach]:
    """People in scope and people reported as reached, by category, for the whole subtree
    (as reported: not capped)."""
    scope_rows = dict(
        Member.objects.filter(status=Member.Status.ACTIVE, unit__path__startswith=root.path,
                              unit__campaign_participations__campaign=campaign)
        .order_by().values("category").annotate(n=Count("pk")).values_list("category", "n")
    )
    reported = DisseminationSession.objects.filter(campaign=campaign, unit__path__startswith=root.path).aggregate(
        **{name: Coalesce(Sum(name), 0) for name in CATEGORY_FIELDS})
    mapping = [("officers", Member.Category.OFFICER), ("civil_servants", Member.Category.CIVIL_SERVANT),
               ("public_employees", Member.Category.PUBLIC_EMPLOYEE), ("workers", Member.Category.WORKER)]
    rows = [CategoryReach(field, str(category.label), scope_rows.get(category.value, 0), reported[field])
            for field, category in mapping]
    labels = {f.name: capfirst(f.verbose_name) for f in DisseminationSession._meta.get_fields() if f.name in CATEGORY_FIELDS}
    rows.insert(1, CategoryReach("members", labels["members"], 0, reported["members"]))
    return rows


def ratio_percent(ratio: float | None) -> Decimal | None:
    return None if ratio is None else Decimal(ratio * 100).quantize(Decimal("0.1"))
