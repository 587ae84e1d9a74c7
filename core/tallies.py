"""What the tallies the services keep have in common (documents.tallies for plans,
organisations.tallies for members): comparing stored and counted figures, and recounting a whole
table while the writers that keep it wait."""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from typing import TypeVar

from django.db import connection, models

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")


def differences(
    stored: Mapping[Key, Value], counted: Mapping[Key, Value]
) -> list[tuple[Key, Value | None, Value | None]]:
    """Each key whose stored figure is not the counted one: (key, stored, counted), in key order."""
    return [
        (key, stored.get(key), counted.get(key))
        for key in sorted(stored.keys() | counted.keys())  # type: ignore[type-var]  # keys are ids or (id, year)
        if stored.get(key) != counted.get(key)
    ]


def replace_all(model: type[models.Model], rows: list[models.Model]) -> int:
    """Every row of a tally table replaced by `rows`, inside the caller's transaction; on PostgreSQL
    the table is locked first, so a writer counting meanwhile waits for the recount."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"LOCK TABLE {model._meta.db_table} IN EXCLUSIVE MODE")
    model._default_manager.all().delete()
    model._default_manager.bulk_create(rows, batch_size=2000)
    return len(rows)
