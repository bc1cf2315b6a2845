"""Admin for the small records the meeting pages do not edit themselves: the decision that approved a
version of a body's composition. Items are chosen by number (raw id), so no item title is listed."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import CompositionApproval, MeetingRole


@admin.register(CompositionApproval)
class CompositionApprovalAdmin(SimpleHistoryAdmin):
    list_display = ["version", "item_id"]
    raw_id_fields = ["version", "item", "recommendation"]


@admin.register(MeetingRole)
class MeetingRoleAdmin(SimpleHistoryAdmin):
    list_display = ["meeting", "role", "person"]
    list_filter = ["role"]
    raw_id_fields = ["meeting", "person"]
