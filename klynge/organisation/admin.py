from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import (
    Affiliation,
    Body,
    BodyArea,
    BodyKind,
    BodyLevel,
    ChairRotation,
    CompositionVersion,
    ElectoralTerm,
    Mandate,
    Membership,
    Organisation,
    OrganisationSuccession,
    Person,
    SeatRule,
    Succession,
)


@admin.register(Organisation)
class OrganisationAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "parent", "region", "municipality_code"]
    list_filter = ["kind", "region"]
    search_fields = ["name", "short_name", "municipality_code", "sor_code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(BodyKind)
class BodyKindAdmin(SimpleHistoryAdmin):
    list_display = ["name", "groups_bodies", "sort_order"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(BodyLevel)
class BodyLevelAdmin(SimpleHistoryAdmin):
    list_display = ["name", "rank"]
    prepopulated_fields = {"slug": ["name"]}


class MandateInline(admin.StackedInline):
    model = Mandate
    fk_name = "body"
    extra = 0


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["person", "organisation"]


class ChairRotationInline(admin.TabularInline):
    model = ChairRotation
    extra = 0


class SuccessionInline(admin.TabularInline):
    model = Succession
    fk_name = "successor"
    extra = 0
    verbose_name = "forgænger"
    verbose_name_plural = "afløser (forgængere)"
    autocomplete_fields = ["predecessor"]


class BodyAreaInline(admin.TabularInline):
    model = BodyArea
    extra = 0


@admin.register(Body)
class BodyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "level", "parent", "active_from", "active_to"]
    list_filter = ["kind", "level", "region"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["member_organisations"]
    autocomplete_fields = ["parent"]
    inlines = [MandateInline, MembershipInline, ChairRotationInline, SuccessionInline, BodyAreaInline]


class AffiliationInline(admin.TabularInline):
    model = Affiliation
    extra = 0


@admin.register(Person)
class PersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "title", "email", "user"]
    search_fields = ["name", "title", "email"]
    inlines = [AffiliationInline]
    exclude = ["slug"]


@admin.register(Membership)
class MembershipAdmin(SimpleHistoryAdmin):
    list_display = ["person", "body", "role", "organisation", "start", "end"]
    list_filter = ["role", "body"]
    search_fields = ["person__name", "body__name"]
    autocomplete_fields = ["person", "body", "organisation"]


@admin.register(Mandate)
class MandateAdmin(SimpleHistoryAdmin):
    list_display = ["body", "title", "valid_from", "valid_to", "approved_by", "approved_on"]
    list_filter = ["body"]


@admin.register(OrganisationSuccession)
class OrganisationSuccessionAdmin(SimpleHistoryAdmin):
    list_display = ["successor", "predecessor", "date"]


@admin.register(ElectoralTerm)
class ElectoralTermAdmin(SimpleHistoryAdmin):
    list_display = ["name", "kind", "start", "end"]
    list_filter = ["kind"]


class SeatRuleInline(admin.TabularInline):
    model = SeatRule
    extra = 0
    autocomplete_fields = ["party", "appointed_by"]


@admin.register(CompositionVersion)
class CompositionVersionAdmin(SimpleHistoryAdmin):
    list_display = ["body", "valid_from", "valid_to", "source"]
    list_filter = ["body"]
    inlines = [SeatRuleInline]
