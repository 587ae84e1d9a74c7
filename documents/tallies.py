"""The per-unit, per-year tallies of implementing plans (`PlanTally`), kept by the services that write
obligations, in their transaction: issuing a plan counts what it asks, issuing an implementing plan
counts the parent's obligation as issued, revoking a document or re-routing an obligation moves its
counts. A tally counts an obligation while it asks for a plan and its document stands issued (the
rule of `counted_obligations`, which the reports' cascade figures read too).

Each change is an `UPDATE … SET asked = asked + n`: two transactions counting into the same row wait
for each other instead of one overwriting the other. `rebuild_plan_tallies` recounts everything from
the obligations (after a bulk load); `plan_tally_differences` is what `check_plan_tallies` reports.

Each unit's cell also counts into the subtree cells (`PlanSubtreeTally`) of the unit and of every
ancestor, in the same transaction: a subtree's figures across years (the dashboard's trends) read
one row per year. Moving a unit moves its subtree cells between ancestors (`move_subtree`);
`subtree_tally_differences` is checked and `rebuild_plan_tallies` recounts them with the units' cells.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import TypeVar

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear

from core.tallies import differences, replace_all
from documents.models import Document, Obligation, PlanSubtreeTally, PlanTally
from organisations.models import Unit

__all__ = [
    "count_fulfilled",
    "count_obligations",
    "counted",
    "counted_obligations",
    "counted_plan_tallies",
    "counted_subtree_tallies",
    "move_subtree",
    "plan_tally_differences",
    "rebuild_plan_tallies",
    "stored_plan_tallies",
    "stored_subtree_tallies",
    "subtree_tally_differences",
    "uncount_document",
]

Cell = tuple[int, int]  # (unit id, year)
Counts = tuple[int, int]  # (asked, issued)
Tally = TypeVar("Tally", PlanTally, PlanSubtreeTally)


def counted() -> Q:
    """The rule of `counted_obligations` as a condition, for a count taken among others in one query."""
    return Q(requires_plan=True, document__status=Document.Status.ISSUED, document__issued_on__isnull=False)


def counted_obligations() -> QuerySet[Obligation]:
    """The obligations the tallies count: implementing plans asked by a plan that stands issued."""
    return Obligation.objects.filter(counted())


def _cell(obligation: Obligation) -> Cell | None:
    document = obligation.document
    if not obligation.requires_plan or document.status != Document.Status.ISSUED or not document.issued_on:
        return None
    return obligation.unit_id, document.issued_on.year


def _apply(model: type[Tally], changes: dict[Cell, list[int]]) -> None:
    """Add (asked, issued) to each cell of a tally table, creating the cells first (in one order),
    one UPDATE per year and change. The caller holds `_serialise`'s lock."""
    changes = {cell: delta for cell, delta in changes.items() if any(delta)}
    if not changes:
        return
    model.objects.bulk_create(
        [model(unit_id=unit, year=year) for unit, year in sorted(changes)], ignore_conflicts=True
    )
    units_by_change: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for (unit, year), (asked, issued) in changes.items():
        units_by_change[(year, asked, issued)].append(unit)
    for (year, asked, issued), units in sorted(units_by_change.items()):
        model.objects.filter(year=year, unit_id__in=units).update(
            asked=F("asked") + asked, issued=F("issued") + issued
        )


def _path_ids(path: str) -> list[int]:
    """The units of a path, root first: "/1/7/42/" -> [1, 7, 42]."""
    return [int(part) for part in path.strip("/").split("/") if part]


def _subtree_changes(changes: dict[Cell, list[int]], paths: dict[int, str]) -> dict[Cell, list[int]]:
    """The changes of units' cells as changes of the subtree cells of each unit and its ancestors."""
    subtree: dict[Cell, list[int]] = defaultdict(lambda: [0, 0])
    for (unit, year), (asked, issued) in changes.items():
        for holder in _path_ids(paths[unit]):
            subtree[(holder, year)][0] += asked
            subtree[(holder, year)][1] += issued
    return subtree


