"""On PostgreSQL, a trigram GIN index on the folded search text, so `search_text LIKE '%word%'`
uses an index instead of reading every document. Other databases (SQLite in development and
tests) keep the plain LIKE scan: nothing is created there and the migration still runs."""

from django.db import migrations

INDEX_NAME = "document_search_trgm"


def _index():
    from django.contrib.postgres.indexes import GinIndex

    return GinIndex(fields=["search_text"], name=INDEX_NAME, opclasses=["gin_trgm_ops"])


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    from django.contrib.postgres.operations import TrigramExtension

    TrigramExtension().database_forwards("documents", schema_editor, None, None)
    schema_editor.add_index(apps.get_model("documents", "Document"), _index())


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # The extension stays: other apps' indexes may use it.
    schema_editor.remove_index(apps.get_model("documents", "Document"), _index())


class Migration(migrations.Migration):
    dependencies = [("documents", "0003_seed_document_types")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
