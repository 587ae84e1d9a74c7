"""Roll-ups of a unit's subtree by its direct children, in one grouped query per figure.

A row of any table that belongs to a unit (a member, an obligation, an award) is counted
under the child of the chosen unit whose subtree holds it. That child is read from the
row's unit path: the path of the chosen unit is a prefix, and the next id in the path is
the child's. `child_key` turns that into one SQL expression, so a figure for every child
is one `GROUP BY` whatever the number of units below, instead of a query per child.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from django.db import connection
from django.db.models import CharField, Count, F, Q, QuerySet, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Concat, StrIndex, Substr

from organisations.models import Unit

SELF = 0  # the key of rows attached to the chosen unit itself


def child_key(path: str | Combinable, unit: Unit):
    """SQL text: the id of the child of `unit` whose subtree holds the row whose unit path is
    `path` (a lookup such as "unit__path", or an expression); "0" for rows of `unit` itself.

    "/1/7/" + "42/9/" → "42". The row's path gets "0/" appended first, so the unit's own rows
    read "0" and no substring has a negative length (PostgreSQL refuses those)."""
    source = F(path) if isinstance(path, str) else path
    rest = Substr(Concat(source, Value("0/"), output_field=CharField()), len(unit.path) + 1)
    return Substr(rest, 1, StrIndex(rest, Value("/")) - 1, output_field=CharField())


def in_subtree(path: str, unit: Unit) -> Q:
    return Q(**{f"{path}__startswith": unit.path})


@dataclass
class Breakdown:
    """The chosen unit and its direct children (current or ended: ended units keep their
    records), the rows every table of the dashboard is broken down by."""

    unit: Unit
    children: list[Unit] = field(default_factory=list)
    campaign_id: int | None = None  # the campaign the per-unit campaign figures follow (else the latest)

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

    @cached_property
    def holds_most_units(self) -> bool:
        """Whether the unit's subtree holds most of the units (then reading a table whole costs less
        than testing each of its rows against the subtree)."""
        counts = Unit.objects.aggregate(
            total=Count("pk"), inside=Count("pk", filter=in_subtree("path", self.unit))
        )
        return counts["inside"] * 2 > counts["total"]

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

    def count_by_unit(self, queryset: QuerySet, **counts: Count) -> dict[int, dict[str, int]]:
        """Like `group`, for tables with many rows per unit (members): the rows are counted per unit
        first and the units' counts summed per child, so the child is worked out once per unit
        instead of once per row. `queryset` has a `unit` foreign key; the aggregates are counts.

        A subtree holding most units counts the table whole and keeps its own units through the
        join; a smaller one counts only its units' rows. The answers are the same."""
        if not self.holds_most_units:
            queryset = queryset.filter(in_subtree("unit__path", self.unit))
        per_unit = queryset.order_by().values(_unit=F("unit_id")).annotate(**counts)
        units = (
            Unit.objects.filter(in_subtree("path", self.unit))
            .order_by()
            .values(_id=F("pk"), _child=child_key("path", self.unit))
        )
        (counted, counted_params), (keys, keys_params) = (
            q.query.sql_with_params() for q in (per_unit, units)
        )
        quote = connection.ops.quote_name
        sums = ", ".join(f"SUM(c.{quote(name)})" for name in counts)
        sql = (
            f"SELECT k.{quote('_child')}, {sums} FROM ({counted}) c"
            f" INNER JOIN ({keys}) k ON k.{quote('_id')} = c.{quote('_unit')} GROUP BY k.{quote('_child')}"
        )
        with connection.cursor() as cursor:
            cursor.execute(sql, [*counted_params, *keys_params])
            rows = cursor.fetchall()
        return {
            int(child or SELF): {name: int(value or 0) for name, value in zip(counts, values, strict=True)}
            for child, *values in rows
        }

    def row_units(self, grouped: Iterable[Mapping[int, object]] = ()) -> list[tuple[int, Unit]]:
        """The rows to show: every child, then the unit itself when any figure has rows of its own."""
        rows = [(child.pk, child) for child in self.children]
        if any(SELF in figures for figures in grouped):
            rows.append((SELF, self.unit))
        return rows
