from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from publishing.models import (
    AdvancedModel,
    Article,
    ArticleEvent,
    BulletinIssue,
    Category,
    ModelStage,
    Replication,
)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "sort_order"]
    prepopulated_fields = {"slug": ["name"]}


class ArticleEventInline(admin.TabularInline):
    model = ArticleEvent
    extra = 0
    readonly_fields = ["actor", "at", "from_status", "to_status", "comment"]
    can_delete = False


@admin.register(Article)
class ArticleAdmin(SimpleHistoryAdmin):
    list_display = ["title", "unit", "category", "status", "publish_at"]
    list_filter = ["status", "category"]
    search_fields = ["search_text", "slug"]
    raw_id_fields = ["unit", "author", "related_units", "advanced_models"]
    readonly_fields = ["status", "slug"]
    inlines = [ArticleEventInline]


class ModelStageInline(admin.TabularInline):
    model = ModelStage
    extra = 0
    readonly_fields = ["stage", "on", "moved_by", "note"]
    can_delete = False


class ReplicationInline(admin.TabularInline):
    model = Replication
    extra = 0
    raw_id_fields = ["unit"]


@admin.register(AdvancedModel)
class AdvancedModelAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "unit", "movement", "stage"]
    list_filter = ["stage", "movement", "field_of_work"]
    search_fields = ["search_text"]
    raw_id_fields = ["unit", "member", "created_by"]
    readonly_fields = ["stage", "stage_changed_on"]
    inlines = [ModelStageInline, ReplicationInline]


@admin.register(BulletinIssue)
class BulletinIssueAdmin(SimpleHistoryAdmin):
    list_display = ["title", "publisher", "year", "number", "status"]
    raw_id_fields = ["publisher", "created_by"]
