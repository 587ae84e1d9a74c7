from django.apps import AppConfig


class CampaignsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "campaigns"
    # counted from the records, and what recounts it (see documents.apps)
    derived_tables = {"ParticipationSubtreeTally": "organisations.subtree_tallies.rebuild_all"}
