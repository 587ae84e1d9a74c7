"""Administration of the registry's reference data. Documents themselves are written through
the pages (the services keep numbers and the cascade right); the admin only reads them."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from documents.models import Document, DocumentType, ExternalBody


@admin.register(DocumentType)
class DocumentTypeAdmin(admin.ModelAdmin):
    list_display = ["name", "code", "is_plan", "code_in_symbol", "sort_order"]
    list_editable = ["sort_order"]


@admin.register(ExternalBody)
class ExternalBodyAdmin(admin.ModelAdmin):
    list_display = ["name", "short_name", "symbol"]
    search_fields = ["name", "short_name"]


@admin.register(Document)
class DocumentAdmin(SimpleHistoryAdmin):
    list_display = ["number_symbol", "doc_type", "issued_on", "status", "summary"]
    list_filter = ["status", "doc_type"]
    search_fields = ["search_text", "number_symbol"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
