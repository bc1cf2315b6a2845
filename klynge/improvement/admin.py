from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Cohort, Deadline, Programme, SeatAllocation, Team, TeamMember


@admin.register(Programme)
class ProgrammeAdmin(SimpleHistoryAdmin):
    list_display = ("name", "slug", "body")
    prepopulated_fields = {"slug": ("name",)}


class SeatInline(admin.TabularInline):
    model = SeatAllocation
    extra = 0


class DeadlineInline(admin.TabularInline):
    model = Deadline
    extra = 0
    raw_id_fields = ("item",)


@admin.register(Cohort)
class CohortAdmin(SimpleHistoryAdmin):
    list_display = ("programme", "number", "start", "end")
    list_filter = ("programme",)
    inlines = [SeatInline, DeadlineInline]


class MemberInline(admin.TabularInline):
    model = TeamMember
    extra = 0
    raw_id_fields = ("person",)


@admin.register(Team)
class TeamAdmin(SimpleHistoryAdmin):
    list_display = ("name", "cohort", "cluster", "status")
    list_filter = ("status", "cohort__programme", "cluster")
    raw_id_fields = ("reports",)
    filter_horizontal = ("initiatives",)
    inlines = [MemberInline]
