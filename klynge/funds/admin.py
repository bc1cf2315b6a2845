from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import BudgetApproval, BudgetLine, DistributionShare, Grant, Initiative, OtherFunding, Spending, Transfer


@admin.register(Grant)
class GrantAdmin(SimpleHistoryAdmin):
    list_display = ["cluster", "year", "party", "amount"]
    list_filter = ["cluster", "year"]


@admin.register(Transfer)
class TransferAdmin(SimpleHistoryAdmin):
    list_display = ["cluster", "party", "from_year", "to_year", "amount"]
    list_filter = ["cluster"]


@admin.register(Initiative)
class InitiativeAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "cluster", "status", "project_owner"]
    list_filter = ["cluster", "status"]
    search_fields = ["number", "title"]


for model in (BudgetLine, BudgetApproval, DistributionShare, Spending, OtherFunding):
    admin.site.register(model, SimpleHistoryAdmin)