def _serialise() -> None:
    """Counting waits for any other counting or move to commit: lock the roots of the unit tree.

    Every count moves the root's subtree row, and a service may count twice in its transaction
    (issuing an implementing plan counts the new plan's obligations, then the parent's as issued;
    ending a unit moves its subtree, then re-routes obligations), so locks taken cell by cell, in
    whatever order, deadlocked: a plan counted while another was uncounted did, 2 rounds in 15 on
    PostgreSQL. A move must not interleave with a count either, or the count adds into the old
    ancestors' rows after the move has carried their totals away. Taken first, this one lock
    orders them all; `no_key` keeps it from blocking rows that merely refer to a root (a new
    member or document of the province). SQLite serialises writers anyway."""
    list(
        Unit.objects.select_for_update(no_key=True)
        .filter(parent__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def _add(changes: dict[Cell, list[int]]) -> None:
    """Add (asked, issued) to each unit's cell and to the subtree cells of the unit and its ancestors."""
    changes = {cell: delta for cell, delta in changes.items() if any(delta)}
    if not changes:
        return
    with transaction.atomic(savepoint=False):  # the service's transaction, or one of its own
        _serialise()  # before reading the paths: a move in progress commits first
        _apply(PlanTally, changes)
        paths = dict(Unit.objects.filter(pk__in={unit for unit, _year in changes}).values_list("pk", "path"))
        _apply(PlanSubtreeTally, _subtree_changes(changes, paths))


def move_subtree(unit: Unit, new_parent: Unit) -> None:
    """Move the subtree cells of `unit` (its path still the old one) from its old ancestors to those
    of `new_parent`: called by `organisations.services.move_unit`, in its transaction, before the
    paths change (a count waiting on `_serialise` then reads the new paths)."""
    if transaction.get_autocommit():
        raise transaction.TransactionManagementError("move_subtree runs in the move's transaction")
    _serialise()
    totals = PlanSubtreeTally.objects.filter(unit=unit).values_list("year", "asked", "issued")
    old, new = _path_ids(unit.path)[:-1], _path_ids(new_parent.path)
    changes: dict[Cell, list[int]] = defaultdict(lambda: [0, 0])
    for year, asked, issued in totals:
        for holder in old:
            changes[(holder, year)][0] -= asked
            changes[(holder, year)][1] -= issued
        for holder in new:
            changes[(holder, year)][0] += asked
            changes[(holder, year)][1] += issued
    _apply(PlanSubtreeTally, changes)


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
    rows = (
        counted_obligations()
        .values("unit_id", year=ExtractYear("document__issued_on"))
        .annotate(asked=Count("pk"), issued=Count("pk", filter=Q(fulfilled_at__isnull=False)))
        .order_by()
    )
    return {(row["unit_id"], row["year"]): (row["asked"], row["issued"]) for row in rows}


def stored_plan_tallies() -> dict[Cell, Counts]:
    """The stored tallies, leaving out cells counted down to nothing."""
    rows = PlanTally.objects.exclude(asked=0, issued=0).values_list("unit_id", "year", "asked", "issued")
    return {(unit, year): (asked, issued) for unit, year, asked, issued in rows}


def plan_tally_differences() -> list[tuple[Cell, Counts | None, Counts | None]]:
    """Each cell whose stored tally is not the obligations' count: (cell, stored, counted)."""
    return differences(stored_plan_tallies(), counted_plan_tallies())


def _unit_paths() -> dict[int, str]:
    return dict(Unit.objects.values_list("pk", "path"))


def counted_subtree_tallies(cells: dict[Cell, Counts] | None = None) -> dict[Cell, Counts]:
    """The subtree tallies as the obligations give them (or as `cells`, the units' tallies, sum up)."""
    cells = counted_plan_tallies() if cells is None else cells
    changes = _subtree_changes({cell: list(counts) for cell, counts in cells.items()}, _unit_paths())
    return {cell: (asked, issued) for cell, (asked, issued) in changes.items() if asked or issued}


def stored_subtree_tallies() -> dict[Cell, Counts]:
    """The stored subtree tallies, leaving out cells counted down to nothing."""
    rows = PlanSubtreeTally.objects.exclude(asked=0, issued=0).values_list(
        "unit_id", "year", "asked", "issued"
    )
    return {(unit, year): (asked, issued) for unit, year, asked, issued in rows}


def subtree_tally_differences() -> list[tuple[Cell, Counts | None, Counts | None]]:
    """Each subtree cell whose stored tally is not the obligations' count: (cell, stored, counted)."""
    return differences(stored_subtree_tallies(), counted_subtree_tallies())


@transaction.atomic
def rebuild_plan_tallies() -> int:
    """Recount every tally, the units' and the subtrees', from the obligations (after a bulk load or
    a repair); the number of the units' cells."""
    cells = counted_plan_tallies()
    replace_all(
        PlanSubtreeTally,
        [
            PlanSubtreeTally(unit_id=unit, year=year, asked=asked, issued=issued)
            for (unit, year), (asked, issued) in counted_subtree_tallies(cells).items()
        ],
    )
    return replace_all(
        PlanTally,
        [
            PlanTally(unit_id=unit, year=year, asked=asked, issued=issued)
            for (unit, year), (asked, issued) in cells.items()
        ],
    )
