"""The meeting cycle: meetings, agenda editor, minutes, proposals, matters, follow-up."""

from django.urls import path

from .views import followup, items, matters, meetings, minutes, personal

urlpatterns = [
    path("moeder/", meetings.calendar, name="calendar"),
    path("moeder/<int:pk>/", meetings.meeting_detail, name="meeting"),
    path("moeder/<int:pk>/rediger/", meetings.meeting_edit, name="meeting_edit"),
    path("moeder/<int:pk>/status/", meetings.meeting_status, name="meeting_status"),
    path("moeder/<int:pk>/punkter/ny/", items.item_add, name="item_add"),
    path("moeder/<int:pk>/raekkefoelge/", items.agenda_reorder, name="agenda_reorder"),
    path("moeder/<int:pk>/deltagere/", minutes.attendance, name="attendance"),
    path("moeder/<int:pk>/ret-referat/", minutes.revise_minutes, name="revise_minutes"),
    path("deltagelse/<int:pk>/slet/", minutes.attendance_delete, name="attendance_delete"),
    path("punkter/<int:pk>/rediger/", items.item_edit, name="item_edit"),
    path("punkter/<int:pk>/flyt/", items.item_move, name="item_move"),
    path("punkter/<int:pk>/slet/", items.item_delete, name="item_delete"),
    path("punkter/<int:pk>/referat/", minutes.item_minutes, name="item_minutes"),
    path("punkter/<int:pk>/kommentar/", minutes.item_comment, name="item_comment"),
    path("punkter/<int:pk>/bilag/ny/", items.attachment_add, name="attachment_add"),
    path("punkter/<int:pk>/opgaver/ny/", followup.task_add, name="task_add"),
    path("punkter/<int:pk>/foreslaa/", followup.propose, name="propose"),
    path("bilag/<int:pk>/", items.attachment_download, name="attachment"),
    path("bilag/<int:pk>/slet/", items.attachment_delete, name="attachment_delete"),
    path("opgaver/<int:pk>/afslut/", followup.task_close, name="task_close"),
    path("opgaver/<int:pk>/rediger/", followup.task_edit, name="task_edit"),
    path("opgaver/<int:pk>/i-gang/", followup.task_start, name="task_start"),
    path("moeder/<int:pk>/afbud/", personal.apologies, name="apologies"),
    path("mit-overblik/", personal.overview, name="overview"),
    path("mit-overblik/kalenderadresse/", personal.feed_renew, name="feed_renew"),
    path("mit-overblik/e-mails/", personal.mail_settings, name="mail_settings"),
    path("opfoelgning/", followup.followup_index, name="followup"),
    path("opfoelgning/<slug:slug>/", followup.followup, name="followup_cluster"),
    path("opfoelgning/<slug:slug>/afsluttede/", followup.followup_closed, name="followup_closed"),
    path("organer/<slug:slug>/moeder/", meetings.body_meetings, name="body_meetings"),
    path("organer/<slug:slug>/moeder/ny/", meetings.meeting_add, name="meeting_add"),
    path("organer/<slug:slug>/forslag/", followup.proposal_queue, name="proposals"),
    path("forslag/<int:pk>/", followup.proposal_decide, name="proposal_decide"),
    path("mine-forslag/", followup.my_proposals, name="my_proposals"),
    path("sager/", matters.matter_list, name="matters"),
    path("sager/<int:pk>/", matters.matter_detail, name="matter"),
]
