from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Appointment, CitizenGroup, Fulfilment, InvitationAnswer, Obligation


@admin.register(CitizenGroup)
class CitizenGroupAdmin(SimpleHistoryAdmin):
    list_display = ("name", "kind", "body", "region")
    list_filter = ("kind",)


@admin.register(Obligation)
class ObligationAdmin(SimpleHistoryAdmin):
    list_display = ("title", "body", "group", "part", "cadence", "valid_from", "valid_to")
    list_filter = ("part", "cadence")


@admin.register(Fulfilment)
class FulfilmentAdmin(SimpleHistoryAdmin):
    list_display = ("obligation", "date", "meeting", "item", "membership", "subject_body")


@admin.register(InvitationAnswer)
class InvitationAnswerAdmin(SimpleHistoryAdmin):
    list_display = ("subject_label", "body", "answer", "group", "date")


@admin.register(Appointment)
class AppointmentAdmin(SimpleHistoryAdmin):
    list_display = ("membership", "appointed_by", "term", "appointed_on")
