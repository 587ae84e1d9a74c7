"""The registry's order as an index (every database), and on PostgreSQL the words of each document
as a full-text vector (documents.search).

`search_vector` is a stored generated column: the runs of [a-z0-9] of the folded `search_text`
as the lexemes of a `tsvector`, taken as they are (`array_to_tsvector`: no parser, no
dictionary), so a word means the same as on SQLite, where documents.search matches the same runs
with a regular expression. The vector and `search_text` are kept in the row (STORAGE MAIN; the body
goes to TOAST instead), so checking a word or a number/symbol on a row the registry reads in date
order costs no extra fetch. It is not a model field: Django
never selects or writes it, and PostgreSQL keeps it up to date. A GIN index answers the queries.
On other databases nothing is created."""

from django.db import migrations, models

WORDS = r"array_to_tsvector(string_to_array(btrim(regexp_replace(search_text, '[^a-z0-9]+', ' ', 'g')), ' '))"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(
        f"ALTER TABLE documents_document ADD COLUMN search_vector tsvector GENERATED ALWAYS AS ({WORDS}) STORED, "
        "ALTER COLUMN search_vector SET STORAGE MAIN, ALTER COLUMN search_text SET STORAGE MAIN"
    )
    schema_editor.execute("CREATE INDEX document_search_words ON documents_document USING gin (search_vector)")


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("ALTER TABLE documents_document DROP COLUMN search_vector, "  # drops its index too
                          "ALTER COLUMN search_text SET STORAGE EXTENDED")


class Migration(migrations.Migration):
    dependencies = [("documents", "0004_search_trigram_index")]

    operations = [
        migrations.AddIndex(
            model_name="document",
            index=models.Index(fields=["issued_on", "id"], name="document_issued_order"),
        ),
        migrations.RunPython(forwards, backwards, elidable=False),
    ]
