"""Subtree tallies: a unit's whole subtree (the unit included) counted by year in one row, kept by
the writers of what they count in the writer's transaction, so that a figure across years for a
province reads a row a year instead of joining its thousands of units to their records.

A tally model (`SubtreeTally`) names its counts (`COUNTS`) and how they are counted
from the records (`counted_unit_cells`: each unit's own cells). A writer hands the change of its
units' own cells to `add`; each cell's change moves the row of the unit and of every ancestor.
Moving a unit moves its subtree's rows from the old ancestors to the new (`move_all`, called by
`organisations.services.move_unit`). `differences` is what `check_subtree_tallies` reports and
`rebuild` recounts a table from the records (after a bulk load, a restore or a repair).

Every change is an `UPDATE … SET n = n + k` after one lock on the roots of the unit tree
(`lock_tree`), so two writers never overwrite each other nor deadlock, and a move never interleaves
with a count.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from contextlib import contextmanager
from typing import ClassVar, cast

from django.apps import apps
from django.db import models, transaction
from django.db.models import F, QuerySet

from core.tallies import differences as _differences
from core.tallies import replace_all
from organisations.models import Unit

__all__ = [
    "Cell",
    "SubtreeTally",
    "TalliedRecord",
    "TalliedQuerySet",
    "add",
    "counted",
    "counting",
    "differences",
    "fill",
    "lock_tree",
    "move_all",
    "path_ids",
    "rebuild",
    "rebuild_all",
    "spread",
    "stored",
    "tally_models",
]

Cell = tuple[int, int]  # (unit id, year)
Changes = Mapping[Cell, Sequence[int]]


def path_ids(path: str) -> list[int]:
    """The units of a path, root first: "/1/7/42/" -> [1, 7, 42]."""
    return [int(part) for part in path.strip("/").split("/") if part]


def lock_tree() -> None:
    """Counting waits for any other counting or move to commit: lock the roots of the unit tree.

    Every count moves the root's row, and a service may count twice in its transaction (issuing an
    implementing plan counts the new plan's obligations, then the parent's as issued; ending a unit
    moves its subtree, then re-routes obligations), so locks taken cell by cell, in whatever order,
    deadlocked: a plan counted while another was uncounted did, 2 rounds in 15 on PostgreSQL. A move
    must not interleave with a count either, or the count adds into the old ancestors' rows after
    the move has carried their totals away. Taken first, this one lock orders them all; `no_key`
    keeps it from blocking rows that merely refer to a root (a new member or document of the
    province). SQLite serialises writers anyway."""
    list(
        Unit.objects.select_for_update(no_key=True)
        .filter(parent__isnull=True)
        .order_by("pk")
        .values_list("pk", flat=True)
    )


def spread(changes: Changes, paths: Mapping[int, str]) -> dict[Cell, list[int]]:
    """The changes of units' own cells as changes of the subtree rows of each unit and its ancestors."""
    subtree: dict[Cell, list[int]] = {}
    for (unit, year), delta in changes.items():
        for holder in path_ids(paths[unit]):
            total = subtree.setdefault((holder, year), [0] * len(delta))
            for index, n in enumerate(delta):
                total[index] += n
    return subtree


def apply(model, changes: Changes, fields: Sequence[str] | None = None) -> None:
    """Add each change to its row of a tally table (`fields`: the counts, the model's `COUNTS` by
    default), creating the rows first in one order, one UPDATE per year and change. The caller
    holds `lock_tree`'s lock."""
    fields = tuple(fields or model.COUNTS)
    deltas = {cell: tuple(delta) for cell, delta in changes.items() if any(delta)}
    if not deltas:
        return
    model.objects.bulk_create(
        [model(unit_id=unit, year=year) for unit, year in sorted(deltas)], ignore_conflicts=True
    )
    units_by_change: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for (unit, year), delta in deltas.items():
        units_by_change[(year, delta)].append(unit)
    for (year, delta), units in sorted(units_by_change.items()):
        model.objects.filter(year=year, unit_id__in=units).update(
            **{name: F(name) + n for name, n in zip(fields, delta, strict=True) if n}
        )


