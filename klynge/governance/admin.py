from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import DelegatedDecision, Delegation, ProcedureAnswer, WrittenProcedure


@admin.register(Delegation)
class DelegationAdmin(SimpleHistoryAdmin):
    list_display = ("body", "delegate", "valid_from", "valid_to")
    list_filter = ("body",)


@admin.register(DelegatedDecision)
class DelegatedDecisionAdmin(SimpleHistoryAdmin):
    list_display = ("delegation", "date", "decided_by")


class AnswerInline(admin.TabularInline):
    model = ProcedureAnswer
    extra = 0


@admin.register(WrittenProcedure)
class WrittenProcedureAdmin(SimpleHistoryAdmin):
    list_display = ("title", "body", "deadline", "status", "outcome")
    list_filter = ("status", "body")
    inlines = [AnswerInline]
