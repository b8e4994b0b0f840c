from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from contributions.admin_import import ImportAdminMixin
from contributions.models import (
    ClauseChange,
    Contribution,
    Organisation,
    Proposal,
    Submission,
    Verdict,
)


class SubmissionInline(admin.TabularInline):
    model = Submission
    autocomplete_fields = ["group"]
    extra = 0


class ProposalInline(admin.TabularInline):
    model = Proposal
    fields = ["order", "action", "identifier", "resolution", "base_revision", "highest_severity"]
    readonly_fields = ["highest_severity"]
    autocomplete_fields = ["resolution", "base_revision"]
    show_change_link = True
    extra = 0


@admin.register(Contribution)
class ContributionAdmin(ImportAdminMixin, SimpleHistoryAdmin):
    list_display = ["number", "meeting", "title", "visibility", "date"]
    list_filter = ["visibility", "meeting", "language"]
    list_select_related = ["meeting"]
    search_fields = ["number", "title", "abstract"]
    autocomplete_fields = ["meeting"]
    # The file comes in through the import page; staff download it through a permission check.
    exclude = ["source_file"]
    readonly_fields = ["source_file_link", "content_hash", "imported_by", "created", "updated"]
    inlines = [SubmissionInline, ProposalInline]


@admin.register(Submission)
class SubmissionAdmin(SimpleHistoryAdmin):
    list_display = ["contribution", "group", "role"]
    list_select_related = ["contribution__meeting", "group"]
    autocomplete_fields = ["contribution", "group"]


class ClauseChangeInline(admin.TabularInline):
    """The stored comparison: computed at import, read-only here."""

    model = ClauseChange
    fields = ["order", "kind", "section", "old_label", "new_label", "highest_severity"]
    readonly_fields = fields
    can_delete = False
    extra = 0
    max_num = 0


@admin.register(Proposal)
class ProposalAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "action", "resolution", "highest_severity", "status"]
    list_filter = ["action", "highest_severity", "status", "contribution__meeting"]
    list_select_related = ["contribution__meeting", "resolution"]
    search_fields = ["identifier", "contribution__number", "resolution__number"]
    autocomplete_fields = ["contribution", "resolution", "base_revision"]
    readonly_fields = ["score", "highest_severity"]
    inlines = [ClauseChangeInline]


@admin.register(ClauseChange)
class ClauseChangeAdmin(admin.ModelAdmin):
    list_display = ["proposal", "kind", "section", "new_label", "highest_severity"]
    list_filter = ["kind", "operative", "highest_severity"]
    list_select_related = ["proposal__contribution__meeting", "proposal__resolution"]
    readonly_fields = [f.name for f in ClauseChange._meta.fields]

    def has_add_permission(self, request):
        return False


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name"]
    search_fields = ["name"]
    filter_horizontal = ["members"]


@admin.register(Verdict)
class VerdictAdmin(SimpleHistoryAdmin):
    list_display = ["proposal", "change", "organisation", "value", "updated_by", "updated"]
    list_filter = ["value", "organisation"]
    list_select_related = ["proposal__contribution__meeting", "organisation", "updated_by"]
    raw_id_fields = ["proposal", "change"]
    readonly_fields = ["version", "updated_by", "updated"]
