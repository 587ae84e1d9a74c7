"""On SQLite, the registry's words in an FTS5 table kept in step by triggers (documents.sqlite_words),
so a search's exact count is read from an index instead of a regular expression over every
document's text. On PostgreSQL nothing is created: it keeps its vector of migration 0005."""

from django.db import migrations


def forwards(apps, schema_editor):
    from documents import sqlite_words

    sqlite_words.install(schema_editor.connection)


def backwards(apps, schema_editor):
    from documents import sqlite_words

    sqlite_words.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("documents", "0008_reading_status")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
