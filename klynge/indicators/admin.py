from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Area, Goal, Indicator, Point, Series


@admin.register(Goal)
class GoalAdmin(SimpleHistoryAdmin):
    list_display = ["title", "focus_area"]
    search_fields = ["title", "focus_area"]


@admin.register(Indicator)
class IndicatorAdmin(SimpleHistoryAdmin):
    list_display = ["name", "unit", "desired_direction", "frequency", "level", "age_bands", "sort_order"]
    list_filter = ["unit", "desired_direction", "frequency", "level"]
    search_fields = ["name", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["goals"]


@admin.register(Area)
class AreaAdmin(SimpleHistoryAdmin):
    list_display = ["name", "level", "region", "slug"]
    list_filter = ["level"]
    search_fields = ["name", "slug"]
    raw_id_fields = ["organisation", "body", "region"]


class PointInline(admin.TabularInline):
    model = Point
    extra = 0
    fields = ["period", "value", "numerator", "denominator"]


@admin.register(Series)
class SeriesAdmin(SimpleHistoryAdmin):
    list_display = ["indicator", "area", "age_band", "synthetic"]
    list_filter = ["synthetic", "indicator", "area__level"]
    search_fields = ["indicator__name", "area__name"]
    inlines = [PointInline]