def add(model, changes: Changes) -> None:
    """Count the change of units' own cells into the subtree rows of the units and their ancestors,
    in the caller's transaction (or one of its own)."""
    changes = {cell: delta for cell, delta in changes.items() if any(delta)}
    if not changes:
        return
    with transaction.atomic(savepoint=False):
        lock_tree()  # before reading the paths: a move in progress commits first
        paths = dict(Unit.objects.filter(pk__in={unit for unit, _year in changes}).values_list("pk", "path"))
        apply(model, spread(changes, paths))


def fill(model, fields: Sequence[str], cells: Changes, paths: Mapping[int, str]) -> None:
    """Write a new table's rows from the units' own cells: for a migration, whose historical models
    have no `COUNTS` (`fields` names them) and whose units' `paths` it reads itself."""
    model.objects.bulk_create(
        [
            model(unit_id=unit, year=year, **dict(zip(fields, totals, strict=True)))
            for (unit, year), totals in spread(cells, paths).items()
            if any(totals)
        ],
        batch_size=2000,
    )


def tally_models() -> list:
    return [model for model in apps.get_models() if issubclass(model, SubtreeTally)]


def move_all(unit, new_parent) -> None:
    """Move the rows of `unit`'s subtree (its path still the old one) from its old ancestors to those
    of `new_parent`, in every subtree tally: in the move's transaction, before the paths change (a
    count waiting on `lock_tree` then reads the new paths)."""
    if transaction.get_autocommit():
        raise transaction.TransactionManagementError("a subtree moves in the move's transaction")
    lock_tree()
    old, new = path_ids(unit.path)[:-1], path_ids(new_parent.path)
    for model in tally_models():
        changes: dict[Cell, list[int]] = {}
        for year, *totals in model.objects.filter(unit=unit).values_list("year", *model.COUNTS):
            for holders, sign in ((old, -1), (new, 1)):
                for holder in holders:
                    row = changes.setdefault((holder, year), [0] * len(totals))
                    for index, n in enumerate(totals):
                        row[index] += sign * n
        apply(model, changes)


def _unit_paths() -> dict[int, str]:
    return dict(Unit.objects.values_list("pk", "path"))


def counted(model, cells: Changes | None = None) -> dict[Cell, tuple[int, ...]]:
    """The subtree rows as the records give them (or as `cells`, the units' own cells, sum up)."""
    cells = model.counted_unit_cells() if cells is None else cells
    return {cell: tuple(totals) for cell, totals in spread(cells, _unit_paths()).items() if any(totals)}


def stored(model) -> dict[Cell, tuple[int, ...]]:
    """The stored rows, leaving out those counted down to nothing."""
    rows = model.objects.values_list("unit_id", "year", *model.COUNTS)
    return {(unit, year): tuple(totals) for unit, year, *totals in rows if any(totals)}


def differences(model) -> list[tuple[Cell, tuple[int, ...] | None, tuple[int, ...] | None]]:
    """Each row whose stored counts are not the records' count: (cell, stored, counted)."""
    return _differences(stored(model), counted(model))


def rebuild(model, cells: Changes | None = None) -> int:
    """Recount a whole table from the records (or from `cells`, the units' own), inside the caller's
    transaction; the number of rows."""
    rows = [
        model(unit_id=unit, year=year, **dict(zip(model.COUNTS, totals, strict=True)))
        for (unit, year), totals in counted(model, cells).items()
    ]
    return replace_all(model, rows)


def rebuild_all(models: Iterable | None = None) -> dict[str, int]:
    """Recount every subtree tally (or `models`): {table label: rows}."""
    with transaction.atomic():
        return {model._meta.label: rebuild(model) for model in (models or tally_models())}


