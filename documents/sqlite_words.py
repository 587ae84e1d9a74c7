"""SQLite's index of the registry's words: an FTS5 table over `Document.search_text`, kept in step
by triggers (documents.search answers `has_words` from it on SQLite; PostgreSQL has its own
generated vector, migration 0005, and none of this is created there).

The index keeps which documents hold each word, not where in them (`detail=column`): a search
never asks for a phrase, and the index is 29% smaller (43 MB against 61 MB for 100,000 documents),
which is what a search read from a cold file pays for (migration 0011).

The table holds no text of its own (`content='documents_document'`): the triggers give it each
row's words on insert, update of `search_text` and delete. Its tokenizer (`unicode61`) cuts the
folded text at every character that is not a letter or a digit, as PostgreSQL's vector cuts it
at every character outside [a-z0-9]; the two differ only on letters and digits outside ASCII that
folding leaves (“ø”, “²”), which Vietnamese documents do not hold.

Django remakes a table on SQLite to alter it (a new table copied and renamed), and the old
table's triggers go with it: `install` is therefore run again after every `migrate`
(documents.apps), and rebuilds the index whenever it had to recreate a trigger."""

from django.db.backends.base.base import BaseDatabaseWrapper

TABLE = "documents_document_words"
TRIGGERS = {
    f"{TABLE}_insert": f"""AFTER INSERT ON documents_document BEGIN
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END""",
    f"{TABLE}_delete": f"""AFTER DELETE ON documents_document BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text); END""",
    f"{TABLE}_update": f"""AFTER UPDATE OF search_text ON documents_document BEGIN
        INSERT INTO {TABLE}({TABLE}, rowid, search_text) VALUES ('delete', old.id, old.search_text);
        INSERT INTO {TABLE}(rowid, search_text) VALUES (new.id, new.search_text); END""",
}


def install(connection: BaseDatabaseWrapper) -> bool:
    """Create the table and its triggers where missing and fill the table from the documents
    when anything was missing (True then). Does nothing on other databases."""
    if connection.vendor != "sqlite":
        return False
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name FROM sqlite_master WHERE name = %s OR name LIKE %s", [TABLE, f"{TABLE}_%"]
        )
        present = {row[0] for row in cursor.fetchall()}
        if {TABLE, *TRIGGERS} <= present:
            return False
        if "documents_document" not in connection.introspection.table_names(cursor):
            return False  # before documents' first migration
        if TABLE not in present:
            cursor.execute(
                f"CREATE VIRTUAL TABLE {TABLE} USING fts5(search_text, content='documents_document', "
                "content_rowid='id', tokenize='unicode61 remove_diacritics 2', detail=column)"
            )
        for name, body in TRIGGERS.items():
            if name not in present:
                cursor.execute(f"CREATE TRIGGER {name} {body}")
        cursor.execute(f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')")
    return True


def uninstall(connection: BaseDatabaseWrapper) -> None:
    if connection.vendor != "sqlite":
        return
    with connection.cursor() as cursor:
        for name in TRIGGERS:
            cursor.execute(f"DROP TRIGGER IF EXISTS {name}")
        cursor.execute(f"DROP TABLE IF EXISTS {TABLE}")
