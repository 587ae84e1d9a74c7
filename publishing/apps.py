from django.apps import AppConfig


class PublishingConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "publishing"
    # counted from the records, and what recounts it (see documents.apps)
    derived_tables = {"ArticleSubtreeTally": "organisations.subtree_tallies.rebuild_all"}

    def ready(self):
        from publishing import portal_cache

        portal_cache.connect()
