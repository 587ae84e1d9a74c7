"""Reads of rounds, batches and nominations, scoped to the user's units."""

import datetime as dt

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from accounts.permissions import (
    acting_units,
    managed_paths,
    managed_units,
    scope_paths,
    visible_members,
    visible_units,
)
from awards.models import Nomination, NominationBatch, NominationRound
from campaigns.models import Campaign
from core.text import search_words
from organisations.models import Member, Unit, UnitQuerySet

__all__ = [
    "batch_list",
    "batches_to_review",
    "current_rounds",
    "nominee_members",
    "nomination_list",
    "own_proposing_unit",
    "NOMINATION_RELATIONS",
    "round_campaigns",
    "round_opening_unit",
    "nominee_units",
    "units_to_propose",
    "visible_batches",
    "visible_nominations",
    "visible_rounds",
]


NOMINATION_RELATIONS = (
    "form",
    "member__unit",
    "unit",
    "batch__proposing_unit",
    "batch__at_unit",
    "batch__round",
)


def visible_rounds(user) -> QuerySet[NominationRound]:
    """Rounds run by a unit above or inside the user's scope (a grassroots officer sees the province's round)."""
    paths = scope_paths(user)
    ancestor_ids = {int(part) for path in paths for part in path.strip("/").split("/") if part}
    return NominationRound.objects.filter(
        Q(deciding_unit__in=visible_units(user)) | Q(deciding_unit_id__in=ancestor_ids)
    )


def visible_batches(user) -> QuerySet[NominationBatch]:
    return NominationBatch.objects.filter(proposing_unit__in=visible_units(user))


def visible_nominations(user) -> QuerySet[Nomination]:
    return Nomination.objects.filter(batch__proposing_unit__in=visible_units(user))


def batch_list(user, *, round_: NominationRound | None = None, status: str = "") -> QuerySet[NominationBatch]:
    batches = visible_batches(user)
    if round_ is not None:
        batches = batches.filter(round=round_)
    if status:
        batches = batches.filter(status=status)
    return (
        batches.select_related("round", "proposing_unit", "at_unit")
        .annotate(
            nominee_count=Count("nominations", filter=~Q(nominations__status="cut")),
            failed_count=Count(
                "nominations", filter=Q(nominations__status="proposed", nominations__check_status="failed")
            ),
        )
        .order_by("-round__year", "proposing_unit__path")
    )


def current_rounds(today: dt.date | None = None) -> QuerySet[NominationRound]:
    """Rounds still running: open, and for this year or the last (a year's awards are reviewed and
    decided in the first months of the next). Older rounds are history, whatever they left undone."""
    year = (today or timezone.localdate()).year
    return NominationRound.objects.filter(is_open=True, year__gte=year - 1)


def batches_to_review(user) -> QuerySet[NominationBatch]:
    """Batches of the current rounds waiting at a unit the user acts for: a batch a closed round
    left under review is not waiting for anyone."""
    managed = managed_units(user)
    return batch_list(user).filter(
        status=NominationBatch.Status.SUBMITTED, at_unit__in=managed, round__in=current_rounds()
    )


def nomination_list(
    user,
    *,
    round_: NominationRound | None = None,
    batch: NominationBatch | None = None,
    status: str = "",
    check_status: str = "",
    at_unit: Unit | None = None,
    q: str = "",
) -> QuerySet[Nomination]:
    nominations = visible_nominations(user)
    if batch is not None:
        nominations = nominations.filter(batch=batch)
    if round_ is not None:
        nominations = nominations.filter(batch__round=round_)
    if status:
        nominations = nominations.filter(status=status)
    if check_status:
        nominations = nominations.filter(check_status=check_status)
    if at_unit is not None:
        nominations = nominations.filter(batch__at_unit=at_unit)
    for word in search_words(q):
        nominations = nominations.filter(
            Q(member__search_text__contains=word) | Q(unit__search_text__contains=word)
        )
    return nominations.select_related(*NOMINATION_RELATIONS).order_by(
        "batch__proposing_unit__path", "sort_order", "pk"
    )


def round_opening_unit(user) -> Unit | None:
    """The unit a new round is opened for: the highest unit with units below it that the user acts for."""
    return acting_units(user).filter(unit_type__may_have_children=True).order_by("depth", "sort_name").first()


def units_to_propose(user, round_: NominationRound) -> UnitQuerySet:
    """Units below the round's deciding unit that the user acts for and that have no batch in the round yet."""
    return (
        acting_units(user)
        .filter(path__startswith=round_.deciding_unit.path)
        .exclude(pk=round_.deciding_unit_id)
        .exclude(nomination_batches__round=round_)
        .order_by("depth", "sort_name")
    )


def own_proposing_unit(user, round_: NominationRound) -> Unit | None:
    """The unit the page proposes for unless the user picks another: the one unit the user's
    officer role is given on, when it may still propose in the round (a grassroots officer's union)."""
    own = units_to_propose(user, round_).filter(path__in=managed_paths(user))[:2]
    return own[0] if len(own) == 1 else None


def round_campaigns(user) -> QuerySet[Campaign]:
    """Campaigns a round may belong to: those organised by a unit in the user's scope."""
    return Campaign.objects.filter(organiser__in=visible_units(user)).order_by("sort_name", "pk")


def nominee_members(user, batch) -> QuerySet[Member]:
    """Who a batch may nominate as an individual: active members of the proposing unit's subtree
    that the user sees (the nomination page's picker)."""
    return (
        visible_members(user)
        .filter(unit__path__startswith=batch.proposing_unit.path, status=Member.Status.ACTIVE)
        .select_related("unit")
    )


def nominee_units(user, batch) -> UnitQuerySet:
    """Which collectives a batch may nominate: current units of the proposing unit's subtree."""
    return visible_units(user).in_subtree(batch.proposing_unit).current()
