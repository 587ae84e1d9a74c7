from django.apps import AppConfig


class OrganisationsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "organisations"
    # counted from the members, and what recounts it (see documents.apps)
    derived_tables = {"MemberTally": "organisations.tallies.rebuild_member_tallies"}
