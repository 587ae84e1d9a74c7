from django.apps import AppConfig
from django.db.models.signals import post_migrate


def _keep_sqlite_word_index(sender, using, **kwargs):
    """A table remade by a later migration on SQLite loses its triggers: put them back."""
    from django.db import connections

    from documents import sqlite_words

    sqlite_words.install(connections[using])


class DocumentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "documents"
    # tables counted from the obligations, and what recounts them (core.backup restores an older
    # archive without them and recounts)
    derived_tables = {
        "PlanTally": "documents.tallies.rebuild_plan_tallies",
        "PlanSubtreeTally": "documents.tallies.rebuild_plan_tallies",
    }

    def ready(self):
        post_migrate.connect(_keep_sqlite_word_index, sender=self)
