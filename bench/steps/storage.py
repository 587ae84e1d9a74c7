"""Bytes per row of the big tables (pg_total_relation_size: heap, TOAST and indexes) and the whole
database, for docs/scaling.md. Usage: python -m bench.steps.storage OUT.json SIZE"""

from __future__ import annotations

import sys

from bench.common import Result, setup_django, write_results

TABLES = [
    "organisations_member",
    "organisations_historicalmember",
    "organisations_unit",
    "documents_document",
    "documents_obligation",
    "documents_recipient",
    "awards_nomination",
    "publishing_article",
]


def main(out: str, size: int) -> None:
    setup_django()
    from django.db import connection

    group = f"storage (PostgreSQL, {size} units)"
    results = []
    existing = set(connection.introspection.table_names())
    with connection.cursor() as cursor:
        for table in TABLES:
            if table not in existing:
                continue
            cursor.execute(
                f"SELECT COUNT(*), pg_total_relation_size(%s), pg_indexes_size(%s) FROM {table}",
                [table, table],
            )
            rows, total, indexes = cursor.fetchone()
            if rows:
                results.append(
                    Result(
                        f"bytes per row: {table}",
                        round(total / rows, 1),
                        "B",
                        group=group,
                        note=f"{rows:,} rows, {total / 2**20:,.1f} MB of which indexes "
                        f"{indexes / 2**20:,.1f} MB",
                        extra={"rows": rows, "bytes": total, "index_bytes": indexes},
                    )
                )
        cursor.execute("SELECT pg_database_size(current_database())")
        database = cursor.fetchone()[0]
        cursor.execute("SELECT COUNT(*) FROM organisations_member")
        members = cursor.fetchone()[0]
    results.append(
        Result(
            "database bytes per member (everything / members)",
            round(database / members, 1),
            "B",
            group=group,
            note=f"{database / 2**20:,.0f} MB for {members:,} members",
            extra={"bytes": database, "members": members},
        )
    )
    write_results(out, results)


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
