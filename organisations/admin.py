from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from organisations.models import Member, MemberImport, Unit, UnitType


@admin.register(UnitType)
class UnitTypeAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "may_have_members", "may_have_children", "is_active"]


@admin.register(Unit)
class UnitAdmin(SimpleHistoryAdmin):
    list_display = ["name", "code", "unit_type", "parent", "valid_to"]
    search_fields = ["name", "code", "search_text"]
    list_filter = ["unit_type"]
    raw_id_fields = ["parent", "merged_into"]
    readonly_fields = ["path", "depth"]


@admin.register(Member)
class MemberAdmin(SimpleHistoryAdmin):
    list_display = ["full_name", "code", "unit", "category", "status"]
    search_fields = ["search_text", "code"]
    list_filter = ["category", "status"]
    raw_id_fields = ["unit"]


@admin.register(MemberImport)
class MemberImportAdmin(admin.ModelAdmin):
    list_display = ["original_name", "unit", "status", "row_count", "imported_count", "created_at"]
