"""/oparl/v1/: the OParl 1.1 read API (see docs/oparl.md)."""

from django.urls import path

from . import views

app_name = "oparl"

urlpatterns = [
    path("", views.system, name="system"),
    path("bodies", views.body_list, name="body_list"),
    path("bodies/<slug:slug>", views.body, name="body"),
    path("bodies/<slug:slug>/organizations", views.body_organizations, name="body_organizations"),
    path("bodies/<slug:slug>/persons", views.body_persons, name="body_persons"),
    path("bodies/<slug:slug>/memberships", views.body_memberships, name="body_memberships"),
    path("bodies/<slug:slug>/meetings", views.body_meetings, name="body_meetings"),
    path("bodies/<slug:slug>/locations", views.body_locations, name="body_locations"),
    path("bodies/<slug:slug>/agenda-items", views.body_agenda_items, name="body_agenda_items"),
    path("bodies/<slug:slug>/consultations", views.body_consultations, name="body_consultations"),
    path("bodies/<slug:slug>/papers", views.body_papers, name="body_papers"),
    path("bodies/<slug:slug>/files", views.body_files, name="body_files"),
    path("bodies/<slug:slug>/legislative-terms", views.body_legislative_terms, name="body_legislative_terms"),
    path("organizations/<slug:slug>", views.organization, name="organization"),
    path("organizations/<slug:slug>/meetings", views.organization_meetings, name="organization_meetings"),
    path("organizations/<slug:slug>/consultations", views.organization_consultations,
         name="organization_consultations"),
    path("persons/<slug:slug>", views.person, name="person"),
    path("memberships/<int:pk>", views.membership, name="membership"),
    path("meetings/<int:pk>", views.meeting, name="meeting"),
    path("meetings/<int:pk>/files/<slug:document>", views.meeting_file, name="meeting_file"),
    path("meetings/<int:pk>/files/<slug:document>/content", views.meeting_file_content, name="meeting_file_content"),
    path("locations/<int:pk>", views.location, name="location"),
    path("agenda-items/<int:pk>", views.agenda_item, name="agenda_item"),
    path("consultations/<int:pk>", views.consultation, name="consultation"),
    path("papers/<int:pk>", views.paper, name="paper"),
    path("files/<int:pk>", views.file, name="file"),
    path("legislative-terms/<int:pk>", views.legislative_term, name="legislative_term"),
]
