from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from resolutions.models import Clause, Resolution, Revision, Topic, Watch, WatchTerm


@admin.register(Topic)
class TopicAdmin(SimpleHistoryAdmin):
    list_display = ["name", "slug"]
    search_fields = ["name", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class RevisionInline(admin.TabularInline):
    model = Revision
    fields = ["label", "meeting", "adopted_on", "language", "is_published"]
    show_change_link = True
    extra = 0


@admin.register(Resolution)
class ResolutionAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "assembly", "number", "title"]
    list_filter = ["assembly", "topics"]
    search_fields = ["number", "title"]
    filter_horizontal = ["topics"]
    inlines = [RevisionInline]


class ClauseInline(admin.TabularInline):
    """Clauses are derived from the revision's text: shown, never edited here."""

    model = Clause
    fk_name = "revision"
    fields = ["order", "section_heading", "kind", "label", "text"]
    readonly_fields = fields
    can_delete = False
    extra = 0
    max_num = 0


@admin.register(Revision)
class RevisionAdmin(SimpleHistoryAdmin):
    list_display = ["resolution", "label", "adopted_on", "language", "is_published"]
    list_filter = ["is_published", "language", "resolution__assembly"]
    list_select_related = ["resolution"]
    search_fields = ["label", "resolution__number", "resolution__title"]
    autocomplete_fields = ["resolution", "meeting"]
    readonly_fields = ["parse_warning"]
    inlines = [ClauseInline]


@admin.register(Clause)
class ClauseAdmin(admin.ModelAdmin):
    list_display = ["revision", "section_heading", "label", "kind"]
    list_filter = ["kind"]
    list_select_related = ["revision__resolution"]
    search_fields = ["text"]
    readonly_fields = [f.name for f in Clause._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(WatchTerm)
class WatchTermAdmin(SimpleHistoryAdmin):
    list_display = ["pattern", "category", "language", "kind", "weight", "active"]
    list_filter = ["category", "language", "kind", "active"]
    search_fields = ["pattern", "note"]


@admin.register(Watch)
class WatchAdmin(SimpleHistoryAdmin):
    list_display = ["user", "resolution", "category", "term"]
    list_select_related = ["user", "resolution", "term"]
    autocomplete_fields = ["resolution", "term"]
