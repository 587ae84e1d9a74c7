"""Admin: rules are browsable; base salary rows can be added but never changed or deleted."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from awards.models import (
    AwardForm,
    AwardRecord,
    BaseSalary,
    Decision,
    NominationRound,
    PublicHoliday,
    RuleSet,
)


class MoneyCitationColumn:
    @admin.display(description=_("prize money from"))
    def money_citation(self, form: AwardForm) -> str:
        """Where the coefficients come from, per recipient when they differ, with the confidence."""
        return form.money_citation_text


# what a form pays whom, and where the amounts come from: in a rule set's forms and in the list of forms
FORM_MONEY_COLUMNS = [
    "recipient",
    "level",
    "coefficient_individual",
    "coefficient_collective",
    "money_citation",
    "verified",
]


class AwardFormInline(MoneyCitationColumn, admin.TabularInline):
    model = AwardForm
    fields = ["code", "name", *FORM_MONEY_COLUMNS]
    readonly_fields = ["money_citation"]
    extra = 0
    show_change_link = True


@admin.register(RuleSet)
class RuleSetAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "valid_from", "valid_to", "rounding_to", "verified"]
    inlines = [AwardFormInline]


@admin.register(AwardForm)
class AwardFormAdmin(MoneyCitationColumn, SimpleHistoryAdmin):
    list_display = ["name", "code", "rule_set", *FORM_MONEY_COLUMNS]
    list_filter = ["rule_set", "kind", "recipient", "verified", "money_confidence"]
    search_fields = ["name", "code"]


@admin.register(BaseSalary)
class BaseSalaryAdmin(admin.ModelAdmin):
    list_display = ["effective_from", "amount", "source", "verified"]

    def has_change_permission(self, request, obj=None):
        # the list is visible to those allowed to change rows at all; a saved row is never edited
        # (returning True for obj=None let any staff user without permissions open the list)
        return obj is None and super().has_change_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_readonly_fields(self, request, obj=None):
        return ["effective_from", "amount", "source", "verified", "note"] if obj else []


@admin.register(PublicHoliday)
class PublicHolidayAdmin(SimpleHistoryAdmin):
    """Each year's official days off, added by an administrator when the government announces them."""

    list_display = ["date", "name", "source"]
    date_hierarchy = "date"
    search_fields = ["name"]


@admin.register(NominationRound)
class NominationRoundAdmin(SimpleHistoryAdmin):
    list_display = ["title", "deciding_unit", "year", "deadline", "is_open"]


@admin.register(Decision)
class DecisionAdmin(SimpleHistoryAdmin):
    list_display = ["document", "decided_on", "status", "total_amount"]
    readonly_fields = [f.name for f in Decision._meta.fields]

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(AwardRecord)
class AwardRecordAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "year", "form_code", "source", "decision_ref", "revoked_at"]
    list_filter = ["source", "year", "level"]
    search_fields = ["search_text"]
    raw_id_fields = ["member", "unit", "decision", "nomination"]