@contextmanager
def counting(model, rows: Callable[[], QuerySet]):
    """Count the change a write makes: what the records `rows()` gives count before the block (locked)
    and after it, in one transaction; the difference moves `model.TALLY`."""
    tally = apps.get_model(model.TALLY)
    with transaction.atomic(savepoint=False):
        list(rows().select_for_update(of=("self",)).values_list("pk", flat=True))
        before = model.tally_cells(rows())
        yield
        after = model.tally_cells(rows())
        cells = before.keys() | after.keys()
        zero = (0,) * len(tally.COUNTS)
        add(
            tally,
            {
                cell: tuple(a - b for a, b in zip(after.get(cell, zero), before.get(cell, zero), strict=True))
                for cell in cells
            },
        )


class TalliedQuerySet(QuerySet):
    """The bulk writes of a `TalliedRecord`, keeping its subtree tally as its own writes do."""

    def bulk_create(self, objs, *args, **kwargs):
        if kwargs.get("ignore_conflicts") or kwargs.get("update_conflicts"):
            raise TypeError(
                "a tallied record is not bulk-created over conflicts: the rows written are unknown"
            )
        created: list = []

        def rows() -> QuerySet:
            return self.model._base_manager.filter(pk__in=[obj.pk for obj in created])

        with counting(self.model, rows):
            created = super().bulk_create(objs, *args, **kwargs)
        return created

    def update(self, **kwargs):
        if not cast("type[TalliedRecord]", self.model).TALLIED_FIELDS & set(kwargs):
            return super().update(**kwargs)
        with transaction.atomic(savepoint=False):
            pks = list(self.values_list("pk", flat=True))
            with counting(self.model, lambda: self.model._base_manager.filter(pk__in=pks)):
                return super().update(**kwargs)

    update.alters_data = True  # type: ignore[attr-defined]

    def delete(self):
        with transaction.atomic(savepoint=False):
            pks = list(self.values_list("pk", flat=True))
            with counting(self.model, lambda: self.model._base_manager.filter(pk__in=pks)):
                return super().delete()

    delete.alters_data = True  # type: ignore[attr-defined]
    delete.queryset_only = True  # type: ignore[attr-defined]


class SubtreeTally(models.Model):
    """Counts of a unit's whole subtree (the unit included) in one year, kept by the writers of what
    they count (organisations/subtree_tallies.py). A table names its counts in `COUNTS` and counts each
    unit's own cells from the records in `counted_unit_cells`."""

    COUNTS: ClassVar[tuple[str, ...]] = ()

    unit = models.ForeignKey("organisations.Unit", on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField()

    class Meta:
        abstract = True
        constraints = [
            models.UniqueConstraint(fields=["unit", "year"], name="%(app_label)s_%(class)s_unit_year"),
        ]

    def __str__(self) -> str:
        counts = "/".join(str(getattr(self, name)) for name in self.COUNTS)
        return f"{self.unit_id}/{self.year} (subtree): {counts}"

    @classmethod
    def counted_unit_cells(cls) -> Mapping[tuple[int, int], Sequence[int]]:
        """Each unit's own counts by year, as the records give them: {(unit, year): counts}."""
        raise NotImplementedError


class TalliedRecord(models.Model):
    """A record counted into a subtree tally (`TALLY`, a `SubtreeTally` model's label): saving or
    deleting it, and the bulk writes of its queryset (`TalliedQuerySet`), move
    the tally in the same transaction by what the record counts before and after
    (`tally_cells`). `TALLIED_FIELDS`: the fields whose change can move a count."""

    TALLY: ClassVar[str]
    TALLIED_FIELDS: ClassVar[frozenset[str]]

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        fields = kwargs.get("update_fields")
        if fields is not None and not self.TALLIED_FIELDS & set(fields):
            return super().save(*args, **kwargs)
        with counting(type(self), self._itself):
            super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        with counting(type(self), self._itself):
            return super().delete(*args, **kwargs)

    def _itself(self) -> models.QuerySet:
        manager = type(self)._base_manager
        return manager.none() if self.pk is None else manager.filter(pk=self.pk)

    @classmethod
    def tally_cells(cls, queryset: models.QuerySet) -> dict[tuple[int, int], tuple[int, ...]]:
        """What the records of `queryset` count: {(unit, year): counts}."""
        raise NotImplementedError
