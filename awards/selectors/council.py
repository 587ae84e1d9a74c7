"""Reads of council sessions and their agenda."""

from django.db.models import Count, Prefetch, Q, QuerySet

from accounts.models import Role, User
from accounts.permissions import managed_units, visible_units
from awards.models import (
    AgendaItem,
    BallotCast,
    CouncilSession,
    Nomination,
    NominationBatch,
    PublicConsultation,
)
from organisations.models import Unit

__all__ = [
    "awaiting_council",
    "council_candidates",
    "council_unit",
    "session_items",
    "sessions_to_vote",
    "visible_sessions",
    "voted_items",
]


def visible_sessions(user) -> QuerySet[CouncilSession]:
    return CouncilSession.objects.filter(deciding_unit__in=visible_units(user))


def session_items(session: CouncilSession) -> QuerySet[AgendaItem]:
    return (
        session.items.select_related(
            "nomination__form",
            "nomination__member__unit",
            "nomination__unit",
            "nomination__batch__proposing_unit",
        )
        .prefetch_related(
            "nomination__attachments",
            Prefetch(
                "nomination__consultation", queryset=PublicConsultation.objects.prefetch_related("comments")
            ),
        )
        .annotate(votes=Count("casts"))
    )


def sessions_to_vote(user) -> QuerySet[CouncilSession]:
    """Open sessions the user sits on with nominations they have not voted on yet, each with how
    many (`to_vote`): a council member's work, shown first on the commendation page."""
    if not user.is_authenticated:
        return CouncilSession.objects.none()
    cast = BallotCast.objects.filter(voter=user).values("item_id")
    return (
        CouncilSession.objects.filter(status=CouncilSession.Status.OPEN, memberships__user=user)
        .annotate(to_vote=Count("items", filter=~Q(items__pk__in=cast), distinct=True))
        .filter(to_vote__gt=0)
        .select_related("deciding_unit")
        .order_by("held_on", "pk")
    )


def council_unit(user) -> Unit | None:
    """The unit whose council the user runs: the highest unit they act for that has opened a round."""
    return managed_units(user).filter(nomination_rounds__isnull=False).order_by("depth").first()


def council_candidates(unit: Unit) -> QuerySet[User]:
    """Users with the council role over the unit or a unit above it."""
    return (
        User.objects.filter(
            role_assignments__role=Role.COUNCIL, role_assignments__unit_id__in=[*unit.ancestor_ids, unit.pk]
        )
        .distinct()
        .order_by("sort_name", "pk")
    )


def awaiting_council(unit: Unit) -> QuerySet[Nomination]:
    """Nominations of batches at the unit's council not yet on the agenda of an open session."""
    return (
        Nomination.objects.filter(
            batch__round__deciding_unit=unit,
            batch__status=NominationBatch.Status.AT_COUNCIL,
            status=Nomination.Status.PROPOSED,
        )
        .exclude(agenda_items__session__status=CouncilSession.Status.OPEN)
        .select_related("form", "member", "unit")
        .order_by("batch__proposing_unit__path", "sort_order")
    )


def voted_items(session: CouncilSession, user) -> set[int]:
    """Ids of the session's agenda items the user has voted on."""
    if not user.is_authenticated:
        return set()
    return set(BallotCast.objects.filter(item__session=session, voter=user).values_list("item_id", flat=True))
