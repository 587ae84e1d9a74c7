"""The per-unit member tallies (`MemberTally`): each unit's own active members and the women among
them. Every write of a member keeps them (organisations/models.py: `Member.save`/`delete` and the
bulk writes of `MemberQuerySet`); a writer that goes around the ORM (the import writer's COPY)
counts what it wrote with `MemberTally.objects.add`, and a bulk load (bench/generate) recounts
everything with `rebuild_member_tallies`. `member_tally_differences` is what `check_member_tallies`
reports.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Count, Q

from core.tallies import differences, replace_all
from organisations.models import Member, MemberTally

__all__ = [
    "counted_member_tallies",
    "member_tally_differences",
    "rebuild_member_tallies",
    "stored_member_tallies",
]

Counts = tuple[int, int]  # (active, women)


def counted_member_tallies() -> dict[int, Counts]:
    """The tallies as the members give them: {unit id: (active, women)}."""
    rows = (
        Member.objects.filter(status=Member.Status.ACTIVE)
        .order_by()
        .values("unit_id")
        .annotate(active=Count("pk"), women=Count("pk", filter=Q(gender=Member.Gender.FEMALE)))
        .values_list("unit_id", "active", "women")
    )
    return {unit: (active, women) for unit, active, women in rows}


def stored_member_tallies() -> dict[int, Counts]:
    """The stored tallies, leaving out units counted down to nothing."""
    rows = MemberTally.objects.exclude(active=0, women=0).values_list("unit_id", "active", "women")
    return {unit: (active, women) for unit, active, women in rows}


def member_tally_differences() -> list[tuple[int, Counts | None, Counts | None]]:
    """Each unit whose stored tally is not its members' count: (unit id, stored, counted)."""
    return differences(stored_member_tallies(), counted_member_tallies())


@transaction.atomic
def rebuild_member_tallies() -> int:
    """Recount every unit's tally from the members (after a bulk load or a repair); the number of units."""
    counted = counted_member_tallies()
    return replace_all(
        MemberTally,
        [MemberTally(unit_id=unit, active=active, women=women) for unit, (active, women) in counted.items()],
    )
