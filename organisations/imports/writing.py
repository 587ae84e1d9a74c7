"""Writing a checked member import: COPY on PostgreSQL, executemany on SQLite, each member with
its history row and its unit's tally counted, all in one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from enum import Enum

from django.db import connection, transaction
from django.utils import timezone

from core.text import fold, person_sort_key
from organisations.imports.checking import FILE_FIELDS, MemberRow
from organisations.models import Member, MemberCell, MemberTally

__all__ = ["WRITE_BATCH", "apply_member_import"]

WRITE_BATCH = 5000


@transaction.atomic
def apply_member_import(rows: Sequence[MemberRow], *, actor=None) -> int:
    """Write checked rows and one history row ("created", by `actor`) for each: all or none."""
    now = timezone.now()
    writer = _PostgresWriter(now, actor) if connection.vendor == "postgresql" else _SqlWriter(now, actor)
    for start in range(0, len(rows), WRITE_BATCH):
        batch = rows[start : start + WRITE_BATCH]
        writer.write_members(batch)
        write_history(writer, batch)
    # the rows went around the ORM (COPY): their units' tallies are counted here
    cells: dict[MemberCell, int] = {}
    for row in rows:
        cell = (row.unit.pk, row.status, row.gender)
        cells[cell] = cells.get(cell, 0) + 1
    MemberTally.objects.add(cells)
    return len(rows)


def write_history(writer, batch: Sequence[MemberRow]) -> None:
    """One batch's history rows (a hook of its own, so the fault tests can stop right after it)."""
    writer.write_history(batch)


def _member_columns() -> tuple[list[str], dict[str, object]]:
    """Every concrete column of the member table but the id, and the value of those the file does
    not give (the model's defaults), so a field added later with a default needs no change here."""
    given = {*FILE_FIELDS, "unit_id", "search_text", "sort_name", "created_at", "updated_at"}
    columns: list[str] = []
    defaults: dict[str, object] = {}
    for model_field in Member._meta.concrete_fields:
        if model_field.primary_key:
            continue
        assert model_field.column is not None  # a concrete field has a column
        columns.append(model_field.column)
        if model_field.attname not in given:
            default = model_field.get_default()
            defaults[model_field.attname] = default.value if isinstance(default, Enum) else default
    return columns, defaults


class _Writer:
    def __init__(self, now, actor):
        self.now = now
        self.actor_id = getattr(actor, "pk", None)
        self.member_table = Member._meta.db_table
        history_model = Member.history.model
        self.history_table = history_model._meta.db_table
        self.columns, self.defaults = _member_columns()
        self.attnames = [f.attname for f in Member._meta.concrete_fields if not f.primary_key]
        self.history_columns = [f.column for f in history_model.tracked_fields]

    def member_values(self, row: MemberRow, created_at) -> list:
        """The row's values in the order of `self.columns`."""
        values = {
            "code": row.code,
            "full_name": row.full_name,
            "gender": row.gender,
            "birth_date": row.birth_date,
            "ethnicity": row.ethnicity,
            "position": row.position,
            "category": row.category,
            "unit_id": row.unit.pk,
            "joined_on": row.joined_on,
            "status": row.status,
            "left_on": row.left_on,
            "search_text": fold(f"{row.full_name} {row.code}"),
            "sort_name": person_sort_key(row.full_name),
            "created_at": created_at,
            "updated_at": created_at,
            **self.defaults,
        }
        return [values[attname] for attname in self.attnames]


class _PostgresWriter(_Writer):
    """COPY, with the ids taken from the table's sequence first so the history rows need no lookup."""

    def write_members(self, batch: Sequence[MemberRow]) -> None:
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
                [self.member_table, len(batch)],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
            self.written = [
                dict(zip(self.columns, self.member_values(row, self.now), strict=True), id=pk)
                for pk, row in zip(ids, batch, strict=True)
            ]
            columns = ["id", *self.columns]
            with cursor.cursor.copy(f'COPY "{self.member_table}" ({", ".join(columns)}) FROM STDIN') as copy:
                for member in self.written:
                    copy.write_row([member[column] for column in columns])

    def write_history(self, batch: Sequence[MemberRow]) -> None:
        columns = [
            *self.history_columns,
            "history_date",
            "history_change_reason",
            "history_type",
            "history_user_id",
        ]
        extra = (self.now, "", "+", self.actor_id)
        with connection.cursor() as cursor:
            with cursor.cursor.copy(f'COPY "{self.history_table}" ({", ".join(columns)}) FROM STDIN') as copy:
                for member in self.written:
                    copy.write_row([*(member[column] for column in self.history_columns), *extra])
        self.written = []


class _SqlWriter(_Writer):
    """executemany for the members, then one INSERT … SELECT of their history rows per 500 codes."""

    def write_members(self, batch: Sequence[MemberRow]) -> None:
        ops = connection.ops
        created_at = ops.adapt_datetimefield_value(self.now)
        date_positions = [
            i
            for i, f in enumerate(f for f in Member._meta.concrete_fields if not f.primary_key)
            if f.get_internal_type() == "DateField"
        ]
        rows = []
        for row in batch:
            values = self.member_values(row, created_at)
            for index in date_positions:
                values[index] = ops.adapt_datefield_value(values[index])
            rows.append(values)
        placeholders = ", ".join(["%s"] * len(self.columns))
        with connection.cursor() as cursor:
            cursor.executemany(
                f'INSERT INTO "{self.member_table}" ({", ".join(self.columns)}) VALUES ({placeholders})', rows
            )

    def write_history(self, batch: Sequence[MemberRow]) -> None:
        tracked = ", ".join(self.history_columns)
        history_date = connection.ops.adapt_datetimefield_value(self.now)
        with connection.cursor() as cursor:
            for start in range(0, len(batch), 500):
                codes = [row.code for row in batch[start : start + 500]]
                cursor.execute(
                    f'INSERT INTO "{self.history_table}" ({tracked}, history_date, history_change_reason, '
                    f'history_type, history_user_id) SELECT {tracked}, %s, %s, %s, %s FROM "{self.member_table}" '
                    f"WHERE code IN ({', '.join(['%s'] * len(codes))})",
                    [history_date, "", "+", self.actor_id, *codes],
                )
