"""The per-unit, per-year tallies of implementing plans (`PlanTally`), kept by the services that write
obligations, in their transaction: issuing a plan counts what it asks, issuing an implementing plan
counts the parent's obligation as issued, revoking a document or re-routing an obligation moves its
counts. A tally counts an obligation while it asks for a plan and its document stands issued (the
rule of `counted_obligations`, which the reports' cascade figures read too).

Each change is an `UPDATE … SET asked = asked + n`: two transactions counting into the same row wait
for each other instead of one overwriting the other. `rebuild_plan_tallies` recounts everything from
the obligations (after a bulk load); `plan_tally_differences` is what `check_plan_tallies` reports.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from django.db import transaction
from django.db.models import Count, F, Q, QuerySet
from django.db.models.functions import ExtractYear

from core.tallies import differences, replace_all
from documents.models import Document, Obligation, PlanTally

__all__ = [
    "count_fulfilled",
    "count_obligations",
    "counted_obligations",
    "counted_plan_tallies",
    "plan_tally_differences",
    "rebuild_plan_tallies",
    "stored_plan_tallies",
    "uncount_document",
]

Cell = tuple[int, int]  # (unit id, year)
Counts = tuple[int, int]  # (asked, issued)


def counted_obligations() -> QuerySet[Obligation]:
    """The obligations the tallies count: implementing plans asked by a plan that stands issued."""
    return Obligation.objects.filter(
        requires_plan=True, document__status=Document.Status.ISSUED, document__issued_on__isnull=False
    )


def _cell(obligation: Obligation) -> Cell | None:
    document = obligation.document
    if not obligation.requires_plan or document.status != Document.Status.ISSUED or not document.issued_on:
        return None
    return obligation.unit_id, document.issued_on.year


def _add(changes: dict[Cell, list[int]]) -> None:
    """Add (asked, issued) to each cell, creating the cells first, one UPDATE per year and change."""
    changes = {cell: delta for cell, delta in changes.items() if any(delta)}
    if not changes:
        return
    PlanTally.objects.bulk_create(
        [PlanTally(unit_id=unit, year=year) for unit, year in changes], ignore_conflicts=True
    )
    units_by_change: dict[tuple[int, int, int], list[int]] = defaultdict(list)
    for (unit, year), (asked, issued) in changes.items():
        units_by_change[(year, asked, issued)].append(unit)
    for (year, asked, issued), units in sorted(units_by_change.items()):
        PlanTally.objects.filter(year=year, unit_id__in=units).update(
            asked=F("asked") + asked, issued=F("issued") + issued
        )


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


@transaction.atomic
def rebuild_plan_tallies() -> int:
    """Recount every tally from the obligations (after a bulk load or a repair); the number of cells."""
    cells = counted_plan_tallies()
    return replace_all(
        PlanTally,
        [
            PlanTally(unit_id=unit, year=year, asked=asked, issued=issued)
            for (unit, year), (asked, issued) in cells.items()
        ],
    )
