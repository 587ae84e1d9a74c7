"""Fast bulk writes for the generator: rows go to the database as tuples (COPY on PostgreSQL,
executemany on SQLite), with ids chosen here so that foreign keys need no read-back.

A `Table` is told which fields the generator fills; every other column gets the field's own
default once (auto_now -> the generation time, nullable -> NULL). A field added later by an app
with neither a default nor null=True stops that app's generator with a clear message, and the
other apps' generators go on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from contextlib import contextmanager

from django.db import connection, models
from django.utils import timezone

GENERATED_AT = timezone.now().replace(microsecond=0)


class MissingColumn(Exception):
    """A required column the generator does not know how to fill."""


def next_id(model) -> int:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) FROM {connection.ops.quote_name(model._meta.db_table)}")
        return cursor.fetchone()[0] + 1


def has_field(model, name: str) -> bool:
    try:
        model._meta.get_field(name)
    except Exception:  # noqa: BLE001 - FieldDoesNotExist
        return False
    return True


class Table:
    """Bulk writer for one model: `Table(Member, ["id", "code", ...]).write(rows)`."""

    def __init__(self, model, fields: Sequence[str]):
        self.model = model
        meta = model._meta
        self.table = meta.db_table
        by_name = {}
        for field in meta.concrete_fields:
            by_name[field.name] = field
            by_name[field.attname] = field
        unknown = [name for name in fields if name not in by_name]
        if unknown:
            raise MissingColumn(
                f"{meta.label} has no field(s) {', '.join(unknown)}: the generator is out of date"
            )
        self.fields = [by_name[name] for name in fields]
        provided = {f.attname for f in self.fields}
        self.constants: list[tuple[models.Field, object]] = []
        for field in meta.concrete_fields:
            if field.attname in provided:
                continue
            self.constants.append((field, _default_for(field)))
        self.columns = [f.column for f in self.fields] + [f.column for f, _ in self.constants]
        self.sqlite = connection.vendor == "sqlite"
        constant_values = [_to_db(field, value, self.sqlite) for field, value in self.constants]
        self.constant_values = tuple(constant_values)
        # Only dates, datetimes and JSON need converting per row (SQLite stores them as text).
        self.converters = [_converter(field, self.sqlite) for field in self.fields]
        self.count = 0

    def write(self, rows: Iterable[Sequence]) -> int:
        quoted = ", ".join(connection.ops.quote_name(c) for c in self.columns)
        table = connection.ops.quote_name(self.table)
        constants = self.constant_values
        converters = self.converters
        needs_conversion = any(c is not None for c in converters)
        written = 0
        with connection.cursor() as cursor:
            if self.sqlite:
                placeholders = ", ".join("?" * len(self.columns))
                sql = f"INSERT INTO {table} ({quoted}) VALUES ({placeholders})"
                raw = cursor.cursor if hasattr(cursor, "cursor") else cursor
                batch: list[tuple] = []
                for row in rows:
                    if needs_conversion:
                        row = tuple(
                            v if c is None or v is None else c(v)
                            for v, c in zip(row, converters, strict=True)
                        )
                    batch.append(tuple(row) + constants)
                    if len(batch) >= 5000:
                        raw.executemany(sql, batch)
                        written += len(batch)
                        batch.clear()
                if batch:
                    raw.executemany(sql, batch)
                    written += len(batch)
            else:
                raw = cursor.cursor
                with raw.copy(f"COPY {table} ({quoted}) FROM STDIN") as copy:
                    for row in rows:
                        if needs_conversion:
                            row = tuple(
                                v if c is None or v is None else c(v)
                                for v, c in zip(row, converters, strict=True)
                            )
                        copy.write_row(tuple(row) + constants)
                        written += 1
        self.count += written
        return written


@contextmanager
def indexes_dropped(*models_):
    """On PostgreSQL, drop the plain indexes of these tables (not those behind constraints) while
    loading, and build them again after: one CREATE INDEX is many times faster than keeping a
    trigram or text index up to date row by row."""
    if connection.vendor != "postgresql":
        yield
        return
    tables = [m._meta.db_table for m in models_]
    with connection.cursor() as cursor:
        cursor.execute(
            """SELECT i.relname, pg_get_indexdef(x.indexrelid) FROM pg_index x
               JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_class t ON t.oid = x.indrelid
               WHERE t.relname = ANY(%s) AND NOT x.indisprimary
               AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = x.indexrelid)""",
            [tables],
        )
        definitions = cursor.fetchall()
        for name, _ in definitions:
            cursor.execute(f'DROP INDEX "{name}"')
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # check the deferred foreign keys now
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            for _, definition in definitions:
                cursor.execute(definition)


def _default_for(field: models.Field):
    if field.primary_key:
        raise MissingColumn(f"{field.model._meta.label}.{field.name}: ids are chosen by the generator")
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return (
            GENERATED_AT.date()
            if isinstance(field, models.DateField) and not isinstance(field, models.DateTimeField)
            else GENERATED_AT
        )
    if field.has_default():
        return field.get_default()
    if getattr(field, "db_default", models.NOT_PROVIDED) is not models.NOT_PROVIDED:
        raise MissingColumn(f"{field.model._meta.label}.{field.name} has only a database default")
    if field.null:
        return None
    if isinstance(field, (models.CharField, models.TextField)) and field.blank:
        return ""
    if isinstance(field, models.FileField):
        return ""
    raise MissingColumn(
        f"{field.model._meta.label}.{field.name} is required and has no default: teach bench/generate about it"
    )


def _to_db(field: models.Field, value, sqlite: bool):
    if value is None:
        return None
    if isinstance(field, models.JSONField):
        return field.get_db_prep_save(value, connection)
    if isinstance(field, models.FileField):
        return str(value or "")
    converter = _converter(field, sqlite)
    return converter(value) if converter else value


def _converter(field: models.Field, sqlite: bool):
    if isinstance(field, models.JSONField):
        return lambda v: field.get_db_prep_save(v, connection)
    if not sqlite:
        return None
    if isinstance(field, models.DateTimeField):
        return _sqlite_datetime
    if isinstance(field, models.DateField):
        return _sqlite_date
    if isinstance(field, models.DecimalField):
        return str
    return None


def _sqlite_datetime(value):
    if isinstance(value, dt.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(dt.UTC).replace(tzinfo=None)
        return value.isoformat(" ")
    return value


def _sqlite_date(value):
    return value.isoformat() if isinstance(value, dt.date) else value


def finish(models_written: Iterable) -> None:
    """Move PostgreSQL's id sequences past the ids the generator chose, and refresh statistics."""
    if connection.vendor != "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        return
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for model in models_written:
            table = model._meta.db_table
            if table not in existing:  # an app's model whose migration is not written yet
                continue
            cursor.execute(
                "SELECT setval(pg_get_serial_sequence(%s, 'id'), GREATEST((SELECT COALESCE(MAX(id), 0) FROM "
                f"{connection.ops.quote_name(table)}), 1))",
                [table],
            )
        cursor.execute("ANALYZE")
