from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from . import models


@admin.register(models.AgreementKind)
class AgreementKindAdmin(SimpleHistoryAdmin):
    list_display = ["name", "plural", "sort_order"]


@admin.register(models.FrameworkAgreement)
class FrameworkAdmin(SimpleHistoryAdmin):
    list_display = ["title", "period_start", "period_end", "owner_body"]


@admin.register(models.CollaborationAgreement)
class AgreementAdmin(SimpleHistoryAdmin):
    list_display = ["title", "kind", "owner_body", "approved_on"]
    list_filter = ["kind"]
    search_fields = ["title"]
