"""The per-unit, per-year tallies of implementing plans (`PlanTally`), kept by the services that write
obligations, in their transaction: issuing a plan counts what it asks, issuing an implementing plan
counts the parent's obligation as issued, revoking a document or re-routing an obligation moves its
counts. A tally counts an obligation while it asks for a plan and its document stands issued (the
rule of `counted_obligations`, which the reports' cascade figures read too).

Each change is an `UPDATE … SET asked = asked + n`: two transactions counting into the same row wait
for each other instead of one overwriting the other. `rebuild_plan_tallies` recounts everything from
the obligations (after a bulk load); `plan_tally_differences` is what `check_plan_tallies` reports.

Each unit's cell also counts into the subtree rows (`PlanSubtreeTally`, a `organisations.subtree_tallies`
table) of the unit and of every ancestor, in the same transaction: a subtree's figures across years
(the dashboard's trends) read one row per year. Moving a unit moves its subtree rows between
ancestors (`organisations.subtree_tallies.move_all`); `subtree_tally_differences` is checked and
`rebuild_plan_tallies` recounts them with the units' cells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Q, QuerySet

from core.tallies import differences, replace_all
from documents.models import COUNTED_OBLIGATIONS, Document, Obligation, PlanSubtreeTally, PlanTally
from organisations import subtree_tallies

__all__ = [
    "count_fulfilled",
    "count_obligations",
    "counted",
    "counted_obligations",
    "counted_plan_tallies",
    "counted_subtree_tallies",
    "plan_tally_differences",
    "rebuild_plan_tallies",
    "stored_plan_tallies",
    "stored_subtree_tallies",
    "subtree_tally_differences",
    "uncount_document",
]

Cell = tuple[int, int]  # (unit id, year)
Counts = tuple[int, int]  # (asked, issued)


def counted() -> Q:
    """The rule of `counted_obligations` as a condition, for a count taken among others in one query."""
    return COUNTED_OBLIGATIONS


def counted_obligations() -> QuerySet[Obligation]:
    """The obligations the tallies count: implementing plans asked by a plan that stands issued."""
    return Obligation.objects.filter(counted())


def _cell(obligation: Obligation) -> Cell | None:
    document = obligation.document
    if not obligation.requires_plan or document.status != Document.Status.ISSUED or not document.issued_on:
        return None
    return obligation.unit_id, document.issued_on.year


def _add(changes: dict[Cell, list[int]]) -> None:
    """Add (asked, issued) to each unit's cell and to the subtree rows of the unit and its ancestors."""
    changes = {cell: delta for cell, delta in changes.items() if any(delta)}
    if not changes:
        return
    with transaction.atomic(savepoint=False):  # the service's transaction, or one of its own
        subtree_tallies.lock_tree()  # before reading the paths: a move in progress commits first
        subtree_tallies.apply(PlanTally, changes, PlanSubtreeTally.COUNTS)
        subtree_tallies.add(PlanSubtreeTally, changes)


def count_obligations(obligations: Iterable[Obligation], *, sign: int = 1) -> None:
    """Count obligations as they stand (`sign=-1`: take them out of the count), their `document`
    loaded with its status and issue date."""
    changes: dict[Cell, list[int]] = defaultdict(lambda: [0, 0])
    for obligation in obligations:
        cell = _cell(obligation)
        if cell is not None:
            changes[cell][0] += sign
            changes[cell][1] += sign if obligation.fulfilled_at else 0
    _add(changes)


def count_fulfilled(obligations: Iterable[Obligation]) -> None:
    """Count as issued the obligations whose implementing plan was just issued (they were open)."""
    changes: dict[Cell, list[int]] = defaultdict(lambda: [0, 0])
    for obligation in obligations:
        cell = _cell(obligation)
        if cell is not None:
            changes[cell][1] += 1
    _add(changes)


def uncount_document(document_id: int) -> None:
    """Take a document's obligations out of the tallies, before it stops standing issued (revoked)."""
    count_obligations(Obligation.objects.filter(document_id=document_id).select_related("document"), sign=-1)


def counted_plan_tallies() -> dict[Cell, Counts]:
    """The tallies as the obligations give them: {(unit, year): (asked, issued)}."""
    return PlanSubtreeTally.counted_unit_cells()


def stored_plan_tallies() -> dict[Cell, Counts]:
    """The stored tallies, leaving out cells counted down to nothing."""
    rows = PlanTally.objects.exclude(asked=0, issued=0).values_list("unit_id", "year", "asked", "issued")
    return {(unit, year): (asked, issued) for unit, year, asked, issued in rows}


def plan_tally_differences() -> list[tuple[Cell, Counts | None, Counts | None]]:
    """Each cell whose stored tally is not the obligations' count: (cell, stored, counted)."""
    return differences(stored_plan_tallies(), counted_plan_tallies())


def counted_subtree_tallies(cells: dict[Cell, Counts] | None = None) -> dict[Cell, Counts]:
    """The subtree tallies as the obligations give them (or as `cells`, the units' tallies, sum up)."""
    return {
        cell: (asked, issued)
        for cell, (asked, issued) in subtree_tallies.counted(PlanSubtreeTally, cells).items()
    }


def stored_subtree_tallies() -> dict[Cell, Counts]:
    """The stored subtree tallies, leaving out cells counted down to nothing."""
    return {
        cell: (asked, issued) for cell, (asked, issued) in subtree_tallies.stored(PlanSubtreeTally).items()
    }


def subtree_tally_differences() -> list[tuple[Cell, Counts | None, Counts | None]]:
    """Each subtree cell whose stored tally is not the obligations' count: (cell, stored, counted)."""
    return differences(stored_subtree_tallies(), counted_subtree_tallies())


@transaction.atomic
def rebuild_plan_tallies() -> int:
    """Recount every tally, the units' and the subtrees', from the obligations (after a bulk load or
    a repair); the number of the units' cells."""
    cells = counted_plan_tallies()
    subtree_tallies.rebuild(PlanSubtreeTally, cells)
    return replace_all(
        PlanTally,
        [
            PlanTally(unit_id=unit, year=year, asked=asked, issued=issued)
            for (unit, year), (asked, issued) in cells.items()
        ],
    )
