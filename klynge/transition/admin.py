"""Read-only views of plans and transfer records: plans are made and run on /overgang/ or the CLI."""

from django.contrib import admin

from .models import PlanRow, TransferRecord, TransitionPlan


class ReadOnly:
    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PlanRowInline(ReadOnly, admin.TabularInline):
    model = PlanRow
    extra = 0


@admin.register(TransitionPlan)
class TransitionPlanAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["name", "region", "date", "status", "is_demo", "run_at", "run_by_name"]
    list_filter = ["status", "is_demo", "region"]
    inlines = [PlanRowInline]


@admin.register(TransferRecord)
class TransferRecordAdmin(ReadOnly, admin.ModelAdmin):
    list_display = ["kind", "label", "from_body", "to_body", "date", "amount", "plan"]
    list_filter = ["kind", "plan"]
    search_fields = ["label"]
