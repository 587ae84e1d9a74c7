"""Reads of the organisation tree that pages and the API share."""

from django.db.models import Count, Q, QuerySet

from accounts.permissions import scope_paths, visible_members, visible_units
from core.text import fold
from organisations.models import Member, Unit


def scope_roots(user) -> QuerySet[Unit]:
    """The top units of a user's scopes (a unit inside another scope is not repeated)."""
    paths = sorted(set(scope_paths(user)))
    roots = [p for p in paths if not any(p != other and p.startswith(other) for other in paths)]
    ids = [int(p.strip("/").split("/")[-1]) for p in roots]
    return _with_child_counts(Unit.objects.filter(pk__in=ids))


def _with_child_counts(units: QuerySet[Unit]) -> QuerySet[Unit]:
    return units.select_related("unit_type").annotate(child_count=Count("children")).order_by("sort_order", "name")


def children_of(user, unit: Unit, *, include_historical: bool = False) -> QuerySet[Unit]:
    children = visible_units(user).filter(parent=unit)
    if not include_historical:
        children = children.current()
    return _with_child_counts(children)


def search_units(user, text: str, limit: int = 50) -> QuerySet[Unit]:
    return visible_units(user).search(text).select_related("unit_type", "parent").order_by("depth", "name")[:limit]


def unit_summary(unit: Unit) -> dict:
    """Counts for a unit's page: its subtree's current units and members by status, in two queries."""
    units = Unit.objects.in_subtree(unit).current().exclude(pk=unit.pk)
    unit_count = units.count()
    members = Member.objects.filter(unit__path__startswith=unit.path).aggregate(
        total=Count("pk", filter=Q(status=Member.Status.ACTIVE)),
        female=Count("pk", filter=Q(status=Member.Status.ACTIVE, gender=Member.Gender.FEMALE)),
        left=Count("pk", filter=~Q(status=Member.Status.ACTIVE)),
    )
    return {"unit_count": unit_count, **members}


def filter_members(user, *, unit: Unit | None = None, q: str = "", category: str = "", status: str = "",
                   gender: str = "") -> QuerySet[Member]:
    members = visible_members(user)
    if unit is not None:
        members = members.filter(unit__path__startswith=unit.path)
    if q:
        for word in fold(q).split():
            members = members.filter(Q(search_text__startswith=word) | Q(search_text__contains=f" {word}"))
    if category:
        members = members.filter(category=category)
    if status:
        members = members.filter(status=status)
    if gender:
        members = members.filter(gender=gender)
    # the folded name sorts the Vietnamese way closer than code points do ("Hà" before "Hoa")
    return members.select_related("unit").order_by("search_text", "pk")
