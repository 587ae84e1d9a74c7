"""Reads of the organisation tree that pages and the API share."""

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from accounts.permissions import managed_units, scope_paths, visible_members, visible_units
from core.counting import count_at_most
from core.pickers import SUGGESTIONS, search_folded
from core.text import group_digits, search_words
from organisations.models import Member, Unit


def scope_roots(user) -> QuerySet[Unit]:
    """The top units of a user's scopes (a unit inside another scope is not repeated)."""
    paths = sorted(set(scope_paths(user)))
    roots = [p for p in paths if not any(p != other and p.startswith(other) for other in paths)]
    ids = [int(p.strip("/").split("/")[-1]) for p in roots]
    return _with_child_counts(Unit.objects.filter(pk__in=ids))


def _with_child_counts(units: QuerySet[Unit]) -> QuerySet[Unit]:
    return (
        units.select_related("unit_type")
        .annotate(child_count=Count("children"))
        .order_by("sort_order", "sort_name")
    )


def children_of(user, unit: Unit, *, include_historical: bool = False) -> QuerySet[Unit]:
    children = visible_units(user).filter(parent=unit)
    if not include_historical:
        children = children.current()
    return _with_child_counts(children)


def search_units(user, text: str, limit: int = 50) -> QuerySet[Unit]:
    return (
        visible_units(user)
        .search(text)
        .select_related("unit_type", "parent")
        .order_by("depth", "sort_name")[:limit]
    )


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


def member_of_period(start, end) -> Q:
    """Who counts as a member during a period (a campaign's, a past year): joined by its end and
    not gone before its start, i.e. still active or left on or after the start. `start` and `end`
    are dates or expressions (a campaign's dates through a join). An unknown joining date counts
    as joined; a member no longer active with no leaving date counts as gone, since when they
    left is unknown (today's figures do not count them either)."""
    joined = Q(joined_on__isnull=True) | Q(joined_on__lte=end)
    return joined & (Q(status=Member.Status.ACTIVE) | Q(left_on__gte=start))


def members_of_period(start, end) -> QuerySet[Member]:
    """The members of a period (`member_of_period`): those a past year's figures divide by, so
    that a member joining later does not change them."""
    return Member.objects.filter(member_of_period(start, end))


def filter_members(
    user, *, unit: Unit | None = None, q: str = "", category: str = "", status: str = "", gender: str = ""
) -> QuerySet[Member]:
    members = visible_members(user)
    if unit is not None:
        members = members.filter(unit__path__startswith=unit.path)
    if q:
        for word in search_words(q):
            members = members.filter(Q(search_text__startswith=word) | Q(search_text__contains=f" {word}"))
    if category:
        members = members.filter(category=category)
    if status:
        members = members.filter(status=status)
    if gender:
        members = members.filter(gender=gender)
    # people in the Vietnamese order: given name, then family and middle names (Member.sort_name)
    return members.select_related("unit").order_by("sort_name", "pk")


# Member lists at scale: a capped count and keyset pages -----------------------------------------

COUNT_CAP = 10_000  # beyond this, "more than 10,000": an exact COUNT(*) over a province costs too much
MEMBER_PAGE_SIZE = 50


@dataclass
class MemberPage:
    """One page of a member list in its order (Vietnamese name order, id), with the ids to continue from.
    Keyset pages cost the same at row 50 and at row 400,000, where OFFSET reads every row before."""

    members: list[Member]
    count: int
    count_is_exact: bool
    next_after: int | None = None
    previous_before: int | None = None

    @property
    def count_grouped(self) -> str:
        """10000 -> "10.000" in Vietnamese (Django's vi formats group no digits)."""
        return group_digits(self.count)


def member_page(
    members: QuerySet[Member],
    *,
    after: int | None = None,
    before: int | None = None,
    size: int = MEMBER_PAGE_SIZE,
) -> MemberPage:
    """The page after the member `after` (or before `before`; the first page without either).
    `members` is ordered by `filter_members`; an id not in it gives the first page."""
    count, exact = count_at_most(members, COUNT_CAP)
    anchor_pk = after or before
    anchor = members.filter(pk=anchor_pk).values_list("sort_name", flat=True).first() if anchor_pk else None
    if anchor is None:
        rows = list(members[: size + 1])
        return MemberPage(
            rows[:size], count, exact, next_after=rows[size - 1].pk if len(rows) > size else None
        )
    if after:
        # sort_name >= anchor is implied by the OR; said separately it lets the index range start there
        rows = list(
            members.filter(
                Q(sort_name__gt=anchor) | Q(sort_name=anchor, pk__gt=after), sort_name__gte=anchor
            )[: size + 1]
        )
        page = rows[:size]
        return MemberPage(
            page,
            count,
            exact,
            next_after=page[-1].pk if len(rows) > size else None,
            previous_before=page[0].pk if page else None,
        )
    rows = list(
        members.filter(
            Q(sort_name__lt=anchor) | Q(sort_name=anchor, pk__lt=before), sort_name__lte=anchor
        ).reverse()[: size + 1]
    )
    page = rows[:size][::-1]
    return MemberPage(
        page,
        count,
        exact,
        next_after=page[-1].pk if page else None,
        previous_before=page[0].pk if len(rows) > size else None,
    )


# Pickers: suggestions while typing, from the user's own scope ----------------------------------


def unit_suggestions(user, text: str, *, within: Unit | None = None, managed: bool = False) -> list[Unit]:
    """Current units of the user's scope (only those the user manages, with `managed`; only under
    `within`) whose name, short name or code has words starting as typed, accents or not."""
    if not search_words(text):
        return []
    units = managed_units(user) if managed else visible_units(user)
    if within is not None:
        units = units.in_subtree(within)
    found = search_folded(units.current(), text).select_related("parent")
    return list(found.order_by("depth", "sort_name")[:SUGGESTIONS])


def member_suggestions(user, text: str, *, within: Unit | None = None) -> list[Member]:
    """Active members of the user's scope (only under `within`) whose name or code has words
    starting as typed, accents or not."""
    if not search_words(text):
        return []
    members = visible_members(user).filter(status=Member.Status.ACTIVE)
    if within is not None:
        members = members.filter(unit__path__startswith=within.path)
    members = search_folded(members, text).select_related("unit")
    return list(members.order_by("sort_name", "pk")[:SUGGESTIONS])
