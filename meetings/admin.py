from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from meetings.models import Group, Meeting


@admin.register(Group)
class GroupAdmin(SimpleHistoryAdmin):
    list_display = ["code", "name", "kind", "origin_code"]
    list_filter = ["kind"]
    search_fields = ["code", "name", "name_fr", "origin_code"]


@admin.register(Meeting)
class MeetingAdmin(SimpleHistoryAdmin):
    list_display = ["acronym", "name", "kind", "start_date", "end_date", "contribution_deadline"]
    list_filter = ["kind", "attendance"]
    list_select_related = ["organiser"]
    search_fields = ["acronym", "name", "place"]
    autocomplete_fields = ["organiser"]
    date_hierarchy = "start_date"
