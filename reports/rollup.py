"""Roll-ups of a unit's subtree by its direct children, in one grouped query per figure.

A row of any table that belongs to a unit (a member, an obligation, an award) is counted
under the child of the chosen unit whose subtree holds it. That child is read from the
row's unit path: the path of the chosen unit is a prefix, and the next id in the path is
the child's. `child_key` turns that into one SQL expression, so a figure for every child
is one `GROUP BY` whatever the number of units below, instead of a query per child.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import CharField, F, Func, Q, QuerySet
from django.db.models.expressions import Combinable

from organisations.models import Unit

SELF = 0  # the key of rows attached to the chosen unit itself


class ChildKey(Func):
    """SQL text: the id of the child of the unit whose path is `unit_path` whose subtree holds the
    row whose unit path is `path` (an expression); "" for rows of the unit itself.

    "/1/7/" + "42/9/" → "42". PostgreSQL reads it with one `split_part` (the field after the unit's
    ids); elsewhere the row's path gets "0/" appended and is cut after the unit's path up to the
    next "/" ("0" for the unit's own rows; no substring has a negative length)."""

    output_field = CharField()

    def __init__(self, path: Combinable, unit_path: str):
        super().__init__(path)
        self.unit_path = unit_path

    def as_sql(self, compiler, connection, function=None, template=None, arg_joiner=None, **extra_context):
        path_sql, params = compiler.compile(self.source_expressions[0])
        rest = f"SUBSTR({path_sql} || '0/', {len(self.unit_path) + 1})"
        return f"SUBSTR({rest}, 1, INSTR({rest}, '/') - 1)", (*params, *params)

    def as_postgresql(self, compiler, connection, **extra_context):
        path_sql, params = compiler.compile(self.source_expressions[0])
        # "/1/7/42/9/" split on "/": "", "1", "7", "42"… — the child is the field after the unit's ids
        position = self.unit_path.count("/") + 1
        return f"SPLIT_PART({path_sql}, '/', {position})", tuple(params)


def child_key(path: str | Combinable, unit: Unit) -> ChildKey:
    """The child of `unit` holding a row, from the row's unit path (a lookup such as "unit__path",
    or an expression): `ChildKey`."""
    return ChildKey(F(path) if isinstance(path, str) else path, unit.path)


def in_subtree(path: str, unit: Unit) -> Q:
    return Q(**{f"{path}__startswith": unit.path})


@dataclass
class Breakdown:
    """The chosen unit and its direct children (current or ended: ended units keep their
    records), the rows every table of the dashboard is broken down by."""

    unit: Unit
    children: list[Unit] = field(default_factory=list)
    campaign_id: int | None = None  # the campaign the per-unit campaign figures follow (else the latest)
    _shared: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def of(cls, unit: Unit) -> Breakdown:
        children = list(
            Unit.objects.filter(parent=unit)
            .select_related("unit_type")
            .order_by("valid_to", "sort_order", "sort_name")
        )
        # current units first, ended ones after them
        children.sort(key=lambda u: (u.valid_to is not None, u.sort_order, u.sort_name))
        return cls(unit=unit, children=children)

    def shared(self, name: str, compute: Callable[[], Any]) -> Any:
        """What several sections of one computation read alike (the year's campaigns, the subtree's
        awards by year), computed by the first that asks and kept with the breakdown."""
        if name not in self._shared:
            self._shared[name] = compute()
        return self._shared[name]

    @property
    def child_by_id(self) -> dict[int, Unit]:
        return {child.pk: child for child in self.children}

    def group(
        self, queryset: QuerySet, path: str | Combinable, subtree: Q | None = None, **aggregates
    ) -> dict[int, dict]:
        """{child id (SELF for the unit itself): {aggregate: value}} for the rows of `queryset`
        in the unit's subtree. `path` is the lookup or expression of a row's unit path;
        `subtree` replaces the default filter (`path__startswith`) when `path` is an expression."""
        if subtree is None:
            assert isinstance(path, str)  # an expression comes with its own subtree filter
            subtree = in_subtree(path, self.unit)
        rows = (
            queryset.filter(subtree)
            .annotate(_child=child_key(path, self.unit))
            .values("_child")
            .annotate(**aggregates)
            .order_by()
        )
        result: dict[int, dict] = {}
        for row in rows:
            key = int(row.pop("_child") or SELF)
            result[key] = row
        return result

    def row_units(self, grouped: Iterable[Mapping[int, object]] = ()) -> list[tuple[int, Unit]]:
        """The rows to show: every child, then the unit itself when any figure has rows of its own."""
        rows = [(child.pk, child) for child in self.children]
        if any(SELF in figures for figures in grouped):
            rows.append((SELF, self.unit))
        return rows
