"""Grouping rows of a subtree by the root's child they fall under, in SQL.

`child_prefix(root_path, "unit__path")` is the path of the root's child above each row's unit
(the root's own path for rows of the root itself): `Substr(path, 1, len(root) + position of the
next "/")`. Grouping by it gives per-child aggregates in one query, however many units there are.
"""

from django.db.models import F, Value
from django.db.models.functions import StrIndex, Substr

from organisations.models import Unit


def child_prefix(root_path: str, field: str = "unit__path"):
    length = len(root_path)
    rest = Substr(F(field), length + 1)
    return Substr(F(field), 1, StrIndex(rest, Value("/")) + length)


def prefix_unit_id(prefix: str) -> int:
    """The unit a prefix ends with: "/1/7/" -> 7."""
    return int(prefix.rstrip("/").rsplit("/", 1)[-1])


def child_units(root: Unit) -> list[Unit]:
    """The root and its children, the rows a per-child table can have (root first). The type only
    orders them: no table shows it, so it is not read with them (~80 children of a province)."""
    units = list(
        Unit.objects.filter(parent=root).order_by(
            "unit_type__level", "unit_type_id", "sort_order", "sort_name"
        )
    )
    return [root, *units]
